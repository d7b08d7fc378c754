// Fee quotes per second for a 3-hour and a 7-day stay on a day/night tariff with band caps and
// a 24-hour rolling cap, against a trivial SQL function taking the same arguments, in the same
// run (one client each, one transaction per call, prepared, as postgres; BENCH_ROUNDS rounds of
// BENCH_SECONDS per variant, interleaved). Two paths:
//   calculate_fee  the pure function: validates and compiles the tariff JSON on every call;
//   quote_fee      a lot's quote: evaluates the tariff compiled when the lot's rules were saved.
// The 0-hour rows (exit = entry) stop before the fee walk: what is left is the fixed cost of each path.
// Targets (issue 4): a 3-hour quote costs ≤ 3× the trivial call; a 7-day quote < 2 ms.
import postgres from 'postgres';
import { quantile, runPgbench, summarize } from './lib/pgbench.mjs';

const url = process.env.SUPABASE_DB_URL;
const seconds = Number(process.env.BENCH_SECONDS ?? 2);
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
await sql`create table bench.tariffs (tariff jsonb not null, lot_id uuid not null)`;
// one seeded lot gets the same tariff, as an owner saving it would (the triggers compile it)
const [{ id: lotId }] = await sql`select id from parky.parking_lots
  where deleted_at is null and status = 'active' order by id limit 1`;
await sql.begin(async (tx) => {
  await tx`delete from parky.parking_lot_pricing_rules where parking_lot_id = ${lotId}`;
  await tx`update parky.parking_lots set timezone = 'Asia/Tokyo', unit_boundary = 'unit_start', grace = null
           where id = ${lotId}`;
  for (const r of tariff.rules) {
    await tx`insert into parky.parking_lot_pricing_rules (parking_lot_id, day_of_week, start_time, end_time,
               unit_minutes, unit_price, cap_minutes, cap_price, cap_repeat, priority)
             values (${lotId}, ${r.day_of_week}, ${r.start_time}, ${r.end_time}, ${r.unit_minutes}, ${r.unit_price},
                     ${r.cap_minutes}, ${r.cap_price}, ${r.cap_repeat}, ${r.priority})`;
  }
});
await sql`insert into bench.tariffs values (${sql.json(tariff)}, ${lotId})`;
await sql`create or replace function bench.trivial(p_tariff jsonb, p_started_at timestamptz, p_ended_at timestamptz)
          returns jsonb language sql stable as $$ select jsonb_build_object('amount', 0) $$`;
await sql.end();

const call = (fn, arg, hours) => `select ${fn}(t.${arg}, '2026-11-20 09:13:27+09'::timestamptz,
  '2026-11-20 09:13:27+09'::timestamptz + interval '${hours} hours') from bench.tariffs t;\n`;
const scripts = {
  trivial: call('bench.trivial', 'tariff', 3),
  calculate_fee_3h: call('parky.calculate_fee', 'tariff', 3),
  calculate_fee_7d: call('parky.calculate_fee', 'tariff', 7 * 24),
  quote_fee_3h: call('parky.quote_fee', 'lot_id', 3),
  quote_fee_7d: call('parky.quote_fee', 'lot_id', 7 * 24),
  // floors: exit = entry returns before the fee walk (calculate_fee still validates and compiles)
  calculate_fee_0h: call('parky.calculate_fee', 'tariff', 0),
  quote_fee_0h: call('parky.quote_fee', 'lot_id', 0),
};
// The machine is shared: short runs of every variant, interleaved over several rounds, so that a
// change of load hits all of them alike; ratios are taken within a round (median over rounds).
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const all = Object.fromEntries(Object.keys(scripts).map((k) => [k, { tps: 0, transactions: 0, failed: 0, latenciesMs: [] }]));
const roundRatios = { quote_fee_3h: [], calculate_fee_3h: [] };
for (let r = 0; r < rounds; r++) {
  const tps = {};
  for (const [name, script] of Object.entries(scripts)) {
    const run = runPgbench({ url, name, script, seconds });
    tps[name] = run.tps;
    all[name].tps += run.tps / rounds;
    all[name].transactions += run.transactions;
    all[name].latenciesMs.push(...run.latenciesMs);
  }
  for (const k of Object.keys(roundRatios)) roundRatios[k].push(tps.trivial / tps[k]);
}
const runs = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, summarize(v)]));
console.table(runs);
const ratio = (name) => Number(quantile(roundRatios[name], 0.5).toFixed(2));
console.log(`3-hour quote (quote_fee, compiled tariff) costs ${ratio('quote_fee_3h')}× a trivial call, ` +
  `calculate_fee (validating) ${ratio('calculate_fee_3h')}× (target ≤ 3×; median of ${rounds} rounds); 7-day quote ` +
  `median ${runs.quote_fee_7d.median_ms} ms (mean ${runs.quote_fee_7d.mean_ms}), calculate_fee median ` +
  `${runs.calculate_fee_7d.median_ms} ms (mean ${runs.calculate_fee_7d.mean_ms}) (target < 2 ms)`);
console.log(`RESULT ${JSON.stringify({ bench: 'parky-fees', ...runs,
  ratio_quote_3h: ratio('quote_fee_3h'), ratio_calculate_fee_3h: ratio('calculate_fee_3h') })}`);
