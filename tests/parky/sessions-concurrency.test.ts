// Two connections end the same parking session at once: it is charged exactly once.
import { afterAll, describe, expect, it } from 'vitest';
import { asRequest, connect, rpc, user } from '../lib/postgrest.ts';

const admin = connect();
const first = connect();
const second = connect();
afterAll(() => Promise.all([admin.end(), first.end(), second.end()]));

const flatTariff = {
  timezone: 'Asia/Tokyo', unit_boundary: 'unit_start', grace: null,
  rules: [{ day_of_week: [0, 1, 2, 3, 4, 5, 6, 7], start_time: '00:00', end_time: '00:00', unit_minutes: 10,
            unit_price: 100, cap_minutes: null, cap_price: null, cap_repeat: true, priority: 1 }],
};

/** A user and a lot with a flat tariff, committed (the two connections must see them). */
async function setUp() {
  const userId = crypto.randomUUID();
  const lotId = crypto.randomUUID();
  await admin.begin(async (tx) => {
    await tx`insert into auth.users (id, aud, role, email, created_at, updated_at)
             values (${userId}, 'authenticated', 'authenticated', ${userId + '@example.com'}, now(), now())`;
    await tx`insert into parky.parking_lots (id, name, prefecture, location, status, source)
             values (${lotId}, 'Concurrency lot', 'tokyo', 'SRID=4326;POINT(139.70 35.66)', 'active', 'admin')`;
    await tx`insert into parky.parking_lot_pricing_rules (parking_lot_id, day_of_week, start_time, end_time, unit_minutes, unit_price, priority)
             values (${lotId}, '{0,1,2,3,4,5,6,7}', '00:00', '00:00', 10, 100, 1)`;
  });
  return { userId, lotId };
}

async function tearDown({ userId, lotId }: { userId: string; lotId: string }) {
  await admin.begin(async (tx) => {
    await tx`delete from parky.user_activity_logs where user_id = ${userId}`;
    await tx`delete from parky.parking_sessions where user_id = ${userId}`;
    await tx`delete from parky.parking_lots where id = ${lotId}`;
    await tx`delete from private.idempotency_keys where caller_id = ${userId}`;
    await tx`delete from parky.app_users where id = ${userId}`;
    await tx`delete from auth.users where id = ${userId}`;
  });
}

describe('ending a parking session concurrently', () => {
  it('charges once: one end succeeds, the other is refused with PK212', async () => {
    const ids = await setUp();
    try {
      const caller = user(ids.userId);
      const session = await rpc<{ id: string }>(admin, caller, 'parky', 'start_parking_session',
        { p_client_request_id: crypto.randomUUID(), p_lot_id: ids.lotId }, { commit: true });
      await admin`update parky.parking_sessions set started_at = now() - interval '35 minutes', tariff_snapshot = ${admin.json(flatTariff)}
                  where id = ${session.id}`;

      const end = (sql: typeof first) => asRequest(sql, caller, (tx) =>
        tx`select parky.end_parking_session(${crypto.randomUUID()}, ${session.id}) as result`, { commit: true })
        .then(([row]) => ({ ok: true as const, amount: row.result.total_amount }))
        .catch((error) => ({ ok: false as const, code: error.code }));
      const results = await Promise.all([end(first), end(second)]);

      expect(results.filter((r) => r.ok)).toEqual([{ ok: true, amount: 400 }]);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'PK212' }]);
      const [row] = await admin`select status, total_amount from parky.parking_sessions where id = ${session.id}`;
      expect(row).toEqual({ status: 'ended', total_amount: 400 });
      const [{ count }] = await admin`select count(*)::int as count from parky.user_activity_logs
                                      where source_id = ${session.id} and activity_type = 'session_end'`;
      expect(count).toBe(1);
    } finally {
      await tearDown(ids);
    }
  });

  it('two concurrent starts leave one active session', async () => {
    const ids = await setUp();
    try {
      const caller = user(ids.userId);
      const start = (sql: typeof first) => rpc(sql, caller, 'parky', 'start_parking_session',
        { p_client_request_id: crypto.randomUUID(), p_lot_id: ids.lotId }, { commit: true })
        .then(() => 'ok').catch((error) => error.code);
      const results = await Promise.all([start(first), start(second)]);
      expect(results.sort()).toEqual(['PK211', 'ok']);
    } finally {
      await tearDown(ids);
    }
  });
});
