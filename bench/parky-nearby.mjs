// Parky nearby search on 200,000 lots: latency of parky.nearby_parking_lots (1 km radius, limit 20)
// called as `authenticated`, the way PostgREST calls it (one transaction: set local role, set the
// JWT claims, the RPC), measured with pgbench. Prints median and p95 per transaction, the query
// plan's key line, and a RESULT line with the figures as JSON. Asserts no timing.
//
// Usage: SUPABASE_DB_URL=postgresql://postgres@127.0.0.1:54330/postgres node bench/parky-nearby.mjs
// Environment: BENCH_LOTS (200000), BENCH_SECONDS (15), BENCH_CLIENTS (1; a second run uses 4).
// The lots are inserted into parky.parking_lots with source 'bench' (npm run bench resets the
// database afterwards).
import postgres from 'postgres';
import { runPgbench, summarize } from './lib/pgbench.mjs';

const url = process.env.SUPABASE_DB_URL;
if (!url) {
  console.error('SUPABASE_DB_URL is required');
  process.exit(2);
}
const lots = Number(process.env.BENCH_LOTS ?? 200_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const userId = 'fa12be00-0000-4000-8000-000000000001';
// Greater Tokyo: about 33 km x 33 km, so a 1 km circle holds some 550 lots (central Tokyo density).
const box = { latMin: 35.52, latMax: 35.82, lngMin: 139.56, lngMax: 139.92 };

const sql = postgres(url, { onnotice: () => {}, max: 1 });

async function load() {
  const started = performance.now();
  await sql`insert into parky.codes (category, code, label_ja, label_en) values ('lot_source', 'bench', 'ベンチマーク', 'Benchmark')
            on conflict do nothing`;
  await sql`insert into auth.users (id, aud, role, email, raw_user_meta_data, created_at, updated_at)
            values (${userId}, 'authenticated', 'authenticated', 'bench@parky.example', '{"display_name": "bench"}', now(), now())
            on conflict do nothing`;
  await sql`set statement_timeout = 0`;
  await sql`
    insert into parky.parking_lots (name, prefecture, city, location, structure, entry_method, status, source, total_spaces)
    select 'bench lot ' || g, 'tokyo', 'bench',
           extensions.st_setsrid(extensions.st_makepoint(
             ${box.lngMin}::float8 + random() * ${box.lngMax - box.lngMin}::float8,
             ${box.latMin}::float8 + random() * ${box.latMax - box.latMin}::float8), 4326)::extensions.geography,
           (array['flat', 'flat', 'multistory', 'underground', 'mechanical'])[1 + (g % 5)],
           (array['flap', 'gate', 'barrier_free'])[1 + (g % 3)],
           case when g % 50 = 0 then 'hidden' else 'active' end, 'bench', 5 + g % 200
    from generate_series(1, ${lots}) g`;
  await sql`analyze parky.parking_lots`;
  return (performance.now() - started) / 1000;
}

function claims() {
  return JSON.stringify({ sub: userId, role: 'authenticated', aud: 'authenticated' });
}

function script() {
  const scale = 100_000;
  return [
    `\\set lat random(${Math.round(box.latMin * scale)}, ${Math.round(box.latMax * scale)})`,
    `\\set lng random(${Math.round(box.lngMin * scale)}, ${Math.round(box.lngMax * scale)})`,
    // One request as PostgREST makes it, in one round trip.
    `begin\\; set local role authenticated\\; select set_config('request.jwt.claims', '${claims()}', true)\\; ` +
      `select count(*) from parky.nearby_parking_lots(:lat / ${scale}.0, :lng / ${scale}.0, 1000, 20)\\; commit;`,
  ].join('\n') + '\n';
}

function measure(clients) {
  // Several statements in one line (one round trip): pgbench's prepared mode refuses them.
  const run = runPgbench({ url, name: 'parky-nearby', script: script(), clients, seconds, queryMode: 'simple' });
  return { clients, ...summarize(run) };
}

async function planLine() {
  // The search body runs as its owner (security definer, never inlined): explain an inlinable
  // copy of it under the function's own planner settings, as the pgTAP plan test does.
  return sql.begin(async (tx) => {
    await tx.unsafe(`do $$
      declare v_fn regprocedure := 'parky_private.search_nearby_lots'::regproc;
      begin
        execute format('create function pg_temp.search_body(%s) returns %s language sql stable as %L',
                       pg_get_function_arguments(v_fn), pg_get_function_result(v_fn), (select prosrc from pg_proc where oid = v_fn));
      end $$`);
    await tx.unsafe(`select set_config(split_part(c, '=', 1), split_part(c, '=', 2), true)
                     from pg_proc p, unnest(p.proconfig) c
                     where p.oid = 'parky_private.search_nearby_lots'::regproc and c not like 'search\\_path=%'`);
    const rows = await tx.unsafe(`explain (analyze, costs off, summary off)
      select * from pg_temp.search_body('SRID=4326;POINT(139.7671 35.6812)', 1000, 20,
        null, null, null, null, null, null, null, null, null, null)`);
    return rows.map((r) => r['QUERY PLAN']).filter((l) => /Scan|Index Cond|Order By|Removed/.test(l)).join('\n');
  });
}

async function resultCount() {
  return sql.begin(async (tx) => {
    await tx`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${claims()}, true)`;
    const [row] = await tx`select count(*)::int as n, max(distance_m) as farthest
                           from parky.nearby_parking_lots(35.6812, 139.7671, 1000, 20)`;
    return row;
  });
}

try {
  const loadSeconds = await load();
  const sample = await resultCount();
  const plan = await planLine();
  const single = measure(Number(process.env.BENCH_CLIENTS ?? 1));
  const concurrent = measure(4);
  console.log(`
Parky nearby search — ${lots.toLocaleString('en')} lots over Greater Tokyo (loaded in ${loadSeconds.toFixed(1)} s)
  query: parky.nearby_parking_lots(lat, lng, 1000 m, limit 20) as authenticated, random centres,
         one PostgREST-style transaction per call (set local role + claims + RPC), pgbench ${seconds} s
  sample at Tokyo station: ${sample.n} lots, farthest ${Math.round(sample.farthest)} m
  plan of the search body (security definer):
${plan.split('\n').map((l) => `    ${l}`).join('\n')}
  ${single.clients} client : median ${single.median_ms} ms, p95 ${single.p95_ms} ms, p99 ${single.p99_ms} ms (${single.tps} tps, ${single.transactions} calls)
  ${concurrent.clients} clients: median ${concurrent.median_ms} ms, p95 ${concurrent.p95_ms} ms, p99 ${concurrent.p99_ms} ms (${concurrent.tps} tps, ${concurrent.transactions} calls)
`);
  console.log(`RESULT ${JSON.stringify({ bench: 'parky-nearby', lots, radius_m: 1000, limit: 20, role: 'authenticated', single, concurrent })}`);
} finally {
  await sql.end();
}
