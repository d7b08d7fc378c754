-- Parky: admins cannot change their own status; push tokens' last_seen_at is server-owned
-- (security review F8).
--
-- Purpose
--   parky_private.set_user_status let an admin suspend, reactivate or withdraw their own account
--   (an admin locking themselves out, or undoing a suspension by another admin's decision). It
--   now refuses the caller's own id (PK119); another admin (or the service role) does it.
--   user_push_tokens.last_seen_at was client-writable, so a client could keep a dead token
--   "fresh" past the 30-day clean-up. It leaves the update grant; parky.upsert_push_token (app
--   boot) refreshes it through parky_private.touch_push_token, and inserts take the default now().
--
-- Objects
--   parky_private.set_user_status(uuid, text)   + PK119 for the caller's own id
--   grant update on parky.user_push_tokens      without last_seen_at
--   parky_private.touch_push_token(uuid)        security definer: last_seen_at = now() on the caller's token
--   parky.upsert_push_token(...)                same signature and result; sets last_seen_at via touch_push_token
--
-- Errors
--   PK119  an admin cannot change their own status
--
-- Nothing destructive.

create or replace function parky_private.set_user_status(p_user_id uuid, p_status text) returns parky.app_users
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
  if p_user_id = (select auth.uid()) then
    raise exception using errcode = 'PK119', message = 'admins cannot change their own status',
      hint = 'another admin (or the service role) must do it';
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
  'Admins: sets another user''s status (active, suspended, withdrawn). Errors PK107 not an admin, PK119 the caller''s own '
  'status, PK116 unknown user, PK101 unknown status, PK105 reactivating a withdrawn user.';

comment on function parky.set_user_status(uuid, uuid, text) is
  'Admins: suspends (read-only), reactivates or withdraws another user. Returns {user_id, status}. '
  'Errors: PK107 not an admin, PK119 an admin''s own status, PK116 unknown user, PK101 unknown status, '
  'PK105 a withdrawn user cannot be reactivated, PI400, PI409.';

-- ---------------------------------------------------------------------------------------------
-- user_push_tokens.last_seen_at: server-owned

revoke update on parky.user_push_tokens from authenticated;
grant update (fcm_token, device_type, app_version) on parky.user_push_tokens to authenticated;
comment on column parky.user_push_tokens.last_seen_at is
  'Last app boot that registered the token (parky.upsert_push_token). Server-owned: insert default now(), no client update.';

create function parky_private.touch_push_token(p_token_id uuid) returns timestamptz
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_seen timestamptz;
begin
  update parky.user_push_tokens t set last_seen_at = pg_catalog.now()
   where t.id = p_token_id and t.user_id = (select auth.uid())
  returning t.last_seen_at into v_seen;
  return v_seen;
end
$$;
comment on function parky_private.touch_push_token(uuid) is
  'Sets last_seen_at = now() on one of the caller''s push tokens and returns it (null if not the caller''s). For upsert_push_token.';
revoke execute on function parky_private.touch_push_token(uuid) from public, anon;
grant execute on function parky_private.touch_push_token(uuid) to authenticated;

create or replace function parky.upsert_push_token(
  p_client_request_id uuid, p_device_id text, p_fcm_token text, p_device_type text, p_app_version text default null)
returns jsonb
language plpgsql volatile
security invoker
set search_path = ''
as $$
declare
  v_uid uuid := parky_private.assert_can_write();
  v_replay jsonb;
  v_token parky.user_push_tokens;
begin
  v_replay := private.idempotency_begin('parky.upsert_push_token', p_client_request_id, jsonb_build_object(
    'device_id', p_device_id, 'fcm_token', p_fcm_token, 'device_type', p_device_type, 'app_version', p_app_version));
  if v_replay is not null then
    return v_replay;
  end if;
  if coalesce(length(p_device_id), 0) not between 1 and 200 or coalesce(length(p_fcm_token), 0) not between 1 and 4096 then
    raise exception using errcode = 'PK117', message = 'device id and FCM token are required';
  end if;
  perform parky_private.release_push_token(p_fcm_token, p_device_id);
  insert into parky.user_push_tokens as t (user_id, device_id, fcm_token, device_type, app_version)
  values (v_uid, p_device_id, p_fcm_token, p_device_type, p_app_version)
  on conflict on constraint user_push_tokens_user_device_key do update
    set fcm_token = excluded.fcm_token, device_type = excluded.device_type, app_version = excluded.app_version
  returning * into v_token;
  -- last_seen_at is server-owned: only this boot path refreshes it
  v_token.last_seen_at := parky_private.touch_push_token(v_token.id);
  return private.idempotency_finish('parky.upsert_push_token', p_client_request_id, jsonb_build_object(
    'id', v_token.id, 'device_id', v_token.device_id, 'device_type', v_token.device_type, 'last_seen_at', v_token.last_seen_at));
end
$$;
