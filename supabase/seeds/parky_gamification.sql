-- Parky gamification sample activity (runs after seeds/parky.sql): six weeks of parking for the
-- active sample users user01…user08, logged the way end_parking_session logs them, so badges,
-- EXP, levels, themes and their notifications show in the app. Deterministic: the choices are
-- hashes of the row (no random()). The saved lots and approved reviews of seeds/parky.sql have
-- already produced their lot_save and review_post events.

-- Per user: 8–30 stays over the six weeks before 2026-11-30, at lots near their "home" area,
-- mostly GPS-verified, 20 minutes to 9 hours, at various times of day.
with stays as (
  select u.id as user_id, u.n, s,
         timestamptz '2026-10-19 07:00+09' + (s * interval '1 day') * (42.0 / (8 + u.n * 3))
           + ((('x' || substr(md5(u.id::text || s || 'h'), 1, 2))::bit(8)::int % 16) * interval '1 hour') as ended_at,
         20 + (('x' || substr(md5(u.id::text || s || 'd'), 1, 4))::bit(16)::int % 520) as minutes,
         (('x' || substr(md5(u.id::text || s || 'v'), 1, 2))::bit(8)::int % 5) <> 0 as verified,
         (select l.id from parky.parking_lots l where l.deleted_at is null and l.status = 'active'
          order by md5(l.id::text || u.id::text || (s % (3 + u.n))) limit 1) as lot_id
  from (select id, row_number() over (order by id)::int as n from parky.app_users
        where email ~ '^user0[1-8]@parky\.example$' and status = 'active') u,
       generate_series(1, 8 + u.n * 3) s
)
select count(parky_private.log_activity(st.user_id, 'session_end',
  jsonb_build_object(
    'session', jsonb_build_object('id', md5(st.user_id::text || st.s), 'vehicle_type', 'compact',
                                  'amount', 100 * ceil(st.minutes / 30.0)::int, 'duration_minutes', st.minutes,
                                  'started_at', st.ended_at - st.minutes * interval '1 minute', 'ended_at', st.ended_at,
                                  'gps_verified', st.verified),
    'parking', jsonb_build_object('lot', parky_private.lot_activity_json(st.lot_id))),
  st.ended_at, 'sample_session', md5(st.user_id::text || st.s)))
from (select * from stays order by user_id, ended_at) st;
