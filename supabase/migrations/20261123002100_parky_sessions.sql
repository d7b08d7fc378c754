-- Parky: parking sessions, whose fee the server fixes.
--
-- A session starts in status 'parking' with the lot's tariff snapshotted (a tariff edited during
-- the stay does not change the fee) and the entry time set by the server. Ending it computes
-- total_amount and the breakdown with parky.calculate_fee(snapshot, started_at, ended_at) under
-- a row lock, so two ends (concurrent or not) charge once: the second sees 'ended' (PK212), a
-- retry with the same client_request_id replays the first answer. Cancelling (pending or
-- parking → cancelled) charges nothing. 'pending' is accepted for sessions created by other
-- tools (e.g. the portal) before entry; the app's start goes straight to 'parking'.
-- Clients never write status, times, amounts or the snapshot: they have column grants on memo
-- and personal_rating only; every state change goes through the RPCs below, whose privileged
-- steps run in parky_private as security definer after checking auth.uid().
-- Ending a session writes the rewarding activity 'session_end' (source parking_session/<id>),
-- starting one writes 'session_start'; the gamification engine reads them.
--
-- Errors (SQLSTATE):
--   PK105 not signed in / account cannot write      PK102 lot not found, hidden or deleted
--   PK201 lot has no tariff                         PK210 session not found (or not the caller's)
--   PK211 another session is already active        PK212 session is not in a state that allows this
--   PK213 lot is closed                             PK214 invalid GPS position
--   PK101 unknown code (vehicle_type, personal_rating)   PI400 / PI409 idempotency
--
-- Objects: parky.parking_sessions, parky.start_parking_session, parky.end_parking_session,
--          parky.cancel_parking_session, parky.update_parking_session, parky.delete_parking_session,
--          parky.list_parking_sessions, parky.quote_parking_session, parky_private.* helpers and triggers.

create table parky.parking_sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references parky.app_users (id),
  parking_lot_id uuid not null references parky.parking_lots (id),
  status text not null default 'parking',
  started_at timestamptz not null default now(),
  ended_at timestamptz,
  total_amount int check (total_amount >= 0),
  fee_breakdown jsonb,
  tariff_snapshot jsonb not null,
  vehicle_type text,
  memo text check (length(memo) <= 1000),
  personal_rating text,
  start_lat numeric(9, 6) check (start_lat between -90 and 90),
  start_lng numeric(9, 6) check (start_lng between -180 and 180),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  constraint parking_sessions_ended_has_amount check ((status = 'ended') = (ended_at is not null and total_amount is not null)),
  constraint parking_sessions_exit_after_entry check (ended_at is null or ended_at >= started_at),
  constraint parking_sessions_gps_pair check ((start_lat is null) = (start_lng is null)),
  constraint parking_sessions_only_finished_deleted check (deleted_at is null or status in ('ended', 'cancelled'))
);
comment on table parky.parking_sessions is
  'A user''s stay at a lot. The server sets status, times, the tariff snapshot and the fee; users edit memo and personal_rating.';
comment on column parky.parking_sessions.status is 'session_status code: pending, parking, ended, cancelled. Server-owned.';
comment on column parky.parking_sessions.total_amount is 'Final fee in yen, fixed by end_parking_session from tariff_snapshot. Server-owned.';
comment on column parky.parking_sessions.fee_breakdown is 'parky.calculate_fee''s breakdown for support agents. Server-owned.';
comment on column parky.parking_sessions.tariff_snapshot is 'The lot''s tariff JSON at entry; the fee uses it, not later edits. Server-owned.';
comment on column parky.parking_sessions.personal_rating is 'personal_rating code (good, bad) or null: the user''s private verdict.';
comment on column parky.parking_sessions.start_lat is 'GPS snapshot at start (optional); anonymized on withdrawal.';
comment on column parky.parking_sessions.deleted_at is 'Soft delete from the user''s history (ended or cancelled sessions only).';

create unique index parking_sessions_one_active_per_user on parky.parking_sessions (user_id)
  where status in ('pending', 'parking');
create index parking_sessions_user_history_idx on parky.parking_sessions (user_id, started_at desc, id desc)
  where deleted_at is null;
create index parking_sessions_parking_lot_id_idx on parky.parking_sessions (parking_lot_id);

alter table parky.parking_sessions enable row level security;
revoke all on parky.parking_sessions from anon, authenticated;
grant select on parky.parking_sessions to authenticated;
grant update (memo, personal_rating) on parky.parking_sessions to authenticated;
grant select, insert, update, delete on parky.parking_sessions to service_role;

create trigger parking_sessions_before_update_set_updated_at before update on parky.parking_sessions
  for each row execute function parky_private.set_updated_at();
create trigger parking_sessions_before_write_check_codes before insert or update on parky.parking_sessions
  for each row execute function parky_private.check_codes(
    'status', 'session_status', 'vehicle_type', 'vehicle_type', 'personal_rating', 'personal_rating');

-- parking_sessions_select_authenticated: one's own sessions still in the history.
create policy parking_sessions_select_authenticated on parky.parking_sessions for select to authenticated
  using (user_id = (select auth.uid()) and deleted_at is null and (select parky_private.can_read()));
comment on policy parking_sessions_select_authenticated on parky.parking_sessions is
  'Users read their own sessions that are not deleted from history; suspended users too, withdrawn users not.';
-- parking_sessions_update_authenticated: memo and personal rating (column grants) of one's own sessions.
create policy parking_sessions_update_authenticated on parky.parking_sessions for update to authenticated
  using (user_id = (select auth.uid()) and deleted_at is null and (select parky_private.can_write()))
  with check (user_id = (select auth.uid()) and deleted_at is null);
comment on policy parking_sessions_update_authenticated on parky.parking_sessions is
  'Active users edit memo and personal_rating of their own sessions (the only columns granted).';

-- Reviews may point at the session they are about; it must be the reviewer's.
alter table parky.parking_reviews
  add constraint parking_reviews_session_id_fkey foreign key (session_id) references parky.parking_sessions (id) on delete set null;
create index parking_reviews_session_id_idx on parky.parking_reviews (session_id);

create function parky_private.parking_reviews_check_session() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.session_id is not null and not exists (
       select from parky.parking_sessions s
       where s.id = new.session_id and s.user_id = new.user_id and s.parking_lot_id = new.parking_lot_id) then
    raise exception using errcode = 'PK210', message = 'parking session not found',
      hint = 'a review can only point at one of your own sessions at the same lot';
  end if;
  return new;
end
$$;
comment on function parky_private.parking_reviews_check_session() is
  'BEFORE INSERT/UPDATE trigger on parking_reviews: session_id must be the reviewer''s session at the same lot (PK210).';
create trigger parking_reviews_before_write_check_session before insert or update of session_id on parky.parking_reviews
  for each row execute function parky_private.parking_reviews_check_session();

-- Withdrawal: GPS snapshots and memos go; amounts and times stay for accounting.
create function parky_private.parking_sessions_anonymize_withdrawn() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update parky.parking_sessions s
  set memo = null, start_lat = null, start_lng = null, personal_rating = null
  where s.user_id = new.id;
  -- An active session of a withdrawn user can never be ended by them: close it without a charge.
  update parky.parking_sessions s set status = 'cancelled'
  where s.user_id = new.id and s.status in ('pending', 'parking');
  return null;
end
$$;
comment on function parky_private.parking_sessions_anonymize_withdrawn() is
  'AFTER UPDATE trigger on app_users when a user becomes withdrawn: clears session memos, GPS and ratings; cancels an active session.';
create trigger app_users_after_update_withdrawn_sessions after update of status on parky.app_users
  for each row when (old.status <> 'withdrawn' and new.status = 'withdrawn')
  execute function parky_private.parking_sessions_anonymize_withdrawn();

-- ---------------------------------------------------------------------------------------------
-- Helpers

-- The session as the RPCs return it.
create function parky_private.session_json(p_session parky.parking_sessions) returns jsonb
language sql immutable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', p_session.id, 'parking_lot_id', p_session.parking_lot_id, 'status', p_session.status,
    'started_at', p_session.started_at, 'ended_at', p_session.ended_at, 'total_amount', p_session.total_amount,
    'fee_breakdown', p_session.fee_breakdown, 'vehicle_type', p_session.vehicle_type, 'memo', p_session.memo,
    'personal_rating', p_session.personal_rating, 'start_lat', p_session.start_lat, 'start_lng', p_session.start_lng,
    'created_at', p_session.created_at, 'updated_at', p_session.updated_at)
$$;
comment on function parky_private.session_json(parky.parking_sessions) is 'A parking session as the RPCs return it.';
grant execute on function parky_private.session_json(parky.parking_sessions) to authenticated, service_role;

-- The caller's session, locked for update. Raises PK210 when it is not theirs or is deleted.
create function parky_private.lock_own_session(p_session_id uuid) returns parky.parking_sessions
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_session parky.parking_sessions;
begin
  select * into v_session from parky.parking_sessions s
  where s.id = p_session_id and s.user_id = (select auth.uid()) and s.deleted_at is null
  for update;
  if not found then
    raise exception using errcode = 'PK210', message = 'parking session not found';
  end if;
  return v_session;
end
$$;
comment on function parky_private.lock_own_session(uuid) is
  'Locks and returns the caller''s live session. Error PK210 when missing, deleted or another user''s.';

-- The facts of a lot that activity metadata carries (badge conditions read them by dot path).
create function parky_private.lot_activity_json(p_lot_id uuid) returns jsonb
language sql stable
security definer
set search_path = ''
as $$
  select jsonb_build_object('id', l.id, 'prefecture', l.prefecture, 'city', l.city, 'structure', l.structure)
  from parky.parking_lots l where l.id = p_lot_id
$$;
comment on function parky_private.lot_activity_json(uuid) is 'The lot facts that session activity metadata carries.';

-- Server-written activity (rewarding types): one event per (user, type, source).
create function parky_private.log_session_activity(p_session parky.parking_sessions, p_type text, p_metadata jsonb,
                                                   p_occurred_at timestamptz)
returns void
language sql volatile
security definer
set search_path = ''
as $$
  insert into parky.user_activity_logs (user_id, activity_type, metadata, occurred_at, source_type, source_id)
  values (p_session.user_id, p_type, p_metadata, p_occurred_at, 'parking_session', p_session.id::text)
  on conflict (user_id, activity_type, source_type, source_id) where source_type is not null do nothing
$$;
comment on function parky_private.log_session_activity(parky.parking_sessions, text, jsonb, timestamptz) is
  'Writes a session''s activity event (session_start, session_end) once, with source parking_session/<id>.';

-- ---------------------------------------------------------------------------------------------
-- Start

create function parky_private.start_parking_session(p_client_request_id uuid, p_lot_id uuid, p_vehicle_type text,
                                                    p_lat numeric, p_lng numeric)
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_uid uuid := parky_private.assert_can_write();
  v_replay jsonb;
  v_lot parky.parking_lots;
  v_tariff jsonb;
  v_session parky.parking_sessions;
begin
  v_replay := private.idempotency_begin('parky.start_parking_session', p_client_request_id,
    jsonb_build_object('lot_id', p_lot_id, 'vehicle_type', p_vehicle_type, 'lat', p_lat, 'lng', p_lng));
  if v_replay is not null then
    return v_replay;
  end if;
  select * into v_lot from parky.parking_lots l where l.id = p_lot_id and l.deleted_at is null and l.status <> 'hidden';
  if not found then
    raise exception using errcode = 'PK102', message = 'parking lot not found',
      hint = 'the lot does not exist, is hidden or was removed';
  end if;
  if v_lot.status = 'closed' then
    raise exception using errcode = 'PK213', message = 'this parking lot is closed';
  end if;
  if (p_lat is null) <> (p_lng is null) or p_lat not between -90 and 90 or p_lng not between -180 and 180 then
    raise exception using errcode = 'PK214', message = 'p_lat and p_lng must together be a valid WGS 84 position';
  end if;
  v_tariff := parky_private.require_lot_tariff(p_lot_id);
  -- One active session per user: a concurrent second start waits on the unique index and fails.
  begin
    insert into parky.parking_sessions (user_id, parking_lot_id, status, started_at, tariff_snapshot, vehicle_type,
                                        start_lat, start_lng)
    values (v_uid, p_lot_id, 'parking', now(), v_tariff,
            coalesce(p_vehicle_type, (select u.vehicle_type from parky.app_users u where u.id = v_uid)), p_lat, p_lng)
    returning * into v_session;
  exception when unique_violation then
    raise exception using errcode = 'PK211', message = 'you already have an active parking session',
      hint = 'end or cancel it first';
  end;
  perform parky_private.log_session_activity(v_session, 'session_start',
    jsonb_build_object('session', jsonb_build_object('id', v_session.id, 'vehicle_type', v_session.vehicle_type,
                                                     'started_at', v_session.started_at),
                       'parking', jsonb_build_object('lot', parky_private.lot_activity_json(p_lot_id))),
    v_session.started_at);
  return private.idempotency_finish('parky.start_parking_session', p_client_request_id,
    parky_private.session_json(v_session));
end
$$;
comment on function parky_private.start_parking_session(uuid, uuid, text, numeric, numeric) is
  'The work of parky.start_parking_session (security definer: writes server-owned columns after checking auth.uid()).';

create function parky.start_parking_session(p_client_request_id uuid, p_lot_id uuid, p_vehicle_type text default null,
                                            p_lat numeric default null, p_lng numeric default null)
returns jsonb
language sql volatile
security invoker
set search_path = ''
as $$
  select parky_private.start_parking_session(p_client_request_id, p_lot_id, p_vehicle_type, p_lat, p_lng)
$$;
comment on function parky.start_parking_session(uuid, uuid, text, numeric, numeric) is
  'Starts parking at a lot now: status parking, the lot''s tariff snapshotted, optional vehicle type (default: the '
  'profile''s) and GPS. Returns the session. Errors: PK105, PK102 lot not found/hidden, PK213 lot closed, PK201 no tariff, '
  'PK211 another session active, PK214 bad GPS, PK101 unknown vehicle_type, PI400, PI409.';

-- ---------------------------------------------------------------------------------------------
-- End, cancel

create function parky_private.end_parking_session(p_client_request_id uuid, p_session_id uuid) returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_replay jsonb;
  v_session parky.parking_sessions;
  v_ended_at timestamptz := now();
  v_fee jsonb;
begin
  perform parky_private.assert_can_write();
  v_replay := private.idempotency_begin('parky.end_parking_session', p_client_request_id,
    jsonb_build_object('session_id', p_session_id));
  if v_replay is not null then
    return v_replay;
  end if;
  v_session := parky_private.lock_own_session(p_session_id);
  if v_session.status <> 'parking' then
    raise exception using errcode = 'PK212', message = format('the session is %s, not parking', v_session.status),
      hint = case when v_session.status = 'ended' then 'it was already ended and charged once' end;
  end if;
  v_fee := parky.calculate_fee(v_session.tariff_snapshot, v_session.started_at, v_ended_at);
  update parky.parking_sessions s
  set status = 'ended', ended_at = v_ended_at, total_amount = (v_fee ->> 'amount')::int, fee_breakdown = v_fee -> 'breakdown'
  where s.id = v_session.id
  returning * into v_session;
  perform parky_private.log_session_activity(v_session, 'session_end',
    jsonb_build_object(
      'session', jsonb_build_object(
        'id', v_session.id, 'vehicle_type', v_session.vehicle_type, 'amount', v_session.total_amount,
        'duration_minutes', floor(extract(epoch from v_session.ended_at - v_session.started_at) / 60)::int,
        'started_at', v_session.started_at, 'ended_at', v_session.ended_at),
      'parking', jsonb_build_object('lot', parky_private.lot_activity_json(v_session.parking_lot_id))),
    v_session.ended_at);
  return private.idempotency_finish('parky.end_parking_session', p_client_request_id, parky_private.session_json(v_session));
end
$$;
comment on function parky_private.end_parking_session(uuid, uuid) is
  'The work of parky.end_parking_session (security definer: fixes the fee after checking the caller owns the session).';

create function parky.end_parking_session(p_client_request_id uuid, p_session_id uuid) returns jsonb
language sql volatile
security invoker
set search_path = ''
as $$
  select parky_private.end_parking_session(p_client_request_id, p_session_id)
$$;
comment on function parky.end_parking_session(uuid, uuid) is
  'Ends the caller''s running session now: the server fixes total_amount from the tariff snapshot and stores the '
  'breakdown; status ended. Returns the session. A retry with the same client_request_id replays; ending twice otherwise '
  'is PK212 and charges once. Errors: PK105, PK210 not found / not yours, PK212 not parking, PK002, PI400, PI409.';

create function parky_private.cancel_parking_session(p_client_request_id uuid, p_session_id uuid) returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_replay jsonb;
  v_session parky.parking_sessions;
begin
  perform parky_private.assert_can_write();
  v_replay := private.idempotency_begin('parky.cancel_parking_session', p_client_request_id,
    jsonb_build_object('session_id', p_session_id));
  if v_replay is not null then
    return v_replay;
  end if;
  v_session := parky_private.lock_own_session(p_session_id);
  if v_session.status not in ('pending', 'parking') then
    raise exception using errcode = 'PK212', message = format('the session is %s and cannot be cancelled', v_session.status);
  end if;
  update parky.parking_sessions s set status = 'cancelled' where s.id = v_session.id returning * into v_session;
  return private.idempotency_finish('parky.cancel_parking_session', p_client_request_id, parky_private.session_json(v_session));
end
$$;
comment on function parky_private.cancel_parking_session(uuid, uuid) is
  'The work of parky.cancel_parking_session (security definer: changes the server-owned status).';

create function parky.cancel_parking_session(p_client_request_id uuid, p_session_id uuid) returns jsonb
language sql volatile
security invoker
set search_path = ''
as $$
  select parky_private.cancel_parking_session(p_client_request_id, p_session_id)
$$;
comment on function parky.cancel_parking_session(uuid, uuid) is
  'Cancels the caller''s pending or running session without a charge. Errors: PK105, PK210, PK212 (ended or cancelled), '
  'PI400, PI409.';

-- ---------------------------------------------------------------------------------------------
-- Memo, personal rating, history

create function parky.update_parking_session(p_client_request_id uuid, p_session_id uuid, p_memo text default null,
                                             p_personal_rating text default null, p_clear_rating boolean default false)
returns jsonb
language plpgsql volatile
security invoker
set search_path = ''
as $$
declare
  v_replay jsonb;
  v_session parky.parking_sessions;
begin
  perform parky_private.assert_can_write();
  v_replay := private.idempotency_begin('parky.update_parking_session', p_client_request_id,
    jsonb_build_object('session_id', p_session_id, 'memo', p_memo, 'rating', p_personal_rating, 'clear', p_clear_rating));
  if v_replay is not null then
    return v_replay;
  end if;
  update parky.parking_sessions s
  set memo = coalesce(p_memo, s.memo),
      personal_rating = case when p_clear_rating then null else coalesce(p_personal_rating, s.personal_rating) end
  where s.id = p_session_id
  returning * into v_session;
  if not found then
    raise exception using errcode = 'PK210', message = 'parking session not found';
  end if;
  return private.idempotency_finish('parky.update_parking_session', p_client_request_id, parky_private.session_json(v_session));
end
$$;
comment on function parky.update_parking_session(uuid, uuid, text, text, boolean) is
  'Sets the memo and/or personal rating (good, bad; p_clear_rating removes it) of the caller''s session. Security invoker: '
  'RLS and column grants apply. Errors: PK105, PK210 not found / not yours, PK101 unknown rating, PI400, PI409.';

create function parky_private.delete_parking_session(p_client_request_id uuid, p_session_id uuid) returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_replay jsonb;
  v_session parky.parking_sessions;
begin
  perform parky_private.assert_can_write();
  v_replay := private.idempotency_begin('parky.delete_parking_session', p_client_request_id,
    jsonb_build_object('session_id', p_session_id));
  if v_replay is not null then
    return v_replay;
  end if;
  v_session := parky_private.lock_own_session(p_session_id);
  if v_session.status not in ('ended', 'cancelled') then
    raise exception using errcode = 'PK212', message = 'end or cancel the session before deleting it';
  end if;
  update parky.parking_sessions s set deleted_at = now() where s.id = v_session.id;
  return private.idempotency_finish('parky.delete_parking_session', p_client_request_id,
    jsonb_build_object('id', v_session.id, 'deleted', true));
end
$$;
comment on function parky_private.delete_parking_session(uuid, uuid) is
  'The work of parky.delete_parking_session (security definer: sets deleted_at, which clients cannot write).';

create function parky.delete_parking_session(p_client_request_id uuid, p_session_id uuid) returns jsonb
language sql volatile
security invoker
set search_path = ''
as $$
  select parky_private.delete_parking_session(p_client_request_id, p_session_id)
$$;
comment on function parky.delete_parking_session(uuid, uuid) is
  'Removes an ended or cancelled session from the caller''s history (soft delete; amounts stay for accounting). '
  'Errors: PK105, PK210, PK212 still active, PI400, PI409.';

create function parky.list_parking_sessions(p_limit int default 20, p_before_started_at timestamptz default null,
                                            p_before_id uuid default null)
returns setof parky.parking_sessions
language sql stable
security invoker
set search_path = ''
as $$
  select s.* from parky.parking_sessions s
  where s.user_id = (select auth.uid()) and s.deleted_at is null
    and (p_before_started_at is null or (s.started_at, s.id) < (p_before_started_at, coalesce(p_before_id, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid)))
  order by s.started_at desc, s.id desc
  limit greatest(1, least(coalesce(p_limit, 20), 100))
$$;
comment on function parky.list_parking_sessions(int, timestamptz, uuid) is
  'The caller''s session history, newest first, keyset-paginated: pass the last row''s started_at and id for the next '
  'page. p_limit is clamped to 1..100.';

create function parky.quote_parking_session(p_session_id uuid) returns jsonb
language plpgsql stable
security invoker
set search_path = ''
as $$
declare
  v_session parky.parking_sessions;
begin
  select * into v_session from parky.parking_sessions s where s.id = p_session_id;  -- RLS: own sessions only
  if not found then
    raise exception using errcode = 'PK210', message = 'parking session not found';
  end if;
  if v_session.status <> 'parking' then
    raise exception using errcode = 'PK212', message = format('the session is %s, not parking', v_session.status);
  end if;
  return jsonb_build_object('session_id', v_session.id, 'started_at', v_session.started_at, 'ended_at', now())
         || parky.calculate_fee(v_session.tariff_snapshot, v_session.started_at, now());
end
$$;
comment on function parky.quote_parking_session(uuid) is
  'The fee so far of the caller''s running session (its tariff snapshot, now as exit): {session_id, started_at, ended_at, '
  'amount, breakdown}. Errors: PK210 not found / not yours, PK212 not parking.';

grant execute on function
  parky_private.start_parking_session(uuid, uuid, text, numeric, numeric),
  parky_private.end_parking_session(uuid, uuid),
  parky_private.cancel_parking_session(uuid, uuid),
  parky_private.delete_parking_session(uuid, uuid),
  parky.start_parking_session(uuid, uuid, text, numeric, numeric),
  parky.end_parking_session(uuid, uuid),
  parky.cancel_parking_session(uuid, uuid),
  parky.update_parking_session(uuid, uuid, text, text, boolean),
  parky.delete_parking_session(uuid, uuid),
  parky.list_parking_sessions(int, timestamptz, uuid),
  parky.quote_parking_session(uuid)
  to authenticated, service_role;
