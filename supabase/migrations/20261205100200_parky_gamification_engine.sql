-- Parky gamification engine: every activity row inserted runs parky_private.gam_process once
-- (AFTER INSERT trigger), which grants EXP under the JST daily caps, advances badge progress,
-- awards badges and records level-ups, each with one notification.
--
-- Hot path, O(matching rules), no dynamic SQL, two queries per event: (1) eligibility
-- (activity_types), whether the type has rules at all, the JST calendar values, and a
-- transaction-scoped advisory lock on the user (caps, progress and awards of one user are
-- serialised: no over-grant, exactly-once awards, no deadlocks); (2) one generic-planned
-- statement of data-modifying CTEs: the active EXP rules of the type (id order) charged against
-- their caps, one ledger row; the compiled badge rules of the type (badge id order: jsonpath
-- predicates, time/day filters, validity); new distinct values; every count / sum / distinct /
-- streak progress row in one insert … on conflict do update … returning (streak state lives in
-- the row); it returns only new threshold crossings (compiled thresholds) and rolling-window
-- rules (per-day totals, at most N rows summed). Never a scan of the user's history.
-- gam_process returns the EXP granted so the trigger assigns it (a PL/pgSQL simple expression,
-- cheaper than `perform`, which runs an SPI query), and runs with enable_seqscan = off: its
-- generic plans would otherwise read the small catalogue tables by sequential scan, evaluating
-- the predicates of every activity type's rules and converting occurred_at to JST once per
-- holiday row; through their keys only the event type's rules are read and the holiday check is
-- one index probe (measured: docs/parky-gamification.md).
--
-- Awards: insert … on conflict do nothing returning on (user, badge, period, tier); only a new
-- row notifies and unlocks; the badge tier's EXP goes to the ledger once per award.
-- Levels: user_exp.next_level_exp tells when to look at level_definitions; every crossed level
-- gets a user_level_ups row and a notification; levels never go down.
--
-- Operations: parky.recompute_user_gamification(user) and parky.recompute_badge(badge) rebuild
-- progress, EXP and missing awards from the log (idempotent; awards are never revoked).
-- Themes: parky.activate_theme(id, theme) activates an owned theme in its slot.
--
-- Errors: PK107 not an admin (recompute), PK105 not signed in, PK320 unknown theme, PK321 theme not
-- owned, PK304 server activity without a source, PI400 / PI409.
--
-- Objects: parky_private.log_activity, gam_process (+ types gam_crossing, gam_rolling), gam_award,
--          gam_award_reached, gam_check_levels, gam_notify, the user_activity_logs trigger,
--          recompute functions, parky.activate_theme.

-- ---------------------------------------------------------------------------------------------
-- The server logger (F1)
create function parky_private.log_activity(p_user_id uuid, p_type text, p_metadata jsonb, p_occurred_at timestamptz,
                                           p_source_type text, p_source_id text)
returns bigint
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_id bigint;
begin
  if p_source_type is null or p_source_id is null then
    raise exception using errcode = 'PK304', message = 'server activity needs a source (type and id)';
  end if;
  insert into parky.user_activity_logs (user_id, activity_type, metadata, occurred_at, source_type, source_id, is_server)
  values (p_user_id, p_type, coalesce(p_metadata, '{}'::jsonb), coalesce(p_occurred_at, now()), p_source_type, p_source_id, true)
  on conflict (user_id, activity_type, source_type, source_id) where is_server and source_type is not null do nothing
  returning id into v_id;
  return v_id;
end
$$;
comment on function parky_private.log_activity(uuid, text, jsonb, timestamptz, text, text) is
  'Writes a server activity event once per (user, type, source); returns its id, or null when it was already logged. '
  'The only path for rewarding activity types. Not granted to API roles. Error PK304 without a source.';
revoke all on function parky_private.log_activity(uuid, text, jsonb, timestamptz, text, text) from public;

-- ---------------------------------------------------------------------------------------------
-- Notifications
create function parky_private.gam_notify(p_user_id uuid, p_type text, p_title text, p_body text, p_link text, p_payload jsonb)
returns void
language sql volatile
security definer
set search_path = ''
as $$
  insert into parky.user_notifications (user_id, notif_type, notif_category, title, body, deep_link, payload)
  values (p_user_id, p_type, 'activity', p_title, p_body, p_link, p_payload)
$$;
comment on function parky_private.gam_notify(uuid, text, text, text, text, jsonb) is
  'One inbox row (notif_type badge or level_up, category activity) for a new award or level.';

-- ---------------------------------------------------------------------------------------------
-- Levels
create function parky_private.gam_check_levels(p_user_id uuid) returns void
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_exp parky.user_exp;
  v_level parky.level_definitions;
begin
  select * into v_exp from parky.user_exp e where e.user_id = p_user_id for update;
  for v_level in select l.* from parky.level_definitions l
                 where l.level > v_exp.level and l.exp_required <= v_exp.total_exp order by l.level loop
    insert into parky.user_level_ups (user_id, level) values (p_user_id, v_level.level) on conflict do nothing;
    if found then
      if v_level.theme_code is not null then
        insert into parky.user_themes (user_id, theme_code, source) values (p_user_id, v_level.theme_code, 'level:' || v_level.level)
        on conflict do nothing;
      end if;
      perform parky_private.gam_notify(p_user_id, 'level_up', format('レベル %s「%s」に到達しました', v_level.level, v_level.title_ja),
        format('Level %s: %s', v_level.level, v_level.title_en), 'parky://profile/level',
        jsonb_build_object('level', v_level.level, 'total_exp', v_exp.total_exp, 'theme', v_level.theme_code));
    end if;
  end loop;
  update parky.user_exp e
  set level = greatest(e.level, coalesce((select max(l.level) from parky.level_definitions l where l.exp_required <= e.total_exp), 1)),
      next_level_exp = (select min(l.exp_required) from parky.level_definitions l where l.exp_required > e.total_exp),
      updated_at = now()
  where e.user_id = p_user_id;
end
$$;
comment on function parky_private.gam_check_levels(uuid) is
  'Raises the user''s level to what total_exp reaches: one user_level_ups row, theme unlock and notification per crossed level.';

-- ---------------------------------------------------------------------------------------------
-- Awards
create function parky_private.gam_award(p_log parky.user_activity_logs, p_badge_id bigint, p_period_key text, p_tier int)
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
  'ledger once per award. Returns the EXP granted now.';

-- Awards every tier a progress value reaches beyond what the period already has.
create function parky_private.gam_award_reached(p_log parky.user_activity_logs, p_badge_id bigint, p_period_key text,
                                                p_value numeric, p_awarded_tier int)
returns bigint
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_tier int;
  v_granted bigint := 0;
begin
  for v_tier in select t.tier from parky_private.badge_tiers t
                where t.badge_id = p_badge_id and t.tier > p_awarded_tier and t.threshold <= p_value order by t.tier loop
    v_granted := v_granted + parky_private.gam_award(p_log, p_badge_id, p_period_key, v_tier);
  end loop;
  return v_granted;
end
$$;
comment on function parky_private.gam_award_reached(parky.user_activity_logs, bigint, text, numeric, int) is
  'Awards the tiers above p_awarded_tier whose threshold p_value reaches; returns the EXP granted.';

-- ---------------------------------------------------------------------------------------------
-- The engine
create type parky_private.gam_crossing as (badge_id bigint, period_key text, value numeric, awarded_tier int);
comment on type parky_private.gam_crossing is 'A progress row whose value reached its next tier (gam_process).';
create type parky_private.gam_rolling as (badge_id bigint, window_days int, delta numeric);
comment on type parky_private.gam_rolling is 'A matching rolling-window badge rule of an event (gam_process).';

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

create function parky_private.user_activity_logs_after_insert() returns trigger
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
create trigger user_activity_logs_after_insert_gamification after insert on parky.user_activity_logs
  for each row execute function parky_private.user_activity_logs_after_insert();

-- ---------------------------------------------------------------------------------------------
-- Recompute

-- Events the engine counts: server events and the client allow-list (older forged rows are ignored).
create function parky_private.gam_countable(p_log parky.user_activity_logs) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select p_log.is_server or coalesce((select t.client_insertable from parky.activity_types t where t.activity_type = p_log.activity_type), false)
$$;
comment on function parky_private.gam_countable(parky.user_activity_logs) is
  'True for events the engine counts: written by the server, or of a client_insertable type.';

-- Recompute is for admins, the service role and direct database sessions (no JWT).
create function parky_private.assert_gamification_operator() returns void
language plpgsql stable
security definer
set search_path = ''
as $$
begin
  if ((select auth.uid()) is not null or coalesce((select auth.jwt()) ->> 'role', 'service_role') <> 'service_role')
     and not (select parky_private.is_admin()) then
    raise exception using errcode = 'PK107', message = 'only admins recompute gamification';
  end if;
end
$$;
comment on function parky_private.assert_gamification_operator() is
  'Raises PK107 unless the caller is an admin, the service role or a direct database session without a JWT.';

create function parky_private.recompute_user_gamification(p_user_id uuid) returns jsonb
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
  update parky.user_exp e set total_exp = 0, next_level_exp = 0 where e.user_id = p_user_id;
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

create function parky_private.recompute_badge(p_badge_id bigint) returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_user uuid;
  v_log parky.user_activity_logs;
  v_users int := 0;
begin
  perform parky_private.assert_gamification_operator();
  if not exists (select from parky.badge_definitions b where b.id = p_badge_id) then
    raise exception using errcode = 'PK310', message = format('badge %s not found', p_badge_id);
  end if;
  for v_user in select distinct l.user_id from parky.user_activity_logs l
                where l.activity_type in (select r.activity_type from parky_private.badge_rules r where r.badge_id = p_badge_id)
                   or l.user_id in (select p.user_id from parky.user_badge_progress p where p.badge_id = p_badge_id)
                order by 1 loop
    perform pg_catalog.pg_advisory_xact_lock(7301, pg_catalog.hashtext(v_user::text));
    delete from parky.user_badge_progress p where p.user_id = v_user and p.badge_id = p_badge_id;
    delete from parky_private.badge_distinct_values d where d.user_id = v_user and d.badge_id = p_badge_id;
    delete from parky_private.badge_day_totals d where d.user_id = v_user and d.badge_id = p_badge_id;
    for v_log in select l.* from parky.user_activity_logs l
                 where l.user_id = v_user
                   and l.activity_type in (select r.activity_type from parky_private.badge_rules r where r.badge_id = p_badge_id)
                 order by l.occurred_at, l.id loop
      continue when not parky_private.gam_countable(v_log);
      perform parky_private.gam_process(v_log, p_badge_id, false);
    end loop;
    v_users := v_users + 1;
  end loop;
  return jsonb_build_object('badge_id', p_badge_id, 'users', v_users,
                            'awards', (select count(*) from parky.user_badges a where a.badge_id = p_badge_id));
end
$$;
comment on function parky_private.recompute_badge(bigint) is
  'Rebuilds one badge''s progress for every user from the log (apply an edited definition), awarding what is missing; idempotent.';

create function parky.recompute_user_gamification(p_user_id uuid) returns jsonb
language sql volatile
security invoker
set search_path = ''
as $$
  select parky_private.recompute_user_gamification(p_user_id)
$$;
comment on function parky.recompute_user_gamification(uuid) is
  'Admins / service role: rebuilds a user''s badge progress, EXP and missing awards from the activity log (idempotent: the '
  'same log gives the same state; awards and levels are never revoked). Returns {user_id, events, total_exp, level, badges}. '
  'Error PK107.';

create function parky.recompute_badge(p_badge_id bigint) returns jsonb
language sql volatile
security invoker
set search_path = ''
as $$
  select parky_private.recompute_badge(p_badge_id)
$$;
comment on function parky.recompute_badge(bigint) is
  'Admins / service role: applies a (changed) badge definition to the whole log: rebuilds its progress for every user and '
  'awards what is now reached (idempotent; awards are never revoked). Returns {badge_id, users, awards}. Errors PK107, PK310.';

-- ---------------------------------------------------------------------------------------------
-- Themes
create function parky_private.activate_theme(p_client_request_id uuid, p_theme_code text) returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_uid uuid := parky_private.assert_can_write();
  v_replay jsonb;
  v_theme parky.themes;
begin
  v_replay := private.idempotency_begin('parky.activate_theme', p_client_request_id, jsonb_build_object('theme', p_theme_code));
  if v_replay is not null then
    return v_replay;
  end if;
  select * into v_theme from parky.themes t where t.code = p_theme_code;
  if not found then
    raise exception using errcode = 'PK320', message = format('unknown theme %s', coalesce(p_theme_code, 'null'));
  end if;
  if not exists (select from parky.user_themes o where o.user_id = v_uid and o.theme_code = p_theme_code) then
    raise exception using errcode = 'PK321', message = format('you do not own the theme %s', p_theme_code),
      hint = 'themes are unlocked by badges and levels';
  end if;
  insert into parky.user_active_themes (user_id, slot, theme_code) values (v_uid, v_theme.slot, v_theme.code)
  on conflict (user_id, slot) do update set theme_code = excluded.theme_code, activated_at = now();
  return private.idempotency_finish('parky.activate_theme', p_client_request_id,
    jsonb_build_object('slot', v_theme.slot, 'theme_code', v_theme.code));
end
$$;
comment on function parky_private.activate_theme(uuid, text) is 'The work of parky.activate_theme (security definer: writes user_active_themes).';

create function parky.activate_theme(p_client_request_id uuid, p_theme_code text) returns jsonb
language sql volatile
security invoker
set search_path = ''
as $$
  select parky_private.activate_theme(p_client_request_id, p_theme_code)
$$;
comment on function parky.activate_theme(uuid, text) is
  'Makes an owned theme the active one of its slot (one per slot). Returns {slot, theme_code}. Errors: PK105, PK320 unknown '
  'theme, PK321 not owned, PI400, PI409.';

grant execute on function
  parky_private.activate_theme(uuid, text),
  parky.activate_theme(uuid, text)
  to authenticated, service_role;
grant execute on function
  parky_private.recompute_user_gamification(uuid),
  parky_private.recompute_badge(bigint),
  parky.recompute_user_gamification(uuid),
  parky.recompute_badge(bigint)
  to authenticated, service_role;
