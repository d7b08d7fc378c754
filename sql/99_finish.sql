-- Platform layer 99: hand the database to postgres as Supabase does.
-- postgres loses superuser after the platform layer is in place (do not demote the
-- bootstrap superuser supabase_admin: trusted extensions would then fail).
alter role postgres nosuperuser createdb createrole login replication bypassrls;
grant create on database postgres to postgres;
