-- The activity log's hourly rate for app-logged events (PK305) and who may recompute (PK107).
begin;
set search_path = extensions, public;
select plan(8);
select tests.parky_fixture();

-- 299 searches logged in the last hour (inserted by the server: no user in the request).
insert into parky.user_activity_logs (user_id, activity_type, metadata)
select tests.get_supabase_uid('pk_user'), 'search', '{}' from generate_series(1, 299);

select tests.authenticate_as('pk_user');
select lives_ok($$ insert into parky.user_activity_logs (user_id, activity_type) values (auth.uid(), 'search') $$,
                'the 300th search of the hour is logged');
select throws_ok($$ insert into parky.user_activity_logs (user_id, activity_type) values (auth.uid(), 'search') $$,
                 'PK305', 'too many search events in the last hour', 'the 301st is refused');
select lives_ok($$ insert into parky.user_activity_logs (user_id, activity_type) values (auth.uid(), 'app_open') $$,
                'other types have their own count');
select tests.authenticate_as('pk_other');
select lives_ok($$ insert into parky.user_activity_logs (user_id, activity_type) values (auth.uid(), 'search') $$,
                'other users have their own count');

-- Events older than an hour do not count.
select tests.clear_authentication();
reset role;
update parky.user_activity_logs set occurred_at = now() - interval '61 minutes'
where user_id = tests.get_supabase_uid('pk_user') and activity_type = 'search';
select tests.authenticate_as('pk_user');
select lives_ok($$ insert into parky.user_activity_logs (user_id, activity_type) values (auth.uid(), 'search') $$,
                'an hour later the user logs again');

-- Recompute: an API role without claims is not the service role.
select tests.clear_authentication();
set local role authenticated;
select throws_ok($$ select parky.recompute_user_gamification(tests.get_supabase_uid('pk_user')) $$, 'PK107', null,
                 'authenticated without claims cannot recompute');
select tests.authenticate_as_service_role();
select lives_ok($$ select parky.recompute_user_gamification(tests.get_supabase_uid('pk_user')) $$, 'the service role recomputes');
reset role;
select lives_ok($$ select parky.recompute_user_gamification(tests.get_supabase_uid('pk_user')) $$, 'a direct session recomputes');

select * from finish();
rollback;
