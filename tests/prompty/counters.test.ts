// Slotted counters under concurrency: many connections liking, unliking, following at once
// (each request its own committed transaction, as PostgREST runs them), with the fold job
// running in between. The counters must equal count(*) of the rows afterwards, and follows in
// both directions at once must not deadlock.
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rpc, user } from '../lib/postgrest.ts';

const sql = postgres(process.env.SUPABASE_DB_URL!, { max: 16, onnotice: () => {} });
const domain = 'counters.vitest.example';
const users: string[] = Array.from({ length: 40 }, () => randomUUID());
const promptId = randomUUID();

beforeAll(async () => {
  for (const [i, id] of users.entries()) {
    await sql`insert into auth.users (id, aud, role, email, raw_user_meta_data, created_at, updated_at)
              values (${id}, 'authenticated', 'authenticated', ${`u${i}@${domain}`}, '{}'::jsonb, now(), now())`;
  }
  await sql`insert into prompty.prompts (id, author_id, title, content) values (${promptId}, ${users[0]}, 'Viral prompt', 'long enough content')`;
});

afterAll(async () => {
  await sql`delete from auth.users where email like ${`%@${domain}`}`;
  await sql.end();
});

const commit = { commit: true };
const likeCount = async () => (await sql`select like_count from prompty.prompt_stats where prompt_id = ${promptId}`)[0].like_count;
const likeRows = async () => (await sql`select count(*) from prompty.likes where prompt_id = ${promptId}`)[0].count;

describe('prompt like counters', () => {
  it('stay exact with 40 users liking one prompt at once, twice each, while the fold runs', async () => {
    const likes = users.flatMap((id) => [id, id]).map((id) => rpc(sql, user(id), 'prompty', 'like_prompt', { p_prompt_id: promptId }, commit));
    const folds = Array.from({ length: 5 }, () => sql`select prompty_private.fold_counters()`);
    await Promise.all([...likes, ...folds]);
    expect(await likeRows()).toBe('40');
    expect(await likeCount()).toBe('40');
  });

  it('stay exact when half unlike (some twice) and others like again, concurrently', async () => {
    const unlikes = users.slice(0, 20).flatMap((id) => [id, id])
      .map((id) => rpc(sql, user(id), 'prompty', 'unlike_prompt', { p_prompt_id: promptId }, commit));
    const relikes = users.slice(20).map((id) => rpc(sql, user(id), 'prompty', 'like_prompt', { p_prompt_id: promptId }, commit));
    await Promise.all([...unlikes, ...relikes, sql`select prompty_private.fold_counters()`]);
    expect(await likeRows()).toBe('20');
    expect(await likeCount()).toBe('20');
    await sql`select prompty_private.fold_counters()`;
    expect(await likeCount()).toBe('20');
  });
});

describe('follow counters', () => {
  it('do not deadlock when pairs follow each other at the same moment, and stay exact', async () => {
    const pairs = Array.from({ length: 20 }, (_, i) => [users[i], users[39 - i]]);
    await Promise.all(pairs.flatMap(([a, b]) => [
      rpc(sql, user(a), 'prompty', 'follow_user', { p_user_id: b }, commit),
      rpc(sql, user(b), 'prompty', 'follow_user', { p_user_id: a }, commit),
    ]));
    const mismatches = await sql`
      select s.profile_id from prompty.profile_stats s
      where s.profile_id = any(${users})
        and (s.follower_count <> (select count(*) from prompty.follows f where f.following_id = s.profile_id)
             or s.following_count <> (select count(*) from prompty.follows f where f.follower_id = s.profile_id))`;
    expect(mismatches).toHaveLength(0);
    const [{ count }] = await sql`select count(*) from prompty.follows where follower_id = any(${users})`;
    expect(count).toBe('40');
  });
});
