-- Test helpers with the API of basejump's supabase-test-helpers 0.0.6, loaded before every
-- suite (files run in name order; this one commits so the later files can use it).
-- Works the same under `supabase test db` and under `npm test` (pg_prove).
begin;
set search_path = extensions, public;
select plan(1);

create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

-- Creates an auth user; `identifier` names it in later calls. Returns its id.
create or replace function tests.create_supabase_user(
  identifier text, email text default null, phone text default null, metadata jsonb default null)
returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
  user_id uuid := extensions.gen_random_uuid();
begin
  insert into auth.users (id, aud, role, email, phone, raw_user_meta_data, raw_app_meta_data, created_at, updated_at)
  values (user_id, 'authenticated', 'authenticated', coalesce(email, concat(user_id, '@example.com')), phone,
          jsonb_build_object('test_identifier', identifier) || coalesce(metadata, '{}'::jsonb),
          '{"provider": "email", "providers": ["email"]}'::jsonb, now(), now());
  return user_id;
end
$$;

create or replace function tests.get_supabase_user(identifier text) returns json
language sql security definer stable
set search_path = ''
as $$
  select json_build_object('id', id, 'email', email, 'phone', phone,
                           'raw_user_meta_data', raw_user_meta_data, 'raw_app_meta_data', raw_app_meta_data)
  from auth.users where raw_user_meta_data ->> 'test_identifier' = identifier
$$;

create or replace function tests.get_supabase_uid(identifier text) returns uuid
language plpgsql security definer stable
set search_path = ''
as $$
declare
  user_id uuid;
begin
  select id into user_id from auth.users where raw_user_meta_data ->> 'test_identifier' = identifier;
  if user_id is null then
    raise exception 'User with identifier % not found', identifier;
  end if;
  return user_id;
end
$$;

-- Acts as PostgREST does for a signed-in user: role authenticated and the JWT's claims.
create or replace function tests.authenticate_as(identifier text) returns void
language plpgsql
set search_path = ''
as $$
declare
  user_data json := tests.get_supabase_user(identifier);
begin
  if user_data is null or user_data ->> 'id' is null then
    raise exception 'User with identifier % not found', identifier;
  end if;
  perform set_config('role', 'authenticated', true);
  perform set_config('request.jwt.claims', json_build_object(
    'sub', user_data ->> 'id', 'email', user_data ->> 'email', 'phone', user_data ->> 'phone',
    'user_metadata', user_data -> 'raw_user_meta_data', 'app_metadata', user_data -> 'raw_app_meta_data')::text, true);
end
$$;

create or replace function tests.authenticate_as_service_role() returns void
language plpgsql
set search_path = ''
as $$
begin
  perform set_config('role', 'service_role', true);
  perform set_config('request.jwt.claims', '{"role": "service_role"}', true);
end
$$;

create or replace function tests.clear_authentication() returns void
language plpgsql
set search_path = ''
as $$
begin
  perform set_config('role', 'anon', true);
  perform set_config('request.jwt.claims', '{"role": "anon"}', true);
end
$$;

create or replace function tests.rls_enabled(testing_schema text) returns text
language sql
set search_path = ''
as $$
  select extensions.is(
    (select count(*) from pg_catalog.pg_tables where schemaname = testing_schema and not rowsecurity), 0::bigint,
    format('All tables in the %s schema should have row level security enabled', testing_schema))
$$;

create or replace function tests.rls_enabled(testing_schema text, testing_table text) returns text
language sql
set search_path = ''
as $$
  select extensions.is(
    (select count(*) from pg_catalog.pg_tables
     where schemaname = testing_schema and tablename = testing_table and rowsecurity), 1::bigint,
    format('Table %s.%s should have row level security enabled', testing_schema, testing_table))
$$;

-- Freezes unqualified now() for the rest of the session. Functions that pin
-- search_path = '' read pg_catalog.now() and are not affected: tests give them explicit times.
-- (No SET search_path here: it would undo the change when the function returns.)
create or replace function tests.freeze_time(frozen_time timestamptz) returns void
language plpgsql
as $$
begin
  create schema if not exists test_overrides;
  grant usage on schema test_overrides to anon, authenticated, service_role;
  execute format('create or replace function test_overrides.now() returns timestamptz language sql stable as %L',
                 format('select %L::timestamptz', frozen_time));
  execute 'grant execute on function test_overrides.now() to anon, authenticated, service_role';
  perform set_config('search_path', 'test_overrides, ' || current_setting('search_path') || ', pg_catalog', false);
end
$$;

create or replace function tests.unfreeze_time() returns void
language plpgsql
as $$
begin
  drop function if exists test_overrides.now();
  perform set_config('search_path', replace(current_setting('search_path'), 'test_overrides, ', ''), false);
end
$$;

grant execute on all functions in schema tests to anon, authenticated, service_role;

select ok(true, 'test helpers loaded');
select * from finish();
commit;
