/**
 * The fast path of parky_private.fee_of_plan (a stay that meets no window boundary, on a tariff
 * whose rules hold on every day type in a fixed-offset time zone) gives exactly what the general
 * walk gives, breakdown included: random such tariffs and stays are priced with the compiled
 * plan as is and with its `fast` flag cleared (which forces the walk). A difference prints the case.
 * quote_fee's own fast path (the table precomputed by parky_private.fast_quote_table when a lot's
 * tariff is saved) is checked the same way, on lots created with such tariffs in a transaction
 * that is rolled back.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DB_URL = process.env.SUPABASE_DB_URL;
const SEED = Number(process.env.FEE_SEED ?? 20261205);
const CASES = 1500;
const QUOTE_CASES = 1000;

/** mulberry32 */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALL = [0, 1, 2, 3, 4, 5, 6, 7];
const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutesOf = (t: string) => (Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))) % 1440;

type Rule = Record<string, unknown> & { start_time: string; end_time: string };
interface Case { tariff: { timezone: string; unit_boundary: string; grace: unknown; rules: Rule[] }; started_at: string; ended_at: string }

function randomCase(next: () => number): Case {
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const rules: Rule[] = [];
  const rate = (s: number, e: number, priority: number): Rule => {
    const r: Rule = { day_of_week: ALL, start_time: hhmm(s), end_time: e === 0 && next() < 0.3 ? '24:00' : hhmm(e),
      unit_minutes: pick([10, 15, 20, 30, 60]), unit_price: pick([100, 200, 300]), cap_minutes: null, cap_price: null,
      cap_repeat: next() < 0.7, priority };
    if (next() < 0.4) {
      r.cap_price = pick([0, 300, 800, 1500]);
      if (next() < 0.3) r.cap_minutes = pick([60, 180, 720, 1440]);
    }
    return r;
  };
  if (next() < 0.3) rules.push(rate(0, 0, 1));
  else {
    const d = int(5, 10) * 60 + pick([0, 30]);
    const n = int(17, 23) * 60 + pick([0, 30]);
    rules.push(rate(d, n, 1), rate(n, d, 1));
    if (next() < 0.3) rules.push(rate(int(11, 13) * 60, int(14, 16) * 60, 2));
  }
  for (let k = pick([0, 1, 1, 2]); k > 0; k--) {
    const kind = pick(['day', 'band', 'rolling']);
    rules.push({ day_of_week: ALL, start_time: kind === 'band' ? hhmm(int(18, 23) * 60) : '00:00',
      end_time: kind === 'band' ? hhmm(int(5, 9) * 60) : '00:00', unit_minutes: null, unit_price: null,
      cap_minutes: kind === 'rolling' ? pick([60, 180, 300, 1440]) : null, cap_price: pick([400, 1000, 2500]),
      cap_repeat: next() < 0.75, priority: 0 });
  }
  const timezone = pick(['Asia/Tokyo', 'Asia/Tokyo', 'UTC']);
  const grace = pick([null, null, { minutes: int(5, 20), mode: 'free_if_within' }, { minutes: 0, mode: 'first_free' }]);
  const day = Date.UTC(2024, 0, 1) + int(0, 700) * 86_400_000;
  const offset = timezone === 'Asia/Tokyo' ? 9 * 3_600_000 : 0;
  // sometimes exactly on a window boundary (local time), to test the edges
  const edge = next() < 0.2 ? minutesOf(pick(rules)[pick(['start_time', 'end_time'])] as string) * 60_000 - offset : null;
  const start = edge !== null ? day + edge : day + int(0, 86_399) * 1000 + (next() < 0.1 ? int(1, 999) : 0);
  let length = next() < 0.8 ? int(1, 6 * 3600) * 1000 : int(6 * 3600, 30 * 3600) * 1000;
  // and sometimes ending exactly on one
  if (next() < 0.15) {
    const m = minutesOf(pick(rules)[pick(['start_time', 'end_time'])] as string) * 60_000 - offset;
    length = (((day + m - start) % 86_400_000) + 86_400_000) % 86_400_000 || 86_400_000;
  }
  return { tariff: { timezone, unit_boundary: pick(['unit_start', 'split']), grace, rules },
           started_at: new Date(start).toISOString(), ended_at: new Date(start + length).toISOString() };
}

/** Whether the stay meets no boundary: the fast path's own condition, restated. */
function meetsNoBoundary(c: Case): boolean {
  const offset = c.tariff.timezone === 'Asia/Tokyo' ? 9 * 3_600_000 : 0;
  const start = Date.parse(c.started_at);
  const stay = Date.parse(c.ended_at) - start;
  const local = (((start + offset) % 86_400_000) + 86_400_000) % 86_400_000;
  let next = 86_400_000;
  for (const r of c.tariff.rules) {
    if (r.cap_minutes != null && r.unit_minutes == null) continue;
    for (const m of [minutesOf(r.start_time), minutesOf(r.end_time)]) {
      const d = m * 60_000 - local;
      next = Math.min(next, d > 0 ? d : d + 86_400_000);
    }
  }
  for (const r of c.tariff.rules) if (r.cap_minutes != null) next = Math.min(next, (r.cap_minutes as number) * 60_000);
  return stay <= next;
}

describe('fee_of_plan fast path', () => {
  let sql: ReturnType<typeof postgres>;
  beforeAll(() => {
    if (!DB_URL) throw new Error('SUPABASE_DB_URL is not set: run the tests with npm test');
    sql = postgres(DB_URL, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
  });

  it(`gives what the general walk gives, breakdown included (seed ${SEED})`, { timeout: 300_000 }, async () => {
    const next = prng(SEED);
    const cases = Array.from({ length: CASES }, () => randomCase(next));
    const rows = await sql<{ same: boolean; fast: unknown; walk: unknown }[]>`
      select f.fast = f.walk as same, f.fast, f.walk
        from jsonb_array_elements(${sql.json(cases as never)}::jsonb) with ordinality as t(c, ord)
        cross join lateral (select parky_private.compile_tariff(t.c -> 'tariff') as p) p
        cross join lateral (select
          parky_private.fee_of_plan(p.p, (t.c ->> 'started_at')::timestamptz, (t.c ->> 'ended_at')::timestamptz) as fast,
          parky_private.fee_of_plan(jsonb_populate_record(p.p, '{"fast": false}'),
                                    (t.c ->> 'started_at')::timestamptz, (t.c ->> 'ended_at')::timestamptz) as walk) f
       order by t.ord`;
    const differences = rows.flatMap((r, i) => (r.same ? [] : [{ ...cases[i], fast: r.fast, walk: r.walk }]));
    for (const d of differences.slice(0, 3)) console.log(JSON.stringify(d));
    expect(differences.length).toBe(0);
    // the cases exercise the fast path: many stays meet no boundary
    expect(cases.filter(meetsNoBoundary).length).toBeGreaterThan(CASES / 5);
  });

  it(`quote_fee's precomputed fast path gives what the general walk gives (seed ${SEED + 1})`, { timeout: 300_000 }, async () => {
    const next = prng(SEED + 1);
    const cases = Array.from({ length: QUOTE_CASES }, () => randomCase(next));
    const rollback = new Error('rollback');
    let rows: { same: boolean; quote: unknown; walk: unknown }[] = [];
    await sql.begin(async (tx) => {
      await tx`create temp table fast_cases on commit drop as
        select extensions.gen_random_uuid() as lot_id, t.c, t.ord
          from jsonb_array_elements(${tx.json(cases as never)}::jsonb) with ordinality as t(c, ord)`;
      await tx`insert into parky.parking_lots (id, name, prefecture, location, timezone, unit_boundary, grace)
        select f.lot_id, 'fast quote ' || f.ord, l.prefecture, l.location,
               f.c #>> '{tariff,timezone}', f.c #>> '{tariff,unit_boundary}', case when (f.c #>> '{tariff,grace,minutes}')::int > 0 then f.c #> '{tariff,grace}' end
          from fast_cases f, (select l.prefecture, l.location from parky.parking_lots l limit 1) l`;
      // (a lot stores no 0-minute grace: none is the same) the rule triggers compile each lot's tariff (and its fast-quote table)
      await tx`insert into parky.parking_lot_pricing_rules (parking_lot_id, day_of_week, start_time, end_time,
                 unit_minutes, unit_price, cap_minutes, cap_price, cap_repeat, priority)
        select f.lot_id, r.day_of_week, r.start_time, r.end_time, r.unit_minutes, r.unit_price, r.cap_minutes,
               r.cap_price, r.cap_repeat, r.priority
          from fast_cases f
         cross join lateral jsonb_to_recordset(f.c #> '{tariff,rules}') as r(day_of_week int[], start_time time,
           end_time time, unit_minutes int, unit_price int, cap_minutes int, cap_price int, cap_repeat boolean, priority int)`;
      rows = await tx`
        select q.quote = q.walk as same, q.quote, q.walk
          from fast_cases f
         cross join lateral (select (f.c ->> 'started_at')::timestamptz as s, (f.c ->> 'ended_at')::timestamptz as e) t
         cross join lateral (select
           parky.quote_fee(f.lot_id, t.s, t.e) - array['parking_lot_id', 'started_at', 'ended_at'] as quote,
           parky_private.fee_of_plan(jsonb_populate_record(parky_private.compile_tariff(parky_private.lot_tariff(f.lot_id)),
                                                           '{"fast": false}'), t.s, t.e) as walk) q
         order by f.ord`;
      throw rollback;
    }).catch((e) => {
      if (e !== rollback) throw e;
    });
    expect(rows.length).toBe(QUOTE_CASES);
    const differences = rows.flatMap((r, i) => (r.same ? [] : [{ ...cases[i], quote: r.quote, walk: r.walk }]));
    for (const d of differences.slice(0, 3)) console.log(JSON.stringify(d));
    expect(differences.length).toBe(0);
    expect(cases.filter(meetsNoBoundary).length).toBeGreaterThan(QUOTE_CASES / 5);
  });
});
