-- Gamification engine: aggregations, windows, time filters, streaks, tiers, hidden and seasonal
-- badges, EXP rules with caps and validity, multi-level grants, notifications, themes, and
-- recompute = incremental (idempotent). The catalogue is switched off; the test defines its own.
-- Badges whose progress is checked past an award have a tier above it (a complete badge stops
-- counting: 035).
begin;
set search_path = extensions, public;
select plan(50);
select tests.parky_fixture();

update parky.badge_definitions set active = false;
update parky.activity_exp_rules set active = false;

insert into parky.exp_cap_groups (code, daily_cap) values ('t_group', 20);
insert into parky.activity_exp_rules (code, activity_type, amount, amount_path, amount_factor, amount_max, daily_cap, cap_group,
                                      valid_from, valid_to) values
  ('t_const', 'session_end', 10, null, 1, null, 15, null, null, null),
  ('t_minutes', 'session_end', null, 'session.duration_minutes', 0.5, 12, null, 't_group', null, null),
  ('t_season_exp', 'session_end', 7, null, 1, null, null, null, '2026-11-12 00:00+09', '2026-11-13 00:00+09');

insert into parky.badge_definitions (code, name_ja, name_en, condition, tiers, repeatable, hidden, valid_from, valid_to) values
  ('t_count', 'c', 'c', '{"activity_types": ["session_end"], "aggregate": {"fn": "count"}}',
   '[{"name": "bronze", "threshold": 2, "exp": 10}, {"name": "silver", "threshold": 4, "exp": 20, "theme": "night_drive"}]', false, false, null, null),
  ('t_sum', 's', 's', '{"activity_types": ["session_end"], "aggregate": {"fn": "sum", "path": "session.duration_minutes"}}',
   '[{"name": "bronze", "threshold": 100}, {"name": "silver", "threshold": 1000}]', false, false, null, null),
  ('t_distinct', 'd', 'd', '{"activity_types": ["session_end"], "aggregate": {"fn": "count_distinct", "path": "parking.lot.id"}}',
   '[{"name": "bronze", "threshold": 3}, {"name": "silver", "threshold": 10}]', false, false, null, null),
  ('t_day', 'dy', 'dy', '{"activity_types": ["session_end"], "aggregate": {"fn": "count"}, "window": {"type": "day"}}',
   '[{"name": "standard", "threshold": 2}]', true, false, null, null),
  ('t_week', 'w', 'w', '{"activity_types": ["session_end"], "aggregate": {"fn": "count"}, "window": {"type": "week"}}',
   '[{"name": "standard", "threshold": 2}]', true, false, null, null),
  ('t_month', 'm', 'm', '{"activity_types": ["session_end"], "aggregate": {"fn": "count"}, "window": {"type": "month"}}',
   '[{"name": "bronze", "threshold": 3}, {"name": "silver", "threshold": 100}]', false, false, null, null),
  ('t_rolling', 'r', 'r', '{"activity_types": ["session_end"], "aggregate": {"fn": "count"}, "window": {"type": "rolling", "days": 3}}',
   '[{"name": "bronze", "threshold": 3}, {"name": "silver", "threshold": 100}]', false, false, null, null),
  ('t_night', 'n', 'n', '{"activity_types": ["session_end"], "time_of_day": {"from": "22:00", "to": "05:00"}, "aggregate": {"fn": "count"}}',
   '[{"name": "standard", "threshold": 1}]', false, false, null, null),
  ('t_weekend', 'we', 'we', '{"activity_types": ["session_end"], "days": "weekend", "aggregate": {"fn": "count"}}',
   '[{"name": "standard", "threshold": 1}]', false, false, null, null),
  ('t_weekday', 'wd', 'wd', '{"activity_types": ["session_end"], "days": "weekday", "aggregate": {"fn": "count"}}',
   '[{"name": "standard", "threshold": 4}]', false, false, null, null),
  ('t_holiday', 'h', 'h', '{"activity_types": ["session_end"], "days": "holiday", "aggregate": {"fn": "count"}}',
   '[{"name": "standard", "threshold": 1}]', false, false, null, null),
  ('t_streak', 'st', 'st', '{"activity_types": ["session_end"], "aggregate": {"fn": "streak_days"}}',
   '[{"name": "bronze", "threshold": 3}, {"name": "silver", "threshold": 5}]', false, false, null, null),
  ('t_hidden', 'hd', 'hd', '{"activity_types": ["session_end"], "aggregate": {"fn": "count"}}',
   '[{"name": "standard", "threshold": 1, "exp": 300}]', false, true, null, null),
  ('t_season', 'se', 'se', '{"activity_types": ["session_end"], "aggregate": {"fn": "count"}}',
   '[{"name": "standard", "threshold": 1}]', false, false, '2026-11-10 00:00+09', '2026-11-20 00:00+09');

create temp table t_badge as select code, id from parky.badge_definitions where code like 't\_%';
-- session_end for pk_user at a JST time, a lot and a duration.
create function pg_temp.park(p_at timestamptz, p_lot text, p_minutes int) returns bigint
language sql as $$
  select parky_private.log_activity(tests.get_supabase_uid('pk_user'), 'session_end',
    jsonb_build_object('session', jsonb_build_object('duration_minutes', p_minutes, 'amount', 200, 'gps_verified', true),
                       'parking', jsonb_build_object('lot', jsonb_build_object('id', p_lot, 'prefecture', 'tokyo'))),
    p_at, 'test', gen_random_uuid()::text)
$$;
create function pg_temp.awards(p_code text) returns text[]
language sql as $$
  select coalesce(array_agg(a.period_key || '#' || a.tier order by a.period_key, a.tier), '{}') from parky.user_badges a
  where a.user_id = tests.get_supabase_uid('pk_user') and a.badge_id = (select id from t_badge where code = p_code)
$$;
create function pg_temp.progress(p_code text, p_period text default '') returns numeric
language sql as $$
  select p.value from parky.user_badge_progress p
  where p.user_id = tests.get_supabase_uid('pk_user') and p.badge_id = (select id from t_badge where code = p_code) and p.period_key = p_period
$$;

-- e1 Mon 11-02 10:00, e2 Mon 23:30 (night), e3 Tue 11-03 (holiday), e4 Wed, e5 Sat 11-07, e6 Thu 11-12 (season)
select pg_temp.park('2026-11-02 10:00+09', 'L1', 20);
select is(pg_temp.awards('t_hidden'), array['#1'], 'the first event awards a count-1 badge');
select is((select array_agg(level order by level) from parky.user_level_ups where user_id = tests.get_supabase_uid('pk_user')),
          array[2, 3, 4], 'one grant (10 + 10 + badge 300 EXP) crossing three levels records each level-up');
select is((select count(*) from parky.user_notifications where user_id = tests.get_supabase_uid('pk_user') and notif_type = 'level_up'),
          3::bigint, 'and notifies each');
select pg_temp.park('2026-11-02 23:30+09', 'L2', 30);
select is((select ((d ->> 'requested')::int, (d ->> 'granted')::int) from parky.user_exp_ledger l, jsonb_array_elements(l.detail) d
           where d ->> 'rule_id' = (select id::text from parky.activity_exp_rules where code = 't_const') order by l.id desc limit 1),
          row(10, 5), 'a rule''s own daily cap: the second event of the JST day gets 5 of 10');
select is((select ((d ->> 'requested')::int, (d ->> 'granted')::int) from parky.user_exp_ledger l, jsonb_array_elements(l.detail) d
           where d ->> 'rule_id' = (select id::text from parky.activity_exp_rules where code = 't_minutes') order by l.id desc limit 1),
          row(12, 10), 'metadata amount (30 min × 0.5 = 15, max 12) under the group cap (20 − 10)');
select pg_temp.park('2026-11-03 12:00+09', 'L1', 20);
select is((select sum(granted) from parky.user_exp_ledger
           where user_id = tests.get_supabase_uid('pk_user') and activity_log_id is not null and jst_day = '2026-11-03'), 20::bigint,
          'caps reset on the next JST day');
select pg_temp.park('2026-11-04 12:00+09', 'L3', 20);
select pg_temp.park('2026-11-07 12:00+09', 'L2', 20);
select pg_temp.park('2026-11-12 12:00+09', 'L4', 20);

-- aggregations and tiers
select is(pg_temp.awards('t_count'), array['#1', '#2'], 'count: bronze at 2, silver at 4');
select is(pg_temp.progress('t_count'), 4::numeric, 'count progress stops at the last tier (silver, 4 of 6 events)');
select is(pg_temp.progress('t_sum'), 130::numeric, 'sum of a metadata number');
select is(pg_temp.awards('t_sum'), array['#1'], 'sum threshold');
select is(pg_temp.progress('t_distinct'), 4::numeric, 'count_distinct counts L1, L2, L3, L4 once each');
select is((select activity_log_id from parky.user_badges where badge_id = (select id from t_badge where code = 't_distinct')),
          (select id from parky.user_activity_logs where user_id = tests.get_supabase_uid('pk_user') and metadata #>> '{parking,lot,id}' = 'L3'),
          'count_distinct awarded on the third distinct lot (a repeat of L1 did not count)');
-- windows
select is(pg_temp.awards('t_day'), array['D2026-11-02#1'], 'repeatable day window: awarded for the day with two events');
select is(pg_temp.progress('t_day', 'D2026-11-03'), 1::numeric, 'progress is kept per JST day');
select is(pg_temp.awards('t_week'), array['W2026-11-02#1'], 'week window starts Monday (Sat 11-07 is in the week of 11-02)');
select is(pg_temp.progress('t_week', 'W2026-11-09'), 1::numeric, 'the next week starts again');
select is(pg_temp.awards('t_month'), array['#1'], 'a non-repeatable month window is awarded once');
select is(pg_temp.progress('t_month', 'M2026-11'), 6::numeric, 'month progress');
select is((select activity_log_id from parky.user_badges where badge_id = (select id from t_badge where code = 't_rolling')),
          (select id from parky.user_activity_logs where user_id = tests.get_supabase_uid('pk_user') and occurred_at = '2026-11-03 12:00+09'),
          'rolling 3 days: the third event within 3 days awards');
select is(pg_temp.progress('t_rolling'), 1::numeric, 'the rolling total only holds the last 3 days (11-10..11-12)');
-- time filters
select is(pg_temp.awards('t_night'), array['#1'], 'time of day 22:00–05:00 (JST) matched 23:30');
select is(pg_temp.progress('t_night'), 1::numeric, 'and nothing else');
select is(pg_temp.progress('t_weekend'), 1::numeric, 'weekend: Saturday only');
select is(pg_temp.progress('t_holiday'), 1::numeric, 'holiday: Culture Day');
select is(pg_temp.progress('t_weekday'), 4::numeric, 'weekday: Mon–Fri, not the holiday');
select is(pg_temp.awards('t_weekday'), array['#1'], 'weekday threshold');
-- streak
select is(pg_temp.awards('t_streak'), array['#1'], 'streak: three consecutive JST days award bronze, not silver');
select is((select (value, best, last_day) from parky.user_badge_progress
           where user_id = tests.get_supabase_uid('pk_user') and badge_id = (select id from t_badge where code = 't_streak')),
          row(1::numeric, 3::numeric, '2026-11-12'::date), 'a gap resets the current streak; the best is kept');
-- seasonal, hidden
select is(pg_temp.progress('t_season'), 1::numeric, 'seasonal: only the event inside the validity counts');
select is((select count(*) from parky.user_exp_ledger l, jsonb_array_elements(l.detail) d
           where d ->> 'rule_id' = (select id::text from parky.activity_exp_rules where code = 't_season_exp')),
          1::bigint, 'an EXP rule applies only within its validity');
select tests.authenticate_as('pk_user');
select ok(exists (select from parky.badge_definitions where code = 't_hidden'), 'a hidden badge is visible to its holder');
select tests.authenticate_as('pk_other');
select ok(not exists (select from parky.badge_definitions where code = 't_hidden'), 'but not to others');
reset role;

-- EXP total, notifications, themes
select is((select total_exp from parky.user_exp where user_id = tests.get_supabase_uid('pk_user')),
          (select sum(granted) from parky.user_exp_ledger where user_id = tests.get_supabase_uid('pk_user')), 'total = ledger');
select is((select level from parky.user_exp where user_id = tests.get_supabase_uid('pk_user')),
          (select max(level) from parky.level_definitions
           where exp_required <= (select total_exp from parky.user_exp where user_id = tests.get_supabase_uid('pk_user'))),
          'the level matches the total');
select is((select count(*) from parky.user_notifications where user_id = tests.get_supabase_uid('pk_user') and notif_type = 'badge'),
          (select count(*) from parky.user_badges where user_id = tests.get_supabase_uid('pk_user')), 'one notification per award');
select is((select source from parky.user_themes where user_id = tests.get_supabase_uid('pk_user') and theme_code = 'night_drive'),
          'badge:t_count', 'the silver tier unlocked its theme');
select tests.authenticate_as('pk_user');
select is(parky.activate_theme(gen_random_uuid(), 'night_drive') ->> 'slot', 'app', 'an owned theme can be activated');
select throws_ok($$ select parky.activate_theme(gen_random_uuid(), 'sakura') $$, 'PK321', null, 'a theme not owned cannot');
select throws_ok($$ select parky.activate_theme(gen_random_uuid(), 'no_such') $$, 'PK320', null, 'nor an unknown one');
select is((select count(*) from parky.user_active_themes), 1::bigint, 'one active theme per slot');
reset role;

-- Replaying a source changes nothing
select is(parky_private.log_activity(tests.get_supabase_uid('pk_user'), 'session_end', '{}', now(), 'test',
            (select source_id from parky.user_activity_logs where user_id = tests.get_supabase_uid('pk_user') order by id limit 1)),
          null, 'the same source is logged once');

-- Recompute runs as an operator: the service role's claims (role postgres keeps access to the temp tables).
select tests.authenticate_as_service_role();
reset role;
-- Recompute equals incremental, and is idempotent
create temp table t_before as
  select 'p' as k, format('%s|%s|%s|%s|%s|%s', badge_id, period_key, value, best, last_day, awarded_tier) as v
  from parky.user_badge_progress where user_id = tests.get_supabase_uid('pk_user')
  union all select 'a', format('%s|%s|%s|%s', badge_id, period_key, tier, activity_log_id) from parky.user_badges
  where user_id = tests.get_supabase_uid('pk_user')
  union all select 'l', format('%s|%s|%s|%s|%s', activity_log_id, user_badge_id, requested, granted, detail) from parky.user_exp_ledger
  where user_id = tests.get_supabase_uid('pk_user')
  union all select 'e', format('%s|%s', total_exp, level) from parky.user_exp where user_id = tests.get_supabase_uid('pk_user');
create function pg_temp.state() returns setof text
language sql as $$
  select 'p' || format('%s|%s|%s|%s|%s|%s', badge_id, period_key, value, best, last_day, awarded_tier)
  from parky.user_badge_progress where user_id = tests.get_supabase_uid('pk_user')
  union all select 'a' || format('%s|%s|%s|%s', badge_id, period_key, tier, activity_log_id) from parky.user_badges
  where user_id = tests.get_supabase_uid('pk_user')
  union all select 'l' || format('%s|%s|%s|%s|%s', activity_log_id, user_badge_id, requested, granted, detail) from parky.user_exp_ledger
  where user_id = tests.get_supabase_uid('pk_user')
  union all select 'e' || format('%s|%s', total_exp, level) from parky.user_exp where user_id = tests.get_supabase_uid('pk_user')
$$;
select is((select count(*) from t_before), (select count(*) from pg_temp.state()), 'state snapshot taken');
select is((parky.recompute_user_gamification(tests.get_supabase_uid('pk_user')) ->> 'events')::int, 6, 'recompute replays the 6 events');
select set_eq($$ select k || v from t_before $$, $$ select * from pg_temp.state() $$, 'recompute rebuilds exactly the incremental state');
select lives_ok($$ select parky.recompute_user_gamification(tests.get_supabase_uid('pk_user')) $$, 'recompute again');
select set_eq($$ select k || v from t_before $$, $$ select * from pg_temp.state() $$, 'and it is idempotent');

-- An edited badge is applied to the past with recompute_badge
update parky.badge_definitions set tiers = tiers || '[{"name": "gold", "threshold": 6}]'::jsonb where code = 't_count';
select lives_ok($$ select parky.recompute_badge((select id from t_badge where code = 't_count'), null, 5000) $$, 'recompute_badge after an edit');
select is(pg_temp.awards('t_count'), array['#1', '#2', '#3'], 'it awards the new gold tier (the complete badge counts again)');
select is(pg_temp.progress('t_count'), 6::numeric, 'from the whole log');
select is((select count(*) from parky.user_notifications where user_id = tests.get_supabase_uid('pk_user') and title like '%c gold%'),
          1::bigint, 'and notifies it once');

select * from finish();
rollback;
