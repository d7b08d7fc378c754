// Write caps under concurrency: many requests of one user racing for the last free places
// (each request its own committed transaction, as PostgREST runs them). The advisory lock of
// prompty_private.enforce_write_limit must let exactly the free places through.
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRequest, user } from '../lib/postgrest.ts';

const sql = postgres(process.env.SUPABASE_DB_URL!, { max: 12, onnotice: () => {} });
const domain = 'write-limits.vitest.example';
const busy = randomUUID();
const calm = randomUUID();

beforeAll(async () => {
  for (const [i, id] of [busy, calm].entries()) {
    await sql`insert into auth.users (id, aud, role, email, raw_user_meta_data, created_at, updated_at)
              values (${id}, 'authenticated', 'authenticated', ${`u${i}@${domain}`}, '{}'::jsonb, now(), now())`;
  }
  await sql`insert into prompty.drafts (author_id, title) select ${busy}, 'draft ' || i from generate_series(1, 97) i`;
});

afterAll(async () => {
  await sql`delete from auth.users where email like ${`%@${domain}`}`;
  await sql.end();
});

const insertDraft = (userId: string) =>
  asRequest(sql, user(userId), (tx) => tx`insert into prompty.drafts (title) values ('racing')`, { commit: true })
    .then(() => 'ok', (error: { code?: string }) => error.code);

describe('draft cap', () => {
  it('lets exactly the 3 free places through when 10 requests race for them', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => insertDraft(busy)));
    expect(results.filter((r) => r === 'ok')).toHaveLength(3);
    expect(results.filter((r) => r === 'PT191')).toHaveLength(7);
    const [{ count }] = await sql`select count(*) from prompty.drafts where author_id = ${busy}`;
    expect(count).toBe('100');
  });

  it('is per user: another user still writes a draft', async () => {
    expect(await insertDraft(calm)).toBe('ok');
  });
});
