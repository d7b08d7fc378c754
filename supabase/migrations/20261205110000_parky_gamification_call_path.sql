-- Parky gamification engine, call path (issue 6 item 9): the insert trigger calls the engine
-- as a PL/pgSQL simple expression, and the engine reads the rules of the event's type through
-- their keys.
--
-- 1. gam_process returns the EXP the event granted (bigint) instead of void, so the trigger
--    assigns it (`v := gam_process(new)`, evaluated by PL/pgSQL's simple-expression path)
--    rather than running `perform gam_process(new)` as an SPI query with its own executor.
-- 2. gam_process runs with enable_seqscan = off. Its generic plans read the small catalogue
--    tables by sequential scan: each event evaluated the jsonpath predicates of all compiled
--    badge rules (of every activity type) and converted occurred_at to JST once per row of
--    parky.public_holidays (~200 time-zone conversions). Through their keys
--    (badge_rules_pkey, activity_exp_rules_activity_type_idx, public_holidays_pkey) only the
--    event type's rules are read and the holiday check is one index probe, so the work per
--    event no longer grows with the rules of other activity types. The setting holds while
--    gam_process runs (also for gam_award and gam_check_levels it calls).
-- Behaviour is unchanged. Measured with the benchmark (README, docs/parky-gamification.md).
--
-- Objects: parky_private.gam_process (return type bigint: dropped and created again),
--          parky_private.user_activity_logs_after_insert() (replaced).

drop function parky_private.gam_process(parky.user_activity_logs, bigint, boolean);

create function parky_private.gam_process(p_log parky.user_activity_logs, p_only_badge bigint default null,
                                          p_with_exp boolean default true)
returns bigint
language plpgsql volatile
security definer
set search_path = ''
set plan_cache_mode = force_generic_plan  -- its statements are the same for every event: plan them once per session
set enable_seqscan = off  -- read the rules of the event's type through their keys (see the header)
as $$
declare
  v_day date;
  v_week text;
  v_month text;
  v_minute int;
  v_weekend boolean;
  v_holiday boolean;
  v_granted bigint;
  v_total bigint;
  v_next bigint;
  v_num numeric;
  v_awarded int;
  v_locked boolean;
  v_crossings parky_private.gam_crossing[];
  v_crossing parky_private.gam_crossing;
  v_rollings parky_private.gam_rolling[];
  v_rolling parky_private.gam_rolling;
begin
  -- Eligible events of a type that has rules only; then the user's lock, so caps, progress and
  -- awards are exact.
  -- (The JST calendar values are computed here too: PL/pgSQL expressions cost a set-up per transaction.)
  select case when exists (select from parky.activity_exp_rules r where p_with_exp and r.activity_type = t.activity_type and r.active)
                   or exists (select from parky_private.badge_rules b where b.activity_type = t.activity_type)
              then (select true from pg_catalog.pg_advisory_xact_lock(7301, pg_catalog.hashtext(p_log.user_id::text))) end,
         j.local::date, 'W' || date_trunc('week', j.local)::date, 'M' || to_char(j.local, 'YYYY-MM'),
         extract(hour from j.local)::int * 60 + extract(minute from j.local)::int, extract(isodow from j.local) >= 6,
         exists (select from parky.public_holidays h where h.holiday_date = j.local::date)
  into v_locked, v_day, v_week, v_month, v_minute, v_weekend, v_holiday
  from parky.activity_types t, lateral (select p_log.occurred_at at time zone 'Asia/Tokyo' as local) j
  where t.activity_type = p_log.activity_type
    and (t.eligibility_path is null or coalesce(jsonb_path_match(p_log.metadata, t.eligibility_path, '{}', true), false));
  if v_locked is null then
    return 0;
  end if;

  -- One statement for the event (one executor run). EXP: the active rules of the type (id order);
  -- each cap key is charged once with the sum of its rules' requests and the grant is shared out
  -- in rule order; one ledger row per event. Badges: the compiled rules of the type (badge id
  -- order) filtered in one query; count, sum, count_distinct and streak progress in one upsert.
  -- It returns the EXP granted, the new tier crossings and the rolling-window rules.
  -- (select … into, not a FOR loop: no cursor for the common case of nothing to award)
    with r as (
      select x.id, x.cap_key, x.cap, x.req from (
        select r.id, r.compiled_cap as cap, r.compiled_cap_key as cap_key,
               case when r.amount is not null then r.amount
                    when jsonb_typeof(p_log.metadata #> r.compiled_amount_path) = 'number'
                    then least(floor(greatest((p_log.metadata #> r.compiled_amount_path)::numeric, 0) * r.amount_factor),
                               coalesce(r.amount_max, 1000000))::int
                    else 0 end as req
        from parky.activity_exp_rules r
        where p_with_exp and r.activity_type = p_log.activity_type and r.active
          and (r.valid_from is null or r.valid_from <= p_log.occurred_at) and (r.valid_to is null or p_log.occurred_at < r.valid_to)
          and (r.compiled_condition is null or coalesce(jsonb_path_match(p_log.metadata, r.compiled_condition, '{}', true), false))
      ) x where x.req > 0),
    k as (
      select r.cap_key, min(r.cap) as cap, sum(r.req)::int as req from r where r.cap_key is not null group by r.cap_key),
    u as (
      insert into parky_private.exp_daily_usage as u (user_id, cap_key, jst_day, granted, last_grant, cap)
      select p_log.user_id, k.cap_key, v_day, least(k.req, k.cap), least(k.req, k.cap), k.cap from k
      on conflict (user_id, cap_key, jst_day) do update
        set granted = least(u.granted + excluded.granted, excluded.cap),
            last_grant = least(u.granted + excluded.granted, excluded.cap) - u.granted, cap = excluded.cap
      returning u.cap_key, u.last_grant),
    g as (
      select r.id, r.req,
             case when r.cap_key is null then r.req
                  else least(r.req, greatest(0, u.last_grant - coalesce(sum(r.req) over (partition by r.cap_key order by r.id
                                                                        rows between unbounded preceding and 1 preceding), 0)))::int
             end as granted
      from r left join u on u.cap_key = r.cap_key),
    l as (
      insert into parky.user_exp_ledger (user_id, activity_log_id, requested, granted, detail, jst_day)
      select p_log.user_id, p_log.id, sum(g.req), sum(g.granted),
             jsonb_agg(jsonb_build_object('rule_id', g.id, 'requested', g.req, 'granted', g.granted) order by g.id), v_day
      from g having count(*) > 0
      returning granted),
    m as (
      select b.badge_id, b.agg, b.window_kind, b.window_days, b.thresholds,
             case b.window_kind when 'day' then 'D' || v_day when 'week' then v_week when 'month' then v_month else '' end as period_key,
             case b.agg when 'count' then 1::numeric when 'streak_days' then 1::numeric
                        when 'sum' then case when jsonb_typeof(p_log.metadata #> b.agg_path) = 'number'
                                             then (p_log.metadata #> b.agg_path)::numeric end end as delta,
             case when b.agg = 'count_distinct' then p_log.metadata #>> b.agg_path end as dvalue
      from parky_private.badge_rules b
      where b.activity_type = p_log.activity_type and (p_only_badge is null or b.badge_id = p_only_badge)
        and (b.valid_from is null or b.valid_from <= p_log.occurred_at) and (b.valid_to is null or p_log.occurred_at < b.valid_to)
        and (b.minute_from is null or case when b.minute_from < b.minute_to
                                           then v_minute >= b.minute_from and v_minute < b.minute_to
                                           else v_minute >= b.minute_from or v_minute < b.minute_to end)
        and (b.day_kind is null or case b.day_kind
               when 'weekend' then v_weekend when 'holiday' then v_holiday when 'weekend_or_holiday' then v_weekend or v_holiday
               else not v_weekend and not v_holiday end)
        and (b.predicate is null or coalesce(jsonb_path_match(p_log.metadata, b.predicate, '{}', true), false))),
    d as (
      insert into parky_private.badge_distinct_values (user_id, badge_id, period_key, value)
      select p_log.user_id, m.badge_id, m.period_key, m.dvalue from m where m.dvalue is not null
      on conflict do nothing
      returning badge_id, period_key),
    a as (
      select m.badge_id, m.period_key, m.delta, m.agg = 'streak_days' as streak from m
      where m.delta is not null and m.window_kind <> 'rolling'
      union all
      select d.badge_id, d.period_key, 1, false from d),
    up as (
      -- best is only set for streak rows: it tells the update which rule applies
      insert into parky.user_badge_progress as p (user_id, badge_id, period_key, value, best, last_day)
      select p_log.user_id, a.badge_id, a.period_key, a.delta, case when a.streak then 1 end, v_day from a
      order by a.badge_id
      on conflict (user_id, badge_id, period_key) do update
        set value = case when excluded.best is null then p.value + excluded.value
                         when p.last_day >= excluded.last_day then p.value
                         when p.last_day = excluded.last_day - 1 then p.value + 1 else 1 end,
            best = case when excluded.best is null then null
                        else greatest(p.best, case when p.last_day >= excluded.last_day then p.value
                                                   when p.last_day = excluded.last_day - 1 then p.value + 1 else 1 end) end,
            last_day = greatest(p.last_day, excluded.last_day), updated_at = now()
      returning p.badge_id, p.period_key, p.value, p.awarded_tier)
    select (select coalesce(sum(l.granted), 0) from l)::bigint,
           (select array_agg(row(up.badge_id, up.period_key, up.value, up.awarded_tier)::parky_private.gam_crossing order by up.badge_id)
            from up join m on m.badge_id = up.badge_id
            where up.value >= m.thresholds[up.awarded_tier + 1]),  -- the next tier's threshold (null past the last tier)
           (select array_agg(row(m.badge_id, m.window_days, m.delta)::parky_private.gam_rolling order by m.badge_id) from m
            where m.window_kind = 'rolling' and m.delta is not null)
    into v_granted, v_crossings, v_rollings;

  foreach v_crossing in array coalesce(v_crossings, '{}') loop
    v_granted := v_granted + parky_private.gam_award_reached(p_log, v_crossing.badge_id, v_crossing.period_key, v_crossing.value,
                                                             v_crossing.awarded_tier);
  end loop;
  -- rolling N days: per-day totals, the window sums at most N rows
  foreach v_rolling in array coalesce(v_rollings, '{}') loop
    insert into parky_private.badge_day_totals as t (user_id, badge_id, day, value)
    values (p_log.user_id, v_rolling.badge_id, v_day, v_rolling.delta)
    on conflict (user_id, badge_id, day) do update set value = t.value + excluded.value;
    insert into parky.user_badge_progress as p (user_id, badge_id, period_key, value, last_day)
    select p_log.user_id, v_rolling.badge_id, '', sum(t.value), v_day from parky_private.badge_day_totals t
    where t.user_id = p_log.user_id and t.badge_id = v_rolling.badge_id and t.day > v_day - v_rolling.window_days and t.day <= v_day
    on conflict (user_id, badge_id, period_key) do update set value = excluded.value, last_day = excluded.last_day, updated_at = now()
    returning p.value, p.awarded_tier into v_num, v_awarded;
    v_granted := v_granted + parky_private.gam_award_reached(p_log, v_rolling.badge_id, '', v_num, v_awarded);
  end loop;

  if v_granted > 0 then
    insert into parky.user_exp as e (user_id, total_exp) values (p_log.user_id, v_granted)
    on conflict (user_id) do update set total_exp = e.total_exp + excluded.total_exp, updated_at = now()
    returning e.total_exp, e.next_level_exp into v_total, v_next;
    if v_next is not null and v_total >= v_next then
      perform parky_private.gam_check_levels(p_log.user_id);
    end if;
  end if;
  return v_granted;
end
$$;
comment on function parky_private.gam_process(parky.user_activity_logs, bigint, boolean) is
  'Applies one activity event: EXP rules (capped per JST day), badge progress and awards, levels. p_only_badge and p_with_exp '
  'restrict it for parky.recompute_badge. Serialised per user by a transaction advisory lock. Returns the EXP granted.';

create or replace function parky_private.user_activity_logs_after_insert() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
-- @plpgsql_check_options: extra_warnings = off
-- (v_granted is never read: the assignment only makes PL/pgSQL evaluate the call as a simple
-- expression; PERFORM would run it as an SPI query with its own executor on every event.)
declare
  v_granted bigint;
begin
  v_granted := parky_private.gam_process(new);
  return null;
end
$$;
comment on function parky_private.user_activity_logs_after_insert() is 'AFTER INSERT trigger on user_activity_logs: runs the gamification engine.';
