// Fee quotes per second: parky.calculate_fee for a 3-hour and a 7-day stay on a day/night
// tariff with band caps and a 24-hour rolling cap, against a trivial SQL function taking the
// same arguments, in the same run (one client each, one transaction per call, prepared).
// Targets (issue 4): a 3-hour quote costs ≤ 3× the trivial call; a 7-day quote < 2 ms.
import postgres from 'postgres';
import { runPgbench, summarize } from './lib/pgbench.mjs';

const url = process.env.SUPABASE_DB_URL;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const tariff = {
  timezone: 'Asia/Tokyo', unit_boundary: 'unit_start', grace: null,
  rules: [
    { day_of_week: [0, 1, 2, 3, 4, 5, 6, 7], start_time: '08:00', end_time: '22:00', unit_minutes: 30, unit_price: 200,
      cap_minutes: null, cap_price: 1500, cap_repeat: true, priority: 1 },
    { day_of_week: [0, 1, 2, 3, 4, 5, 6, 7], start_time: '22:00', end_time: '08:00', unit_minutes: 60, unit_price: 100,
      cap_minutes: null, cap_price: 400, cap_repeat: true, priority: 1 },
    { day_of_week: [0, 1, 2, 3, 4, 5, 6, 7], start_time: '00:00', end_time: '00:00', unit_minutes: null, unit_price: null,
      cap_minutes: 1440, cap_price: 1800, cap_repeat: true, priority: 0 },
  ],
};

const sql = postgres(url, { max: 1, onnotice: () => {} });
await sql`create schema if not exists bench`;
// The tariff sits in a table: pgbench would read `":null` in inline JSON as a variable.
await sql`create table bench.tariffs (tariff jsonb not null)`;
await sql`insert into bench.tariffs values (${sql.json(tariff)})`;
await sql`create or replace function bench.trivial(p_tariff jsonb, p_started_at timestamptz, p_ended_at timestamptz)
          returns jsonb language sql stable as $$ select jsonb_build_object('amount', 0) $$`;
await sql.end();

const call = (fn, hours) => `select ${fn}(t.tariff, '2026-11-20 09:13:27+09'::timestamptz,
  '2026-11-20 09:13:27+09'::timestamptz + interval '${hours} hours') from bench.tariffs t;\n`;
const runs = {
  trivial: summarize(runPgbench({ url, name: 'trivial', script: call('bench.trivial', 3), seconds })),
  three_hours: summarize(runPgbench({ url, name: 'fee-3h', script: call('parky.calculate_fee', 3), seconds })),
  seven_days: summarize(runPgbench({ url, name: 'fee-7d', script: call('parky.calculate_fee', 7 * 24), seconds })),
};
console.table(runs);
const ratio = runs.trivial.tps / runs.three_hours.tps;
console.log(`3-hour quote costs ${ratio.toFixed(2)}× a trivial call (target ≤ 3×); ` +
  `7-day quote mean ${runs.seven_days.mean_ms} ms (target < 2 ms)`);
console.log(`RESULT ${JSON.stringify({ bench: 'parky-fees', ...runs, ratio: Number(ratio.toFixed(2)) })}`);
