-- Platform layer 00: the roles a Supabase database has.
-- Runs as the bootstrap superuser supabase_admin on a fresh cluster. Idempotent.
-- Supabase already has all of this; it is never deployed (see sql/README.md).

do $$
declare
  r record;
begin
  for r in
    select * from (values
      ('postgres',                   'login createdb createrole replication bypassrls'),
      ('anon',                       'nologin noinherit'),
      ('authenticated',              'nologin noinherit'),
      ('service_role',               'nologin noinherit bypassrls'),
      ('authenticator',              'login noinherit'),
      ('supabase_auth_admin',        'login noinherit createrole'),
      ('supabase_storage_admin',     'login noinherit createrole'),
      ('dashboard_user',             'nologin createdb createrole replication'),
      ('supabase_functions_admin',   'login noinherit createrole'),
      ('supabase_read_only_user',    'login bypassrls'),
      ('supabase_replication_admin', 'login replication'),
      ('supabase_realtime_admin',    'nologin noinherit'),
      ('pgbouncer',                  'login')
    ) as t(name, attributes)
  loop
    if not exists (select from pg_catalog.pg_roles where rolname = r.name) then
      execute format('create role %I %s', r.name, r.attributes);
    else
      execute format('alter role %I %s', r.name, r.attributes);
    end if;
  end loop;
end
$$;

-- postgres runs migrations: it is still a superuser while the platform layer runs
-- (sql/99_finish.sql demotes it), and it may switch to the API roles as PostgREST does.
alter role postgres superuser;
grant anon, authenticated, service_role to postgres;
grant anon, authenticated, service_role to authenticator;
-- On Supabase the supautils extension lets postgres add triggers on auth.users and policies
-- on storage.objects; plain PostgreSQL needs the membership.
grant supabase_auth_admin, supabase_storage_admin to postgres;
grant pg_read_all_data to supabase_read_only_user;

alter role postgres set search_path = "$user", public, extensions;
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role supabase_auth_admin set search_path = auth;
alter role supabase_storage_admin set search_path = storage;
