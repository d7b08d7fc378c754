-- GPS verification (20261206110000): a position within 500 m verifies a session only when the
-- user could have driven there from their previous verified session (<= 250 km/h) and has fewer
-- than 10 verified sessions today (JST); soft-deleted sessions count; an unverified session still
-- starts. now() is the transaction's time, so the test moves earlier sessions back in time.
begin;
set search_path = extensions, public;
select plan(12);
select tests.parky_fixture();

create temp table t_sessions (name text primary key, id uuid);
grant select, insert on t_sessions to authenticated;
-- Lot B moves to Osaka (about 1,100 km from lot A, on the Ogasawara islands).
update parky.parking_lots set location = 'SRID=4326;POINT(135.5000 34.6900)' where id = 'a0000000-0000-0000-0000-00000000000b';
insert into parky.parking_lot_pricing_rules (parking_lot_id, day_of_week, start_time, end_time, unit_minutes, unit_price, priority)
values ('a0000000-0000-0000-0000-00000000000b', '{0,1,2,3,4,5,6,7}', '00:00', '00:00', 30, 200, 1);

create function pg_temp.start(p_name text, p_lot text, p_lat numeric, p_lng numeric) returns boolean
language plpgsql as $$
declare
  v_session jsonb;
begin
  perform tests.authenticate_as('pk_user');
  v_session := parky.start_parking_session(gen_random_uuid(), p_lot::uuid, null, p_lat, p_lng);
  insert into t_sessions values (p_name, (v_session ->> 'id')::uuid);
  perform parky.end_parking_session(gen_random_uuid(), (v_session ->> 'id')::uuid);
  reset role;
  return (select s.gps_verified from parky.parking_sessions s where s.id = (v_session ->> 'id')::uuid);
end
$$;
create function pg_temp.id(p_name text) returns uuid language sql as $$ select id from t_sessions where name = p_name $$;

select is(pg_temp.start('a1', 'a0000000-0000-0000-0000-00000000000a', 24.2902, 153.9801), true, 'a first start at the lot is verified');
select is(pg_temp.start('osaka_now', 'a0000000-0000-0000-0000-00000000000b', 34.6901, 135.5001), false,
          'a start 1,100 km away a minute after the last verified session is not');
select is((select status from parky.parking_sessions where id = pg_temp.id('osaka_now')), 'ended',
          'the unverified session still started and ended normally');

update parky.parking_sessions set started_at = now() - interval '11 hours', ended_at = now() - interval '10 hours'
where id = pg_temp.id('a1');
select is(pg_temp.start('osaka_later', 'a0000000-0000-0000-0000-00000000000b', 34.6901, 135.5001), true,
          '10 hours after the last verified session (~110 km/h) it is verified; the unverified session in between does not count');

select tests.authenticate_as('pk_user');
select lives_ok(format('select parky.delete_parking_session(gen_random_uuid(), %L)', (select id from t_sessions where name = 'osaka_later')),
                'the user deletes the Osaka session from their history');
reset role;
select is(pg_temp.start('back_now', 'a0000000-0000-0000-0000-00000000000a', 24.2902, 153.9801), false,
          'a deleted session still counts: lot A right after Osaka is not verified');

select is(pg_temp.start('no_gps', 'a0000000-0000-0000-0000-00000000000a', null, null), false, 'a start without a position is not verified');

-- Budget: verified sessions of today (JST). Earlier ones move back a day, then nine are added.
update parky.parking_sessions set started_at = started_at - interval '1 day', ended_at = ended_at - interval '1 day'
where user_id = tests.get_supabase_uid('pk_user');
insert into parky.parking_sessions (user_id, parking_lot_id, status, started_at, ended_at, tariff_snapshot, gps_verified)
select tests.get_supabase_uid('pk_user'), 'a0000000-0000-0000-0000-00000000000a', 'cancelled', now() - interval '1 minute',
       null, '{}', true
from generate_series(1, 8);
select is(pg_temp.start('ninth', 'a0000000-0000-0000-0000-00000000000a', 24.2902, 153.9801), true, 'the ninth verified session of the day');
select is(pg_temp.start('tenth', 'a0000000-0000-0000-0000-00000000000a', 24.2902, 153.9801), true, 'the tenth');
select is(pg_temp.start('eleventh', 'a0000000-0000-0000-0000-00000000000a', 24.2902, 153.9801), false,
          'the eleventh of the JST day is not verified');
select is((select count(*) from parky.user_activity_logs
           where source_id = pg_temp.id('eleventh')::text and (metadata #>> '{session,gps_verified}')::boolean = false), 2::bigint,
          'its session_start and session_end carry gps_verified = false');

select tests.authenticate_as('pk_user');
select throws_ok($$ select parky_private.gps_plausible(gen_random_uuid(), 'SRID=4326;POINT(135.5 34.69)') $$, '42501', null,
                 'API roles cannot call the check directly');
reset role;

select * from finish();
rollback;
