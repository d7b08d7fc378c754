-- Prompty: bounded sizes and write rates (security review finding F7).
--
-- Client-writable data that could grow without bound now has a cap or a rate limit, checked
-- by one BEFORE INSERT trigger function (prompty_private.enforce_write_limit) with the limit
-- in its trigger arguments. It serialises the writes of one owner with a transaction-scoped
-- advisory lock, so two concurrent inserts cannot both take the last place:
--   caps (PT191):   drafts 100 per author, magazines 50 per owner, magazine_prompts 200 per magazine;
--   rates (PT192):  feedback 10 per user per hour, 50 per hour from all anonymous visitors together;
--                   contacts 5 per user per hour, 50 per hour from anonymous visitors;
--                   prompt_executions 120 per user per hour.
-- The anonymous rates are global (the database has no trustworthy client address): a flood
-- can close the anonymous forms for up to an hour, never fill the tables; signed-in users keep
-- their own quota. Put a per-IP limit at the edge as well.
-- The client JSON preferences of user_settings (reaction_settings, comment_settings) already
-- had a 4 KB check constraint; a BEFORE trigger now gives PT190 for an oversize or non-object
-- document (pg_column_size and the text length, both at most 4096 bytes).
--
-- Objects: prompty_private.enforce_write_limit(), prompty_private.validate_user_settings(),
--          triggers <table>_before_insert_limit, user_settings_before_write_validate,
--          indexes feedback_anon_created_at_idx, contacts_anon_created_at_idx
-- Errors: PT190 settings document too large or not an object, PT191 too many (cap),
--         PT192 too many in the last hour (rate limit).

create function prompty_private.enforce_write_limit() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_key_column text := tg_argv[0];
  v_max integer := tg_argv[1]::integer;
  v_window interval := nullif(tg_argv[2], '')::interval;
  v_time_column text := tg_argv[3];
  v_key uuid := (to_jsonb(new) ->> v_key_column)::uuid;
  v_count integer;
begin
  if v_key is null then
    v_max := coalesce(nullif(tg_argv[4], '')::integer, v_max);
  end if;
  -- One owner's inserts at a time: the count below cannot be passed by a concurrent insert.
  perform pg_advisory_xact_lock(hashtext(format('prompty.%s.limit', tg_table_name)), hashtext(coalesce(v_key::text, 'anonymous')));
  execute format('select count(*) from (select 1 from prompty.%I where %s %s limit $2) s',
                 tg_table_name,
                 case when v_key is null then format('%I is null', v_key_column) else format('%I = $1', v_key_column) end,
                 case when v_window is null then '' else format('and %I > now() - $3', v_time_column) end)
  into v_count
  using v_key, v_max, v_window;
  if v_count >= v_max then
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
  'BEFORE INSERT trigger: caps rows per owner (args: key column, max) with PT191, or rate-limits them (args: key column, max, window, time column, max when the key is null) with PT192. Security definer: counts rows the caller may not read; serialised per owner with an advisory lock.';

create trigger drafts_before_insert_limit before insert on prompty.drafts
  for each row execute function prompty_private.enforce_write_limit('author_id', '100');
create trigger magazines_before_insert_limit before insert on prompty.magazines
  for each row execute function prompty_private.enforce_write_limit('owner_id', '50');
create trigger magazine_prompts_before_insert_limit before insert on prompty.magazine_prompts
  for each row execute function prompty_private.enforce_write_limit('magazine_id', '200');
create trigger feedback_before_insert_limit before insert on prompty.feedback
  for each row execute function prompty_private.enforce_write_limit('user_id', '10', '1 hour', 'created_at', '50');
create trigger contacts_before_insert_limit before insert on prompty.contacts
  for each row execute function prompty_private.enforce_write_limit('user_id', '5', '1 hour', 'created_at', '50');
create trigger prompt_executions_before_insert_limit before insert on prompty.prompt_executions
  for each row execute function prompty_private.enforce_write_limit('user_id', '120', '1 hour', 'created_at');

create index feedback_anon_created_at_idx on prompty.feedback (created_at) where user_id is null;
create index contacts_anon_created_at_idx on prompty.contacts (created_at) where user_id is null;
create index feedback_user_id_created_at_idx on prompty.feedback (user_id, created_at);
create index contacts_user_id_created_at_idx on prompty.contacts (user_id, created_at);
drop index prompty.feedback_user_id_idx;
drop index prompty.contacts_user_id_idx;

create function prompty_private.validate_user_settings() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if jsonb_typeof(new.reaction_settings) is distinct from 'object' or jsonb_typeof(new.comment_settings) is distinct from 'object' then
    raise exception using errcode = 'PT190', message = 'reaction_settings and comment_settings must be JSON objects';
  end if;
  if greatest(pg_column_size(new.reaction_settings), octet_length(new.reaction_settings::text),
              pg_column_size(new.comment_settings), octet_length(new.comment_settings::text)) > 4096 then
    raise exception using errcode = 'PT190', message = 'reaction_settings and comment_settings have at most 4096 bytes each';
  end if;
  return new;
end
$$;
comment on function prompty_private.validate_user_settings() is
  'BEFORE INSERT/UPDATE OF reaction_settings, comment_settings trigger on user_settings: PT190 unless both are JSON objects of at most 4 KB.';

create trigger user_settings_before_write_validate before insert or update of reaction_settings, comment_settings
  on prompty.user_settings for each row execute function prompty_private.validate_user_settings();
