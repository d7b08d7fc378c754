// Parky under concurrency, through PostgREST-style requests on separate connections:
// the rating summary stays exact when reviews of one lot are moderated at the same time, a
// duplicated post_review (same client_request_id) writes one review, and simultaneous saves of a
// lot by one user leave one row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, rpc, user, type Sql } from '../lib/postgrest.ts';

const db = connect();
const pool: Sql[] = [connect(), connect(), connect(), connect()];
const lotId = crypto.randomUUID();
const adminId = crypto.randomUUID();
const userIds = Array.from({ length: 8 }, () => crypto.randomUUID());

beforeAll(async () => {
  for (const id of [adminId, ...userIds]) {
    await db`insert into auth.users (id, aud, role, email, created_at, updated_at)
             values (${id}, 'authenticated', 'authenticated', ${`${id}@example.com`}, now(), now())`;
  }
  await db`insert into parky.admins (user_id) values (${adminId})`;
  await db`insert into parky.parking_lots (id, name, prefecture, location, status)
           values (${lotId}, 'Concurrency lot', 'tokyo', 'SRID=4326;POINT(153.95 24.30)', 'active')`;
});

afterAll(async () => {
  const everyone = [adminId, ...userIds];
  await db`delete from parky.parking_reviews where parking_lot_id = ${lotId}`;
  await db`delete from parky.user_saved_parkings where parking_lot_id = ${lotId}`;
  await db`delete from parky.parking_lots where id = ${lotId}`;
  await db`delete from private.idempotency_keys where caller_id = any(${everyone}::uuid[])`;
  await db`delete from auth.users where id = any(${everyone}::uuid[])`;
  await db`delete from parky.app_users where id = any(${everyone}::uuid[])`;
  await Promise.all([db.end(), ...pool.map((c) => c.end())]);
});

describe('parky under concurrency', () => {
  it('a duplicated post_review writes one review and replays it', async () => {
    const requestId = crypto.randomUUID();
    const args = { p_client_request_id: requestId, p_lot_id: lotId, p_rating: 5, p_comment: 'Great' };
    const [a, b] = await Promise.all([
      rpc<{ id: string; replayed?: boolean }>(pool[0], user(userIds[0]), 'parky', 'post_review', args, { commit: true }),
      rpc<{ id: string; replayed?: boolean }>(pool[1], user(userIds[0]), 'parky', 'post_review', args, { commit: true }),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.replayed, b.replayed].filter(Boolean)).toHaveLength(1);
    const [{ n }] = await db`select count(*)::int as n from parky.parking_reviews where user_id = ${userIds[0]}`;
    expect(n).toBe(1);
  });

  it('approving reviews of one lot at the same time keeps the summary exact', async () => {
    for (const [i, id] of userIds.slice(1).entries()) {
      await rpc(pool[0], user(id), 'parky', 'post_review',
        { p_client_request_id: crypto.randomUUID(), p_lot_id: lotId, p_rating: 1 + (i % 5) }, { commit: true });
    }
    const reviews = await db`select id from parky.parking_reviews where parking_lot_id = ${lotId} and status = 'pending'`;
    await Promise.all(reviews.map((r, i) => rpc(pool[i % pool.length], user(adminId), 'parky', 'moderate_review',
      { p_client_request_id: crypto.randomUUID(), p_review_id: r.id, p_decision: 'approved' }, { commit: true })));
    const [lot] = await db`select rating_count, rating_sum from parky.parking_lots where id = ${lotId}`;
    const [truth] = await db`select count(*)::int as count, sum(rating)::int as sum from parky.parking_reviews
                             where parking_lot_id = ${lotId} and status = 'approved' and deleted_at is null`;
    expect(truth.count).toBe(8);
    expect([lot.rating_count, lot.rating_sum]).toEqual([truth.count, truth.sum]);
  });

  it('simultaneous saves of one lot by one user leave one row', async () => {
    const results = await Promise.all(pool.map((c) => rpc<{ created: boolean }>(c, user(userIds[1]), 'parky', 'save_parking_lot',
      { p_client_request_id: crypto.randomUUID(), p_lot_id: lotId }, { commit: true })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const [{ n }] = await db`select count(*)::int as n from parky.user_saved_parkings where parking_lot_id = ${lotId}`;
    expect(n).toBe(1);
  });
});
