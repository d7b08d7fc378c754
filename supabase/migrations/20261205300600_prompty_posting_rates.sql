-- Prompty: posting rates, and write limits for API clients only (issue 5 review, F7 follow-up).
--
-- Prompts, comments and reports had no rate: one account could flood the site or the
-- moderation queue. They get the same hourly limit as feedback (PT192): 30 prompts per
-- author, 60 comments per user, 30 reports per reporter. The limits now apply to API clients
-- (statements run as anon or authenticated, directly or through a security-invoker RPC such as
-- publish_draft); server work (service role, seeds, imports, cron) is not limited. No
-- security-definer function inserts into a limited table, so testing the role is safe here.
-- The counting moves to a security-definer helper; the trigger itself runs as the caller.
--
-- Objects: prompty_private.write_limit_reached(), prompty_private.enforce_write_limit() (replaced),
--          triggers prompts/comments/reports_before_insert_limit, their (owner, created_at) indexes
-- Errors: PT191 cap, PT192 rate limit.

create function prompty_private.write_limit_reached(
  p_table text, p_key_column text, p_key uuid, p_max integer, p_window interval, p_time_column text)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_count integer;
begin
  -- One owner's inserts at a time: a concurrent insert cannot pass the count below.
  perform pg_advisory_xact_lock(hashtext(format('prompty.%s.limit', p_table)), hashtext(coalesce(p_key::text, 'anonymous')));
  execute format('select count(*) from (select 1 from prompty.%I where %s %s limit $2) s',
                 p_table,
                 case when p_key is null then format('%I is null', p_key_column) else format('%I = $1', p_key_column) end,
                 case when p_window is null then '' else format('and %I > now() - $3', p_time_column) end)
  into v_count
  using p_key, p_max, p_window;
  return v_count >= p_max;
end
$$;
comment on function prompty_private.write_limit_reached(text, text, uuid, integer, interval, text) is
  'Whether the owner p_key already has p_max rows in prompty.<p_table> (within p_window of p_time_column when given). Takes a per-owner advisory lock until commit. Security definer: counts rows the caller may not read.';
grant execute on function prompty_private.write_limit_reached(text, text, uuid, integer, interval, text) to anon, authenticated;

create or replace function prompty_private.enforce_write_limit() returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_key_column text := tg_argv[0];
  v_max integer := tg_argv[1]::integer;
  v_window interval := nullif(tg_argv[2], '')::interval;
  v_time_column text := tg_argv[3];
  v_key uuid := (to_jsonb(new) ->> v_key_column)::uuid;
begin
  if current_user not in ('anon', 'authenticated') then
    return new;
  end if;
  if v_key is null then
    v_max := coalesce(nullif(tg_argv[4], '')::integer, v_max);
  end if;
  if prompty_private.write_limit_reached(tg_table_name, v_key_column, v_key, v_max, v_window, v_time_column) then
    if v_window is null then
      raise exception using errcode = 'PT191', message = format('at most %s %s', v_max, replace(tg_table_name, '_', ' ')),
        detail = format('%s per %s', v_max, v_key_column), hint = 'delete some first';
    end if;
    raise exception using errcode = 'PT192', message = format('too many %s: at most %s per %s', replace(tg_table_name, '_', ' '), v_max, v_window),
      detail = case when v_key is null then 'the limit is shared by all anonymous visitors' else format('%s per %s', v_max, v_key_column) end,
      hint = 'try again later';
  end if;
  return new;
end
$$;
comment on function prompty_private.enforce_write_limit() is
  'BEFORE INSERT trigger for API clients (anon, authenticated): caps rows per owner (args: key column, max) with PT191, or rate-limits them (args: key column, max, window, time column, max when the key is null) with PT192. Server roles are not limited.';

create index prompts_author_id_created_at_idx on prompty.prompts (author_id, created_at);
create index comments_user_id_created_at_idx on prompty.comments (user_id, created_at);
drop index prompty.comments_user_id_idx;
create index reports_reporter_id_created_at_idx on prompty.reports (reporter_id, created_at);

create trigger prompts_before_insert_limit before insert on prompty.prompts
  for each row execute function prompty_private.enforce_write_limit('author_id', '30', '1 hour', 'created_at');
create trigger comments_before_insert_limit before insert on prompty.comments
  for each row execute function prompty_private.enforce_write_limit('user_id', '60', '1 hour', 'created_at');
create trigger reports_before_insert_limit before insert on prompty.reports
  for each row execute function prompty_private.enforce_write_limit('reporter_id', '30', '1 hour', 'created_at');
