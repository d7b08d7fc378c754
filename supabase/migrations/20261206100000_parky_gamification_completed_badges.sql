-- Parky gamification: a badge stops counting once it is complete.
--
-- A badge awarded once (not repeatable) whose last tier is awarded can never award again, yet
-- every matching event still upserted its progress row (and, for day/week/month windows, opened a
-- new row each period: `busy_day` grew one row per user and day forever) and inserted distinct
-- values. For an active user most lifetime badges are complete, so most of an event's progress
-- writes did nothing (benchmark: docs/parky-gamification.md).
--
-- Now the award of a badge's last tier records the badge in parky.user_exp.completed_badge_ids,
-- and the engine skips the rules of completed badges (the list is read after the user's lock, so
-- an event waiting behind a recompute sees the list the recompute left). A completed badge's
-- progress row keeps the value at which it completed. Existing awards are backfilled below.
-- Editing a badge's tiers or repeatable flag reopens it for everyone (new events count again,
-- from the frozen value); recompute_badge applies the edit to the past, as for any edit.
--
-- Objects: parky.user_exp.completed_badge_ids (new column), parky_private.badge_definitions_reopen()
--          and its trigger (new); parky_private.gam_process, gam_award, recompute_user_gamification
--          (replaced). recompute_badge: 20261206140000.

alter table parky.user_exp add column completed_badge_ids bigint[] not null default '{}';
comment on column parky.user_exp.completed_badge_ids is
  'Badges (awarded once) whose last tier the user holds: the engine no longer counts their progress. Written by the engine.';

-- Awards made before this migration: a badge awarded once whose last tier the user holds is complete.
insert into parky.user_exp as e (user_id, completed_badge_ids)
select a.user_id, array_agg(distinct a.badge_id order by a.badge_id)
from parky.user_badges a
join parky.badge_definitions b on b.id = a.badge_id and not b.repeatable
where a.tier = (select max(t.tier) from parky_private.badge_tiers t where t.badge_id = a.badge_id)
group by a.user_id
on conflict (user_id) do update set completed_badge_ids = excluded.completed_badge_ids;

-- An edit that can make a badge award again (tiers, repeatable) reopens it for every user. A
-- rare admin action: it reads every user_exp row.
create function parky_private.badge_definitions_reopen() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update parky.user_exp e set completed_badge_ids = array_remove(e.completed_badge_ids, new.id)
  where new.id = any(e.completed_badge_ids);
  return null;
end
$$;
comment on function parky_private.badge_definitions_reopen() is
  'AFTER UPDATE trigger on badge_definitions (tiers or repeatable changed): takes the badge out of every completed list.';
create trigger badge_definitions_after_update_reopen after update of tiers, repeatable on parky.badge_definitions
  for each row when (old.tiers is distinct from new.tiers or old.repeatable is distinct from new.repeatable)
  execute function parky_private.badge_definitions_reopen();

create or replace function parky_private.gam_award(p_log parky.user_activity_logs, p_badge_id bigint, p_period_key text, p_tier int)
returns bigint
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_badge parky.badge_definitions;
  v_tier parky_private.badge_tiers;
  v_award_id bigint;
  v_granted int;
begin
  select * into v_badge from parky.badge_definitions b where b.id = p_badge_id;
  select * into v_tier from parky_private.badge_tiers t where t.badge_id = p_badge_id and t.tier = p_tier;
  insert into parky.user_badges (user_id, badge_id, period_key, tier, activity_log_id)
  values (p_log.user_id, p_badge_id, case when v_badge.repeatable then p_period_key else '' end, p_tier, p_log.id)
  on conflict (user_id, badge_id, period_key, tier) do nothing
  returning id into v_award_id;
  update parky.user_badge_progress p set awarded_tier = greatest(p.awarded_tier, p_tier)
  where p.user_id = p_log.user_id and p.badge_id = p_badge_id and p.period_key = p_period_key;
  if v_award_id is not null then
    if v_tier.theme_code is not null then
      insert into parky.user_themes (user_id, theme_code, source) values (p_log.user_id, v_tier.theme_code, 'badge:' || v_badge.code)
      on conflict do nothing;
    end if;
    perform parky_private.gam_notify(p_log.user_id, 'badge',
      format('バッジ「%s」を獲得しました', v_badge.name_ja || case when v_tier.name = 'standard' then '' else ' ' || v_tier.name end),
      format('Badge earned: %s', v_badge.name_en || case when v_tier.name = 'standard' then '' else ' (' || v_tier.name || ')' end),
      'parky://badges/' || v_badge.code,
      jsonb_build_object('badge_id', p_badge_id, 'code', v_badge.code, 'tier', p_tier, 'tier_name', v_tier.name,
                         'period_key', p_period_key, 'exp', v_tier.exp, 'theme', v_tier.theme_code));
  else
    -- a recompute meets an award it made before: its EXP is re-granted below (once, by the ledger key)
    select a.id into v_award_id from parky.user_badges a
    where a.user_id = p_log.user_id and a.badge_id = p_badge_id and a.tier = p_tier
      and a.period_key = case when v_badge.repeatable then p_period_key else '' end;
  end if;
  -- the last tier of a badge awarded once: the badge is complete and the engine stops counting it
  if not v_badge.repeatable and not exists (select from parky_private.badge_tiers t where t.badge_id = p_badge_id and t.tier > p_tier) then
    insert into parky.user_exp as e (user_id, completed_badge_ids) values (p_log.user_id, array[p_badge_id])
    on conflict (user_id) do update set completed_badge_ids = e.completed_badge_ids || p_badge_id
    where not p_badge_id = any(e.completed_badge_ids);
  end if;
  if v_tier.exp > 0 then
    insert into parky.user_exp_ledger (user_id, user_badge_id, requested, granted, jst_day)
    values (p_log.user_id, v_award_id, v_tier.exp, v_tier.exp, (p_log.occurred_at at time zone 'Asia/Tokyo')::date)
    on conflict (user_badge_id) where user_badge_id is not null do nothing
    returning granted into v_granted;
  end if;
  return coalesce(v_granted, 0);
end
$$;
comment on function parky_private.gam_award(parky.user_activity_logs, bigint, text, int) is
  'Awards a badge tier once (user, badge, period, tier): theme unlock and notification for a new award, the tier''s EXP in the '
  'ledger once per award; the last tier of a badge awarded once marks it complete (user_exp.completed_badge_ids). Returns '
  'the EXP granted now.';


create or replace function parky_private.gam_process(p_log parky.user_activity_logs, p_only_badge bigint default null,
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
        -- complete badges, read after the lock: a recompute that reopened one has committed
        and b.badge_id <> all(coalesce((select e.completed_badge_ids from parky.user_exp e where e.user_id = p_log.user_id), '{}'))
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
  'Applies one activity event: EXP rules (capped per JST day), badge progress (except completed badges) and awards, levels. '
  'p_only_badge and p_with_exp '
  'restrict it for parky.recompute_badge. Serialised per user by a transaction advisory lock. Returns the EXP granted.';


create or replace function parky_private.recompute_user_gamification(p_user_id uuid) returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_log parky.user_activity_logs;
  v_events int := 0;
begin
  perform parky_private.assert_gamification_operator();
  perform pg_catalog.pg_advisory_xact_lock(7301, pg_catalog.hashtext(p_user_id::text));
  delete from parky.user_badge_progress p where p.user_id = p_user_id;
  delete from parky_private.badge_distinct_values d where d.user_id = p_user_id;
  delete from parky_private.badge_day_totals d where d.user_id = p_user_id;
  delete from parky_private.exp_daily_usage u where u.user_id = p_user_id;
  delete from parky.user_exp_ledger l where l.user_id = p_user_id;
  update parky.user_exp e set total_exp = 0, next_level_exp = 0, completed_badge_ids = '{}' where e.user_id = p_user_id;
  for v_log in select l.* from parky.user_activity_logs l where l.user_id = p_user_id order by l.occurred_at, l.id loop
    continue when not parky_private.gam_countable(v_log);
    perform parky_private.gam_process(v_log);
    v_events := v_events + 1;
  end loop;
  -- Awards are permanent: one that the current rules no longer reach keeps its EXP.
  insert into parky.user_exp_ledger (user_id, user_badge_id, requested, granted, jst_day)
  select a.user_id, a.id, t.exp, t.exp, (a.awarded_at at time zone 'Asia/Tokyo')::date
  from parky.user_badges a join parky_private.badge_tiers t on t.badge_id = a.badge_id and t.tier = a.tier
  where a.user_id = p_user_id and t.exp > 0
  on conflict (user_badge_id) where user_badge_id is not null do nothing;
  insert into parky.user_exp as e (user_id, total_exp)
  select p_user_id, coalesce(sum(l.granted), 0) from parky.user_exp_ledger l where l.user_id = p_user_id
  on conflict (user_id) do update set total_exp = excluded.total_exp, updated_at = now();
  perform parky_private.gam_check_levels(p_user_id);
  return jsonb_build_object('user_id', p_user_id, 'events', v_events,
    'total_exp', (select e.total_exp from parky.user_exp e where e.user_id = p_user_id),
    'level', (select e.level from parky.user_exp e where e.user_id = p_user_id),
    'badges', (select count(*) from parky.user_badges a where a.user_id = p_user_id));
end
$$;
comment on function parky_private.recompute_user_gamification(uuid) is
  'Rebuilds a user''s progress, EXP ledger, caps and total from the log in event order, awarding what is missing; idempotent. '
  'Awards and levels are never taken back.';
