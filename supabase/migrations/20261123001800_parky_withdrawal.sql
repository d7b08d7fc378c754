-- Parky: withdrawal and account status.
--
-- Withdrawal (the user through parky.withdraw, an admin through parky.set_user_status, or the
-- deletion of the auth user) sets app_users.status = 'withdrawn', anonymizes the profile (name,
-- e-mail, avatar, vehicle, preferences) and, through the AFTER UPDATE trigger below, deletes the
-- user's push tokens, saved lots and inbox and their portal roles. History that accounting and
-- moderation need stays (reviews, tickets, reports, subscriptions, activity logs). Withdrawal is
-- final. The withdrawn user's Parky data is closed to them (parky_private.can_read() is false);
-- the auth account is shared with Prompty and is left alone.
-- Other domains attach their own cleanup as AFTER UPDATE OF status triggers on parky.app_users
-- with `when (old.status <> 'withdrawn' and new.status = 'withdrawn')` (e.g. session memos and
-- GPS snapshots).
--
-- Objects: parky_private.withdraw_user(uuid), withdraw_self(), set_user_status(uuid, text), parky_private.app_users_after_withdrawn(),
--          parky_private.handle_deleted_auth_user(), parky_private.app_users_status_final().

create function parky_private.withdraw_user(p_user_id uuid) returns parky.app_users
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user parky.app_users;
begin
  update parky.app_users u
  set status = 'withdrawn', withdrawn_at = pg_catalog.now(), deleted_at = pg_catalog.now(),
      display_name = '退会したユーザー', email = null, avatar_url = null, vehicle_type = null,
      notification_prefs = '{}'::jsonb, premium = false
  where u.id = p_user_id and u.status <> 'withdrawn'
  returning * into v_user;
  if v_user.id is null then
    raise exception using errcode = 'PK116', message = 'no such user, or already withdrawn';
  end if;
  return v_user;
end
$$;
comment on function parky_private.withdraw_user(uuid) is
  'Withdraws a user: status withdrawn, profile anonymized (cleanup of owned data by trigger). Error PK116 when unknown or already withdrawn.';

create function parky_private.app_users_after_withdrawn() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from parky.user_push_tokens where user_id = new.id;
  delete from parky.user_saved_parkings where user_id = new.id;
  delete from parky.user_notifications where user_id = new.id;
  delete from parky.parking_lot_staff where user_id = new.id;
  delete from parky.admins where user_id = new.id;
  return null;
end
$$;
comment on function parky_private.app_users_after_withdrawn() is
  'AFTER UPDATE trigger on app_users when a user becomes withdrawn: deletes push tokens, saved lots, inbox and portal roles.';
create trigger app_users_after_update_withdrawn after update of status on parky.app_users
  for each row when (old.status <> 'withdrawn' and new.status = 'withdrawn')
  execute function parky_private.app_users_after_withdrawn();

-- Withdrawal is final.
create function parky_private.app_users_status_final() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = 'PK105', message = 'a withdrawn account cannot be reactivated',
    hint = 'the person can sign up again with a new account';
end
$$;
comment on function parky_private.app_users_status_final() is 'BEFORE UPDATE trigger: a withdrawn user stays withdrawn (PK105).';
create trigger app_users_before_update_status_final before update of status on parky.app_users
  for each row when (old.status = 'withdrawn' and new.status <> 'withdrawn')
  execute function parky_private.app_users_status_final();

-- Deleting the auth user withdraws the Parky user (the row stays for history).
create function parky_private.handle_deleted_auth_user() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select from parky.app_users u where u.id = old.id and u.status <> 'withdrawn') then
    perform parky_private.withdraw_user(old.id);
  end if;
  return old;
end
$$;
comment on function parky_private.handle_deleted_auth_user() is
  'BEFORE DELETE trigger on auth.users: withdraws the Parky user, keeping the anonymized row.';
create trigger users_before_delete_withdraw_parky_user before delete on auth.users
  for each row execute function parky_private.handle_deleted_auth_user();

-- Suspension and reactivation by admins.
create function parky_private.set_user_status(p_user_id uuid, p_status text) returns parky.app_users
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user parky.app_users;
begin
  if not (select parky_private.is_admin()) then
    raise exception using errcode = 'PK107', message = 'only admins change a user''s status';
  end if;
  if p_status = 'withdrawn' then
    return parky_private.withdraw_user(p_user_id);
  end if;
  update parky.app_users u set status = p_status where u.id = p_user_id returning * into v_user;
  if v_user.id is null then
    raise exception using errcode = 'PK116', message = 'no such user';
  end if;
  return v_user;
end
$$;
comment on function parky_private.set_user_status(uuid, text) is
  'Admins: sets a user''s status (active, suspended, withdrawn). Errors PK107 not an admin, PK116 unknown user, PK101 unknown status, PK105 reactivating a withdrawn user.';
grant execute on function parky_private.set_user_status(uuid, text) to authenticated;

-- The caller withdraws themselves.
create function parky_private.withdraw_self() returns parky.app_users
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
begin
  if v_uid is null then
    raise exception using errcode = 'PK105', message = 'sign in first';
  end if;
  return parky_private.withdraw_user(v_uid);
end
$$;
comment on function parky_private.withdraw_self() is 'Withdraws the caller (see withdraw_user). Errors PK105 not signed in, PK116 already withdrawn.';
grant execute on function parky_private.withdraw_self() to authenticated;
