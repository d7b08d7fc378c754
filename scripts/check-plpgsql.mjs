// plpgsql_check over every PL/pgSQL function the project owns, trigger functions included
// (checked against each table they are attached to; `supabase db lint` skips them).
// Functions that belong to extensions are not ours and are left out.
import path from 'node:path';
import { psql } from './db.mjs';
import { dbUrl, root } from './lib/config.mjs';
import { main, done, StackError } from './lib/log.mjs';
import { run } from './lib/run.mjs';

const appSchemas = 'prompty,parky,private,prompty_private,parky_private';

const query = `
with ours as (
  select p.oid, p.prorettype = 'trigger'::regtype as is_trigger
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
  join pg_language l on l.oid = p.prolang and l.lanname = 'plpgsql'
  where n.nspname not in ('pg_catalog', 'information_schema')
    and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
),
targets as (
  select o.oid, 0::oid as relid from ours o where not o.is_trigger
  union all
  select o.oid, t.tgrelid from ours o join pg_trigger t on t.tgfoid = o.oid where o.is_trigger
)
select format('%s%s: %s at line %s: %s%s', t.oid::regprocedure,
              case when t.relid <> 0 then format(' (on %s)', t.relid::regclass) else '' end,
              r.level, r.lineno, r.message, coalesce(' — ' || r.hint, ''))
from targets t
cross join lateral extensions.plpgsql_check_function_tb(t.oid, t.relid,
  fatal_errors := false, other_warnings := true, performance_warnings := false,
  extra_warnings := true, security_warnings := true) r
union all
select format('%s: trigger function attached to no table, not checked', o.oid::regprocedure)
from ours o where o.is_trigger and not exists (select from pg_trigger t where t.tgfoid = o.oid)
order by 1`;

/** `supabase db lint` (plpgsql_check without triggers) as the CLI runs it, over the apps' schemas. */
function cliLint() {
  const result = run(path.join(root, 'node_modules/.bin/supabase'),
    ['db', 'lint', `--remote=${dbUrl()}`, '--schema', appSchemas, '--level', 'warning', '--fail-on', 'warning'],
    { cwd: root, allowFail: true });
  if (result.status !== 0) throw new StackError(`supabase db lint:\n${result.stdout}${result.stderr}`);
}

/** Throws with every problem found; returns the number of functions checked. */
export function checkPlpgsql() {
  cliLint();
  const problems = psql({ sql: query }).split('\n').filter(Boolean);
  if (problems.length > 0) throw new StackError(`plpgsql_check found ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  return Number(psql({ sql: `select count(*) from pg_proc p join pg_language l on l.oid = p.prolang
    where l.lanname = 'plpgsql' and p.pronamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
    and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')` }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(async () => done(`plpgsql_check: ${checkPlpgsql()} functions clean`));
}
