-- Schemas of the two apps and the privileges every later migration relies on.
--
-- prompty, parky          exposed through the Data API ([api] schemas): only what clients call
-- prompty_private,        internals: trigger functions, security-definer helpers, webhook and
-- parky_private, private  idempotency records; never exposed, never granted to the API roles
--
-- Functions are not executable by PUBLIC by default: every RPC is granted to the roles that
-- may call it, next to its definition.

alter default privileges for role postgres revoke execute on functions from public;

-- Extensions the apps use. On Supabase they are enabled per project; the local platform layer
-- (sql/10_extensions.sql) has already created them, so these are no-ops there.
create extension if not exists pgcrypto with schema extensions;
create extension if not exists pg_trgm with schema extensions;
create extension if not exists postgis with schema extensions;
create extension if not exists pg_cron with schema pg_catalog;

create schema if not exists prompty;
create schema if not exists parky;
create schema if not exists prompty_private;
create schema if not exists parky_private;
create schema if not exists private;

comment on schema prompty is 'Prompty API (exposed): the prompt marketplace''s tables, views and RPCs.';
comment on schema parky is 'Parky API (exposed): the parking-lot finder''s tables, views and RPCs.';
comment on schema prompty_private is 'Prompty internals: trigger functions and security-definer helpers. Not exposed.';
comment on schema parky_private is 'Parky internals: trigger functions and security-definer helpers. Not exposed.';
comment on schema private is 'Internals shared by both apps (idempotency records). Not exposed.';

grant usage on schema prompty, parky to anon, authenticated, service_role;
revoke all on schema prompty_private, parky_private, private from public;
