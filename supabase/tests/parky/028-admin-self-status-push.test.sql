-- Security review F8 (migration 20261205200200): an admin cannot change their own status
-- (PK119); user_push_tokens.last_seen_at is server-owned (only upsert_push_token sets it).
begin;
set search_path = extensions, public;
select plan(11);
select tests.parky_fixture();

-- admins and their own status
select tests.authenticate_as('pk_admin');
select throws_ok(format($$ select parky.set_user_status(gen_random_uuid(), %L, 'suspended') $$, tests.get_supabase_uid('pk_admin')),
                 'PK119', 'admins cannot change their own status', 'an admin cannot suspend themselves');
select throws_ok(format($$ select parky.set_user_status(gen_random_uuid(), %L, 'withdrawn') $$, tests.get_supabase_uid('pk_admin')),
                 'PK119', null, 'nor withdraw themselves through set_user_status');
select throws_ok(format($$ select parky_private.set_user_status(%L, 'active') $$, tests.get_supabase_uid('pk_admin')),
                 'PK119', null, 'the private helper refuses it too');
select is((select status from parky.app_users where id = tests.get_supabase_uid('pk_admin')), 'active', 'the admin stays active');
select is(parky.set_user_status(gen_random_uuid(), tests.get_supabase_uid('pk_other'), 'suspended') ->> 'status', 'suspended',
          'another user''s status still changes');

-- push tokens
select ok(not has_column_privilege('authenticated', 'parky.user_push_tokens', 'last_seen_at', 'update')
          and not has_column_privilege('authenticated', 'parky.user_push_tokens', 'last_seen_at', 'insert'),
          'clients cannot write last_seen_at');
select ok(has_column_privilege('authenticated', 'parky.user_push_tokens', 'app_version', 'update'), 'they still update their token''s data');
select tests.authenticate_as('pk_user');
select lives_ok($$ select parky.upsert_push_token(gen_random_uuid(), 'phone-1', 'fcm-A', 'ios', '1.0.0') $$, 'a boot registers the device');
select throws_ok($$ update parky.user_push_tokens set last_seen_at = now() + interval '1 year' $$, '42501', null,
                 'a client cannot keep its token fresh by hand');
reset role;
update parky.user_push_tokens set last_seen_at = now() - interval '40 days';
select tests.authenticate_as('pk_user');
select is((parky.upsert_push_token(gen_random_uuid(), 'phone-1', 'fcm-A', 'ios', '1.0.1') ->> 'last_seen_at')::timestamptz, now(),
          'the next boot (upsert_push_token) refreshes last_seen_at to the server''s now()');
select is((select last_seen_at from parky.user_push_tokens), now(), 'and stores it');

select * from finish();
rollback;
