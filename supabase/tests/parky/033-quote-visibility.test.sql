-- parky_private.quote_fee (security definer, migration 20261205200000) applies a copy of the
-- lots' read policy. For every lot state (each status, live or deleted, with or without rules)
-- and every role (anon, a user, the lots' owner, another owner, an admin, the service role, the
-- owner of the tables), a quote answers exactly when the caller sees the live lot under RLS.
begin;
set search_path = extensions, public;
select plan(13);
select tests.parky_fixture();

-- a lot per status, live and deleted, with a tariff or none, all owned by pk_owner
create temp table t_lots on commit drop as
select extensions.gen_random_uuid() as id, s.status, d.deleted, r.rules
  from unnest(array['new', 'active', 'hidden', 'closed']) as s(status)
 cross join (values (false), (true)) as d(deleted)
 cross join (values (false), (true)) as r(rules);
grant select on t_lots to anon, authenticated, service_role;
insert into parky.parking_lots (id, name, address, prefecture, city, location, total_spaces, structure, entry_method, status, source)
select t.id, 'Lot ' || t.status, 'X-1', 'tokyo', '小笠原村', 'SRID=4326;POINT(153.9800 24.2900)', 5, 'flat', 'gate', t.status, 'owner'
  from t_lots t;
insert into parky.parking_lot_staff (parking_lot_id, user_id, role)
select t.id, tests.get_supabase_uid('pk_owner'), 'owner' from t_lots t;
insert into parky.parking_lot_pricing_rules (parking_lot_id, day_of_week, start_time, end_time, unit_minutes, unit_price, priority)
select t.id, '{0,1,2,3,4,5,6,7}', '00:00', '00:00', 30, 100, 1 from t_lots t where t.rules;
update parky.parking_lots l set deleted_at = now() from t_lots t where t.id = l.id and t.deleted;

-- what a quote answers: 'ok' or its error code
create function tests.quote_outcome(p_lot_id uuid) returns text
language plpgsql
set search_path = ''
as $$
begin
  perform parky.quote_fee(p_lot_id, '2026-11-24 10:00+09', '2026-11-24 13:00+09');
  return 'ok';
exception when others then
  return sqlstate;
end
$$;
grant execute on function tests.quote_outcome(uuid) to anon, authenticated, service_role;

-- mismatches for the current role: lots whose quote disagrees with their visibility under RLS
create function tests.quote_visibility_mismatches() returns bigint
language sql
set search_path = ''
as $$
  select count(*)
    from pg_temp.t_lots t
   cross join lateral (select exists (select from parky.parking_lots l where l.id = t.id and l.deleted_at is null) as live,
                              tests.quote_outcome(t.id) as outcome) v
   where v.outcome <> case when not v.live then 'PK102' when t.rules then 'ok' else 'PK201' end
$$;
grant execute on function tests.quote_visibility_mismatches() to anon, authenticated, service_role;

select tests.clear_authentication();
select is(tests.quote_visibility_mismatches(), 0::bigint, 'anon: quotes follow the lots'' visibility');
select is((select count(*)::int from pg_temp.t_lots t where tests.quote_outcome(t.id) = 'ok'), 3,
          'anon quotes the live lots that are not hidden and have rules (new, active, closed)');
select tests.authenticate_as('pk_user');
select is(tests.quote_visibility_mismatches(), 0::bigint, 'a user: the same');
select is((select count(*)::int from pg_temp.t_lots t where tests.quote_outcome(t.id) = 'ok'), 3,
          'a user quotes the live, not hidden lots with rules');
select tests.authenticate_as('pk_owner');
select is(tests.quote_visibility_mismatches(), 0::bigint, 'the owner: the same');
select is((select count(*)::int from pg_temp.t_lots t where tests.quote_outcome(t.id) = 'ok'), 4,
          'the owner also quotes the hidden lot');
select tests.authenticate_as('pk_owner2');
select is(tests.quote_visibility_mismatches(), 0::bigint, 'another owner: the same');
select tests.authenticate_as('pk_admin');
select is(tests.quote_visibility_mismatches(), 0::bigint, 'an admin: the same');
select is((select count(*)::int from pg_temp.t_lots t where tests.quote_outcome(t.id) = 'ok'), 4,
          'an admin quotes every live lot with rules');
select tests.authenticate_as_service_role();
select is(tests.quote_visibility_mismatches(), 0::bigint, 'the service role: the same');
select is((select count(*)::int from pg_temp.t_lots t where tests.quote_outcome(t.id) = 'ok'), 4,
          'the service role quotes every live lot with rules');
reset role;
select is(tests.quote_visibility_mismatches(), 0::bigint, 'the tables'' owner (postgres): the same');
select is((select count(*)::int from pg_temp.t_lots t where tests.quote_outcome(t.id) = 'PK102'), 8,
          'nobody quotes a deleted lot');

select * from finish();
rollback;
