-- Parking sessions: the state machine, the server-fixed fee, idempotency, RLS and withdrawal.
begin;
set search_path = extensions, public;
select plan(44);
select tests.parky_fixture();

-- A flat tariff makes fees independent of the time of day: ¥100 per started 10 minutes.
create temp table t_flat as select '{"timezone": "Asia/Tokyo", "unit_boundary": "unit_start", "grace": null, "rules": [
  {"day_of_week": [0,1,2,3,4,5,6,7], "start_time": "00:00", "end_time": "00:00", "unit_minutes": 10, "unit_price": 100,
   "cap_minutes": null, "cap_price": null, "cap_repeat": true, "priority": 1}]}'::jsonb as tariff;
create temp table t_ids (name text primary key, id uuid);
grant select, insert on t_flat, t_ids to authenticated;

-- Start
select tests.clear_authentication();
select throws_ok($$ select parky.start_parking_session(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a') $$,
                 '42501', null, 'anon cannot start a session');
select tests.authenticate_as('pk_user');
insert into t_ids select 's1', (parky.start_parking_session('00000000-0000-4000-8000-000000000c01',
  'a0000000-0000-0000-0000-00000000000a', 'sedan', 24.29, 153.98) ->> 'id')::uuid;
select is((select status from parky.parking_sessions where id = (select id from t_ids where name = 's1')), 'parking',
          'a started session is parking');
select is((select tariff_snapshot from parky.parking_sessions where id = (select id from t_ids where name = 's1')),
          parky.get_lot_tariff('a0000000-0000-0000-0000-00000000000a'), 'it holds the lot''s tariff snapshot');
select is((parky.start_parking_session('00000000-0000-4000-8000-000000000c01', 'a0000000-0000-0000-0000-00000000000a',
                                       'sedan', 24.29, 153.98) ->> 'id')::uuid,
          (select id from t_ids where name = 's1'), 'a retried start replays the same session');
select throws_ok($$ select parky.start_parking_session(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a') $$,
                 'PK211', null, 'one active session per user');
select throws_ok($$ select parky.start_parking_session('00000000-0000-4000-8000-000000000c01', 'a0000000-0000-0000-0000-00000000000b') $$,
                 'PI409', null, 'the same request id for another lot is refused');

-- Clients cannot write server-owned columns or other users' sessions
select throws_ok($$ update parky.parking_sessions set total_amount = 0 $$, '42501', null, 'users cannot write total_amount');
select throws_ok($$ update parky.parking_sessions set status = 'ended' $$, '42501', null, 'nor status');
select throws_ok($$ update parky.parking_sessions set tariff_snapshot = '{}' $$, '42501', null, 'nor the tariff snapshot');
select throws_ok($$ insert into parky.parking_sessions (user_id, parking_lot_id, tariff_snapshot)
                    values (auth.uid(), 'a0000000-0000-0000-0000-00000000000a', '{}') $$, '42501', null,
                 'nor insert sessions directly');

select tests.authenticate_as('pk_other');
select is((select count(*) from parky.parking_sessions), 0::bigint, 'another user sees none of them');
select throws_ok(format('select parky.end_parking_session(gen_random_uuid(), %L)', (select id from t_ids where name = 's1')),
                 'PK210', null, 'another user cannot end it');
select throws_ok(format('select parky.cancel_parking_session(gen_random_uuid(), %L)', (select id from t_ids where name = 's1')),
                 'PK210', null, 'nor cancel it');
select throws_ok(format('select parky.update_parking_session(gen_random_uuid(), %L, ''mine'')', (select id from t_ids where name = 's1')),
                 'PK210', null, 'nor write its memo');
select is(tests.affected(format('update parky.parking_sessions set memo = ''x'' where id = %L', (select id from t_ids where name = 's1'))),
          0::bigint, 'nor update it through the table');
select tests.authenticate_as('pk_admin');
select is((select count(*) from parky.parking_sessions), 0::bigint, 'an admin does not read users'' sessions either');
select tests.authenticate_as_service_role();
select is((select count(*) from parky.parking_sessions), 1::bigint, 'the service role does');

-- Memo, rating, quote
select tests.authenticate_as('pk_user');
select is(parky.update_parking_session(gen_random_uuid(), (select id from t_ids where name = 's1'), '3F, near the exit', 'good')
            ->> 'personal_rating', 'good', 'the owner sets memo and rating');
select throws_ok(format('select parky.update_parking_session(gen_random_uuid(), %L, null, ''great'')', (select id from t_ids where name = 's1')),
                 'PK101', null, 'an unknown rating code is refused');
select is((select memo from parky.parking_sessions where id = (select id from t_ids where name = 's1')), '3F, near the exit',
          'the memo is kept');

-- The tariff changes during the stay: the snapshot decides. Entry 95 minutes ago (as the server).
reset role;
update parky.parking_sessions set started_at = now() - interval '95 minutes', tariff_snapshot = (select tariff from t_flat)
where id = (select id from t_ids where name = 's1');
update parky.parking_lot_pricing_rules set unit_price = 9999 where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a';
select tests.authenticate_as('pk_user');
select is((parky.quote_parking_session((select id from t_ids where name = 's1')) ->> 'amount')::int, 1000,
          'a running session is quoted from its snapshot (10 started units)');

-- End
select is((parky.end_parking_session('00000000-0000-4000-8000-000000000c02', (select id from t_ids where name = 's1'))
             ->> 'total_amount')::int, 1000, 'ending fixes the fee from the snapshot');
select is((select (status, total_amount) from parky.parking_sessions where id = (select id from t_ids where name = 's1')),
          row('ended'::text, 1000), 'the session is ended with its amount');
select ok((select jsonb_array_length(fee_breakdown) > 0 from parky.parking_sessions where id = (select id from t_ids where name = 's1')),
          'and a breakdown');
select is((parky.end_parking_session('00000000-0000-4000-8000-000000000c02', (select id from t_ids where name = 's1'))
             ->> 'replayed')::boolean, true, 'a retried end replays');
select throws_ok(format('select parky.end_parking_session(gen_random_uuid(), %L)', (select id from t_ids where name = 's1')),
                 'PK212', null, 'ending twice is refused and charges once');
select throws_ok(format('select parky.cancel_parking_session(gen_random_uuid(), %L)', (select id from t_ids where name = 's1')),
                 'PK212', null, 'an ended session cannot be cancelled');
select throws_ok(format('select parky.quote_parking_session(%L)', (select id from t_ids where name = 's1')),
                 'PK212', null, 'nor quoted as running');
reset role;
select is((select metadata #>> '{session,duration_minutes}' from parky.user_activity_logs
           where source_type = 'parking_session' and source_id = (select id::text from t_ids where name = 's1')
             and activity_type = 'session_end'), '95', 'ending logs session_end once, with the stay''s facts');
select is((select count(*) from parky.user_activity_logs
           where source_id = (select id::text from t_ids where name = 's1')), 2::bigint, 'start and end, nothing more');

-- Cancel, other lots
select tests.authenticate_as('pk_user');
insert into t_ids select 's2', (parky.start_parking_session(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a') ->> 'id')::uuid;
select is(parky.cancel_parking_session(gen_random_uuid(), (select id from t_ids where name = 's2')) ->> 'status', 'cancelled',
          'a running session can be cancelled');
select is((select total_amount from parky.parking_sessions where id = (select id from t_ids where name = 's2')), null,
          'without a charge');
select throws_ok($$ select parky.start_parking_session(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000b') $$,
                 'PK201', null, 'a lot without a tariff cannot be parked at');
select throws_ok($$ select parky.start_parking_session(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000c') $$,
                 'PK102', null, 'nor a hidden lot');
select throws_ok($$ select parky.start_parking_session(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a', null, 91, 0) $$,
                 'PK214', null, 'a bad GPS position is refused');

-- History
select is((select array_agg(id) from parky.list_parking_sessions()),
          (select array_agg(id order by name desc) from t_ids), 'history lists newest first');
select is((select count(*) from parky.list_parking_sessions(1)), 1::bigint, 'the page size is respected');
select is(parky.delete_parking_session(gen_random_uuid(), (select id from t_ids where name = 's2')) ->> 'deleted', 'true',
          'a finished session can be removed from history');
select is((select count(*) from parky.parking_sessions where id = (select id from t_ids where name = 's2')), 0::bigint,
          'and disappears from every read');
insert into t_ids select 's3', (parky.start_parking_session(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a', null, 24.29, 153.98) ->> 'id')::uuid;
select throws_ok(format('select parky.delete_parking_session(gen_random_uuid(), %L)', (select id from t_ids where name = 's3')),
                 'PK212', null, 'an active session cannot be deleted');

-- Suspended users read but do not write; withdrawal anonymizes
reset role;
update parky.app_users set status = 'suspended' where id = tests.get_supabase_uid('pk_user');
select tests.authenticate_as('pk_user');
select is((select count(*) from parky.parking_sessions), 2::bigint, 'a suspended user still reads their sessions');
select throws_ok(format('select parky.end_parking_session(gen_random_uuid(), %L)', (select id from t_ids where name = 's3')),
                 'PK105', null, 'but cannot end one');
reset role;
update parky.app_users set status = 'active' where id = tests.get_supabase_uid('pk_user');
select tests.authenticate_as('pk_user');
select parky.withdraw(gen_random_uuid());
reset role;
select is((select count(*) from parky.parking_sessions
           where user_id = tests.get_supabase_uid('pk_user') and (memo is not null or start_lat is not null)), 0::bigint,
          'withdrawal clears memos and GPS snapshots');
select is((select status from parky.parking_sessions where id = (select id from t_ids where name = 's3')), 'cancelled',
          'and cancels the active session without a charge');

select * from finish();
rollback;
