// Benchmark (a) of issue 5: likes under contention. 16 pgbench clients like one prompt (hot)
// or random prompts among 10,000 (spread), as `authenticated` through RLS and the counter
// triggers, compared in the same run with the same inserts into a likes table without
// counters. Every transaction is a new (user, prompt) pair, so every like inserts a row.
// Afterwards the exact counters must equal count(*) of likes, before and after the fold.
// Target: hot at least half the throughput of spread.
import postgres from 'postgres';
import { categoriesSql, promptId, promptIdSql, promptsSql, userIdSql, usersSql } from './lib/prompty-load.mjs';
import { quantile, runPgbench } from './lib/pgbench.mjs';

const url = process.env.SUPABASE_DB_URL;
if (!url) throw new Error('SUPABASE_DB_URL is not set (npm run bench sets it)');
const CLIENTS = 16;
const PER_CLIENT = 500;
const AUTHORS = 100;
const PROMPTS = 10_000;
const RUNS = ['plain, hot', 'plain, spread', 'counted, hot', 'counted, spread', 'like_prompt RPC, hot', 'like_prompt RPC, spread'];
const LIKERS = CLIENTS * PER_CLIENT * RUNS.length;

const sql = postgres(url, { max: 1, onnotice: () => {} });
const started = Date.now();
const log = (message) => console.log(`  [${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

log(`loading ${AUTHORS + LIKERS} users and ${PROMPTS} prompts`);
await sql.unsafe(`set statement_timeout = 0; ${usersSql(AUTHORS + LIKERS)} ${categoriesSql}`).simple();
await sql.unsafe(promptsSql({ count: PROMPTS, authors: AUTHORS })).simple();
await sql.unsafe(`
-- The same likes table without counter triggers (same keys, indexes, RLS insert path).
create schema bench;
grant usage on schema bench to authenticated;
create table bench.bench_plain_likes (
  user_id uuid not null default auth.uid() references prompty.profiles (id) on delete cascade,
  prompt_id uuid not null references prompty.prompts (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, prompt_id)
);
create index on bench.bench_plain_likes (prompt_id, created_at);
create index on bench.bench_plain_likes (created_at);
alter table bench.bench_plain_likes enable row level security;
create policy bench_plain_likes_insert on bench.bench_plain_likes for insert to authenticated with check (user_id = (select auth.uid()));
grant insert (prompt_id) on bench.bench_plain_likes to authenticated;
-- Each transaction takes the next liker: every like is a new (user, prompt) pair.
create sequence bench.bench_liker_seq start with ${AUTHORS + 1};
grant usage on sequence bench.bench_liker_seq to authenticated;
`).simple();
for (const table of ['prompts', 'profiles']) await sql.unsafe(`vacuum analyze prompty.${table}`);
log('ready');

const asNextLiker = `select set_config('request.jwt.claims', '{"role": "authenticated", "sub": "' || ${userIdSql("nextval('bench.bench_liker_seq')")} || '"}', false),
       set_config('role', 'authenticated', false);
`;
const target = (spread) => (spread ? `\\set p random(1, ${PROMPTS})\n` : '\\set p 1\n');
const scripts = {
  'plain, hot': `${target(false)}${asNextLiker}insert into bench.bench_plain_likes (prompt_id) values (${promptIdSql(':p')});\n`,
  'plain, spread': `${target(true)}${asNextLiker}insert into bench.bench_plain_likes (prompt_id) values (${promptIdSql(':p')});\n`,
  'counted, hot': `${target(false)}${asNextLiker}insert into prompty.likes (prompt_id) values (${promptIdSql(':p')});\n`,
  'counted, spread': `${target(true)}${asNextLiker}insert into prompty.likes (prompt_id) values (${promptIdSql(':p')});\n`,
  'like_prompt RPC, hot': `${target(false)}${asNextLiker}select prompty.like_prompt(${promptIdSql(':p')});\n`,
  'like_prompt RPC, spread': `${target(true)}${asNextLiker}select prompty.like_prompt(${promptIdSql(':p')});\n`,
};

const results = {};
for (const name of RUNS) {
  const run = runPgbench({ url, name: name.replace(/\W+/g, '-'), script: scripts[name], clients: CLIENTS, transactions: PER_CLIENT });
  results[name] = {
    likes_per_s: Math.round(run.tps),
    likes: run.transactions - run.failed,
    failed: run.failed,
    median_ms: Number(quantile(run.latenciesMs, 0.5).toFixed(2)),
    p95_ms: Number(quantile(run.latenciesMs, 0.95).toFixed(2)),
  };
  log(`${name}: ${results[name].likes_per_s} likes/s`);
}

const check = async () => {
  const [row] = await sql`
    select (select count(*) from prompty.likes) as likes,
           (select count(*) from prompty.likes where prompt_id = ${promptId(1)}) as hot_likes,
           (select like_count from prompty_private.prompt_counts(${promptId(1)})) as hot_counter,
           (select count(*) from prompty.prompts p
            where (select c.like_count from prompty_private.prompt_counts(p.id) c)
                  <> (select count(*) from prompty.likes l where l.prompt_id = p.id)) as mismatches`;
  return row;
};
const before = await check();
const folded = (await sql`select prompty_private.fold_counters() as n`)[0].n;
const after = await check();
await sql.end();

const ratio = results['counted, hot'].likes_per_s / results['counted, spread'].likes_per_s;
const rpcRatio = results['like_prompt RPC, hot'].likes_per_s / results['like_prompt RPC, spread'].likes_per_s;
console.log(`
Prompty likes under contention: ${CLIENTS} clients x ${PER_CLIENT} likes each per run, as authenticated, ${PROMPTS} prompts
"plain" = the same insert into a likes table without counter triggers; "counted" = prompty.likes (slotted counters)
`);
console.log('  run                       likes/s   median ms   p95 ms   failed');
for (const [name, r] of Object.entries(results)) {
  console.log(`  ${name.padEnd(24)} ${String(r.likes_per_s).padStart(8)} ${String(r.median_ms).padStart(11)} ${String(r.p95_ms).padStart(8)} ${String(r.failed).padStart(8)}`);
}
console.log(`
  hot / spread (counted): ${ratio.toFixed(2)}   (like_prompt RPC: ${rpcRatio.toFixed(2)})   target >= 0.5
  counters == count(*): before fold hot ${before.hot_counter} = ${before.hot_likes}, mismatching prompts ${before.mismatches};
                        after fold (${folded} rows) hot ${after.hot_counter} = ${after.hot_likes}, mismatching prompts ${after.mismatches}`);
console.log(`\nRESULT ${JSON.stringify({
  bench: 'prompty-likes', clients: CLIENTS, likes_per_client: PER_CLIENT, prompts: PROMPTS, results,
  hot_over_spread: Number(ratio.toFixed(3)), rpc_hot_over_spread: Number(rpcRatio.toFixed(3)),
  counters_exact_before_fold: before.mismatches === '0' && before.hot_counter === before.hot_likes,
  counters_exact_after_fold: after.mismatches === '0' && after.hot_counter === after.hot_likes,
})}`);
