-- The platform layer: roles and their attributes, auth.uid()/jwt() reading PostgREST's claims,
-- and no API role able to create objects anywhere.
begin;
set search_path = extensions, public;
select plan(32);

-- Roles and attributes
select ok((select not rolsuper and rolcanlogin and rolcreatedb and rolcreaterole and rolbypassrls
           from pg_roles where rolname = 'postgres'), 'postgres: demoted, login createdb createrole bypassrls');
select ok((select rolsuper from pg_roles where rolname = 'supabase_admin'), 'supabase_admin is the superuser');
select ok((select not rolcanlogin and not rolinherit and not rolbypassrls from pg_roles where rolname = 'anon'), 'anon: nologin noinherit');
select ok((select not rolcanlogin and not rolinherit and not rolbypassrls from pg_roles where rolname = 'authenticated'), 'authenticated: nologin noinherit');
select ok((select not rolcanlogin and rolbypassrls from pg_roles where rolname = 'service_role'), 'service_role: nologin bypassrls');
select ok((select rolcanlogin and not rolinherit from pg_roles where rolname = 'authenticator'), 'authenticator: login noinherit');
select ok(pg_has_role('authenticator', 'anon', 'member') and pg_has_role('authenticator', 'authenticated', 'member')
          and pg_has_role('authenticator', 'service_role', 'member'), 'authenticator can switch to every API role');
select is((select setting from pg_db_role_setting s, unnest(s.setconfig) setting
           where s.setrole = 'anon'::regrole and setting like 'statement_timeout%'), 'statement_timeout=3s', 'anon statement_timeout 3s');
select is((select setting from pg_db_role_setting s, unnest(s.setconfig) setting
           where s.setrole = 'authenticated'::regrole and setting like 'statement_timeout%'), 'statement_timeout=8s', 'authenticated statement_timeout 8s');
select is((select string_agg(nspname, ',' order by nspname) from pg_namespace
           where nspname in ('auth', 'storage', 'extensions', 'net', 'vault') and nspowner = 'supabase_admin'::regrole),
          'auth,extensions,net,storage,vault', 'platform schemas are owned by supabase_admin');
select is((select extnamespace::regnamespace::text from pg_extension where extname = 'postgis'), 'extensions', 'postgis lives in extensions');
select is((select extnamespace::regnamespace::text from pg_extension where extname = 'pg_cron'), 'pg_catalog', 'pg_cron lives in pg_catalog');

-- auth.uid(), role(), email(), jwt() read the claims
select tests.create_supabase_user('alice', 'alice@example.com');
select tests.authenticate_as('alice');
select is(auth.uid(), tests.get_supabase_uid('alice'), 'auth.uid() is the sub claim');
select is(auth.email(), 'alice@example.com', 'auth.email() is the email claim');
select is(auth.jwt() ->> 'email', 'alice@example.com', 'auth.jwt() returns the claims');
select is(current_user::text, 'authenticated', 'authenticate_as switches to authenticated');
select tests.clear_authentication();
select is(auth.uid(), null, 'anon has no uid');
select is(auth.role(), 'anon', 'auth.role() is the role claim');
reset role;
select set_config('request.jwt.claims', '', true);
select set_config('request.jwt.claim.sub', '00000000-0000-0000-0000-000000000001', true);
select is(auth.uid(), '00000000-0000-0000-0000-000000000001'::uuid, 'auth.uid() falls back to the legacy claim setting');
select set_config('request.jwt.claim.sub', '', true);

-- No API role can create objects in any schema
select is((select count(*) from pg_namespace n, unnest(array['anon', 'authenticated']) r
           where nspname not like 'pg\_%temp\_%' and has_schema_privilege(r, n.oid, 'CREATE')), 0::bigint, 'anon and authenticated have CREATE on no schema');
select ok(not has_database_privilege('anon', current_database(), 'CREATE')
          and not has_database_privilege('authenticated', current_database(), 'CREATE'), 'nor on the database');
set local role anon;
select throws_ok('create table public.intruder (id int)', '42501', null, 'anon cannot create a table in public');
reset role;
set local role authenticated;
select throws_ok('create function public.intruder() returns int language sql as $$ select 1 $$', '42501', null,
                 'authenticated cannot create a function in public');
select throws_ok('create table parky.intruder (id int)', '42501', null, 'authenticated cannot create a table in parky');
reset role;

-- Default privileges: revoked by default (LOCAL_DEFAULT_PRIVILEGES=granted restores the old grants)
select is(exists(select from pg_default_acl d, aclexplode(d.defaclacl) a
                 where d.defaclnamespace = 'public'::regnamespace and d.defaclrole = 'postgres'::regrole
                   and a.grantee in ('anon'::regrole, 'authenticated'::regrole)),
          current_setting('platform.default_privileges') = 'granted',
          'objects postgres creates in public reach the API roles only when default privileges are granted');

-- storage helpers
select is(storage.foldername('avatars/u1/me.png'), array['avatars', 'u1'], 'storage.foldername');
select is(storage.filename('avatars/u1/me.png'), 'me.png', 'storage.filename');
select is(storage.extension('avatars/u1/me.png'), 'png', 'storage.extension');

-- net and vault keep their signatures
select ok(net.http_post('http://127.0.0.1:9/x', '{"a": 1}'::jsonb) > 0, 'net.http_post queues a request');
select is((select url from net.http_request_queue order by id desc limit 1), 'http://127.0.0.1:9/x', 'the queued url');
select lives_ok($$ select vault.create_secret('s3cret', 'test_secret') $$, 'vault.create_secret');
select is((select decrypted_secret from vault.decrypted_secrets where name = 'test_secret'), 's3cret',
          'vault.decrypted_secrets decrypts');

select * from finish();
rollback;
