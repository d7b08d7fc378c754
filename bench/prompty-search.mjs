// Benchmark (b) of issue 5: Prompty search and the following feed at 100,000 prompts and
// 1,000,000 likes, called as `authenticated` (claims set as PostgREST does), with pgbench.
// Prints median and p95 per workload; asserts no timing (target: p95 under 20 ms).
import postgres from 'postgres';
import { categoriesSql, promptsSql, userIdSql, usersSql, words } from './lib/prompty-load.mjs';
import { quantile, runPgbench } from './lib/pgbench.mjs';

const url = process.env.SUPABASE_DB_URL;
if (!url) throw new Error('SUPABASE_DB_URL is not set (npm run bench sets it)');
const PROMPTS = 100_000;
const USERS = 1_000;
const LIKES_PER_USER = 1_000; // 1,000,000 likes
const FOLLOWS_PER_USER = 50;
const CLIENTS = 4;
const SECONDS = 15;

const sql = postgres(url, { max: 1, onnotice: () => {} });
const started = Date.now();
const log = (message) => console.log(`  [${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

log(`loading ${USERS} users, ${PROMPTS} prompts, ${USERS * LIKES_PER_USER} likes, ${USERS * FOLLOWS_PER_USER} follows`);
await sql.unsafe(`
set statement_timeout = 0;
${usersSql(USERS)}
${categoriesSql}
-- Like pairs first (recent prompts are liked more), so prompts get their like_count on insert.
create temporary table bench_like_pairs as
select u, n from (
  select u, n, row_number() over (partition by u) as k
  from generate_series(1, ${USERS}) u
  cross join lateral (select distinct (1 + floor(power(random(), 2) * ${PROMPTS}))::int as n
                      from generate_series(1, ${Math.round(LIKES_PER_USER * 1.15)})) s
) t where k <= ${LIKES_PER_USER};
create temporary table bench_like_counts as select n as prompt_n, count(*) as likes from bench_like_pairs group by n;
`).simple();
log('like pairs generated');
await sql.unsafe(promptsSql({ count: PROMPTS, authors: USERS, likeCounts: 'bench_like_counts' })).simple();
log('prompts loaded');
await sql.unsafe(`
set statement_timeout = 0;
-- Bulk load: like_count is already set on the prompts; no notifications for generated likes.
alter table prompty.likes disable trigger user;
insert into prompty.likes (user_id, prompt_id, created_at)
select ${userIdSql('u')}, ('00000000-0000-4000-9000-' || lpad(n::text, 12, '0'))::uuid, now() - random() * interval '30 days'
from bench_like_pairs;
alter table prompty.likes enable trigger user;
insert into prompty.follows (follower_id, following_id)
select ${userIdSql('u')}, ${userIdSql(`1 + (u + k * 19) % ${USERS}`)}
from generate_series(1, ${USERS}) u, generate_series(1, ${FOLLOWS_PER_USER}) k
where 1 + (u + k * 19) % ${USERS} <> u;
`).simple();
log('likes and follows loaded');
await sql`select prompty_private.refresh_trending()`;
await sql`select prompty_private.fold_counters()`;
for (const table of ['prompts', 'likes', 'follows', 'profiles']) await sql.unsafe(`vacuum analyze prompty.${table}`);
const [volume] = await sql`select (select count(*) from prompty.prompts) as prompts, (select count(*) from prompty.likes) as likes,
                                  (select count(*) from prompty.follows) as follows`;
log(`ready: ${volume.prompts} prompts, ${volume.likes} likes, ${volume.follows} follows`);
await sql.end();

const asUser = `\\set u random(1, ${USERS})
select set_config('request.jwt.claims', '{"role": "authenticated", "sub": "' || ${userIdSql(':u')} || '"}', false),
       set_config('role', 'authenticated', false);
`;
const wordsArray = `array[${words.map((w) => `'${w}'`).join(', ')}]`;
const workloads = {
  search: `${asUser}\\set t random(1, ${words.length})
\\set s random(1, 3)
\\set c random(1, 13)
select count(*) from prompty.search_prompts(
  p_query => (${wordsArray})[:t],
  p_sort => (array['new', 'popular', 'trending'])[:s],
  p_category_id => case when :c <= 4 then ('00000000-0000-4000-8000-0000000c' || lpad(:c::text, 4, '0'))::uuid end,
  p_is_free => case when :c = 5 then false end);
`,
  'search (2 terms)': `${asUser}\\set t random(1, ${words.length})
\\set t2 random(1, ${words.length})
select count(*) from prompty.search_prompts(p_query => (${wordsArray})[:t] || ' ' || (${wordsArray})[:t2]);
`,
  'browse by category': `${asUser}\\set c random(1, 13)
\\set s random(1, 3)
select count(*) from prompty.search_prompts(
  p_category_id => ('00000000-0000-4000-8000-0000000c' || lpad(:c::text, 4, '0'))::uuid,
  p_sort => (array['new', 'popular', 'trending'])[:s]);
`,
  'following feed': `${asUser}select count(*) from prompty.following_feed();
`,
};

const results = {};
for (const [name, script] of Object.entries(workloads)) {
  const run = runPgbench({ url, name: name.replace(/\W+/g, '-'), script, clients: CLIENTS, seconds: SECONDS });
  results[name] = {
    tps: Math.round(run.tps),
    transactions: run.transactions,
    failed: run.failed,
    median_ms: Number(quantile(run.latenciesMs, 0.5).toFixed(2)),
    p95_ms: Number(quantile(run.latenciesMs, 0.95).toFixed(2)),
  };
  log(`${name}: done`);
}

console.log(`
Prompty search and feed: ${volume.prompts} prompts, ${volume.likes} likes, ${volume.follows} follows
pgbench, ${CLIENTS} clients, ${SECONDS} s per workload, as authenticated (claims set per transaction); target p95 < 20 ms
`);
console.log('  workload              median ms    p95 ms      tps   transactions');
for (const [name, r] of Object.entries(results)) {
  console.log(`  ${name.padEnd(20)} ${String(r.median_ms).padStart(10)} ${String(r.p95_ms).padStart(9)} ${String(r.tps).padStart(8)} ${String(r.transactions).padStart(14)}`);
}
console.log(`\nRESULT ${JSON.stringify({ bench: 'prompty-search', prompts: Number(volume.prompts), likes: Number(volume.likes), clients: CLIENTS, seconds: SECONDS, results })}`);
