-- Prompty sign-up: every new auth user gets a profile and default settings rows.
--
-- The username comes from the sign-up metadata (raw_user_meta_data.username) when it is valid
-- and free; otherwise it is derived from the metadata or the e-mail's local part, and made
-- unique with a short suffix. Sign-up never fails on a username. display_name comes from
-- display_name / full_name / name, avatar_url from an https avatar_url. E-mail changes in
-- auth.users are copied to profiles.email.
--
-- Objects: prompty_private.username_candidate(), prompty_private.handle_new_user(),
--          prompty_private.sync_user_email(), triggers users_after_insert_prompty_profile and
--          users_after_update_prompty_email on auth.users

create function prompty_private.username_candidate(p_requested text, p_email text) returns text
language sql immutable
set search_path = ''
as $$
  select case
    when prompty_private.username_problem(p_requested) is null then p_requested
    else coalesce(
      nullif(left(regexp_replace(lower(coalesce(nullif(p_requested, ''), split_part(coalesce(p_email, ''), '@', 1))),
                                 '[^a-z0-9_]', '', 'g'), 20), ''),
      'user')
  end
$$;
comment on function prompty_private.username_candidate(text, text) is
  'First username to try at sign-up: the requested one when valid, else a cleaned-up version of it or of the e-mail''s local part (a-z 0-9 _, at most 20), else "user".';

create function prompty_private.handle_new_user() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
  v_base text := prompty_private.username_candidate(v_meta ->> 'username', new.email);
  v_username text := v_base;
  v_display_name text := left(nullif(btrim(coalesce(v_meta ->> 'display_name', v_meta ->> 'full_name', v_meta ->> 'name', '')), ''), 50);
  v_avatar text := v_meta ->> 'avatar_url';
  v_attempt integer := 0;
begin
  if v_avatar !~ '^https://' or char_length(v_avatar) > 500 then
    v_avatar := null;
  end if;
  loop
    if prompty_private.username_problem(v_username) is null
       and not exists (select 1 from prompty.profiles where username = v_username) then
      begin
        insert into prompty.profiles (id, username, display_name, email, avatar_url)
        values (new.id, v_username, v_display_name, new.email, v_avatar);
        exit;
      exception when unique_violation then
        -- a concurrent sign-up took the same username: try another one
        null;
      end;
    end if;
    v_attempt := v_attempt + 1;
    v_username := case
      when v_attempt <= 5
        then left(rtrim(v_base, '_'), 20) || '_' || left(md5(new.id::text || v_attempt::text), 4 + v_attempt)
      else 'user_' || left(replace(new.id::text, '-', ''), 25)
    end;
    if char_length(v_username) < 3 then
      v_username := 'user_' || left(md5(new.id::text), 8);
    end if;
    if v_attempt > 6 then
      raise exception 'could not find a free username for user %', new.id;
    end if;
  end loop;

  insert into prompty.account_settings (user_id) values (new.id);
  insert into prompty.notification_preferences (user_id) values (new.id);
  insert into prompty.notification_settings (user_id) values (new.id);
  insert into prompty.user_settings (user_id) values (new.id);
  return new;
end
$$;
comment on function prompty_private.handle_new_user() is
  'AFTER INSERT trigger on auth.users: creates the Prompty profile (valid, unique username) and the default settings rows.';

create trigger users_after_insert_prompty_profile
  after insert on auth.users
  for each row execute function prompty_private.handle_new_user();

create function prompty_private.sync_user_email() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update prompty.profiles set email = new.email where id = new.id;
  return null;
end
$$;
comment on function prompty_private.sync_user_email() is 'AFTER UPDATE OF email trigger on auth.users: copies the address to profiles.email.';

create trigger users_after_update_prompty_email
  after update of email on auth.users
  for each row when (old.email is distinct from new.email)
  execute function prompty_private.sync_user_email();
