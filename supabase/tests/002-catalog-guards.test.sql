-- Catalog guards over both apps' schemas: what must hold for every table, view and function,
-- now and for every migration to come (see ../shared/design/security-performance.md, class 1).
begin;
set search_path = extensions, public;
select plan(7);

select is(array(select format('%I.%I', schemaname, tablename) from pg_tables
                where schemaname in ('prompty', 'parky') and not rowsecurity),
          '{}'::text[], 'every table of an exposed schema has RLS enabled');

select is(array(select format('%I.%I', schemaname, tablename) from pg_tables t
                where schemaname in ('prompty', 'parky')
                  and not exists (select from pg_policies p where p.schemaname = t.schemaname and p.tablename = t.tablename)),
          '{}'::text[], 'every table of an exposed schema has policies');

select is(array(select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname in ('prompty', 'parky') and c.relkind in ('v', 'm')
                  and not coalesce('security_invoker=true' = any (c.reloptions), false)),
          '{}'::text[], 'every view of an exposed schema is security_invoker');

select is(array(select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname in ('prompty', 'parky') and p.prosecdef),
          '{}'::text[], 'no security-definer function in an exposed schema');

select is(array(select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname in ('prompty', 'parky', 'prompty_private', 'parky_private', 'private')
                  and p.prokind in ('f', 'p')
                  and not exists (select from unnest(p.proconfig) c where c like 'search\_path=%')),
          '{}'::text[], 'every function of the apps pins search_path');

select is(array(select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname in ('prompty', 'parky', 'prompty_private', 'parky_private', 'private')
                  and has_function_privilege('public', p.oid, 'EXECUTE')),
          '{}'::text[], 'no function of the apps is executable by PUBLIC');

select is(array(select format('%s: %s.%s', r, c.relnamespace::regnamespace, c.relname)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace, unnest(array['anon', 'authenticated']) r
                where n.nspname in ('prompty_private', 'parky_private', 'private') and c.relkind in ('r', 'v', 'm', 'p')
                  and has_table_privilege(r, c.oid, 'SELECT, INSERT, UPDATE, DELETE')),
          '{}'::text[], 'API clients have no privilege on private tables');

select * from finish();
rollback;
