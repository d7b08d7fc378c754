-- Parky nearby search uses the GiST index: the search body's plan (explained as its owner runs
-- it, with its planner settings) is an ordered scan of parking_lots_location_gist with the radius
-- as index condition, and the RPC called as `authenticated` scans that index and never the table.
begin;
set search_path = extensions, public;
select plan(5);

-- 10,000 lots on a grid around Tokyo station (about 110 m apart), statistics up to date.
insert into parky.parking_lots (name, prefecture, location, status)
select 'grid ' || g, 'tokyo',
       extensions.st_setsrid(extensions.st_makepoint(139.70 + (g % 100) * 0.0012, 35.63 + (g / 100) * 0.0010), 4326)::extensions.geography,
       'active'
from generate_series(0, 9999) g;
analyze parky.parking_lots;

-- An inlinable copy of the search body (security definer functions are never inlined, so
-- explaining the function itself would only show a Function Scan).
do $$
declare
  v_fn regprocedure := 'parky_private.search_nearby_lots(extensions.geography, double precision, int, numeric, numeric, numeric,
                         numeric, int, text[], text[], text[], text[], timestamptz)'::regprocedure;
begin
  execute format('create function pg_temp.search_body(%s) returns %s language sql stable as %L',
                 pg_get_function_arguments(v_fn), pg_get_function_result(v_fn), (select prosrc from pg_proc where oid = v_fn));
end
$$;

-- The function's own planner settings (enable_bitmapscan = off) apply to the copy too.
select set_config(split_part(c, '=', 1), split_part(c, '=', 2), true)
from pg_proc p, unnest(p.proconfig) c
where p.oid = 'parky_private.search_nearby_lots'::regproc and c not like 'search\_path=%';

create function pg_temp.plan_of(p_sql text) returns text language plpgsql as $$
declare
  v_line text;
  v_plan text := '';
begin
  for v_line in execute 'explain ' || p_sql loop
    v_plan := v_plan || v_line || E'\n';
  end loop;
  return v_plan;
end
$$;

select matches(pg_temp.plan_of($$ select * from pg_temp.search_body('SRID=4326;POINT(139.7671 35.6812)', 1000, 20,
                                   null, null, null, null, null, null, null, null, null, null) $$),
               'Index Cond: \(location && _st_expand', 'the 1 km search is an index condition');
select matches(pg_temp.plan_of($$ select * from pg_temp.search_body('SRID=4326;POINT(139.7671 35.6812)', 1000, 20,
                                   null, null, null, null, null, null, null, null, null, null) $$),
               'Index Scan using parking_lots_location_gist .*Order By: \(location <-> ', 'an ordered scan of parking_lots_location_gist (KNN, stops at the limit)');
select matches(pg_temp.plan_of($$ select * from pg_temp.search_body('SRID=4326;POINT(139.7671 35.6812)', 1000, 20,
                                   2.0, null, null, null, null, '{flat}', null, null, '{cash}', now()) $$),
               'Index Cond: \(location && _st_expand', 'with filters too');

-- The RPC as a signed-in user: the index is scanned, the table is not.
select tests.create_supabase_user('pk_plan_user');
select tests.authenticate_as('pk_plan_user');
create temp table scans_before on commit drop as
  select pg_stat_get_xact_numscans('parky.parking_lots_location_gist'::regclass) as index_scans,
         (select seq_scan from pg_stat_xact_user_tables where relid = 'parky.parking_lots'::regclass) as seq_scans;
select is((select count(*) from parky.nearby_parking_lots(35.6812, 139.7671, 1000, 20)), 20::bigint, '20 lots within 1 km');
select results_eq($$ select pg_stat_get_xact_numscans('parky.parking_lots_location_gist'::regclass) - index_scans,
                            (select seq_scan from pg_stat_xact_user_tables where relid = 'parky.parking_lots'::regclass) - seq_scans
                     from scans_before $$,
                  $$ values (1::bigint, 0::bigint) $$, 'one GiST index scan, no sequential scan');

select * from finish();
rollback;
