/**
 * The brute-force reference (reference.ts) against the worked examples of pricing.md
 * (pricing-cases.json) and a few hand-computed cases on holidays, caps and time zones.
 *
 * tests/pricing/pricing-cases.json is a copy of the design's worked examples.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { referenceFee, referenceValidate, type Tariff, type TariffRule } from './reference.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

const casesPath = join(here, 'pricing-cases.json');

/** The holidays seeded by the fee-engine migration ("YYYY-MM-DD"). */
function seededHolidays(): Set<string> {
  const sql = readFileSync(join(root, 'supabase', 'migrations', '20261123000200_parky_fee_engine.sql'), 'utf8');
  return new Set([...sql.matchAll(/^\s*\('(\d{4}-\d{2}-\d{2})',/gm)].map((m) => m[1]));
}

const holidays = seededHolidays();
const ALL = [0, 1, 2, 3, 4, 5, 6, 7];

const rate = (days: number[], start: string, end: string, unit: number, price: number, extra: Partial<TariffRule> = {}): TariffRule =>
  ({ day_of_week: days, start_time: start, end_time: end, unit_minutes: unit, unit_price: price, cap_minutes: null, cap_price: null, cap_repeat: true, priority: 1, ...extra });
const cap = (days: number[], start: string, end: string, price: number, extra: Partial<TariffRule> = {}): TariffRule =>
  ({ day_of_week: days, start_time: start, end_time: end, unit_minutes: null, unit_price: null, cap_minutes: null, cap_price: price, cap_repeat: true, priority: 0, ...extra });
const tariff = (rules: TariffRule[], extra: Partial<Tariff> = {}): Tariff =>
  ({ timezone: 'Asia/Tokyo', unit_boundary: 'unit_start', grace: null, rules, ...extra });

describe('holiday calendar seeded by the migration', () => {
  it('has the 2020-2030 holidays including substitute and citizens\' holidays', () => {
    expect(holidays.size).toBe(197);
    for (const d of ['2020-07-23', '2020-07-24', '2020-08-10', '2021-08-09', '2024-02-12', '2024-09-23', '2026-09-22', '2027-03-22', '2030-11-04']) {
      expect(holidays.has(d), d).toBe(true);
    }
    expect(holidays.has('2020-10-12')).toBe(false); // Sports Day moved to 24 July in 2020
  });
});

describe('reference implementation: pricing-cases.json', () => {
  const { tariffs, cases } = JSON.parse(readFileSync(casesPath, 'utf8')) as {
    tariffs: Record<string, Tariff>;
    cases: { id: string; tariff: string; started_at: string; ended_at: string; expected_yen: number }[];
  };

  it('has cases', () => expect(cases.length).toBeGreaterThan(0));
  it('every tariff is valid', () => {
    for (const [name, t] of Object.entries(tariffs)) expect(referenceValidate(t), name).toBeNull();
  });
  for (const c of cases) {
    it(`${c.id} (${c.tariff}) = ${c.expected_yen}`, () => {
      expect(referenceFee(tariffs[c.tariff], c.started_at, c.ended_at, holidays)).toBe(c.expected_yen);
    });
  }
});

describe('reference implementation: hand-computed cases', () => {
  const fee = (t: Tariff, from: string, to: string) => referenceFee(t, from, to, holidays);

  it('a rule listing 7 prices public holidays', () => {
    const t = tariff([rate([0, 1, 2, 3, 4, 5, 6], '00:00', '00:00', 30, 100), rate([7], '00:00', '00:00', 30, 200)]);
    expect(fee(t, '2024-07-15T10:00:00+09:00', '2024-07-15T11:00:00+09:00')).toBe(400); // Marine Day
    expect(fee(t, '2024-07-16T10:00:00+09:00', '2024-07-16T11:00:00+09:00')).toBe(200);
  });

  it('when a rule of the kind lists 7, weekday-only rules do not apply on a holiday', () => {
    const t = tariff([rate(ALL, '00:00', '00:00', 30, 100, { priority: 1 }), rate([1, 2, 3, 4, 5], '00:00', '00:00', 30, 300, { priority: 2 })]);
    expect(fee(t, '2024-07-15T10:00:00+09:00', '2024-07-15T10:30:00+09:00')).toBe(100); // holiday Monday
    expect(fee(t, '2024-07-22T10:00:00+09:00', '2024-07-22T10:30:00+09:00')).toBe(300);
  });

  it('a night band keeps the price of the date it started on', () => {
    const t = tariff([
      rate(ALL, '08:00', '22:00', 30, 200),
      rate([0, 1, 2, 3, 4, 5, 6], '22:00', '08:00', 60, 100),
      rate([7], '22:00', '08:00', 60, 50),
    ]);
    expect(referenceValidate(t)).toBeNull();
    expect(fee(t, '2024-07-15T22:00:00+09:00', '2024-07-16T01:00:00+09:00')).toBe(150); // started on the holiday
    expect(fee(t, '2024-07-14T22:00:00+09:00', '2024-07-15T01:00:00+09:00')).toBe(300); // started on Sunday
  });

  it('holiday daily caps', () => {
    const t = tariff([rate(ALL, '00:00', '00:00', 10, 100), cap([0, 1, 2, 3, 4, 5, 6], '00:00', '00:00', 2000), cap([7], '00:00', '00:00', 1000)]);
    expect(fee(t, '2024-07-15T09:00:00+09:00', '2024-07-15T18:00:00+09:00')).toBe(1000);
    expect(fee(t, '2024-07-16T09:00:00+09:00', '2024-07-16T18:00:00+09:00')).toBe(2000);
  });

  it('a rolling window is capped by the rule matching the date it starts on', () => {
    const t = tariff([
      rate(ALL, '00:00', '00:00', 10, 100),
      cap([1, 2, 3, 4, 5], '00:00', '00:00', 1500, { cap_minutes: 1440 }),
      cap([0, 6], '00:00', '00:00', 3000, { cap_minutes: 1440 }),
    ]);
    // Friday 20:00 window: 1500; Saturday 20:00 window: 6 units, 600
    expect(fee(t, '2024-06-14T20:00:00+09:00', '2024-06-15T21:00:00+09:00')).toBe(2100);
  });

  it('cap_repeat false on a band cap of a rate rule caps only its first band', () => {
    const t = tariff([rate(ALL, '08:00', '22:00', 30, 200, { cap_price: 1000, cap_repeat: false }), rate(ALL, '22:00', '08:00', 60, 100, { priority: 2 })]);
    // Mon 08-22 capped 1000, night 10 units 1000, Tue 08-12 8 units 1600 (not capped)
    expect(fee(t, '2024-06-10T08:00:00+09:00', '2024-06-11T12:00:00+09:00')).toBe(3600);
  });

  it('a cap-only band restarts the unit sequence', () => {
    const t = tariff([rate(ALL, '00:00', '00:00', 60, 100), cap(ALL, '22:00', '06:00', 300)]);
    // units 21:30-22:00 (cut), then from 22:00 four units capped 300
    expect(fee(t, '2024-06-10T21:30:00+09:00', '2024-06-11T02:00:00+09:00')).toBe(400);
  });

  it('progressive pricing counts from the latest restart', () => {
    const t = tariff([
      rate(ALL, '00:00', '00:00', 60, 500, { priority: 1 }),
      rate(ALL, '00:00', '00:00', 30, 200, { priority: 2, elapsed_from_minutes: 60 }),
      cap(ALL, '00:00', '00:00', 100000),
    ]);
    // 23:00-24:00 first hour 500; from midnight (a restart) the first hour is 500 again, then 200
    expect(fee(t, '2024-06-10T23:00:00+09:00', '2024-06-11T01:30:00+09:00')).toBe(500 + 500 + 200);
  });

  it('wall clock in another time zone, across a DST change', () => {
    const t = tariff([rate(ALL, '00:00', '00:00', 60, 100)], { timezone: 'America/New_York' });
    // 00:30 to 04:30 local on 10 March 2024 is three real hours
    expect(fee(t, '2024-03-10T05:30:00Z', '2024-03-10T08:30:00Z')).toBe(300);
    const d = tariff([rate(ALL, '00:00', '00:00', 60, 100), cap(ALL, '00:00', '00:00', 1000)], { timezone: 'America/New_York' });
    // the 23-hour day is one cap window
    expect(fee(d, '2024-03-10T05:00:00Z', '2024-03-11T04:00:00Z')).toBe(1000);
  });

  it('grace modes, exit before entry, seconds', () => {
    const t = tariff([rate(ALL, '00:00', '00:00', 30, 100)], { grace: { minutes: 15, mode: 'free_if_within' } });
    expect(fee(t, '2024-06-10T10:00:00Z', '2024-06-10T10:15:00Z')).toBe(0);
    expect(fee(t, '2024-06-10T10:00:00Z', '2024-06-10T10:15:01Z')).toBe(100);
    expect(fee(t, '2024-06-10T10:00:00Z', '2024-06-10T09:00:00Z')).toBe(0);
    expect(() => fee(t, '2024-06-10T10:00:00Z', '2025-06-12T10:00:00Z')).toThrow();
  });

  it('validation finds uncovered time and priority clashes', () => {
    expect(referenceValidate(tariff([rate([1, 2, 3, 4, 5], '00:00', '00:00', 30, 100)]))).toMatch(/not covered/);
    expect(referenceValidate(tariff([rate(ALL, '00:00', '00:00', 30, 100), rate(ALL, '22:00', '08:00', 60, 100)]))).toMatch(/overlap/);
    expect(referenceValidate(tariff([rate(ALL, '0:00', '00:00', 30, 100)]))).toMatch(/start_time/);
    expect(referenceValidate(tariff([rate(ALL, '00:00', '00:00', 30, 100), cap(ALL, '00:00', '00:00', 0, { cap_price: null })]))).toMatch(/cap_price/);
  });
});
