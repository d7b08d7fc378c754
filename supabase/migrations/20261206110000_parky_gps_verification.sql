-- Parky sessions: GPS verification that a spoofed position cannot farm (security review M1).
--
-- A session was gps_verified when its start gave a position within 500 m of the lot. Lot
-- coordinates are public, so an app sending made-up positions could start and end five-minute
-- sessions lot after lot and collect the distinct-lot and prefecture badges (and their EXP) in an
-- afternoon. The database cannot prove a position is real; it can refuse to believe positions
-- that a car could not have produced:
--   - travel: the position must be reachable from the user's previous verified session, at most
--     250 km/h between that session's lot (from when it ended or was cancelled) and this lot
--     (faster than any road, slower than no train: a rental car after a Shinkansen ride is the
--     edge case, and it only loses the verification);
--   - budget: at most 10 verified sessions per user and JST day (a distinct-lot badge gains at
--     most 10 lots a day; gold, 100 lots, takes ten days of driving).
-- A session that fails either check still starts (and is charged): it is unverified, so it earns
-- what unverified sessions earn (EXP, counts) and not the distinct-lot or prefecture badges.
-- Both checks read every session of the user, soft-deleted ones included (deleting a session from
-- the history does not reset them).
--
-- Objects: index parking_sessions_user_verified_idx, parky_private.gps_plausible(uuid, geography)
--          (new), parky_private.start_parking_session (replaced; only gps_verified changes).

comment on column parky.parking_sessions.gps_verified is
  'True when the start gave a GPS position within 500 m of the lot that passed parky_private.gps_plausible (travel from the '
  'previous verified session, 10 a day). Server-owned; badges of distinct lots and prefectures count verified sessions.';

create index parking_sessions_user_verified_idx on parky.parking_sessions (user_id, started_at desc) where gps_verified;

create function parky_private.gps_plausible(p_user_id uuid, p_location extensions.geography)
returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select
    -- travel: from the previous verified session's lot, since the user left it: when it ended, when
    -- it was cancelled (updated_at), or now if it still runs in this statement's snapshot (an end
    -- committing while this start waits for the one-active-session index)
    coalesce((select extensions.st_distance(l.location, p_location)
                     / greatest(extract(epoch from now() - case when s.status in ('pending', 'parking') then now()
                                                                else coalesce(s.ended_at, s.updated_at) end), 60) * 3.6 <= 250
              from parky.parking_sessions s join parky.parking_lots l on l.id = s.parking_lot_id
              where s.user_id = p_user_id and s.gps_verified
              order by s.started_at desc limit 1), true)
    -- budget: fewer than 10 verified sessions started today (JST)
    and (select count(*) from (
           select from parky.parking_sessions s
           where s.user_id = p_user_id and s.gps_verified
             and s.started_at >= (date_trunc('day', now() at time zone 'Asia/Tokyo') at time zone 'Asia/Tokyo')
           limit 10) today) < 10
$$;
comment on function parky_private.gps_plausible(uuid, extensions.geography) is
  'Whether a GPS fix at a lot may verify a new session of the user: reachable at <= 250 km/h from the previous verified '
  'session''s lot since it ended, and fewer than 10 verified sessions today (JST). Soft-deleted sessions count.';
revoke all on function parky_private.gps_plausible(uuid, extensions.geography) from public;

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
            v_distance is not null and parky_private.gps_plausible(v_uid, v_lot.location))
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
comment on function parky.start_parking_session(uuid, uuid, text, numeric, numeric) is
  'Starts parking at a lot now: status parking, the lot''s tariff snapshotted, optional vehicle type (default: the '
  'profile''s) and GPS (within 500 m of the lot, reachable from the previous verified session at <= 250 km/h and at most '
  '10 a day: the session is gps_verified). Returns the session. Errors: PK105, PK102 lot not found/hidden, PK213 lot '
  'closed, PK201 no tariff, PK211 another session active, PK214 bad GPS, PK301 GPS too far from the lot, PK101 unknown '
  'vehicle_type, PI400, PI409.';
