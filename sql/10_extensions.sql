-- Platform layer 10: schemas and extensions, as on Supabase.
-- Extensions live in `extensions`; pg_cron in pg_catalog (its objects in `cron`).

create schema if not exists extensions authorization supabase_admin;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
alter default privileges in schema extensions grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema extensions grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges in schema extensions grant all on sequences to postgres, anon, authenticated, service_role;

create extension if not exists "uuid-ossp" with schema extensions;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists pg_trgm with schema extensions;
create extension if not exists pgtap with schema extensions;
create extension if not exists plpgsql_check with schema extensions;
create extension if not exists postgis with schema extensions;
create extension if not exists pg_cron with schema pg_catalog;

grant usage on schema cron to postgres;
grant all on all tables in schema cron to postgres;
grant all on all sequences in schema cron to postgres;
grant all on all functions in schema cron to postgres;

-- The public schema as Supabase ships it: usable by the API roles, owned by pg_database_owner.
grant usage on schema public to postgres, anon, authenticated, service_role;
-- PostgreSQL 15 already denies CREATE on public to PUBLIC; keep it explicit.
revoke create on schema public from public;
