-- Parky gamification: the server events that feed the engine, and the anti-farming rules of
-- sessions (security finding F2).
--
-- Events (each logged once through parky_private.log_activity with a source key):
--   session_start / session_end   parking_session/<id>   start and end of a session (RPCs)
--   review_post                   parking_review/<id>    a review becomes approved (first time only)
--   lot_save                      parking_lot/<lot id>   a lot is saved (unsave + save again: no new event)
-- Cancelled sessions never log session_end; rejected reviews never log review_post; an approved
-- review later rejected or deleted keeps what it earned (awards and levels are never revoked).
--
-- Anti-farming (F2): start_parking_session refuses a GPS position more than 500 m from the lot
-- (PK301) and records gps_verified (a position was given and is within 500 m). session_end
-- carries session.gps_verified and session.duration_minutes; its eligibility
-- (parky.activity_types) requires 5 minutes or more, so shorter sessions earn no EXP and no
-- badge progress; the catalogue's distinct-lot and prefecture badges count verified sessions
-- only; session EXP shares a daily cap.
--
-- Objects: parky.parking_sessions.gps_verified, parky_private.log_session_activity (replaced),
--          parky_private.start_parking_session / end_parking_session (replaced),
--          review and saved-lot triggers.

alter table parky.parking_sessions add column gps_verified boolean not null default false;
comment on column parky.parking_sessions.gps_verified is
  'True when the start gave a GPS position within 500 m of the lot. Server-owned; badges of distinct lots count verified sessions.';

create or replace function parky_private.log_session_activity(p_session parky.parking_sessions, p_type text, p_metadata jsonb,
                                                              p_occurred_at timestamptz)
returns void
language sql volatile
security definer
set search_path = ''
as $$
  select parky_private.log_activity(p_session.user_id, p_type, p_metadata, p_occurred_at, 'parking_session', p_session.id::text)
$$;
comment on function parky_private.log_session_activity(parky.parking_sessions, text, jsonb, timestamptz) is
  'Writes a session''s activity event (session_start, session_end) once, with source parking_session/<id>.';

create or replace function parky_private.start_parking_session(p_client_request_id uuid, p_lot_id uuid, p_vehicle_type text,
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
  v_distance double precision;
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
  if p_lat is not null then
    v_distance := extensions.st_distance(v_lot.location,
      extensions.st_setsrid(extensions.st_makepoint(p_lng::double precision, p_lat::double precision), 4326)::extensions.geography);
    if v_distance > 500 then
      raise exception using errcode = 'PK301', message = 'you are too far from this parking lot to start parking here',
        detail = format('the position is %s m from the lot; the limit is 500 m', round(v_distance)),
        hint = 'start the session at the lot (or without a position: the session then counts as unverified)';
    end if;
  end if;
  v_tariff := parky_private.require_lot_tariff(p_lot_id);
  -- One active session per user: a concurrent second start waits on the unique index and fails.
  begin
    insert into parky.parking_sessions (user_id, parking_lot_id, status, started_at, tariff_snapshot, vehicle_type,
                                        start_lat, start_lng, gps_verified)
    values (v_uid, p_lot_id, 'parking', now(), v_tariff,
            coalesce(p_vehicle_type, (select u.vehicle_type from parky.app_users u where u.id = v_uid)), p_lat, p_lng,
            v_distance is not null)
    returning * into v_session;
  exception when unique_violation then
    raise exception using errcode = 'PK211', message = 'you already have an active parking session',
      hint = 'end or cancel it first';
  end;
  perform parky_private.log_session_activity(v_session, 'session_start',
    jsonb_build_object('session', jsonb_build_object('id', v_session.id, 'vehicle_type', v_session.vehicle_type,
                                                     'started_at', v_session.started_at, 'gps_verified', v_session.gps_verified),
                       'parking', jsonb_build_object('lot', parky_private.lot_activity_json(p_lot_id))),
    v_session.started_at);
  return private.idempotency_finish('parky.start_parking_session', p_client_request_id,
    parky_private.session_json(v_session));
end
$$;
comment on function parky_private.start_parking_session(uuid, uuid, text, numeric, numeric) is
  'The work of parky.start_parking_session (security definer: writes server-owned columns after checking auth.uid()).';
comment on function parky.start_parking_session(uuid, uuid, text, numeric, numeric) is
  'Starts parking at a lot now: status parking, the lot''s tariff snapshotted, optional vehicle type (default: the '
  'profile''s) and GPS (within 500 m of the lot: the session is gps_verified). Returns the session. Errors: PK105, PK102 lot '
  'not found/hidden, PK213 lot closed, PK201 no tariff, PK211 another session active, PK214 bad GPS, PK301 GPS too far from '
  'the lot, PK101 unknown vehicle_type, PI400, PI409.';

create or replace function parky_private.end_parking_session(p_client_request_id uuid, p_session_id uuid) returns jsonb
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
        'started_at', v_session.started_at, 'ended_at', v_session.ended_at, 'gps_verified', v_session.gps_verified),
      'parking', jsonb_build_object('lot', parky_private.lot_activity_json(v_session.parking_lot_id))),
    v_session.ended_at);
  return private.idempotency_finish('parky.end_parking_session', p_client_request_id, parky_private.session_json(v_session));
end
$$;
comment on function parky_private.end_parking_session(uuid, uuid) is
  'The work of parky.end_parking_session (security definer: fixes the fee after checking the caller owns the session).';

-- ---------------------------------------------------------------------------------------------
-- Reviews: an approval is the rewarding event (once per review, whatever the later moderation).
create function parky_private.reviews_after_approve_log() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.deleted_at is null then
    perform parky_private.log_activity(new.user_id, 'review_post',
      jsonb_build_object(
        'review', jsonb_build_object('id', new.id, 'rating', new.rating, 'comment_length', coalesce(length(new.comment), 0),
                                     'image_count', cardinality(new.image_urls), 'with_session', new.session_id is not null),
        'parking', jsonb_build_object('lot', parky_private.lot_activity_json(new.parking_lot_id))),
      now(), 'parking_review', new.id::text);
  end if;
  return null;
end
$$;
comment on function parky_private.reviews_after_approve_log() is
  'AFTER INSERT/UPDATE OF status trigger on parking_reviews: an approved review logs review_post once (source parking_review/<id>).';
create trigger parking_reviews_after_approve_log after insert or update of status on parky.parking_reviews
  for each row when (new.status = 'approved') execute function parky_private.reviews_after_approve_log();

-- Saved lots: the first save of a lot is the event.
create function parky_private.saved_parkings_after_insert_log() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform parky_private.log_activity(new.user_id, 'lot_save',
    jsonb_build_object('parking', jsonb_build_object('lot', parky_private.lot_activity_json(new.parking_lot_id))),
    now(), 'parking_lot', new.parking_lot_id::text);
  return null;
end
$$;
comment on function parky_private.saved_parkings_after_insert_log() is
  'AFTER INSERT trigger on user_saved_parkings: logs lot_save once per (user, lot) (source parking_lot/<id>).';
create trigger user_saved_parkings_after_insert_log after insert on parky.user_saved_parkings
  for each row execute function parky_private.saved_parkings_after_insert_log();
