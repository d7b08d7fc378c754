-- Gamification security: the client allow-list and forged events (F1), session anti-farming
-- (F2), the server events of reviews and saved lots, RLS per role, and that nobody but the engine
-- writes the gamification tables. Runs with the seeded catalogue.
begin;
set search_path = extensions, public;
select plan(58);
select tests.parky_fixture();

create function pg_temp.uid() returns uuid language sql as $$ select tests.get_supabase_uid('pk_user') $$;
create function pg_temp.badge(p_code text) returns bigint language sql as $$ select id from parky.badge_definitions where code = p_code $$;
grant execute on function pg_temp.uid(), pg_temp.badge(text) to authenticated, service_role;

-- F1: what an app may log
select tests.authenticate_as('pk_user');
select lives_ok($$ insert into parky.user_activity_logs (activity_type, metadata) values ('app_open', '{"app": {"platform": "ios"}}') $$,
                'a client logs an allow-listed activity');
select lives_ok($$ insert into parky.user_activity_logs (activity_type) values ('app_open') $$, 'twice');
select throws_ok($$ insert into parky.user_activity_logs (activity_type, metadata) values ('session_end', '{"session": {"duration_minutes": 600}}') $$,
                 'PK302', 'activity type session_end cannot be logged by the app', 'a client cannot log a rewarding activity');
select throws_ok($$ insert into parky.user_activity_logs (activity_type) values ('review_post') $$, 'PK302', null, 'nor review_post');
select throws_ok($$ insert into parky.user_activity_logs (activity_type, source_type, source_id) values ('search', 'parking_session', 'x') $$,
                 '42501', null, 'a client cannot write a source');
select throws_ok($$ insert into parky.user_activity_logs (activity_type, is_server) values ('search', true) $$,
                 '42501', null, 'nor pose as the server');
select throws_ok($$ insert into parky.user_activity_logs (activity_type, occurred_at) values ('search', now() - interval '3 days') $$,
                 '42501', null, 'nor choose the time');
select throws_ok(format($$ insert into parky.user_activity_logs (activity_type, metadata) values ('search', %L) $$,
                        jsonb_build_object('search', jsonb_build_object('query', repeat('x', 3000)))),
                 'PK303', null, 'client metadata is capped at 2 kB');
reset role;
select is((select array_agg(granted order by id) from parky.user_exp_ledger where user_id = pg_temp.uid()), array[5, 0],
          'app_open EXP is capped: 5 once per JST day');
select throws_ok($$ select parky_private.log_activity(pg_temp.uid(), 'session_end', '{}', now() + interval '1 hour', 'x', 'y') $$,
                 'PK108', null, 'even the server cannot log a future event');
select throws_ok($$ select parky_private.log_activity(pg_temp.uid(), 'session_end', '{}', now(), null, null) $$,
                 'PK304', null, 'server events need a source');

-- F2: GPS is checked against the lot; short sessions earn nothing; distinct-lot badges need GPS
create temp table t_sessions (name text primary key, id uuid);
grant select, insert on t_sessions to authenticated;
select tests.authenticate_as('pk_user');
select throws_ok($$ select parky.start_parking_session(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a', null, 24.30, 153.98) $$,
                 'PK301', 'you are too far from this parking lot to start parking here', 'a start 1.1 km from the lot is refused');
insert into t_sessions select 'short', (parky.start_parking_session(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a', null, 24.2902, 153.9801) ->> 'id')::uuid;
reset role;
select is((select gps_verified from parky.parking_sessions where id = (select id from t_sessions where name = 'short')), true,
          'a start within 500 m is GPS-verified');
update parky.parking_sessions set started_at = now() - interval '3 minutes' where id = (select id from t_sessions where name = 'short');
select tests.authenticate_as('pk_user');
select lives_ok(format('select parky.end_parking_session(gen_random_uuid(), %L)', (select id from t_sessions where name = 'short')),
                'a 3-minute session ends normally');
reset role;
select is((select count(*) from parky.user_activity_logs where source_id = (select id::text from t_sessions where name = 'short')
             and activity_type = 'session_end'), 1::bigint, 'its session_end is logged');
select is((select count(*) from parky.user_exp_ledger l join parky.user_activity_logs a on a.id = l.activity_log_id
           where a.activity_type = 'session_end' and a.user_id = pg_temp.uid()), 0::bigint, 'but earns no EXP (under 5 minutes)');
select is((select count(*) from parky.user_badge_progress where user_id = pg_temp.uid() and badge_id = pg_temp.badge('first_parking')),
          0::bigint, 'and no badge progress');

select tests.authenticate_as('pk_user');
insert into t_sessions select 'unverified', (parky.start_parking_session(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a') ->> 'id')::uuid;
reset role;
select is((select gps_verified from parky.parking_sessions where id = (select id from t_sessions where name = 'unverified')), false,
          'a start without GPS is unverified');
update parky.parking_sessions set started_at = now() - interval '40 minutes' where id = (select id from t_sessions where name = 'unverified');
select tests.authenticate_as('pk_user');
select lives_ok(format('select parky.end_parking_session(gen_random_uuid(), %L)', (select id from t_sessions where name = 'unverified')),
                'a 40-minute unverified session ends');
reset role;
select is((select count(*) from parky.user_badges where user_id = pg_temp.uid() and badge_id = pg_temp.badge('first_parking')), 1::bigint,
          'it counts for first parking');
select is((select count(*) from parky.user_badge_progress where user_id = pg_temp.uid() and badge_id = pg_temp.badge('lot_collector')),
          0::bigint, 'but not for distinct lots');
select is((select count(*) from parky.user_notifications where user_id = pg_temp.uid() and notif_type = 'badge'
             and payload ->> 'code' = 'first_parking'), 1::bigint, 'the award is notified once');

select tests.authenticate_as('pk_user');
insert into t_sessions select 'verified', (parky.start_parking_session(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a', null, 24.29, 153.98) ->> 'id')::uuid;
reset role;
update parky.parking_sessions set started_at = now() - interval '40 minutes' where id = (select id from t_sessions where name = 'verified');
select tests.authenticate_as('pk_user');
select lives_ok(format('select parky.end_parking_session(gen_random_uuid(), %L)', (select id from t_sessions where name = 'verified')),
                'a verified session ends');
reset role;
select is((select value from parky.user_badge_progress where user_id = pg_temp.uid() and badge_id = pg_temp.badge('lot_collector')),
          1::numeric, 'a verified session counts for distinct lots');
select is((select sum((d ->> 'granted')::int) from parky.user_exp_ledger l, jsonb_array_elements(l.detail) d
           where l.user_id = pg_temp.uid() and d ->> 'rule_id' = (select id::text from parky.activity_exp_rules where code = 'session_end_verified')),
          10::bigint, 'and earns the verified bonus once (the unverified session did not)');

-- A forged row written before the fix (client, rewarding type, the session's source) blocks nothing
insert into parky.parking_lot_pricing_rules (parking_lot_id, day_of_week, start_time, end_time, unit_minutes, unit_price, priority)
values ('a0000000-0000-0000-0000-00000000000b', '{0,1,2,3,4,5,6,7}', '00:00', '00:00', 30, 100, 1);
select tests.authenticate_as('pk_user');
insert into t_sessions select 'forged', (parky.start_parking_session(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000b', null, 24.29, 153.985) ->> 'id')::uuid;
reset role;
alter table parky.user_activity_logs disable trigger user;
insert into parky.user_activity_logs (user_id, activity_type, metadata, source_type, source_id)
select pg_temp.uid(), 'session_end', '{"session": {"duration_minutes": 900, "gps_verified": true}, "parking": {"lot": {"id": "fake"}}}',
       'parking_session', id::text from t_sessions where name = 'forged';
alter table parky.user_activity_logs enable trigger user;
update parky.parking_sessions set started_at = now() - interval '20 minutes' where id = (select id from t_sessions where name = 'forged');
select tests.authenticate_as('pk_user');
select lives_ok(format('select parky.end_parking_session(gen_random_uuid(), %L)', (select id from t_sessions where name = 'forged')),
                'the real end of a session with a forged event');
reset role;
select is((select count(*) from parky.user_activity_logs where source_id = (select id::text from t_sessions where name = 'forged')
             and activity_type = 'session_end' and is_server), 1::bigint, 'is logged by the server all the same');
select is((select value from parky.user_badge_progress where user_id = pg_temp.uid() and badge_id = pg_temp.badge('lot_collector')),
          2::numeric, 'and counted (lot B)');
-- Recompute runs as an operator: the service role's claims (role postgres keeps access to the temp tables).
select tests.authenticate_as_service_role();
reset role;
select is((parky.recompute_user_gamification(pg_temp.uid()) ->> 'events')::int, 10,
          'recompute replays 10 events (2 app_open, 4 session_start, 4 session_end): not the forged row');
select is((select value from parky.user_badge_progress where user_id = pg_temp.uid() and badge_id = pg_temp.badge('long_stay')),
          100::numeric, 'the forged 900 minutes never count (40 + 40 + 20; the 3-minute session is not eligible)');

-- Reviews: approval is the event, once; saved lots: the first save
select tests.authenticate_as('pk_user');
select is(parky.post_review(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a', 4, 'Good lot') ->> 'status', 'pending', 'a review is posted');
reset role;
select is((select count(*) from parky.user_activity_logs where user_id = pg_temp.uid() and activity_type = 'review_post'), 0::bigint,
          'a pending review is not an event');
select tests.authenticate_as('pk_admin');
select is(parky.moderate_review(gen_random_uuid(), (select id from parky.parking_reviews where user_id = pg_temp.uid()), 'approved')
            ->> 'status', 'approved', 'approved');
select is(parky.moderate_review(gen_random_uuid(), (select id from parky.parking_reviews where user_id = pg_temp.uid()), 'rejected', 'spam')
            ->> 'status', 'rejected', 'rejected');
select is(parky.moderate_review(gen_random_uuid(), (select id from parky.parking_reviews where user_id = pg_temp.uid()), 'approved')
            ->> 'status', 'approved', 'approved again');
reset role;
select is((select count(*) from parky.user_activity_logs where user_id = pg_temp.uid() and activity_type = 'review_post'), 1::bigint,
          'approve, reject, approve: one review_post');
select is((select count(*) from parky.user_badges where user_id = pg_temp.uid() and badge_id = pg_temp.badge('reviewer')), 1::bigint,
          'the reviewer badge once');
select tests.authenticate_as('pk_user');
select lives_ok($$ select parky.save_parking_lot(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a'),
                          parky.unsave_parking_lot(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a') $$, 'save and unsave');
select lives_ok($$ select parky.save_parking_lot(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a') $$, 'save again');
reset role;
select is((select count(*) from parky.user_activity_logs where user_id = pg_temp.uid() and activity_type = 'lot_save'), 1::bigint,
          'save, unsave, save: one lot_save');

-- RLS: owners read their own; nobody but the engine writes
select tests.clear_authentication();
select throws_ok($$ select * from parky.user_exp $$, '42501', null, 'anon: no gamification state');
select ok((select count(*) from parky.badge_definitions) >= 20, 'anon: reads the badge catalogue');
select ok(not exists (select from parky.badge_definitions where hidden), 'anon: no hidden badges');
select tests.authenticate_as('pk_user');
select is((select count(*) from parky.user_exp), 1::bigint, 'user: their EXP');
select ok((select count(*) from parky.user_badges) >= 2, 'user: their badges');
select ok(not exists (select from parky.user_badge_progress p join parky.badge_definitions b on b.id = p.badge_id where b.code = 'daily_visitor'),
          'user: no progress of a hidden badge they have not earned');
select throws_ok($$ insert into parky.user_badges (user_id, badge_id) values (auth.uid(), 1) $$, '42501', null, 'user: cannot award themselves');
select throws_ok($$ update parky.user_exp set total_exp = 1000000 $$, '42501', null, 'user: cannot set their EXP');
select throws_ok($$ delete from parky.user_badge_progress $$, '42501', null, 'user: cannot touch progress');
select throws_ok($$ insert into parky.user_themes (user_id, theme_code, source) values (auth.uid(), 'gold_pin', 'me') $$, '42501', null,
                 'user: cannot grant themselves a theme');
select throws_ok($$ insert into parky.user_active_themes (user_id, slot, theme_code) values (auth.uid(), 'app', 'gold_pin') $$, '42501', null,
                 'user: themes are activated through the RPC only');
select throws_ok($$ update parky.badge_definitions set tiers = '[{"name": "x", "threshold": 1}]' $$, '42501', null, 'user: cannot edit badges');
select throws_ok($$ select parky.recompute_user_gamification(auth.uid()) $$, 'PK107', null, 'user: cannot recompute');
select tests.authenticate_as('pk_other');
select is((select count(*) from parky.user_exp_ledger where user_id = pg_temp.uid()) + (select count(*) from parky.user_badges where user_id = pg_temp.uid()),
          0::bigint, 'another user: none of the user''s state');
select tests.authenticate_as('pk_admin');
select is((select count(*) from parky.user_exp where user_id = pg_temp.uid()), 0::bigint, 'admin: does not read users'' EXP');
select lives_ok($$ select parky.recompute_badge((select id from parky.badge_definitions where code = 'first_parking')) $$, 'admin: recomputes');
select tests.authenticate_as_service_role();
select is((select count(*) from parky.user_exp where user_id = pg_temp.uid()), 1::bigint, 'service_role: reads everything');
select throws_ok($$ insert into parky.user_level_ups (user_id, level) values (pg_temp.uid(), 30) $$, '42501', null,
                 'service_role: does not write engine tables either');

select * from finish();
rollback;
