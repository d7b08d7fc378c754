-- Parky activity log: an hourly rate for app-logged events, and recompute closed to API roles
-- without an admin (security review of the gamification engine, M2 and L1).
--
-- 1. Apps could insert allow-listed events (app_open, search, lot_view, article_read) without
--    limit: every row runs the engine under the user's lock and count_distinct badges keep each
--    new value, so one client could grow storage and CPU without bound. A signed-in client may
--    now log at most 300 events of one type per rolling hour (PK305); server events and rows
--    written without a user (service role, seeds, imports, benchmarks) are not limited. The
--    count reads the (user_id, activity_type, occurred_at) index over the last hour only.
--    Concurrent inserts of one user may overshoot by the number in flight (no lock: the limit
--    bounds abuse, it is not an allowance).
-- 2. assert_gamification_operator treated a request without JWT claims as the service role.
--    API roles (anon, authenticated) now need to be admins; the service role and direct database
--    sessions (role none, postgres) may recompute.
--
-- Objects: parky_private.activity_logs_before_insert() (replaced),
--          parky_private.assert_gamification_operator() (replaced)
-- Errors: PK305 too many events of one type in the last hour.

create or replace function parky_private.activity_logs_before_insert() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.occurred_at > pg_catalog.now() then
    raise exception using errcode = 'PK108', message = 'occurred_at cannot be in the future',
      hint = 'omit occurred_at: the server sets it';
  end if;
  if not new.is_server then
    if not coalesce((select t.client_insertable from parky.activity_types t where t.activity_type = new.activity_type), false) then
      raise exception using errcode = 'PK302',
        message = format('activity type %s cannot be logged by the app', new.activity_type),
        hint = 'the server records it when the real event happens; apps may log app_open, search, lot_view and article_read';
    end if;
    if pg_catalog.octet_length(new.metadata::text) > 2048 then
      raise exception using errcode = 'PK303', message = 'activity metadata is larger than 2 kB';
    end if;
    if (select auth.uid()) is not null
       and (select count(*) from (
              select from parky.user_activity_logs l
              where l.user_id = new.user_id and l.activity_type = new.activity_type
                and l.occurred_at > pg_catalog.now() - interval '1 hour' and not l.is_server
              limit 300) recent) >= 300 then
      raise exception using errcode = 'PK305',
        message = format('too many %s events in the last hour', new.activity_type),
        hint = 'apps may log at most 300 events of one type per hour';
    end if;
    new.source_type := null;
    new.source_id := null;
    new.occurred_at := pg_catalog.now();
  end if;
  return new;
end
$$;
comment on function parky_private.activity_logs_before_insert() is
  'BEFORE INSERT trigger on user_activity_logs: rejects future occurred_at (PK108); rows not written by the server logger must '
  'be a client_insertable type (PK302) with metadata up to 2 kB (PK303), at most 300 of a type per user and hour when '
  'a signed-in client writes them (PK305), and get no source and the server''s time.';

create or replace function parky_private.assert_gamification_operator() returns void
language plpgsql stable
security definer
set search_path = ''
as $$
begin
  -- current_setting('role') is the role PostgREST (or a test) switched to; a security-definer
  -- function does not change it.
  if pg_catalog.current_setting('role') in ('anon', 'authenticated') and not (select parky_private.is_admin()) then
    raise exception using errcode = 'PK107', message = 'only admins recompute gamification';
  end if;
end
$$;
comment on function parky_private.assert_gamification_operator() is
  'Raises PK107 when an API client (anon, authenticated) that is not an admin asks; the service role and direct database '
  'sessions may recompute.';
