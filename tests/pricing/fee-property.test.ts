/**
 * Property test: parky.calculate_fee (Postgres) agrees with the brute-force reference
 * (reference.ts) on thousands of random valid tariffs and stays.
 *
 *   SUPABASE_DB_URL=postgresql://... npx vitest run tests/pricing/fee-property.test.ts
 *
 * FEE_SEED (default 20261123) makes a run reproducible; FEE_CASES (default 3000) sets its
 * size, FEE_LONG_CASES (default 30) the number of long stays (up to the one-year limit). The
 * seed is printed. A mismatch prints {tariff, started_at, ended_at, sql, reference}.
 * A last property checks that random broken tariffs are rejected by both validators.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceFee, referenceValidate, type Tariff, type TariffRule } from './reference.ts';

const DB_URL = process.env.SUPABASE_DB_URL;
const SEED = Number(process.env.FEE_SEED ?? 20261123);
const CASES = Number(process.env.FEE_CASES ?? 3000);
const LONG_CASES = Number(process.env.FEE_LONG_CASES ?? 30);
const BATCH = 250;

/** mulberry32: a small seeded PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

const ALL = [0, 1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS = [1, 2, 3, 4, 5];
const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Auckland'];
const UNITS = [5, 10, 12, 15, 20, 25, 30, 40, 45, 60, 90, 120, 180];
const PRICES = [100, 110, 150, 200, 220, 300, 330, 400, 500];
const CAPS = [0, 300, 400, 500, 600, 800, 1000, 1100, 1200, 1500, 2000, 2500, 3000];

const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A random minute of the day, usually on a half hour. */
const minute = (rng: Rng, lo: number, hi: number) =>
  rng.chance(0.7) ? Math.min(hi, Math.max(lo, Math.round(rng.int(lo, hi) / 30) * 30)) : rng.int(lo, hi);

/** A random list of day types, sometimes including 7. */
function days(rng: Rng): number[] {
  return rng.pick([ALL, ALL, [0, 6, 7], [0, 6], WEEKDAYS, [1, 2, 3, 4, 5, 6], [7], [0, 7], [5, 6]]);
}

function rateRule(rng: Rng, dayList: number[], start: number, end: number, priority: number): TariffRule {
  const r: TariffRule = {
    day_of_week: dayList,
    start_time: hhmm(start),
    end_time: end === 0 && rng.chance(0.3) ? '24:00' : hhmm(end),
    unit_minutes: rng.pick(UNITS),
    unit_price: rng.pick(PRICES),
    cap_minutes: null,
    cap_price: null,
    cap_repeat: true,
    priority,
  };
  if (rng.chance(0.3)) {
    r.cap_price = rng.pick(CAPS);
    r.cap_repeat = rng.chance(0.7);
    if (rng.chance(0.15)) r.cap_minutes = rng.pick([180, 720, 1440]);
  }
  return r;
}

function capRule(rng: Rng): TariffRule {
  const kind = rng.pick(['day', 'day', 'band', 'rolling', 'rolling']);
  const r: TariffRule = {
    day_of_week: rng.chance(0.6) ? ALL : days(rng),
    start_time: '00:00',
    end_time: '00:00',
    unit_minutes: null,
    unit_price: null,
    cap_minutes: null,
    cap_price: rng.pick(CAPS.slice(1)),
    cap_repeat: rng.chance(0.75),
    priority: 0,
  };
  if (kind === 'band') {
    const s = minute(rng, 17 * 60, 23 * 60);
    r.start_time = hhmm(s);
    r.end_time = hhmm(rng.chance(0.7) ? minute(rng, 5 * 60, 9 * 60) : minute(rng, 0, 23 * 60 + 59));
  } else if (kind === 'rolling') {
    r.cap_minutes = rng.pick([60, 180, 300, 720, 1440, 1440]);
  }
  return r;
}

/** A random valid tariff: coverage is guaranteed by construction or by a fallback rule. */
function randomTariff(rng: Rng): Tariff {
  const rules: TariffRule[] = [];
  let p = 1;
  const shape = rng.pick(['flat', 'daynight', 'daynight', 'daytypes', 'daytypes']);
  if (shape === 'flat') {
    rules.push(rateRule(rng, ALL, 0, 0, p++));
  } else if (shape === 'daynight') {
    const d = minute(rng, 5 * 60, 10 * 60);
    const n = rng.chance(0.2) ? 0 : minute(rng, 17 * 60, 23 * 60 + 59);
    // day and night never overlap, so they may share a priority
    const shared = rng.chance(0.5);
    rules.push(rateRule(rng, ALL, d, n, p));
    rules.push(rateRule(rng, ALL, n, d, shared ? p : p + 1));
    p += 2;
  } else {
    // a fallback over everything, then rules for some day types on top
    rules.push(rateRule(rng, ALL, 0, 0, p++));
    for (let k = rng.int(1, 3); k > 0; k--) {
      const s = minute(rng, 0, 23 * 60 + 59);
      const e = rng.chance(0.3) ? s : minute(rng, 0, 23 * 60 + 59);
      rules.push(rateRule(rng, days(rng), s, e, p++));
    }
  }
  if (rng.chance(0.2)) {
    // progressive: a later-units price, from minute N of each unit sequence
    const r = rateRule(rng, rng.chance(0.7) ? ALL : days(rng), 0, 0, 100);
    if (rng.chance(0.3)) {
      r.start_time = hhmm(minute(rng, 6 * 60, 12 * 60));
      r.end_time = hhmm(minute(rng, 13 * 60, 23 * 60));
    }
    r.elapsed_from_minutes = rng.pick([15, 30, 60, 120, 180]);
    rules.push(r);
  }
  for (let k = rng.pick([0, 0, 1, 1, 1, 2, 3]); k > 0; k--) rules.push(capRule(rng));
  // shuffle, so that rule order does not matter
  for (let i = rules.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [rules[i], rules[j]] = [rules[j], rules[i]];
  }
  const tariff: Tariff = {
    timezone: rng.chance(0.75) ? 'Asia/Tokyo' : rng.pick(ZONES),
    unit_boundary: rng.chance(0.3) ? 'split' : 'unit_start',
    grace: rng.pick([null, null, null, { minutes: rng.int(5, 30), mode: 'free_if_within' as const }, { minutes: rng.pick([10, 15, 30, 60, 180]), mode: 'first_free' as const }]),
    rules,
  };
  if (referenceValidate(tariff) !== null) {
    // make it valid: distinct priorities, and a base rule under everything
    let q = 1;
    for (const r of rules) if (r.unit_minutes != null) r.priority = q++;
    rules.push(rateRule(rng, ALL, 0, 0, 0));
  }
  const problem = referenceValidate(tariff);
  if (problem !== null) throw new Error(`generator made an invalid tariff: ${problem}`);
  return tariff;
}

/** A random stay: around holidays, month ends, DST changes, midnight; up to ~10 days. */
function randomStay(rng: Rng, tariff: Tariff, holidays: string[]): { started_at: string; ended_at: string } {
  let day: number; // a UTC midnight
  const r = rng.next();
  if (r < 0.35) {
    day = Date.parse(`${rng.pick(holidays)}T00:00:00Z`) + rng.int(-2, 1) * 86_400_000;
  } else if (r < 0.5) {
    const y = rng.int(2020, 2030);
    const m = rng.int(1, 12);
    day = Date.UTC(y, m, 0) + rng.int(-1, 0) * 86_400_000; // last days of a month
  } else if (r < 0.65 && tariff.timezone !== 'Asia/Tokyo') {
    const y = rng.int(2020, 2030);
    day = rng.chance(0.5) ? Date.UTC(y, 2, rng.int(5, 31)) : Date.UTC(y, rng.pick([3, 8, 9, 10]), rng.int(1, 30)); // DST seasons
  } else {
    day = Date.UTC(2020, 0, 1) + rng.int(0, 4000) * 86_400_000;
  }
  // local-ish time of day: whole seconds, sometimes exactly on a quarter hour, sometimes with ms
  const offset = tariff.timezone === 'Asia/Tokyo' ? 9 * 3_600_000 : 0;
  let start = day - offset + (rng.chance(0.3) ? rng.int(0, 95) * 900_000 : rng.int(0, 86_399) * 1000);
  if (rng.chance(0.05)) start += rng.int(1, 999);
  const d = rng.next();
  let length: number;
  if (d < 0.07) length = -rng.int(0, 7200) * 1000;
  else if (d < 0.17 && tariff.grace) length = tariff.grace.minutes * 60_000 + rng.pick([-1000, 0, 1000, 60_000]);
  else if (d < 0.45) length = rng.int(1, 3 * 3600) * 1000;
  else if (d < 0.75) length = rng.int(3 * 3600, 30 * 3600) * 1000;
  else length = rng.int(30 * 3600, 10 * 86_400) * 1000;
  if (rng.chance(0.05)) length += rng.int(1, 999);
  return { started_at: new Date(start).toISOString(), ended_at: new Date(start + length).toISOString() };
}

/** Random ways to break a valid tariff (each makes it invalid, or at least suspicious). */
function breakTariff(rng: Rng, t: Tariff): unknown {
  const c = JSON.parse(JSON.stringify(t)) as Record<string, any>;
  const rules = c.rules as Record<string, any>[];
  const r = rng.pick(rules);
  switch (rng.int(0, 15)) {
    case 0: rules.splice(rules.indexOf(rng.pick(rules.filter((x) => x.unit_minutes != null))), 1); break;
    case 1: for (const x of rules) if (x.unit_minutes != null) x.priority = 1; break;
    case 2: r.start_time = rng.pick(['8:00', '24:00', '12:60', '', 'noon', 800]); break;
    case 3: r.unit_minutes = rng.pick([0, -30, 1.5, '30']); r.unit_price ??= 100; break;
    case 4: r.colour = 'red'; break;
    case 5: r.day_of_week = rng.pick([[], [8], [-1], [1.5], ['1'], 3]); break;
    case 6: r.unit_minutes = null; r.unit_price = null; r.cap_price = null; break;
    case 7: r.elapsed_from_minutes = -10; break;
    case 8: r.cap_minutes = 0; r.cap_price ??= 500; break;
    case 9: c.unit_boundary = 'nearest'; break;
    case 10: c.grace = rng.pick([{ minutes: 10 }, { minutes: -5, mode: 'first_free' }, { minutes: 10, mode: 'later' }, 'none']); break;
    case 11: c.extra = true; break;
    case 12: r.day_of_week = [rng.int(0, 7)]; break;
    case 13: r.end_time = rng.pick(['24:01', '7:00', null]); break;
    case 14: r.cap_repeat = rng.pick(['yes', 1]); break;
    default: r.priority = rng.pick([1.5, '2', null]); break;
  }
  return c;
}

interface Case {
  tariff: Tariff;
  started_at: string;
  ended_at: string;
}

describe('calculate_fee agrees with the reference implementation', () => {
  let sql: ReturnType<typeof postgres>;
  let holidayList: string[] = [];
  let holidays = new Set<string>();

  beforeAll(async () => {
    if (!DB_URL) throw new Error('SUPABASE_DB_URL is not set: run the tests with npm test');
    sql = postgres(DB_URL, { max: 1, onnotice: () => {} });
    const rows = await sql<{ d: string }[]>`select holiday_date::text as d from parky.public_holidays order by 1`;
    // a session-local wrapper, so that one failing case does not fail a whole batch
    await sql`
      create function pg_temp.fee_or_error(p_tariff jsonb, p_from timestamptz, p_to timestamptz)
      returns text language plpgsql as $$
      begin
        return parky.calculate_fee(p_tariff, p_from, p_to) ->> 'amount';
      exception when others then
        return 'error ' || sqlstate || ': ' || sqlerrm;
      end $$`;
    holidayList = rows.map((r) => r.d);
    holidays = new Set(holidayList);
  });
  afterAll(async () => {
    await sql?.end();
  });

  /** Amounts from Postgres for many cases in one query; an error comes back as its text. */
  async function sqlFees(cases: Case[]): Promise<(number | string)[]> {
    const rows = await sql<{ amount: string }[]>`
      select pg_temp.fee_or_error(t.c -> 'tariff', (t.c ->> 'started_at')::timestamptz,
                                  (t.c ->> 'ended_at')::timestamptz) as amount
        from jsonb_array_elements(${sql.json(cases as never)}::jsonb) with ordinality as t(c, ord)
       order by t.ord`;
    return rows.map((r) => (/^-?[0-9]+$/.test(r.amount) ? Number(r.amount) : r.amount));
  }

  /** Compares Postgres with the reference on the cases; returns the mismatches. */
  async function compare(cases: Case[], times: { sql: number; reference: number }): Promise<unknown[]> {
    const mismatches: unknown[] = [];
    for (let done = 0; done < cases.length; done += BATCH) {
      const batch = cases.slice(done, done + BATCH);
      let t0 = performance.now();
      const fromSql = await sqlFees(batch);
      times.sql += performance.now() - t0;
      t0 = performance.now();
      batch.forEach((c, i) => {
        let reference: number | string;
        try {
          reference = referenceFee(c.tariff, c.started_at, c.ended_at, holidays);
        } catch (e) {
          // the SQL raises PK002 where the reference refuses a stay longer than a year
          reference = (e as Error).message === 'stay longer than one year' ? 'error PK002' : `error: ${(e as Error).message}`;
        }
        const same = typeof reference === 'string'
          ? typeof fromSql[i] === 'string' && (fromSql[i] as string).startsWith(reference)
          : fromSql[i] === reference;
        if (!same) mismatches.push({ ...c, sql: fromSql[i], reference });
      });
      times.reference += performance.now() - t0;
    }
    for (const m of mismatches.slice(0, 5)) console.log(JSON.stringify(m));
    return mismatches;
  }

  it(`${CASES} random tariffs and stays (seed ${SEED})`, { timeout: 900_000 }, async () => {
    console.log(`fee property test: FEE_SEED=${SEED} FEE_CASES=${CASES}`);
    const rng = prng(SEED);
    const cases: Case[] = [];
    for (let i = 0; i < CASES; i++) {
      const tariff = randomTariff(rng);
      cases.push({ tariff, ...randomStay(rng, tariff, holidayList) });
    }
    const times = { sql: 0, reference: 0 };
    const mismatches = await compare(cases, times);
    console.log(`time in Postgres ${Math.round(times.sql)} ms, in the reference ${Math.round(times.reference)} ms`);
    expect(mismatches.length, `${mismatches.length} mismatches (seed ${SEED})`).toBe(0);
  });

  it(`${LONG_CASES} long stays, up to the one-year limit (seed ${SEED})`, { timeout: 900_000 }, async () => {
    const rng = prng(SEED ^ 0x1096);
    const cases: Case[] = [];
    for (let i = 0; i < LONG_CASES; i++) {
      const tariff = randomTariff(rng);
      for (const r of tariff.rules) if (r.unit_minutes != null && r.unit_minutes < 30) r.unit_minutes = 30;
      const start = Date.UTC(2020, 0, 1) + rng.int(0, 3600) * 86_400_000 + rng.int(0, 86_399) * 1000;
      const length = i === 0 ? 366 * 86_400_000 : i === 1 ? 366 * 86_400_000 + 1000 : rng.int(30 * 86_400, 366 * 86_400) * 1000;
      cases.push({ tariff, started_at: new Date(start).toISOString(), ended_at: new Date(start + length).toISOString() });
    }
    const times = { sql: 0, reference: 0 };
    const mismatches = await compare(cases, times);
    console.log(`long stays: time in Postgres ${Math.round(times.sql)} ms, in the reference ${Math.round(times.reference)} ms`);
    expect(mismatches.length, `${mismatches.length} mismatches (seed ${SEED})`).toBe(0);
  });

  it(`broken tariffs are rejected by both validators (seed ${SEED})`, { timeout: 300_000 }, async () => {
    const rng = prng(SEED ^ 0x5eed);
    const disagreements: unknown[] = [];
    for (let i = 0; i < Math.max(100, Math.floor(CASES / 10)); i++) {
      const broken = breakTariff(rng, randomTariff(rng));
      const expectedValid = referenceValidate(broken) === null;
      for (const call of ['validate', 'fee'] as const) {
        let sqlValid = true;
        let code: string | undefined;
        try {
          if (call === 'validate') await sql`select parky.validate_tariff(${sql.json(broken as never)}::jsonb)`;
          else await sql`select parky.calculate_fee(${sql.json(broken as never)}::jsonb, '2024-06-10T10:00:00Z', '2024-06-10T12:00:00Z')`;
        } catch (e) {
          sqlValid = false;
          code = (e as { code?: string }).code;
        }
        if (sqlValid !== expectedValid || (!sqlValid && code !== 'PK001')) {
          disagreements.push({ call, tariff: broken, sqlValid, code, reference: referenceValidate(broken) });
        }
      }
    }
    for (const d of disagreements.slice(0, 5)) console.log(JSON.stringify(d));
    expect(disagreements.length).toBe(0);
  });
});
