// Parky gamification engine: activity inserts per second with the seeded catalogue, against the
// same inserts with the engine trigger disabled, in the same run (one client, one transaction per
// insert, prepared), for a user with 10 events of history and one with 100,000.
// Workloads: session_end only (the type with the most rules: 3 EXP rules, ~20 badges), the same
// backdated to a random day of the past year, and a mix (app_open 30 %, search 20 %, lot_view 20 %,
// session_end 15 %, session_start 10 %, review_post 5 %). Each mode runs twice, interleaved; the
// better run counts.
// Two commit configurations: durable commits as the hosted database makes them (fsync,
// synchronous_commit and full_page_writes on: each insert waits for its WAL flush, as an app's
// insert does), and the development cluster's (all three off: no flush, CPU only). The cluster is
// switched with ALTER SYSTEM through SUPABASE_ADMIN_DB_URL and restored at the end.
// Target (issue 6, item 9): engine ≤ 3× a plain insert, flat from 10 to 100,000 events.
//
// Usage: npm run bench parky-gamification (or SUPABASE_DB_URL=… SUPABASE_ADMIN_DB_URL=… node bench/parky-gamification.mjs)
// Environment: BENCH_SECONDS (8 per run), BENCH_HISTORY (100000).
import postgres from 'postgres';
import { runPgbench, summarize } from './lib/pgbench.mjs';

const url = process.env.SUPABASE_DB_URL;
const adminUrl = process.env.SUPABASE_ADMIN_DB_URL;
if (!url || !adminUrl) {
  console.error('SUPABASE_DB_URL and SUPABASE_ADMIN_DB_URL (a superuser, to switch the commit settings) are required');
  process.exit(2);
}
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const history = Number(process.env.BENCH_HISTORY ?? 100_000);
const users = { small: 'fa12be00-0000-4000-8000-0000000000a1', large: 'fa12be00-0000-4000-8000-0000000000a2' };
const trigger = 'user_activity_logs_after_insert_gamification';

// One event of a workload as a SQL expression list (pgbench variables lot, pref, dur, day, kind).
const sessionEnd = `'session_end', jsonb_build_object('session', jsonb_build_object('duration_minutes', :dur, 'amount', :dur * 10,
    'gps_verified', true, 'vehicle_type', 'sedan'), 'parking', jsonb_build_object('lot', jsonb_build_object('id', 'lot-' || :lot,
    'prefecture', 'p' || :pref, 'city', '港区', 'structure', 'flat')))`;
const events = {
  app_open: `'app_open', jsonb_build_object('app', jsonb_build_object('platform', 'ios'))`,
  search: `'search', jsonb_build_object('search', jsonb_build_object('query', 'shibuya', 'result_count', :lot,
    'filters', jsonb_build_array('covered')))`,
  lot_view: `'lot_view', jsonb_build_object('lot', jsonb_build_object('id', 'lot-' || :lot))`,
  session_start: `'session_start', jsonb_build_object('session', jsonb_build_object('gps_verified', true), 'parking',
    jsonb_build_object('lot', jsonb_build_object('id', 'lot-' || :lot, 'prefecture', 'p' || :pref)))`,
  session_end: sessionEnd,
  review_post: `'review_post', jsonb_build_object('review', jsonb_build_object('rating', 1 + :lot % 5, 'comment_length', :dur,
    'image_count', :lot % 3), 'parking', jsonb_build_object('lot', jsonb_build_object('id', 'lot-' || :lot)))`,
};
// Prepared statements need typed parameters: every variable is cast to int.
// Live events happen now; backdated ones (a random day of the past year, like a replay) open new
// day/week/month periods and cap rows more often.
const insert = (userId, event, backdated = false) => `insert into parky.user_activity_logs (user_id, activity_type, metadata,
    occurred_at, source_type, source_id, is_server)
  values ('${userId}', ${event}, now()${backdated ? ' - make_interval(days => :day, mins => :lot)' : ''}, 'bench',
          gen_random_uuid()::text, true);\n`
  .replace(/:(lot|pref|dur|day)\b/g, 'cast(:$1 as int)');
const variables = `\\set lot random(1, 500)\n\\set pref random(1, 47)\n\\set dur random(5, 300)\n\\set day random(0, 364)\n`;
const scripts = {
  session_end: (userId) => variables + insert(userId, events.session_end),
  session_end_backdated: (userId) => variables + insert(userId, events.session_end, true),
  mix: (userId) => `${variables}\\set kind random(1, 100)
\\if :kind <= 30
${insert(userId, events.app_open)}\\elif :kind <= 50
${insert(userId, events.search)}\\elif :kind <= 70
${insert(userId, events.lot_view)}\\elif :kind <= 85
${insert(userId, events.session_end)}\\elif :kind <= 95
${insert(userId, events.session_start)}\\else
${insert(userId, events.review_post)}\\endif
`,
};

const sql = postgres(url, { max: 1, onnotice: () => {} });
await sql`set statement_timeout = 0`;
for (const [name, id] of Object.entries(users)) {
  await sql`insert into auth.users (id, aud, role, email, created_at, updated_at)
            values (${id}, 'authenticated', 'authenticated', ${`bench-${name}@parky.example`}, now(), now())`;
}
// History through the engine, so the user's progress, distinct values and caps are as large as
// they would be: a mix of all event types over two years, in order, 200 events per transaction
// (one huge transaction would keep every dead progress-row version alive).
const started = performance.now();
const batch = 200;
for (const [userId, count] of [[users.small, 10], [users.large, history]]) {
  for (let from = 1; from <= count; from += batch) {
    await sql.unsafe(`
    select parky_private.log_activity('${userId}',
      (array['app_open', 'search', 'lot_view', 'session_end', 'session_start', 'review_post', 'session_end', 'lot_save'])[1 + g % 8],
      jsonb_build_object('session', jsonb_build_object('duration_minutes', 5 + g % 300, 'amount', g % 2000, 'gps_verified', g % 3 > 0),
                         'parking', jsonb_build_object('lot', jsonb_build_object('id', 'lot-' || g % 3000, 'prefecture', 'p' || g % 47,
                                                                                 'city', '港区', 'structure', 'flat')),
                         'review', jsonb_build_object('rating', 1 + g % 5, 'image_count', g % 2),
                         'search', jsonb_build_object('filters', jsonb_build_array('ev_charger')),
                         'article', jsonb_build_object('id', 'a' || g % 50)),
      now() - make_interval(days => 730 - (g * 730 / ${count}), mins => g % 600), 'history', g::text)
    from generate_series(${from}, ${Math.min(count, from + batch - 1)}) g`);
  }
}
await sql`analyze`;
const historySeconds = ((performance.now() - started) / 1000).toFixed(0);
const [state] = await sql`select (select count(*) from parky.user_badge_progress where user_id = ${users.large})::int as progress_rows,
                                 (select count(*) from parky_private.badge_distinct_values where user_id = ${users.large})::int as distinct_rows,
                                 (select count(*) from parky.user_badges where user_id = ${users.large})::int as awards`;

// The commit configurations: settings of the hosted database, and the development cluster's.
const durabilitySettings = ['fsync', 'synchronous_commit', 'full_page_writes'];
const commits = {
  durable: (admin) => Promise.all(durabilitySettings.map((name) => admin.unsafe(`alter system set ${name} = on`))),
  'no flush': (admin) => Promise.all(durabilitySettings.map((name) => admin.unsafe(`alter system reset ${name}`))),
};
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
const rows = [];
try {
  for (const [commit, configure] of Object.entries(commits)) {
    await configure(admin);
    await admin`select pg_reload_conf()`;
    for (const [label, userId] of [['10', users.small], [history.toLocaleString('en'), users.large]]) {
      for (const [workload, script] of Object.entries(scripts)) {
        // Interleaved, best of two runs per mode: the machine is shared, so single runs are noisy.
        const best = { plain: null, engine: null };
        for (let round = 0; round < 2; round++) {
          for (const mode of ['plain', 'engine']) {
            await sql.unsafe(`alter table parky.user_activity_logs ${mode === 'plain' ? 'disable' : 'enable'} trigger ${trigger}`);
            const run = summarize(runPgbench({ url, name: `${mode}-${workload}`, script: script(userId), seconds }));
            if (!best[mode] || run.tps > best[mode].tps) best[mode] = run;
          }
        }
        const { plain, engine } = best;
        rows.push({ commit, history: label, workload, plain_tps: plain.tps, engine_tps: engine.tps,
                    plain_median_ms: plain.median_ms, engine_median_ms: engine.median_ms, engine_p95_ms: engine.p95_ms,
                    ratio: Number((plain.tps / engine.tps).toFixed(2)) });
      }
    }
  }
} finally {
  await commits['no flush'](admin);
  await admin`select pg_reload_conf()`;
  await admin.end();
}
await sql.end();

console.log(`history built in ${historySeconds} s; the ${history}-event user has ${state.progress_rows} progress rows, ` +
  `${state.distinct_rows} distinct values, ${state.awards} awards`);
console.log('| commit | history | workload | plain ins/s | engine ins/s | plain median ms | engine median ms | engine p95 ms | cost ratio |');
console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.commit} | ${r.history} | ${r.workload} | ${r.plain_tps} | ${r.engine_tps} | ${r.plain_median_ms} | ` +
    `${r.engine_median_ms} | ${r.engine_p95_ms} | ${r.ratio}× |`);
}
console.log('cost ratio = plain inserts/s ÷ engine inserts/s (target ≤ 3×, flat in history)');
console.log(`RESULT ${JSON.stringify({ bench: 'parky-gamification', rows })}`);
