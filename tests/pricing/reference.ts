/**
 * A deliberately simple, brute-force reference implementation of Parky's fee rules
 * (pricing.md, "Rules of calculation"), used to test `parky.calculate_fee` in Postgres.
 *
 * It walks the stay unit by unit and asks, for every unit, "which rule applies at this instant?"
 * and "which cap windows contain it?" by looking at the calendar directly. Nothing is
 * precomputed or batched, so each step can be checked against pricing.md by reading it. It is
 * independent of the SQL design (which walks from event to event and prices runs of units at
 * once); the two are compared by tests/pricing/fee-property.test.ts.
 *
 * Readings of pricing.md that the worked examples do not decide (the same readings are written
 * down at the top of the migration supabase/migrations/20261123000200_parky_fee_engine.sql):
 *  - A rolling cap window exists only if its start date matches the rule's day_of_week; a
 *    window that does not apply neither caps nor restarts the unit sequence.
 *  - cap_repeat false: the rule's first window is the first of its windows that contains the
 *    start of a unit it applies to; later windows still restart the unit sequence (cap-only
 *    rules) but cap nothing.
 *  - split mode cuts the running unit where the winning rate rule changes, but does not reset
 *    the elapsed_from_minutes clock (only the starts of cap-only windows do).
 *  - Wall-clock times that do not exist (DST gap) use the UTC offset from before the jump;
 *    ambiguous ones (DST overlap) the offset from after it (PostgreSQL's rule).
 *  - "24:00" is accepted as an end time and means midnight.
 *
 * Time is handled in milliseconds since the epoch; inputs with sub-millisecond precision are
 * not supported (the SQL works in microseconds).
 */

/** One rule of a tariff (a `parking_lot_pricing_rules` row). */
export interface TariffRule {
  day_of_week: number[];
  start_time: string;
  end_time: string;
  unit_minutes?: number | null;
  unit_price?: number | null;
  cap_minutes?: number | null;
  cap_price?: number | null;
  cap_repeat?: boolean | null;
  priority?: number | null;
  elapsed_from_minutes?: number | null;
}

/** A lot's tariff: its rules plus lot-level settings (pricing.md, "Tariff format"). */
export interface Tariff {
  timezone?: string | null;
  unit_boundary?: 'unit_start' | 'split' | null;
  grace?: { minutes: number; mode: 'free_if_within' | 'first_free' } | null;
  rules: TariffRule[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Minutes after midnight of "HH:MM" ("24:00" is midnight, 0). */
function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h * 60 + m) % 1440;
}

/** Dates are day numbers: days since 1970-01-01 (a Thursday). */
const dayNumber = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / DAY;

/** 0 = Sunday ... 6 = Saturday. */
const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

/**
 * Wall-clock arithmetic in one IANA time zone, through Intl.DateTimeFormat. The UTC offsets of
 * a year are found once: sampled every 6 hours and bisected to the minute where they change
 * (offsets change on whole minutes, at most once in 6 hours).
 */
class Zone {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly years = new Map<number, { base: number; changes: [number, number][] }>();

  constructor(name: string) {
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  }

  /** UTC offset (ms) at instant t (a whole minute), straight from Intl. */
  private raw(t: number): number {
    const p: Record<string, number> = {};
    for (const part of this.fmt.formatToParts(new Date(t))) {
      if (part.type !== 'literal') p[part.type] = Number(part.value);
    }
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - t;
  }

  private year(y: number) {
    let table = this.years.get(y);
    if (!table) {
      const from = Date.UTC(y, 0, 1);
      const to = Date.UTC(y + 1, 0, 1);
      const step = 6 * 60 * MINUTE;
      table = { base: this.raw(from), changes: [] };
      let prevT = from;
      let prevO = table.base;
      while (prevT < to) {
        const t = Math.min(prevT + step, to);
        const o = this.raw(t);
        if (o !== prevO) {
          let lo = prevT;
          let hi = t;
          while (hi - lo > MINUTE) {
            const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
            if (this.raw(mid) === prevO) lo = mid;
            else hi = mid;
          }
          table.changes.push([hi, o]);
        }
        prevT = t;
        prevO = o;
      }
      this.years.set(y, table);
    }
    return table;
  }

  /** UTC offset (ms) in force at instant t. */
  offset(t: number): number {
    const table = this.year(new Date(t).getUTCFullYear());
    let off = table.base;
    for (const [at, o] of table.changes) {
      if (t < at) break;
      off = o;
    }
    return off;
  }

  /** The local date (day number) of instant t. */
  localDate(t: number): number {
    return Math.floor((t + this.offset(t)) / DAY);
  }

  /**
   * The instant of wall-clock time `minutes` after midnight of local date `day`. A time skipped by a
   * forward jump uses the offset from before the jump; a time that happens twice uses the
   * offset from after the jump (what PostgreSQL's `timestamp AT TIME ZONE` does).
   */
  instant(day: number, minutes: number): number {
    const wall = day * DAY + minutes * MINUTE;
    const before = this.offset(wall - 2 * DAY);
    const after = this.offset(wall + 2 * DAY);
    if (this.offset(wall - after) === after) return wall - after;
    return wall - before;
  }
}

const zones = new Map<string, Zone>();
const zoneNamed = (name: string): Zone => {
  let zone = zones.get(name);
  if (!zone) zones.set(name, (zone = new Zone(name)));
  return zone;
};

interface Window {
  key: string | number;
  start: number;
  end: number;
}

/**
 * The fee in yen for a stay from `startedAtIso` to `endedAtIso` under `tariff`, with
 * `holidays` the public holidays as "YYYY-MM-DD". Throws on a stay longer than 366 days.
 */
export function referenceFee(
  tariff: Tariff,
  startedAtIso: string,
  endedAtIso: string,
  holidays: Set<string>,
): number {
  const entry = Date.parse(startedAtIso);
  const exit = Date.parse(endedAtIso);
  if (Number.isNaN(entry) || Number.isNaN(exit)) throw new Error('bad timestamps');

  // rule 1: exit at or before entry costs nothing
  if (exit <= entry) return 0;
  if (exit - entry > 366 * DAY) throw new Error('stay longer than one year');

  // rule 2: grace
  const grace = tariff.grace ?? null;
  if (grace?.mode === 'free_if_within' && exit - entry <= grace.minutes * MINUTE) return 0;
  const S = grace?.mode === 'first_free' ? entry + grace.minutes * MINUTE : entry;
  if (exit <= S) return 0;

  const zone = zoneNamed(tariff.timezone ?? 'Asia/Tokyo');
  const holidayDays = new Set([...holidays].map(dayNumber));
  const split = tariff.unit_boundary === 'split';
  const rules = tariff.rules;
  const isRate = (r: TariffRule) => r.unit_minutes != null;
  const listsHoliday = (rate: boolean) => rules.some((r) => isRate(r) === rate && r.day_of_week.includes(7));
  const has7 = { rate: listsHoliday(true), cap: listsHoliday(false) };

  // rule 3: a rule's windows belong to the date they start on; on a holiday, if a rule of the
  // same kind lists 7, only rules listing 7 count, otherwise the weekday decides
  const matches = (r: TariffRule, day: number): boolean => {
    const type = holidayDays.has(day) && (isRate(r) ? has7.rate : has7.cap) ? 7 : weekday(day);
    return r.day_of_week.includes(type);
  };
  const occurrences = new Map<TariffRule, Map<number, Window>>();
  const occurrence = (r: TariffRule, day: number): Window => {
    let byDay = occurrences.get(r);
    if (!byDay) occurrences.set(r, (byDay = new Map()));
    let w = byDay.get(day);
    if (!w) {
      const s = minutesOf(r.start_time);
      const e = minutesOf(r.end_time);
      w = { key: day, start: zone.instant(day, s), end: zone.instant(e > s ? day : day + 1, e) };
      byDay.set(day, w);
    }
    return w;
  };
  const occurrenceAt = (r: TariffRule, t: number): Window | null => {
    const today = zone.localDate(t);
    for (let day = today - 2; day <= today + 1; day++) {
      if (!matches(r, day)) continue;
      const w = occurrence(r, day);
      if (w.start <= t && t < w.end) return w;
    }
    return null;
  };
  // cap windows: rolling ones (cap_minutes) start at S and apply when their start date
  // matches day_of_week; band ones are the occurrences of the rule's daily window
  const capWindowAt = (r: TariffRule, t: number): Window | null => {
    if (r.cap_minutes != null) {
      const len = r.cap_minutes * MINUTE;
      const k = Math.floor((t - S) / len);
      const start = S + k * len;
      if (k < 0 || !matches(r, zone.localDate(start))) return null;
      return { key: `rolling ${k}`, start, end: start + len };
    }
    return occurrenceAt(r, t);
  };

  const capOnly = rules.filter((r) => !isRate(r));
  // rule 5: the unit sequence restarts where a window of a cap-only rule starts
  const isRestart = (t: number): boolean =>
    t > S && capOnly.some((r) => capWindowAt(r, t)?.start === t);
  const nextRestart = (after: number, before: number): number | null => {
    let best: number | null = null;
    for (const r of capOnly) {
      if (r.cap_minutes != null) {
        const len = r.cap_minutes * MINUTE;
        for (let k = Math.floor((after - S) / len) + 1; S + k * len < before; k++) {
          if (matches(r, zone.localDate(S + k * len))) {
            if (best === null || S + k * len < best) best = S + k * len;
            break;
          }
        }
      } else {
        const last = zone.localDate(before);
        for (let day = zone.localDate(after) - 1; day <= last + 1; day++) {
          if (!matches(r, day)) continue;
          const start = occurrence(r, day).start;
          if (start > after && start < before && (best === null || start < best)) best = start;
        }
      }
    }
    return best;
  };

  // rules 3 and 4: the rate rule that prices a unit starting at t (origin: start of the sequence)
  const winnerAt = (t: number, origin: number): TariffRule => {
    let best: TariffRule | null = null;
    for (const r of rules) {
      if (!isRate(r) || !occurrenceAt(r, t)) continue;
      if (t - origin < (r.elapsed_from_minutes ?? 0) * MINUTE) continue;
      if (best === null || (r.priority ?? 0) > (best.priority ?? 0)) best = r;
    }
    if (best === null) throw new Error(`no rate rule at ${new Date(t).toISOString()}`);
    return best;
  };

  const remaining = new Map<string, number>();
  const firstWindow = new Map<number, string>();
  let fee = 0;
  let origin = S;
  let u = S;
  while (u < exit) {
    if (isRestart(u)) origin = u;
    const rule = winnerAt(u, origin);
    let end = u + rule.unit_minutes! * MINUTE;
    const restart = nextRestart(u, end);
    if (restart !== null) end = restart;
    if (split) {
      // every instant where the winner could change lies on a whole minute, or a whole number
      // of minutes after S; look at each of them inside the unit
      const candidates: number[] = [];
      for (let t = Math.floor(u / MINUTE) * MINUTE + MINUTE; t < end; t += MINUTE) candidates.push(t);
      for (let t = S + (Math.floor((u - S) / MINUTE) + 1) * MINUTE; t < end; t += MINUTE) candidates.push(t);
      candidates.sort((a, b) => a - b);
      for (const t of candidates) {
        if (winnerAt(t, origin) !== rule) {
          end = t;
          break;
        }
      }
    }

    // rule 6: every cap window containing the unit's start that applies to it limits the charge
    let charge = rule.unit_price!;
    const used: string[] = [];
    rules.forEach((r, index) => {
      if (r.cap_price == null || (isRate(r) && r !== rule)) return;
      const w = capWindowAt(r, u);
      if (!w) return;
      const key = `${index}/${w.key}`;
      if (!firstWindow.has(index)) firstWindow.set(index, key);
      if ((r.cap_repeat ?? true) === false && firstWindow.get(index) !== key) return;
      if (!remaining.has(key)) remaining.set(key, r.cap_price);
      charge = Math.min(charge, remaining.get(key)!);
      used.push(key);
    });
    for (const key of used) remaining.set(key, remaining.get(key)! - charge);
    fee += charge;
    u = end;
  }
  return fee;
}

const RULE_FIELDS = new Set([
  'day_of_week', 'start_time', 'end_time', 'unit_minutes', 'unit_price', 'cap_minutes',
  'cap_price', 'cap_repeat', 'priority', 'elapsed_from_minutes',
]);
const TARIFF_FIELDS = new Set(['timezone', 'unit_boundary', 'grace', 'rules']);

/** Limits that bound the work of a fee (validate_tariff: PK004, PK005, PK006). */
export const MAX_RULES = 20;
export const MIN_CAP_MINUTES = 60;
export const WORK_BUDGET = 1200;

/** (window boundaries per day) x (rules): the work bound that validate_tariff checks (PK006). */
export function workPerDay(rules: TariffRule[]): number {
  let events = 0;
  let restarts = 0;
  for (const r of rules) {
    const rate = r.unit_minutes != null;
    if (r.cap_minutes != null) {
      events += Math.ceil(1440 / r.cap_minutes);
      if (!rate) restarts += Math.ceil(1440 / r.cap_minutes);
    }
    if (rate || r.cap_minutes == null) {
      events += minutesOf(r.start_time) === minutesOf(r.end_time) ? 1 : 2;
      if (!rate) restarts += 1;
    }
  }
  events += rules.filter((r) => (r.elapsed_from_minutes ?? 0) > 0).length * (1 + restarts);
  return events * rules.length;
}

const isInt = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * The first problem of a tariff (pricing.md, "Validation"), or null if it is valid. Coverage is
 * checked for every weekday, with and without a holiday on that day and on the day before, at
 * every minute where the set of applying rules can change. Timezone names are not checked here.
 */
export function referenceValidate(tariff: unknown): string | null {
  if (typeof tariff !== 'object' || tariff === null || Array.isArray(tariff)) return 'not an object';
  const t = tariff as Record<string, unknown>;
  for (const k of Object.keys(t)) if (!TARIFF_FIELDS.has(k)) return `unknown field ${k}`;
  if (t.timezone != null && typeof t.timezone !== 'string') return 'timezone';
  if (t.unit_boundary != null && t.unit_boundary !== 'unit_start' && t.unit_boundary !== 'split') return 'unit_boundary';
  if (t.grace != null) {
    const g = t.grace as Record<string, unknown>;
    if (typeof g !== 'object' || Array.isArray(g)) return 'grace';
    if (Object.keys(g).some((k) => k !== 'minutes' && k !== 'mode')) return 'grace';
    if (!isInt(g.minutes, 0, 527040) || (g.mode !== 'free_if_within' && g.mode !== 'first_free')) return 'grace';
  }
  if (!Array.isArray(t.rules) || t.rules.length === 0) return 'rules';
  if (t.rules.length > MAX_RULES) return 'limit: rules';
  const rules = t.rules as Record<string, unknown>[];
  for (const [i, r] of rules.entries()) {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) return `rule ${i}: not an object`;
    for (const k of Object.keys(r)) if (!RULE_FIELDS.has(k)) return `rule ${i}: unknown field ${k}`;
    const d = r.day_of_week;
    if (!Array.isArray(d) || d.length === 0 || !d.every((x) => isInt(x, 0, 7))) return `rule ${i}: day_of_week`;
    if (typeof r.start_time !== 'string' || !/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(r.start_time)) return `rule ${i}: start_time`;
    if (typeof r.end_time !== 'string' || !/^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/.test(r.end_time)) return `rule ${i}: end_time`;
    const rate = r.unit_minutes != null || r.unit_price != null;
    if (rate) {
      if (!isInt(r.unit_minutes, 1, 527040)) return `rule ${i}: unit_minutes`;
      if (!isInt(r.unit_price, 1, 2147483647)) return `rule ${i}: unit_price`;
    } else {
      if (r.cap_price == null) return `rule ${i}: cap-only rule without cap_price`;
      if (r.elapsed_from_minutes != null) return `rule ${i}: elapsed_from_minutes on a cap-only rule`;
    }
    if (r.cap_price != null && !isInt(r.cap_price, 0, 2147483647)) return `rule ${i}: cap_price`;
    if (r.cap_minutes != null) {
      if (!isInt(r.cap_minutes, 1, 527040)) return `rule ${i}: cap_minutes`;
      if ((r.cap_minutes as number) < MIN_CAP_MINUTES) return `limit: rule ${i}: cap_minutes`;
      if (r.cap_price == null) return `rule ${i}: cap_minutes without cap_price`;
      if (!rate && (minutesOf(r.start_time as string) !== 0 || minutesOf(r.end_time as string) !== 0)) return `rule ${i}: rolling cap times`;
    }
    if (r.cap_repeat != null && typeof r.cap_repeat !== 'boolean') return `rule ${i}: cap_repeat`;
    if (r.priority != null && !isInt(r.priority, -2147483648, 2147483647)) return `rule ${i}: priority`;
    if (r.elapsed_from_minutes != null && !isInt(r.elapsed_from_minutes, 0, 527040)) return `rule ${i}: elapsed_from_minutes`;
  }

  // coverage and same-priority overlaps of rate rules, minute by minute
  const rateRules = (rules as unknown as TariffRule[])
    .filter((r) => r.unit_minutes != null)
    .map((r) => ({
      days: r.day_of_week.reduce((mask, d) => mask | (1 << d), 0),
      s: minutesOf(r.start_time),
      e: minutesOf(r.end_time),
      base: (r.elapsed_from_minutes ?? 0) === 0,
      priority: r.priority ?? 0,
    }));
  const has7 = rateRules.some((r) => r.days & (1 << 7));
  for (let w = 0; w < 7; w++) {
    for (const prevHoliday of [false, true]) {
      for (const curHoliday of [false, true]) {
        const prevType = prevHoliday && has7 ? 7 : (w + 6) % 7;
        const curType = curHoliday && has7 ? 7 : w;
        // which rules apply can only change at 00:00 and at a rule's start or end minute
        const minutes = new Set([0, ...rateRules.flatMap((r) => [r.s, r.e])]);
        for (const m of minutes) {
          let covered = false;
          const priorities: number[] = [];
          for (const r of rateRules) {
            const fromPrev = (r.days & (1 << prevType)) !== 0 && r.e <= r.s && m < r.e;
            const fromCur = (r.days & (1 << curType)) !== 0 && m >= r.s && (r.e > r.s ? m < r.e : true);
            if (!fromPrev && !fromCur) continue;
            if (r.base) covered = true;
            if (priorities.includes(r.priority)) {
              return `rules: overlap with the same priority at minute ${m} of day type ${curType}`;
            }
            priorities.push(r.priority);
          }
          if (!covered) return `rules: minute ${m} of day type ${curType} after ${prevType} not covered`;
        }
      }
    }
  }
  if (workPerDay(rules as unknown as TariffRule[]) > WORK_BUDGET) return 'limit: work budget';
  return null;
}
