// Gamification under concurrency, with two connections: an award is made exactly once, a daily
// EXP cap is never exceeded, an event waiting behind a recompute sees what the recompute
// committed, and one real event is logged once, however the events interleave.
import { afterAll, describe, expect, it } from 'vitest';
import { asRequest, connect, user, type Sql } from '../lib/postgrest.ts';

const admin = connect();
const first = connect();
const second = connect();
afterAll(() => Promise.all([admin.end(), first.end(), second.end()]));

async function createUser() {
  const userId = crypto.randomUUID();
  await admin`insert into auth.users (id, aud, role, email, created_at, updated_at)
              values (${userId}, 'authenticated', 'authenticated', ${userId + '@example.com'}, now(), now())`;
  return userId;
}

async function deleteUser(userId: string) {
  await admin.begin(async (tx) => {
    await tx`delete from parky.app_users where id = ${userId}`;  // cascades to the log and every gamification table
    await tx`delete from auth.users where id = ${userId}`;
  });
}

const sessionEnd = (lot: string) => ({
  session: { duration_minutes: 60, amount: 400, gps_verified: true },
  parking: { lot: { id: lot, prefecture: 'tokyo', city: '渋谷区', structure: 'flat' } },
});

/**
 * Logs a server event in its own transaction and keeps it open a moment after the engine ran,
 * so that the other connection's event overlaps it.
 */
function logEvent(sql: Sql, userId: string, type: string, metadata: object, sourceId: string) {
  return sql.begin(async (tx) => {
    const [row] = await tx`select parky_private.log_activity(${userId}, ${type}, ${tx.json(metadata as never)}, now(),
                                                             'test', ${sourceId}) as id`;
    await tx`select pg_sleep(0.05)`;
    return row.id as string | null;
  });
}

describe('gamification under concurrency', () => {
  it('awards a badge exactly once when two events cross its threshold together', async () => {
    const userId = await createUser();
    try {
      await Promise.all([
        logEvent(first, userId, 'session_end', sessionEnd('lot-a'), crypto.randomUUID()),
        logEvent(second, userId, 'session_end', sessionEnd('lot-b'), crypto.randomUUID()),
      ]);
      const awards = await admin`select b.code from parky.user_badges a join parky.badge_definitions b on b.id = a.badge_id
                                 where a.user_id = ${userId} and b.code = 'first_parking'`;
      expect(awards).toHaveLength(1);
      const [{ count }] = await admin`select count(*)::int as count from parky.user_notifications
                                      where user_id = ${userId} and payload ->> 'code' = 'first_parking'`;
      expect(count).toBe(1);
      const [progress] = await admin`select p.value::int as value from parky.user_badge_progress p
                                     join parky.badge_definitions b on b.id = p.badge_id
                                     where p.user_id = ${userId} and b.code = 'parking_regular'`;
      expect(progress.value).toBe(2);
    } finally {
      await deleteUser(userId);
    }
  });

  it('never grants past a daily cap when events arrive at once', async () => {
    const userId = await createUser();
    try {
      // Each session_end requests 20 + 6 + 10 EXP of the 150-per-day "parking" group: 8 × 36 = 288.
      const burst = (sql: Sql) => (async () => {
        for (let i = 0; i < 4; i++) await logEvent(sql, userId, 'session_end', sessionEnd(`lot-${i}`), crypto.randomUUID());
      })();
      await Promise.all([burst(first), burst(second)]);
      const [ledger] = await admin`select sum((d ->> 'granted')::int)::int as granted, sum((d ->> 'requested')::int)::int as requested
                                   from parky.user_exp_ledger l, jsonb_array_elements(l.detail) d
                                   join parky.activity_exp_rules r on r.id = (d ->> 'rule_id')::bigint
                                   where l.user_id = ${userId} and r.cap_group = 'parking'`;
      expect(ledger).toEqual({ granted: 150, requested: 288 });
    } finally {
      await deleteUser(userId);
    }
  });

  it('caps client app_open EXP at once a day across two connections', async () => {
    const userId = await createUser();
    try {
      const open = (sql: Sql) => asRequest(sql, user(userId), (tx) =>
        tx`insert into parky.user_activity_logs (activity_type) values ('app_open')`, { commit: true });
      await Promise.all([open(first), open(second), open(first), open(second)]);
      const [exp] = await admin`select total_exp::int as total from parky.user_exp where user_id = ${userId}`;
      expect(exp.total).toBe(5);
    } finally {
      await deleteUser(userId);
    }
  });

  it('counts a badge for an event that waited behind a recompute reopening it', async () => {
    // A recompute holds the user's lock and takes a badge out of the completed list; an event of the
    // user waits for the lock and must see the list as the recompute committed it.
    const userId = await createUser();
    try {
      await admin`insert into parky.user_exp (user_id, completed_badge_ids)
                  select ${userId}, array[b.id] from parky.badge_definitions b where b.code = 'parking_regular'`;
      let locked!: () => void;
      const lockTaken = new Promise<void>((resolve) => { locked = resolve; });
      const recompute = first.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(7301, hashtext(${userId}::text))`;
        await tx`update parky.user_exp set completed_badge_ids = '{}' where user_id = ${userId}`;
        locked();
        await tx`select pg_sleep(0.3)`;
      });
      await lockTaken;
      await Promise.all([recompute, logEvent(second, userId, 'session_end', sessionEnd('lot-a'), crypto.randomUUID())]);
      const progress = await admin`select p.value::int as value from parky.user_badge_progress p
                                   join parky.badge_definitions b on b.id = p.badge_id
                                   where p.user_id = ${userId} and b.code = 'parking_regular'`;
      expect(progress).toEqual([{ value: 1 }]);
    } finally {
      await deleteUser(userId);
    }
  });

  it('logs one real event once when it is reported twice at the same time', async () => {
    const userId = await createUser();
    try {
      const source = crypto.randomUUID();
      const ids = await Promise.all([
        logEvent(first, userId, 'session_end', sessionEnd('lot-a'), source),
        logEvent(second, userId, 'session_end', sessionEnd('lot-a'), source),
      ]);
      expect(ids.filter((id) => id !== null)).toHaveLength(1);
      const ledger = await admin`select jsonb_array_length(detail) as rules from parky.user_exp_ledger
                                 where user_id = ${userId} and activity_log_id is not null`;
      expect(ledger).toEqual([{ rules: 3 }]);  // one event, under the three session_end rules
    } finally {
      await deleteUser(userId);
    }
  });
});
