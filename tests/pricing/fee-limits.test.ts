/**
 * Property test for the work limits of the fee engine (security review F4): on random tariffs
 * around the limits (rule count, rolling cap length, the work budget), parky.validate_tariff and
 * the reference validator agree on validity, and SQL names the limit (PK004 rules, PK005
 * cap_minutes, PK006 budget) that the reference reports. A disagreement prints the tariff.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RULES, MIN_CAP_MINUTES, referenceValidate, WORK_BUDGET, workPerDay, type Tariff, type TariffRule } from './reference.ts';

const DB_URL = process.env.SUPABASE_DB_URL;
const SEED = Number(process.env.FEE_SEED ?? 20261205);
const CASES = 300;

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

/** A valid-by-construction base rate rule plus random stacked rate rules and rolling caps. */
function tariffNearLimits(next: () => number): Tariff {
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const rules: TariffRule[] = [{ day_of_week: ALL, start_time: '00:00', end_time: '00:00', unit_minutes: 30, unit_price: 100,
    cap_minutes: null, cap_price: null, cap_repeat: true, priority: 0 }];
  const rates = int(0, MAX_RULES + 1);
  for (let k = 1; k <= rates; k++) {
    const s = int(0, 1439);
    rules.push({ day_of_week: ALL, start_time: hhmm(s), end_time: hhmm(next() < 0.2 ? s : int(0, 1439)), unit_minutes: int(1, 60),
      unit_price: 100, cap_minutes: null, cap_price: null, cap_repeat: true, priority: k,
      ...(next() < 0.1 ? { elapsed_from_minutes: int(1, 120) } : {}) });
  }
  for (let k = int(0, 8); k > 0; k--) {
    rules.push({ day_of_week: ALL, start_time: '00:00', end_time: '00:00', unit_minutes: null, unit_price: null,
      cap_minutes: next() < 0.8 ? int(MIN_CAP_MINUTES - 15, 240) : null, cap_price: 1000, cap_repeat: true, priority: 0 });
  }
  return { timezone: 'Asia/Tokyo', unit_boundary: 'unit_start', grace: null, rules };
}

/** The SQLSTATE the reference's answer stands for. */
function expectedCode(problem: string | null): string | null {
  if (problem === null) return null;
  if (problem === 'limit: rules') return 'PK004';
  if (/^limit: rule \d+: cap_minutes$/.test(problem)) return 'PK005';
  if (problem === 'limit: work budget') return 'PK006';
  return 'PK001';
}

describe('tariff work limits', () => {
  let sql: ReturnType<typeof postgres>;
  beforeAll(() => {
    if (!DB_URL) throw new Error('SUPABASE_DB_URL is not set: run the tests with npm test');
    sql = postgres(DB_URL, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
  });

  it(`validate_tariff and the reference agree around the limits (seed ${SEED})`, { timeout: 120_000 }, async () => {
    const next = prng(SEED);
    const disagreements: unknown[] = [];
    const seen = new Set<string | null>();
    for (let i = 0; i < CASES; i++) {
      const tariff = tariffNearLimits(next);
      const want = expectedCode(referenceValidate(tariff));
      seen.add(want);
      let got: string | null = null;
      try {
        await sql`select parky.validate_tariff(${sql.json(tariff as never)}::jsonb)`;
      } catch (e) {
        got = (e as { code?: string }).code ?? 'unknown';
      }
      if (got !== want) disagreements.push({ tariff, want, got, work: workPerDay(tariff.rules), budget: WORK_BUDGET });
    }
    for (const d of disagreements.slice(0, 3)) console.log(JSON.stringify(d));
    expect(disagreements.length).toBe(0);
    // the generator reaches every outcome, so the agreement means something
    expect([...seen].sort()).toEqual(expect.arrayContaining([null, 'PK004', 'PK005', 'PK006']));
  });
});
