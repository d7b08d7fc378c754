-- Platform layer 60: default privileges in schema public.
-- The Supabase image grants the API roles everything created by postgres in `public`; new
-- projects (auto_expose_new_tables off) revoke that. psql variable default_privileges picks:
-- 'revoked' (default, like new projects) or 'granted' (like older ones). Migrations write
-- explicit grants so they behave the same either way.

\if :{?default_privileges}
\else
  \set default_privileges revoked
\endif
select set_config('platform.default_privileges', :'default_privileges', false);
-- Remembered for later sessions (tests read it).
alter database postgres set platform.default_privileges from current;

do $$
declare
  mode text := current_setting('platform.default_privileges');
  verb text;
  kind text;
begin
  if mode not in ('granted', 'revoked') then
    raise exception 'default_privileges must be granted or revoked, not %', mode;
  end if;
  verb := case mode when 'granted' then 'grant all on %s to anon, authenticated, service_role'
                                   else 'revoke all on %s from anon, authenticated, service_role' end;
  foreach kind in array array['tables', 'functions', 'sequences'] loop
    execute format('alter default privileges for role postgres in schema public ' || verb, kind);
    execute format('alter default privileges for role supabase_admin in schema public ' || verb, kind);
  end loop;
end
$$;
