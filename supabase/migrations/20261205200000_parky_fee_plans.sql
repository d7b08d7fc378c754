-- Parky fee engine: compiled tariffs, work limits, cheaper quotes (issue 4 item 7, security
-- review F4).
--
-- Purpose
--   parky.calculate_fee validated and compiled its tariff JSON on every call, and a quote for
--   a lot first rebuilt that JSON from the lot's rows: most of the cost of a quote. A lot's
--   tariff is now compiled once, when it is saved (triggers on the rules and the lot-level
--   settings), into parky_private.lot_tariff_plans; the quote paths evaluate that compiled
--   form without re-validating. The pure parky.calculate_fee still validates its input: it is
--   compile + evaluate, with the same result shape and errors.
--   A valid but pathological tariff (~50 rules, 1-minute rolling windows) made one fee take
--   ~80 s: validation now bounds the work of the fee walk (PK004-PK006), quotes bound the stay
--   (PK215), and anon no longer calls calculate_fee / validate_tariff directly.
--
-- Objects
--   type parky_private.tariff_plan          the compiled tariff (see compile_tariff)
--   parky.validate_tariff(jsonb)            + limits: PK004 more than 20 rules, PK005
--                                           cap_minutes < 60, PK006 work budget exceeded
--   parky_private.compile_tariff(jsonb)     validate (fast path, else validate_tariff) + compile
--   parky_private.fee_of_plan(plan, ts, ts) the fee walk of calculate_fee, on a compiled tariff, with a
--                                           fast path for stays that meet no window boundary
--   parky.calculate_fee(jsonb, ts, ts)      = fee_of_plan(compile_tariff(tariff), ts, ts)
--   parky_private.lot_tariff_plans          one compiled tariff per lot with rules, or the
--                                           error that its current rules raise
--   parky_private.refresh_lot_tariff_plan(uuid) + triggers on parking_lot_pricing_rules and
--                                           parking_lots (timezone, unit_boundary, grace)
--   parky_private.lot_plan(uuid), lot_plans(uuid[])  security definer reads of the compiled
--                                           tariffs (the table is not granted to the API roles)
--   parky_private.fast_quote_table(plan)  precomputes, per segment of the local day between two
--                                           window boundaries, what fee_of_plan's fast path derives
--                                           at run time (stored in the fast_* columns; null: none)
--   parky_private.quote_fee(uuid, ts, ts)   the quote: visibility, plan, fast path or fee_of_plan
--   parky.quote_fee                         its security invoker wrapper (same signature, result, errors)
--   parky.nearby_parking_lots_with_fee      reads the compiled tariff
--   fee_of_plan also raises glibc's malloc thresholds once per backend (see its body): long
--   walks otherwise page-faulted their expression state in at every transaction.
--
-- Short quotes
--   PL/pgSQL initialises every distinct expression once per transaction (~0.45 us each), and a
--   quote is one transaction, so a short quote costs the number of expressions, statements and
--   function entries on its path. parky_private.quote_fee reads the lot and its precomputed
--   fast_* columns in one statement and prices a stay that meets no window boundary (on a tariff
--   whose rules hold on every day type, in a fixed-offset zone) in about a dozen expressions;
--   every other stay goes to fee_of_plan.
--   The plan table is private, so parky_private.quote_fee is security definer and applies the
--   lots' read policy itself (parking_lots_select_anon / _authenticated for those roles: live and
--   not hidden, plus the lots one manages, every live lot for admins; every live lot for the
--   service role and the owner). pgTAP 033 checks, for every lot state and role, that a quote
--   answers exactly when the caller sees the live lot, so the copy cannot drift unnoticed.
--
-- Errors
--   PK004  tariff too complex: more than 20 rules
--   PK005  tariff too complex: a rule's cap_minutes is below 60
--   PK006  tariff too complex: (window boundaries per day) x (rules) > 1200
--   PK215  quote stay too long: quote_fee beyond 31 days, nearby estimate beyond 3 days (4320 min)
--   (PK001-PK003, PK102, PK201, PK202 as before)
--
-- Nothing destructive: functions are replaced with the same signatures and result shapes.

create type parky_private.tariff_plan as (
  timezone text,
  split boolean,
  grace_mode text,
  grace_minutes integer,
  rule_count integer,
  rules bigint[],
  rates integer[],
  progressive integer[],
  caps integer[],
  rolling integer[],
  occurring integer[],
  has7_rate boolean,
  has7_cap boolean,
  uniform_rate boolean,
  uniform_cap boolean,
  all_slots integer[],
  fast boolean,
  bounds integer[],
  min_rolling bigint
);
comment on type parky_private.tariff_plan is
  'A validated tariff compiled for parky_private.fee_of_plan (rules: one row per rule, columns as described in compile_tariff; '
  'fast: every rule on every day type, a fixed-offset time zone, no progressive rule; bounds: the minutes of the day at which a '
  'daily window starts or ends; min_rolling: the shortest rolling cap window, us). Built only by parky_private.compile_tariff.';

-- -------------------------------------------------------------------------------------------
-- parky.validate_tariff (as in 20261123000200, plus the work limits at the end)
-- -------------------------------------------------------------------------------------------


create or replace function parky.validate_tariff(p_tariff jsonb)
returns void
language plpgsql
stable
security invoker
set search_path = ''
set timezone = 'Asia/Tokyo'
as $function$
declare
  c_min constant bigint := 60000000::bigint;    -- microseconds per minute
  c_max_rules constant integer := 20;
  c_min_cap_minutes constant integer := 60;
  c_budget constant integer := 1200;
  c_top_keys constant text[] := array['timezone', 'unit_boundary', 'grace', 'rules'];
  c_rule_keys constant text[] := array[
    'day_of_week', 'start_time', 'end_time', 'unit_minutes', 'unit_price', 'cap_minutes',
    'cap_price', 'cap_repeat', 'priority', 'elapsed_from_minutes'];
  c_hint constant text :=
    'See the tariff format in pricing.md; rules are numbered from 0 in the order of "rules".';
  c_limits_hint constant text :=
    'Tariff limits (docs/parky-sessions.md): at most 20 rules, cap_minutes >= 60, '
    || '(window boundaries per day) x (rules) <= 1200.';
  v_tz text;
  v_rules jsonb;
  v_rule jsonb;
  v_val jsonb;
  v_val2 jsonb;
  v_num numeric;
  v_str text;
  v_str2 text;
  v_n integer;
  -- parsed rules (index = position in "rules" + 1)
  r_mask integer[];
  r_s integer[];
  r_e integer[];
  r_rate boolean[];
  r_cp bigint[];
  r_pri integer[];
  r_efm bigint[];
  r_cm integer[];
  v_events integer;
  v_restarts integer;
  v_rates integer[] := array[]::integer[];
  v_has7_rate boolean := false;
  v_uniform_rate boolean := true;
  -- coverage check
  v_sig bigint[];
  v_sit_p integer[];
  v_sit_c integer[];
  v_seen text[];
  v_sp bigint;
  v_sc bigint;
  v_ia integer[];
  v_ib integer[];
  v_ir integer[];
  v_m integer;
  v_pt integer;
  v_ct integer;
  v_cov boolean;
  v_next integer;
  v_t integer;
  v_i integer;
begin
  -- =======================================================================================
  -- arguments
  -- =======================================================================================
  if p_tariff is null then
    raise exception using
      errcode = 'PK003',
      message = 'validate_tariff: p_tariff must not be null',
      hint = 'Pass the tariff JSON.';
  end if;

  -- =======================================================================================
  -- the tariff, field by field, then the coverage of the rate rules
  -- =======================================================================================
  if pg_catalog.jsonb_typeof(p_tariff) is distinct from 'object' then
    raise exception using errcode = 'PK001', hint = c_hint,
      message = 'invalid tariff: the tariff must be a JSON object';
  end if;
  if p_tariff - c_top_keys <> '{}'::jsonb then
    select k into v_str from pg_catalog.jsonb_object_keys(p_tariff) as k
     where k <> all (c_top_keys) order by k limit 1;
    raise exception using errcode = 'PK001', hint = c_hint,
      message = pg_catalog.format('invalid tariff: unknown field "%s"', v_str);
  end if;

  -- timezone: an IANA name (Area/Location, or UTC) that PostgreSQL knows
  v_val := p_tariff -> 'timezone';
  if v_val is null or v_val = 'null'::jsonb or v_val = '"Asia/Tokyo"'::jsonb then
    v_tz := 'Asia/Tokyo';
  else
    v_tz := p_tariff ->> 'timezone';
    v_str := null;
    if pg_catalog.jsonb_typeof(v_val) = 'string'
       and v_tz ~ '^(UTC|[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)+)$' then
      begin
        perform pg_catalog.set_config('timezone', v_tz, true);
        v_str := 'ok';
      exception when others then
        v_str := null;
      end;
    end if;
    if v_str is null then
      raise exception using errcode = 'PK001', hint = c_hint,
        message = pg_catalog.format(
          'invalid tariff: timezone: %s is not a known IANA time zone name', v_val::text);
    end if;
  end if;

  -- unit_boundary
  v_val := p_tariff -> 'unit_boundary';
  if v_val is not null and v_val not in ('null'::jsonb, '"unit_start"'::jsonb, '"split"'::jsonb) then
    raise exception using errcode = 'PK001', hint = c_hint,
      message = 'invalid tariff: unit_boundary: must be "unit_start" or "split"';
  end if;

  -- grace
  v_val := p_tariff -> 'grace';
  if v_val is not null and v_val <> 'null'::jsonb then
    v_num := case when pg_catalog.jsonb_typeof(v_val) = 'object' then
               case when v_val - array['minutes', 'mode'] = '{}'::jsonb
                         and (v_val -> 'mode') in ('"free_if_within"'::jsonb, '"first_free"'::jsonb)
                         and pg_catalog.jsonb_typeof(v_val -> 'minutes') = 'number'
                    then (v_val -> 'minutes')::numeric end
             end;
    if v_num is null or v_num <> pg_catalog.trunc(v_num) or v_num < 0 or v_num > 527040 then
      raise exception using errcode = 'PK001', hint = c_hint,
        message = 'invalid tariff: grace: must be null or {"minutes": <integer >= 0>, '
                  || '"mode": "free_if_within" | "first_free"}';
    end if;
  end if;

  -- rules
  v_rules := p_tariff -> 'rules';
  v_n := case when pg_catalog.jsonb_typeof(v_rules) = 'array'
              then pg_catalog.jsonb_array_length(v_rules) else 0 end;
  if v_n = 0 then
    raise exception using errcode = 'PK001', hint = c_hint,
      message = 'invalid tariff: rules: must be a non-empty array of rules';
  end if;
  if v_n > c_max_rules then
    raise exception using errcode = 'PK004', hint = c_limits_hint,
      message = pg_catalog.format('tariff too complex: rules: at most %s rules are allowed (got %s)', c_max_rules, v_n);
  end if;

  for v_i in 1 .. v_n loop
    v_rule := v_rules -> (v_i - 1);
    if pg_catalog.jsonb_typeof(v_rule) <> 'object' then
      raise exception using errcode = 'PK001', hint = c_hint,
        message = pg_catalog.format('invalid tariff: rule %s: must be a JSON object', v_i - 1);
    end if;
    if v_rule - c_rule_keys <> '{}'::jsonb then
      select k into v_str from pg_catalog.jsonb_object_keys(v_rule) as k
       where k <> all (c_rule_keys) order by k limit 1;
      raise exception using errcode = 'PK001', hint = c_hint,
        message = pg_catalog.format('invalid tariff: rule %s: unknown field "%s"', v_i - 1, v_str);
    end if;

    -- day_of_week
    v_val := v_rule -> 'day_of_week';
    if not coalesce(case when pg_catalog.jsonb_typeof(v_val) = 'array'
                         then pg_catalog.jsonb_array_length(v_val) > 0
                              and v_val <@ '[0, 1, 2, 3, 4, 5, 6, 7]'::jsonb end, false) then
      raise exception using errcode = 'PK001', hint = c_hint,
        message = pg_catalog.format(
          'invalid tariff: rule %s: day_of_week must be a non-empty array of integers 0-7 '
          || '(0 = Sunday ... 6 = Saturday, 7 = public holiday)', v_i - 1);
    end if;
    r_mask[v_i] := (v_val @> '[0]'::jsonb)::integer
                 | ((v_val @> '[1]'::jsonb)::integer << 1)
                 | ((v_val @> '[2]'::jsonb)::integer << 2)
                 | ((v_val @> '[3]'::jsonb)::integer << 3)
                 | ((v_val @> '[4]'::jsonb)::integer << 4)
                 | ((v_val @> '[5]'::jsonb)::integer << 5)
                 | ((v_val @> '[6]'::jsonb)::integer << 6)
                 | ((v_val @> '[7]'::jsonb)::integer << 7);

    -- start_time, end_time ("24:00" is accepted as an end time and means midnight)
    v_str := case when pg_catalog.jsonb_typeof(v_rule -> 'start_time') = 'string'
                  then v_rule ->> 'start_time' end;
    if v_str is null or v_str !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' then
      raise exception using errcode = 'PK001', hint = c_hint,
        message = pg_catalog.format('invalid tariff: rule %s: start_time must be "HH:MM" (00:00-23:59)', v_i - 1);
    end if;
    v_str2 := case when pg_catalog.jsonb_typeof(v_rule -> 'end_time') = 'string'
                   then v_rule ->> 'end_time' end;
    if v_str2 is null or v_str2 !~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' then
      raise exception using errcode = 'PK001', hint = c_hint,
        message = pg_catalog.format('invalid tariff: rule %s: end_time must be "HH:MM" (00:00-23:59, or 24:00)', v_i - 1);
    end if;
    r_s[v_i] := pg_catalog.substr(v_str, 1, 2)::integer * 60 + pg_catalog.substr(v_str, 4, 2)::integer;
    r_e[v_i] := (pg_catalog.substr(v_str2, 1, 2)::integer * 60 + pg_catalog.substr(v_str2, 4, 2)::integer) % 1440;

    -- rate rule (unit_minutes and unit_price) or cap-only rule (both null)
    v_val := v_rule -> 'unit_minutes';
    v_val2 := v_rule -> 'unit_price';
    r_rate[v_i] := coalesce(v_val, 'null'::jsonb) <> 'null'::jsonb
                   or coalesce(v_val2, 'null'::jsonb) <> 'null'::jsonb;
    if r_rate[v_i] then
      v_num := case when pg_catalog.jsonb_typeof(v_val) = 'number' then v_val::numeric end;
      if v_num is null or v_num <> pg_catalog.trunc(v_num) or v_num < 1 or v_num > 527040 then
        raise exception using errcode = 'PK001', hint = c_hint,
          message = pg_catalog.format('invalid tariff: rule %s: unit_minutes must be a positive integer', v_i - 1);
      end if;
      v_num := case when pg_catalog.jsonb_typeof(v_val2) = 'number' then v_val2::numeric end;
      if v_num is null or v_num <> pg_catalog.trunc(v_num) or v_num < 1 or v_num > 2147483647 then
        raise exception using errcode = 'PK001', hint = c_hint,
          message = pg_catalog.format('invalid tariff: rule %s: unit_price must be a positive integer', v_i - 1);
      end if;
      v_rates := v_rates || v_i;
      v_has7_rate := v_has7_rate or r_mask[v_i] >= 128;
      v_uniform_rate := v_uniform_rate and r_mask[v_i] = 255;
    end if;

    -- cap_price, cap_minutes
    v_val := v_rule -> 'cap_price';
    if v_val is null or v_val = 'null'::jsonb then
      if not r_rate[v_i] then
        raise exception using errcode = 'PK001', hint = c_hint,
          message = pg_catalog.format(
            'invalid tariff: rule %s: a cap-only rule (no unit_minutes/unit_price) needs cap_price', v_i - 1);
      end if;
    else
      v_num := case when pg_catalog.jsonb_typeof(v_val) = 'number' then v_val::numeric end;
      if v_num is null or v_num <> pg_catalog.trunc(v_num) or v_num < 0 or v_num > 2147483647 then
        raise exception using errcode = 'PK001', hint = c_hint,
          message = pg_catalog.format('invalid tariff: rule %s: cap_price must be a non-negative integer', v_i - 1);
      end if;
      r_cp[v_i] := v_num::bigint;
    end if;
    v_val := v_rule -> 'cap_minutes';
    if v_val is not null and v_val <> 'null'::jsonb then
      v_num := case when pg_catalog.jsonb_typeof(v_val) = 'number' then v_val::numeric end;
      if v_num is null or v_num <> pg_catalog.trunc(v_num) or v_num < 1 or v_num > 527040 then
        raise exception using errcode = 'PK001', hint = c_hint,
          message = pg_catalog.format('invalid tariff: rule %s: cap_minutes must be a positive integer', v_i - 1);
      end if;
      if v_num < c_min_cap_minutes then
        raise exception using errcode = 'PK005', hint = c_limits_hint,
          message = pg_catalog.format('tariff too complex: rule %s: cap_minutes must be at least %s', v_i - 1, c_min_cap_minutes);
      end if;
      r_cm[v_i] := v_num::integer;
      if r_cp[v_i] is null then
        raise exception using errcode = 'PK001', hint = c_hint,
          message = pg_catalog.format('invalid tariff: rule %s: cap_minutes is set but cap_price is not', v_i - 1);
      end if;
      if not r_rate[v_i] and (r_s[v_i] <> 0 or r_e[v_i] <> 0) then
        raise exception using errcode = 'PK001', hint = c_hint,
          message = pg_catalog.format(
            'invalid tariff: rule %s: a rolling cap-only rule (cap_minutes set) must have start_time and end_time 00:00',
            v_i - 1);
      end if;
    end if;

    -- cap_repeat
    v_val := v_rule -> 'cap_repeat';
    if v_val is not null and v_val not in ('null'::jsonb, 'true'::jsonb, 'false'::jsonb) then
      raise exception using errcode = 'PK001', hint = c_hint,
        message = pg_catalog.format('invalid tariff: rule %s: cap_repeat must be true or false', v_i - 1);
    end if;

    -- priority
    v_val := v_rule -> 'priority';
    if v_val is null or v_val = 'null'::jsonb then
      r_pri[v_i] := 0;
    else
      v_num := case when pg_catalog.jsonb_typeof(v_val) = 'number' then v_val::numeric end;
      if v_num is null or v_num <> pg_catalog.trunc(v_num) or v_num < -2147483648 or v_num > 2147483647 then
        raise exception using errcode = 'PK001', hint = c_hint,
          message = pg_catalog.format('invalid tariff: rule %s: priority must be an integer', v_i - 1);
      end if;
      r_pri[v_i] := v_num::integer;
    end if;

    -- elapsed_from_minutes
    v_val := v_rule -> 'elapsed_from_minutes';
    r_efm[v_i] := 0;
    if v_val is not null and v_val <> 'null'::jsonb then
      if not r_rate[v_i] then
        raise exception using errcode = 'PK001', hint = c_hint,
          message = pg_catalog.format(
            'invalid tariff: rule %s: elapsed_from_minutes is only allowed on rate rules', v_i - 1);
      end if;
      v_num := case when pg_catalog.jsonb_typeof(v_val) = 'number' then v_val::numeric end;
      if v_num is null or v_num <> pg_catalog.trunc(v_num) or v_num < 0 or v_num > 527040 then
        raise exception using errcode = 'PK001', hint = c_hint,
          message = pg_catalog.format(
            'invalid tariff: rule %s: elapsed_from_minutes must be a non-negative integer', v_i - 1);
      end if;
      r_efm[v_i] := v_num::bigint * c_min;
    end if;
  end loop;

  -- Coverage and priority clashes of rate rules, for every (previous day type, day type) pair a
  -- calendar can produce: weekday after weekday, and when a rate rule lists 7 also holiday
  -- after anything and anything after a holiday. Pairs whose two days match the same rules are
  -- checked once; when every rate rule lists 0-7 a single check suffices.
  if v_uniform_rate then
    v_sit_p := array[0];
    v_sit_c := array[0];
  else
    v_sit_p := array[6, 0, 1, 2, 3, 4, 5];
    v_sit_c := array[0, 1, 2, 3, 4, 5, 6];
    if v_has7_rate then
      v_sit_p := v_sit_p || array[7, 7, 7, 7, 7, 7, 7, 6, 0, 1, 2, 3, 4, 5, 7];
      v_sit_c := v_sit_c || array[0, 1, 2, 3, 4, 5, 6, 7, 7, 7, 7, 7, 7, 7, 7];
    end if;
  end if;
  v_sig := pg_catalog.array_fill(0::bigint, array[8]);
  if not v_uniform_rate then
    foreach v_i in array v_rates loop
      for v_t in 0 .. 7 loop
        if r_mask[v_i] & (1 << v_t) <> 0 then
          v_sig[v_t + 1] := v_sig[v_t + 1] | (1::bigint << (v_i - 1));
        end if;
      end loop;
    end loop;
  end if;
  v_seen := array[]::text[];
  for v_k in 1 .. pg_catalog.array_length(v_sit_p, 1) loop
    v_pt := v_sit_p[v_k];
    v_ct := v_sit_c[v_k];
    v_sp := v_sig[v_pt + 1];
    v_sc := v_sig[v_ct + 1];
    if not v_uniform_rate then
      v_str := v_sp::text || ':' || v_sc::text;
      continue when v_str = any (v_seen);
      v_seen := v_seen || v_str;
    end if;
    -- the intervals [ia, ib) of the day, in minutes, during which each rule applies
    v_m := 0;
    v_ia := array[]::integer[];
    v_ib := array[]::integer[];
    v_ir := array[]::integer[];
    foreach v_i in array v_rates loop
      if (v_uniform_rate or (v_sp >> (v_i - 1)) & 1 = 1) and r_e[v_i] <= r_s[v_i] and r_e[v_i] > 0 then
        v_m := v_m + 1;
        v_ia[v_m] := 0;
        v_ib[v_m] := r_e[v_i];
        v_ir[v_m] := v_i;
      end if;
      if v_uniform_rate or (v_sc >> (v_i - 1)) & 1 = 1 then
        v_m := v_m + 1;
        v_ia[v_m] := r_s[v_i];
        v_ib[v_m] := case when r_e[v_i] > r_s[v_i] then r_e[v_i] else 1440 end;
        v_ir[v_m] := v_i;
      end if;
    end loop;
    -- coverage by rules without elapsed_from_minutes: a gap can only begin at 00:00 or where
    -- such an interval ends
    for v_j in 0 .. v_m loop
      if v_j = 0 then
        v_t := 0;
      elsif r_efm[v_ir[v_j]] = 0 then
        v_t := v_ib[v_j];
      else
        continue;
      end if;
      continue when v_t >= 1440;
      v_cov := false;
      for v_i in 1 .. v_m loop
        if v_ia[v_i] <= v_t and v_t < v_ib[v_i] and r_efm[v_ir[v_i]] = 0 then
          v_cov := true;
          exit;
        end if;
      end loop;
      if not v_cov then
        v_next := 1440;
        for v_i in 1 .. v_m loop
          if r_efm[v_ir[v_i]] = 0 and v_ia[v_i] > v_t and v_ia[v_i] < v_next then
            v_next := v_ia[v_i];
          end if;
        end loop;
        raise exception using errcode = 'PK001', hint = c_hint,
          message = pg_catalog.format(
            'invalid tariff: rules: no rate rule without elapsed_from_minutes covers %s-%s%s',
            pg_catalog.to_char(pg_catalog.make_interval(mins => v_t), 'HH24:MI'),
            pg_catalog.to_char(pg_catalog.make_interval(mins => v_next), 'HH24:MI'),
            case when v_uniform_rate then ''
                 else ' on day type ' || v_ct || ' following day type ' || v_pt
                      || ' (0 = Sunday ... 6 = Saturday, 7 = public holiday)' end);
      end if;
    end loop;
    -- overlapping rate rules with the same priority
    for v_i in 1 .. v_m loop
      for v_j in v_i + 1 .. v_m loop
        if v_ia[v_i] < v_ib[v_j] and v_ia[v_j] < v_ib[v_i] and v_ir[v_i] <> v_ir[v_j]
           and r_pri[v_ir[v_i]] = r_pri[v_ir[v_j]] then
          raise exception using errcode = 'PK001', hint = c_hint,
            message = pg_catalog.format(
              'invalid tariff: rule %s: overlaps rule %s with the same priority %s (%s-%s%s)',
              greatest(v_ir[v_i], v_ir[v_j]) - 1, least(v_ir[v_i], v_ir[v_j]) - 1, r_pri[v_ir[v_i]],
              pg_catalog.to_char(pg_catalog.make_interval(mins => greatest(v_ia[v_i], v_ia[v_j])), 'HH24:MI'),
              pg_catalog.to_char(pg_catalog.make_interval(mins => least(v_ib[v_i], v_ib[v_j])), 'HH24:MI'),
              case when v_uniform_rate then ''
                   else ' on day type ' || v_ct || ' following day type ' || v_pt
                        || ' (0 = Sunday ... 6 = Saturday, 7 = public holiday)' end);
        end if;
      end loop;
    end loop;
  end loop;

  -- Work bound: the fee walk visits every window boundary of the stay and looks at every rule
  -- there, so (boundaries per day) x (rules) bounds the work per day of stay.
  v_restarts := 0;
  v_events := 0;
  for v_i in 1 .. v_n loop
    if r_cm[v_i] is not null then
      v_events := v_events + (1440 + r_cm[v_i] - 1) / r_cm[v_i];
      if not r_rate[v_i] then
        v_restarts := v_restarts + (1440 + r_cm[v_i] - 1) / r_cm[v_i];
      end if;
    end if;
    if r_rate[v_i] or r_cm[v_i] is null then
      v_events := v_events + case when r_s[v_i] = r_e[v_i] then 1 else 2 end;
      if not r_rate[v_i] then
        v_restarts := v_restarts + 1;
      end if;
    end if;
  end loop;
  for v_i in 1 .. v_n loop
    if r_efm[v_i] > 0 then
      v_events := v_events + 1 + v_restarts;
    end if;
  end loop;
  if v_events * v_n > c_budget then
    raise exception using errcode = 'PK006', hint = c_limits_hint,
      message = pg_catalog.format(
        'tariff too complex: rules: %s window boundaries per day x %s rules = %s exceeds the budget of %s',
        v_events, v_n, v_events * v_n, c_budget);
  end if;
end;
$function$;

-- -------------------------------------------------------------------------------------------
-- parky_private.compile_tariff: validation and the compiled form
-- -------------------------------------------------------------------------------------------

create or replace function parky_private.compile_tariff(p_tariff jsonb)
returns parky_private.tariff_plan
language plpgsql
stable
security invoker
set search_path = ''
set timezone = 'Asia/Tokyo'
as $function$
declare
  c_min constant bigint := 60000000::bigint;    -- microseconds per minute
  c_top_keys constant text[] := array['timezone', 'unit_boundary', 'grace', 'rules'];
  c_rule_keys constant text[] := array[
    'day_of_week', 'start_time', 'end_time', 'unit_minutes', 'unit_price', 'cap_minutes',
    'cap_price', 'cap_repeat', 'priority', 'elapsed_from_minutes'];
  c_ones constant bit(1440) := ~(0::bit(1440));  -- one bit per minute of the day
  c_none constant bit(1440) := 0::bit(1440);

  v_ok boolean;
  v_tz text;
  v_split boolean;
  v_grace_mode text;
  v_grace_min integer;
  v_rules jsonb;
  v_rule jsonb;
  v_n integer;

  -- The rules, one row per rule (row i = rules[i - 1]), columns:
  --   1 day mask (bit d: day type d listed)   2 start minute   3 end minute (24:00 = 0)
  --   4 rate rule (1) or cap-only rule (0)    5 unit length (us)   6 unit price
  --   7 cap_minutes   8 cap_minutes (us)   9 cap_price   10 cap_repeat (1/0)
  --   11 priority   12 elapsed_from_minutes (us)
  v_r bigint[];
  v_rates integer[] := array[]::integer[];      -- rate rules
  v_prog integer[] := array[]::integer[];       -- rate rules with elapsed_from_minutes > 0
  v_caps integer[] := array[]::integer[];       -- cap-only rules
  v_rolls integer[] := array[]::integer[];      -- rules with rolling cap windows
  v_occ integer[] := array[]::integer[];        -- rules with daily occurrences
  v_has7_rate boolean := false;
  v_has7_cap boolean := false;
  v_uniform_rate boolean := true;               -- every rate rule lists all of 0-7
  v_uniform_cap boolean := true;                -- every cap-only rule lists all of 0-7

  -- coverage check (bit strings of the minutes of a day)
  v_cur bit(1440)[];                            -- per rule: minutes covered by its own day's window
  v_wrap bit(1440)[];                           -- per rule: minutes covered by the previous day's window
  v_ccov bit(1440)[];                           -- per day type: union of v_cur of base rate rules
  v_wcov bit(1440)[];                           -- per day type: union of v_wrap of base rate rules
  v_pairs integer[] := array[]::integer[];      -- rate rules sharing a priority, as i, j, i, j, ...
  v_sit_p integer[];
  v_sit_c integer[];
  v_i integer;
  v_j integer;
  v_t integer;
  v_all_slots integer[] := array[]::integer[];  -- every slot (see fee_of_plan)
  v_events integer := 0;                        -- work bound (see parky.validate_tariff)
  v_bounds integer[] := array[]::integer[];
  v_min_rolling bigint;
  v_restarts integer := 0;
begin
  if p_tariff is null then
    raise exception using
      errcode = 'PK003',
      message = 'compile_tariff: p_tariff must not be null',
      hint = 'Pass the tariff JSON.';
  end if;

  -- Fast validation: the tariff's fields are checked by the expressions below, its rate rules'
  -- coverage with bit strings. Whatever they reject is handed to parky.validate_tariff, which
  -- checks field by field and raises the precise PK001 error.
  v_rules := p_tariff -> 'rules';
  v_ok := coalesce(case when pg_catalog.jsonb_typeof(p_tariff) = 'object' then
            p_tariff - c_top_keys = '{}'::jsonb
            and coalesce(p_tariff -> 'unit_boundary', 'null'::jsonb)
                  in ('null'::jsonb, '"unit_start"'::jsonb, '"split"'::jsonb)
            and coalesce(case when pg_catalog.jsonb_typeof(v_rules) = 'array'
                              then pg_catalog.jsonb_array_length(v_rules) between 1 and 20 end, false)
            and case when coalesce(p_tariff -> 'grace', 'null'::jsonb) = 'null'::jsonb then true
                     when pg_catalog.jsonb_typeof(p_tariff -> 'grace') = 'object' then
                       (p_tariff -> 'grace') - array['minutes', 'mode'] = '{}'::jsonb
                       and (p_tariff #> '{grace,mode}') in ('"free_if_within"'::jsonb, '"first_free"'::jsonb)
                       and coalesce(case when pg_catalog.jsonb_typeof(p_tariff #> '{grace,minutes}') = 'number'
                                         then (p_tariff #> '{grace,minutes}')::numeric between 0 and 527040
                                              and (p_tariff #> '{grace,minutes}')::numeric
                                                  = pg_catalog.trunc((p_tariff #> '{grace,minutes}')::numeric)
                                    end, false)
                     else false end
          else false end, false);
  if v_ok then
    v_tz := coalesce(p_tariff ->> 'timezone', 'Asia/Tokyo');
    if v_tz <> 'Asia/Tokyo' then
      -- an IANA name (Area/Location, or UTC) that PostgreSQL knows; it becomes the time zone in
      -- which the breakdown shows times (the function's SET clause restores the caller's)
      v_ok := coalesce(pg_catalog.jsonb_typeof(p_tariff -> 'timezone') = 'string'
                       and v_tz ~ '^(UTC|[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)+)$', false);
      if v_ok then
        begin
          perform pg_catalog.set_config('timezone', v_tz, true);
        exception when others then
          v_ok := false;
        end;
      end if;
    end if;
  end if;
  if v_ok then
    v_split := p_tariff -> 'unit_boundary' = '"split"'::jsonb;
    v_grace_mode := p_tariff #>> '{grace,mode}';
    v_grace_min := (p_tariff #>> '{grace,minutes}')::numeric::integer;
    v_n := pg_catalog.jsonb_array_length(v_rules);
    v_r := '{}'::bigint[];
    for v_i in 1 .. v_n loop
      v_rule := v_rules -> (v_i - 1);
      -- every field of the rule in its place (parky.validate_tariff names what is not)
      v_ok := v_ok and coalesce(case when pg_catalog.jsonb_typeof(v_rule) = 'object' then
        v_rule - c_rule_keys = '{}'::jsonb
        and coalesce(case when pg_catalog.jsonb_typeof(v_rule -> 'day_of_week') = 'array'
                          then pg_catalog.jsonb_array_length(v_rule -> 'day_of_week') > 0
                               and (v_rule -> 'day_of_week') <@ '[0, 1, 2, 3, 4, 5, 6, 7]'::jsonb end, false)
        and coalesce(pg_catalog.jsonb_typeof(v_rule -> 'start_time') = 'string'
                     and (v_rule ->> 'start_time') ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$', false)
        and coalesce(pg_catalog.jsonb_typeof(v_rule -> 'end_time') = 'string'
                     and (v_rule ->> 'end_time') ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$', false)
        and case when coalesce(v_rule -> 'unit_minutes', 'null'::jsonb) <> 'null'::jsonb
                      or coalesce(v_rule -> 'unit_price', 'null'::jsonb) <> 'null'::jsonb
                 then case when pg_catalog.jsonb_typeof(v_rule -> 'unit_minutes') = 'number'
                                and pg_catalog.jsonb_typeof(v_rule -> 'unit_price') = 'number'
                           then (v_rule -> 'unit_minutes')::numeric between 1 and 527040
                                and (v_rule -> 'unit_minutes')::numeric
                                    = pg_catalog.trunc((v_rule -> 'unit_minutes')::numeric)
                                and (v_rule -> 'unit_price')::numeric between 1 and 2147483647
                                and (v_rule -> 'unit_price')::numeric
                                    = pg_catalog.trunc((v_rule -> 'unit_price')::numeric)
                           else false end
                 else coalesce(v_rule -> 'cap_price', 'null'::jsonb) <> 'null'::jsonb
                      and coalesce(v_rule -> 'elapsed_from_minutes', 'null'::jsonb) = 'null'::jsonb end
        and case coalesce(pg_catalog.jsonb_typeof(v_rule -> 'cap_price'), 'null')
              when 'null' then true
              when 'number' then (v_rule -> 'cap_price')::numeric between 0 and 2147483647
                                 and (v_rule -> 'cap_price')::numeric
                                     = pg_catalog.trunc((v_rule -> 'cap_price')::numeric)
              else false end
        and case coalesce(pg_catalog.jsonb_typeof(v_rule -> 'cap_minutes'), 'null')
              when 'null' then true
              when 'number' then (v_rule -> 'cap_minutes')::numeric between 60 and 527040
                                 and (v_rule -> 'cap_minutes')::numeric
                                     = pg_catalog.trunc((v_rule -> 'cap_minutes')::numeric)
                                 and coalesce(v_rule -> 'cap_price', 'null'::jsonb) <> 'null'::jsonb
                                 and (coalesce(v_rule -> 'unit_minutes', 'null'::jsonb) <> 'null'::jsonb
                                      or (v_rule -> 'start_time' = '"00:00"'::jsonb
                                          and (v_rule -> 'end_time') in ('"00:00"'::jsonb, '"24:00"'::jsonb)))
              else false end
        and coalesce(v_rule -> 'cap_repeat', 'null'::jsonb) in ('null'::jsonb, 'true'::jsonb, 'false'::jsonb)
        and case coalesce(pg_catalog.jsonb_typeof(v_rule -> 'priority'), 'null')
              when 'null' then true
              when 'number' then (v_rule -> 'priority')::numeric between -2147483648 and 2147483647
                                 and (v_rule -> 'priority')::numeric
                                     = pg_catalog.trunc((v_rule -> 'priority')::numeric)
              else false end
        and case coalesce(pg_catalog.jsonb_typeof(v_rule -> 'elapsed_from_minutes'), 'null')
              when 'null' then true
              when 'number' then (v_rule -> 'elapsed_from_minutes')::numeric between 0 and 527040
                                 and (v_rule -> 'elapsed_from_minutes')::numeric
                                     = pg_catalog.trunc((v_rule -> 'elapsed_from_minutes')::numeric)
              else false end
      else false end, false);
      exit when not v_ok;
      v_r := v_r || array[array[
        -- 1: day mask
        ((v_rule -> 'day_of_week') @> '[0]'::jsonb)::integer
        | (((v_rule -> 'day_of_week') @> '[1]'::jsonb)::integer << 1)
        | (((v_rule -> 'day_of_week') @> '[2]'::jsonb)::integer << 2)
        | (((v_rule -> 'day_of_week') @> '[3]'::jsonb)::integer << 3)
        | (((v_rule -> 'day_of_week') @> '[4]'::jsonb)::integer << 4)
        | (((v_rule -> 'day_of_week') @> '[5]'::jsonb)::integer << 5)
        | (((v_rule -> 'day_of_week') @> '[6]'::jsonb)::integer << 6)
        | (((v_rule -> 'day_of_week') @> '[7]'::jsonb)::integer << 7),
        -- 2, 3: start and end minute
        pg_catalog.substr(v_rule ->> 'start_time', 1, 2)::integer * 60
          + pg_catalog.substr(v_rule ->> 'start_time', 4, 2)::integer,
        (pg_catalog.substr(v_rule ->> 'end_time', 1, 2)::integer * 60
          + pg_catalog.substr(v_rule ->> 'end_time', 4, 2)::integer) % 1440,
        -- 4: rate rule; 5, 6: unit length (us) and price
        (coalesce(v_rule -> 'unit_minutes', 'null'::jsonb) <> 'null'::jsonb)::integer,
        (v_rule ->> 'unit_minutes')::numeric::bigint * c_min,
        (v_rule ->> 'unit_price')::numeric::bigint,
        -- 7, 8: cap_minutes (and in us); 9: cap_price; 10: cap_repeat
        (v_rule ->> 'cap_minutes')::numeric::bigint,
        (v_rule ->> 'cap_minutes')::numeric::bigint * c_min,
        (v_rule ->> 'cap_price')::numeric::bigint,
        (coalesce(v_rule -> 'cap_repeat', 'null'::jsonb) <> 'false'::jsonb)::integer,
        -- 11: priority; 12: elapsed_from_minutes (us)
        coalesce((v_rule ->> 'priority')::numeric::bigint, 0),
        coalesce((v_rule ->> 'elapsed_from_minutes')::numeric::bigint * c_min, 0)
      ]::bigint[]];
    end loop;
  end if;

  if v_ok then
    -- the kinds of rules, and the coverage of each rate rule as bit strings
    for v_i in 1 .. v_n loop
      v_all_slots := v_all_slots || array[v_i, v_n + v_i];
      if v_r[v_i][4] = 1 then
        v_rates := v_rates || v_i;
        if v_r[v_i][12] > 0 then
          v_prog := v_prog || v_i;
        end if;
        v_has7_rate := v_has7_rate or v_r[v_i][1] >= 128;
        v_uniform_rate := v_uniform_rate and v_r[v_i][1] = 255;
        v_cur[v_i] := (c_ones >> v_r[v_i][2]::integer)
                      & ~(c_ones >> (case when v_r[v_i][3] > v_r[v_i][2] then v_r[v_i][3] else 1440 end)::integer);
        v_wrap[v_i] := case when v_r[v_i][3] <= v_r[v_i][2] and v_r[v_i][3] > 0
                            then ~(c_ones >> v_r[v_i][3]::integer) else c_none end;
        foreach v_j in array v_rates loop
          if v_j < v_i and v_r[v_j][11] = v_r[v_i][11] then
            v_pairs := v_pairs || array[v_j, v_i];
          end if;
        end loop;
      else
        v_caps := v_caps || v_i;
        v_has7_cap := v_has7_cap or v_r[v_i][1] >= 128;
        v_uniform_cap := v_uniform_cap and v_r[v_i][1] = 255;
      end if;
      if v_r[v_i][8] is not null then
        v_rolls := v_rolls || v_i;
      end if;
      if v_r[v_i][4] = 1 or v_r[v_i][8] is null then
        v_occ := v_occ || v_i;
      end if;
    end loop;
    -- Every (previous day type, day type) pair a calendar can produce: weekday after weekday,
    -- and when a rate rule lists 7, holiday after anything and anything after a holiday. When
    -- every rate rule lists 0-7, one check stands for all.
    if v_ok and v_uniform_rate then
      v_ccov := array[c_none];
      foreach v_i in array v_rates loop
        if v_r[v_i][12] = 0 then
          v_ccov[1] := v_ccov[1] | v_cur[v_i] | v_wrap[v_i];
        end if;
      end loop;
      v_ok := v_ccov[1] = c_ones;
      for v_j in 1 .. coalesce(pg_catalog.array_length(v_pairs, 1), 0) / 2 loop
        v_ok := v_ok and ((v_cur[v_pairs[2 * v_j - 1]] | v_wrap[v_pairs[2 * v_j - 1]])
                          & (v_cur[v_pairs[2 * v_j]] | v_wrap[v_pairs[2 * v_j]])) = c_none;
      end loop;
    elsif v_ok then
      if v_has7_rate then
        v_sit_p := array[6, 0, 1, 2, 3, 4, 5, 7, 7, 7, 7, 7, 7, 7, 6, 0, 1, 2, 3, 4, 5, 7];
        v_sit_c := array[0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6, 7, 7, 7, 7, 7, 7, 7, 7];
      else
        v_sit_p := array[6, 0, 1, 2, 3, 4, 5];
        v_sit_c := array[0, 1, 2, 3, 4, 5, 6];
      end if;
      v_ccov := pg_catalog.array_fill(c_none, array[8]);
      v_wcov := v_ccov;
      foreach v_i in array v_rates loop
        continue when v_r[v_i][12] > 0;
        for v_t in 0 .. 7 loop
          if v_r[v_i][1] & (1 << v_t) <> 0 then
            v_ccov[v_t + 1] := v_ccov[v_t + 1] | v_cur[v_i];
            v_wcov[v_t + 1] := v_wcov[v_t + 1] | v_wrap[v_i];
          end if;
        end loop;
      end loop;
      for v_k in 1 .. pg_catalog.array_length(v_sit_p, 1) loop
        v_ok := v_ok and (v_wcov[v_sit_p[v_k] + 1] | v_ccov[v_sit_c[v_k] + 1]) = c_ones;
        for v_j in 1 .. coalesce(pg_catalog.array_length(v_pairs, 1), 0) / 2 loop
          v_i := v_pairs[2 * v_j - 1];
          v_t := v_pairs[2 * v_j];
          v_ok := v_ok and (
            (case when v_r[v_i][1] & (1 << v_sit_p[v_k]) <> 0 then v_wrap[v_i] else c_none end
             | case when v_r[v_i][1] & (1 << v_sit_c[v_k]) <> 0 then v_cur[v_i] else c_none end)
            & (case when v_r[v_t][1] & (1 << v_sit_p[v_k]) <> 0 then v_wrap[v_t] else c_none end
               | case when v_r[v_t][1] & (1 << v_sit_c[v_k]) <> 0 then v_cur[v_t] else c_none end)
          ) = c_none;
        end loop;
      end loop;
    end if;
  end if;


  -- the work bound of parky.validate_tariff (PK006), from the compiled rules
  if v_ok then
    for v_i in 1 .. v_n loop
      if v_r[v_i][7] is not null then
        v_events := v_events + ((1439 + v_r[v_i][7]) / v_r[v_i][7])::integer;
        if v_r[v_i][4] = 0 then
          v_restarts := v_restarts + ((1439 + v_r[v_i][7]) / v_r[v_i][7])::integer;
        end if;
      end if;
      if v_r[v_i][4] = 1 or v_r[v_i][8] is null then
        v_events := v_events + case when v_r[v_i][2] = v_r[v_i][3] then 1 else 2 end;
        if v_r[v_i][4] = 0 then
          v_restarts := v_restarts + 1;
        end if;
      end if;
    end loop;
    v_events := v_events + coalesce(pg_catalog.array_length(v_prog, 1), 0) * (1 + v_restarts);
    v_ok := v_events * v_n <= 1200;
  end if;

  if v_ok is not true then
    perform parky.validate_tariff(p_tariff);
    -- validate_tariff raises the precise error; this is a safety net
    raise exception using errcode = 'PK001',
      message = 'invalid tariff: rejected by calculate_fee',
      hint = 'See the tariff format in pricing.md; parky.validate_tariff names the problem.';
  end if;

  -- what the fast path of fee_of_plan needs: the daily window boundaries, the shortest rolling window
  foreach v_i in array v_occ loop
    v_bounds := v_bounds || (v_r[v_i][2])::integer || (v_r[v_i][3])::integer;
  end loop;
  v_bounds := array(select distinct b from pg_catalog.unnest(v_bounds) as b);
  foreach v_i in array v_rolls loop
    v_min_rolling := least(v_min_rolling, v_r[v_i][8]);
  end loop;
  return row(v_tz, v_split, v_grace_mode, v_grace_min, v_n, v_r, v_rates, v_prog, v_caps, v_rolls, v_occ,
             v_has7_rate, v_has7_cap, v_uniform_rate, v_uniform_cap, v_all_slots,
             v_uniform_rate and v_uniform_cap and v_tz in ('Asia/Tokyo', 'UTC')
               and coalesce(pg_catalog.array_length(v_prog, 1), 0) = 0,
             v_bounds, v_min_rolling)::parky_private.tariff_plan;
end;
$function$;

-- -------------------------------------------------------------------------------------------
-- parky_private.fee_of_plan: the fee of a stay under a compiled tariff
-- -------------------------------------------------------------------------------------------

create or replace function parky_private.fee_of_plan(
  p_plan parky_private.tariff_plan,
  p_started_at timestamptz,
  p_ended_at timestamptz
)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
set timezone = 'Asia/Tokyo'
as $function$
declare
  c_min constant bigint := 60000000::bigint;    -- microseconds per minute
  c_day constant bigint := 86400000000;         -- microseconds per 24 hours
  c_us constant interval := interval '1 microsecond';
  c_never constant bigint := 9223372036854775807;

  -- the compiled tariff (parky_private.compile_tariff; the columns of v_r are described there)
  -- (what the fast path needs is read here, the rest where the walk starts)
  v_tz text := p_plan.timezone;
  v_grace_mode text := p_plan.grace_mode;
  v_grace_min integer := p_plan.grace_minutes;
  v_r bigint[] := p_plan.rules;
  v_rates integer[] := p_plan.rates;
  v_caps integer[] := p_plan.caps;
  v_split boolean;
  v_n integer;
  v_prog integer[];
  v_rolls integer[];
  v_occ integer[];
  v_has7_rate boolean;
  v_has7_cap boolean;
  v_uniform_rate boolean;
  v_uniform_cap boolean;
  v_all_slots integer[];

  -- the stay; instants are bigint microseconds relative to the charging start S
  v_total bigint;                               -- exit - entry
  v_s_ts timestamptz;                           -- S
  v_s_epoch numeric;
  v_e bigint;                                   -- exit - S
  v_d0 date;                                    -- first local date considered (date of S - 1)
  v_nd integer;                                 -- number of local dates considered
  v_mid bigint[];                               -- local midnight of date index k (date v_d0 + k - 1)
  v_hol boolean[];
  v_hol_off integer[];
  v_type_rate integer[];                        -- day type of date index k for rate rules
  v_type_cap integer[];                         -- ... and for cap-only rules
  v_date date;
  v_os bigint[];           -- occurrence starts (rule-major)
  v_oe bigint[];           -- occurrence ends
  v_ptr integer[];                              -- first occurrence of each rule ending after a
  v_on integer;

  -- the walk
  v_a bigint;                      -- current event
  v_b bigint;                                   -- next event
  v_origin bigint;                 -- start of the current unit sequence
  v_unit_end bigint;               -- end of the unit generated last
  v_last integer;                          -- rule that priced the unit generated last
  v_best integer;
  v_restart boolean;
  v_closing boolean;
  v_p bigint;
  v_cnt bigint;
  v_gross bigint;
  v_lim bigint;
  v_chg bigint;
  v_amount bigint;
  v_rk bigint[];                                -- current rolling window index per rule
  v_rapp boolean[];                             -- does that window apply (day_of_week)
  v_first bigint[];                             -- first window of each capped rule
  -- Accumulators per slot: slot j (1..n) is the current cap window of rule j, slot n + i the
  -- current band occurrence of rate rule i. A window id is an occurrence index (> 0) or
  -- -(rolling window index + 1).
  v_aid bigint[];                               -- window id
  v_au bigint[];                                -- units
  v_ag bigint[];                                -- gross
  v_ac bigint[];                                -- charged
  v_acap bigint[];                              -- cap of the window (null: not capped)
  v_arem bigint[];                              -- remaining allowance
  v_aent integer[];                             -- breakdown entry (0: shown with the band)
  v_slots integer[];
  v_touched integer[];
  v_m integer;
  -- breakdown entries, in the order their windows were first charged
  v_en integer := 0;
  v_bd jsonb[];

  v_x bigint;
  v_y bigint;
  v_i integer;
  v_j integer;
  v_k integer;
  v_t integer;
  v_sl integer;
begin
  if p_plan is null or p_started_at is null or p_ended_at is null then
    raise exception using
      errcode = 'PK003',
      message = 'fee_of_plan: p_plan, p_started_at and p_ended_at must not be null',
      hint = 'Pass a compiled tariff and both timestamps.';
  end if;
  if not pg_catalog.isfinite(p_started_at) or not pg_catalog.isfinite(p_ended_at) then
    raise exception using
      errcode = 'PK003',
      message = 'calculate_fee: p_started_at and p_ended_at must be finite timestamps',
      hint = 'infinity and -infinity are not valid entry or exit times.';
  end if;
  -- Once per backend: allocate and free one 8 MB block. glibc then raises its mmap and trim
  -- thresholds (to 8 and 16 MB) for the life of the process. Without it, a long walk's
  -- per-transaction expression state (~0.5 MB) is handed back to the OS at every commit and
  -- page-faulted in again by the next quote (measured on a 7-day quote in a fresh connection:
  -- 51 page faults and +0.5 ms system time per call, 2.0 ms instead of 0.75 ms).
  if pg_catalog.current_setting('parky.fee_memory_ready', true) is distinct from 'on' then
    perform pg_catalog.length(pg_catalog.repeat(' ', 8388608 + 0 * pg_catalog.length(v_tz)));
    perform pg_catalog.set_config('parky.fee_memory_ready', 'on', false);
  end if;
  -- times in the breakdown are shown in the tariff's time zone (the SET clause restores the
  -- caller's); the name was checked by compile_tariff
  if v_tz <> 'Asia/Tokyo' then
    perform pg_catalog.set_config('timezone', v_tz, true);
  end if;

  -- =======================================================================================
  -- the stay
  -- =======================================================================================
  if p_ended_at <= p_started_at then
    return '{"amount": 0, "breakdown": []}'::jsonb;
  end if;
  v_total := ((extract(epoch from p_ended_at) - extract(epoch from p_started_at)) * 1000000)::bigint;
  if v_total > 366 * c_day then
    raise exception using
      errcode = 'PK002',
      message = 'stay longer than one year',
      hint = 'started_at and ended_at are more than 366 days apart; check the session times.';
  end if;

  -- grace: free_if_within charges nothing for a short enough stay, first_free moves the charging
  -- start S; either shows as a grace entry in the breakdown
  if v_grace_mode = 'free_if_within' and v_total <= v_grace_min * c_min then
    return pg_catalog.jsonb_build_object('amount', 0, 'breakdown', pg_catalog.jsonb_build_array(
      pg_catalog.jsonb_build_object(
        'kind', 'grace', 'mode', v_grace_mode, 'minutes', v_grace_min,
        'start', p_started_at, 'end', p_ended_at, 'charged', 0)));
  end if;
  if v_grace_mode = 'first_free' and v_grace_min > 0 then
    v_s_ts := p_started_at + pg_catalog.make_interval(mins => v_grace_min);
    v_e := v_total - v_grace_min * c_min;
    v_en := 1;
    v_bd[1] := pg_catalog.jsonb_build_object(
      'kind', 'grace', 'mode', v_grace_mode, 'minutes', v_grace_min,
      'start', p_started_at, 'end', least(p_ended_at, v_s_ts), 'charged', 0);
    if v_e <= 0 then
      return pg_catalog.jsonb_build_object('amount', 0, 'breakdown', pg_catalog.to_jsonb(v_bd));
    end if;
  else
    v_s_ts := p_started_at;
    v_e := v_total;
  end if;
  -- Fast path. With every rule on every day type, a fixed-offset time zone and no progressive
  -- rule (plan.fast), a stay that meets no daily window boundary and no rolling window boundary
  -- is one run of units under one rule, capped by the windows open at its start: the walk
  -- below would make one step. (Same result; tests/pricing/fee-fastpath.test.ts compares them.)
  if p_plan.fast and v_s_ts = p_started_at then
    -- local time of day of S (us), and the next window boundary after it
    v_x := ((extract(epoch from (p_started_at at time zone v_tz))
             - extract(epoch from (p_started_at at time zone v_tz)::date::timestamp)) * 1000000)::bigint;
    v_b := c_day;
    foreach v_k in array p_plan.bounds loop
      v_y := v_k * c_min - v_x;
      v_b := least(v_b, case when v_y > 0 then v_y else v_y + c_day end);
    end loop;
    if v_e <= least(v_b, coalesce(p_plan.min_rolling, v_e)) then
      -- the winning rate rule at S, and its occurrence [p, p + length) relative to S
      v_best := 0;
      foreach v_i in array v_rates loop
        v_y := v_r[v_i][2] * c_min - v_x;
        v_y := case when v_y > 0 then v_y - c_day else v_y end;
        if v_y + ((v_r[v_i][3] - v_r[v_i][2] + 1439) % 1440 + 1) * c_min > 0
           and (v_best = 0 or v_r[v_i][11] > v_r[v_best][11]) then
          v_best := v_i;
          v_p := v_y;
        end if;
      end loop;
      v_cnt := (v_e + v_r[v_best][5] - 1) / v_r[v_best][5];
      v_gross := v_cnt * v_r[v_best][6];
      -- the caps open at S: the rule's own, each cap-only rule's rolling window or the occurrence
      -- containing S; all are first windows, so each allows its cap_price
      v_lim := v_r[v_best][9];
      v_slots := array[]::integer[];
      v_os := array[]::bigint[];
      foreach v_i in array v_caps loop
        v_y := v_r[v_i][2] * c_min - v_x;
        v_y := case when v_r[v_i][8] is not null then 0 when v_y > 0 then v_y - c_day else v_y end;
        if v_r[v_i][8] is not null or v_y + ((v_r[v_i][3] - v_r[v_i][2] + 1439) % 1440 + 1) * c_min > 0 then
          v_lim := least(v_lim, v_r[v_i][9]);
          v_slots := v_slots || v_i;
          v_os := v_os || v_y;
        end if;
      end loop;
      v_chg := least(v_gross, v_lim);
      -- the breakdown, in the order the walk opens the windows
      v_bd := array[pg_catalog.jsonb_build_object(
        'kind', 'band', 'rule', v_best - 1,
        'start', v_s_ts + v_p * c_us,
        'end', v_s_ts + (v_p + ((v_r[v_best][3] - v_r[v_best][2] + 1439) % 1440 + 1) * c_min) * c_us,
        'units', v_cnt, 'gross', v_gross, 'charged', v_chg,
        'cap_price', case when v_r[v_best][8] is null then v_r[v_best][9] end)];
      if v_r[v_best][8] is not null and v_r[v_best][9] is not null then
        v_slots := v_best || v_slots;
        v_os := 0::bigint || v_os;
      end if;
      for v_k in 1 .. coalesce(pg_catalog.array_length(v_slots, 1), 0) loop
        v_i := v_slots[v_k];
        v_bd := v_bd || pg_catalog.jsonb_build_object(
          'kind', 'cap', 'rule', v_i - 1,
          'cap_type', case when v_r[v_i][8] is not null then 'rolling'
                           when v_r[v_i][2] = 0 and v_r[v_i][3] = 0 then 'day' else 'band' end,
          'cap_price', v_r[v_i][9],
          'start', v_s_ts + v_os[v_k] * c_us,
          'end', v_s_ts + (v_os[v_k] + coalesce(v_r[v_i][8], ((v_r[v_i][3] - v_r[v_i][2] + 1439) % 1440 + 1) * c_min)) * c_us,
          'units', v_cnt, 'gross', v_gross, 'charged', v_chg);
      end loop;
      return pg_catalog.jsonb_build_object('amount', v_chg, 'breakdown', pg_catalog.to_jsonb(v_bd));
    end if;
  end if;

  -- the walk's state (set here rather than in DECLARE: the fast path above does not need it)
  v_os := array[]::bigint[];
  v_oe := array[]::bigint[];
  v_on := 0;
  v_a := 0;
  v_origin := 0;
  v_unit_end := 0;
  v_last := 0;
  v_closing := false;
  v_amount := 0;
  v_split := p_plan.split;
  v_n := p_plan.rule_count;
  v_prog := p_plan.progressive;
  v_rolls := p_plan.rolling;
  v_occ := p_plan.occurring;
  v_has7_rate := p_plan.has7_rate;
  v_has7_cap := p_plan.has7_cap;
  v_uniform_rate := p_plan.uniform_rate;
  v_uniform_cap := p_plan.uniform_cap;
  v_all_slots := p_plan.all_slots;
  v_s_epoch := extract(epoch from v_s_ts);

  -- local dates from the day before S to the day after the exit: midnights and day types
  v_d0 := (v_s_ts at time zone v_tz)::date - 1;
  v_nd := (p_ended_at at time zone v_tz)::date + 2 - v_d0;
  v_mid[1] := ((extract(epoch from (v_d0::timestamp at time zone v_tz)) - v_s_epoch) * 1000000)::bigint;
  v_mid[v_nd + 2] := ((extract(epoch from ((v_d0 + v_nd + 1)::timestamp at time zone v_tz))
                       - v_s_epoch) * 1000000)::bigint;
  for v_k in 2 .. v_nd + 1 loop
    if v_nd <= 12 and v_mid[v_nd + 2] - v_mid[1] = (v_nd + 1) * c_day then
      -- no UTC offset change within these (at most two weeks of) days
      v_mid[v_k] := v_mid[1] + (v_k - 1) * c_day;
    else
      v_mid[v_k] := ((extract(epoch from ((v_d0 + (v_k - 1))::timestamp at time zone v_tz))
                      - v_s_epoch) * 1000000)::bigint;
    end if;
  end loop;
  -- On a holiday, if a rule of a kind lists 7, only the rules of that kind listing 7 apply.
  -- Holidays are looked up only when that changes which rules apply.
  v_hol := pg_catalog.array_fill(false, array[v_nd]);
  if (v_has7_rate and not v_uniform_rate) or (v_has7_cap and not v_uniform_cap) then
    select coalesce(pg_catalog.array_agg(h.holiday_date - v_d0), array[]::integer[])
      into v_hol_off
      from parky.public_holidays as h
     where h.holiday_date >= v_d0 and h.holiday_date < v_d0 + v_nd;
    foreach v_k in array v_hol_off loop
      v_hol[v_k + 1] := true;
    end loop;
  end if;
  v_t := extract(dow from v_d0)::integer;
  for v_k in 1 .. v_nd loop
    v_type_rate[v_k] := case when v_hol[v_k] and v_has7_rate then 7 else (v_t + v_k - 1) % 7 end;
    v_type_cap[v_k] := case when v_hol[v_k] and v_has7_cap then 7 else (v_t + v_k - 1) % 7 end;
  end loop;

  -- occurrences of the daily windows (rate rules, band cap-only rules) that meet [S, exit):
  -- [date k + start, date k + end) if end > start, else up to end on the next date
  foreach v_i in array v_occ loop
    v_ptr[v_i] := v_on + 1;
    for v_k in 1 .. v_nd loop
      continue when v_r[v_i][1] & (1 << case when v_r[v_i][4] = 1 then v_type_rate[v_k]
                                             else v_type_cap[v_k] end) = 0;
      v_x := case when v_r[v_i][2] = 0 then v_mid[v_k]
                  when v_mid[v_k + 1] - v_mid[v_k] = c_day then v_mid[v_k] + v_r[v_i][2] * c_min
                  else ((extract(epoch from ((v_d0 + (v_k - 1))::timestamp
                                             + (v_r[v_i][2] * interval '1 minute')) at time zone v_tz)
                         - v_s_epoch) * 1000000)::bigint end;
      v_j := case when v_r[v_i][3] > v_r[v_i][2] then v_k else v_k + 1 end;
      v_y := case when v_r[v_i][3] = 0 then v_mid[v_j]
                  when v_mid[v_j + 1] - v_mid[v_j] = c_day then v_mid[v_j] + v_r[v_i][3] * c_min
                  else ((extract(epoch from ((v_d0 + (v_j - 1))::timestamp
                                             + (v_r[v_i][3] * interval '1 minute')) at time zone v_tz)
                         - v_s_epoch) * 1000000)::bigint end;
      if v_y > 0 and v_x < v_e and v_y > v_x then
        v_on := v_on + 1;
        v_os[v_on] := v_x;
        v_oe[v_on] := v_y;
      end if;
    end loop;
    -- a sentinel occurrence that never starts ends each rule's list
    v_on := v_on + 1;
    v_os[v_on] := c_never;
    v_oe[v_on] := c_never;
  end loop;
  foreach v_i in array v_rolls loop
    v_rk[v_i] := -1;
  end loop;
  v_aid := pg_catalog.array_fill(null::bigint, array[2 * v_n]);
  v_au := v_aid;
  v_ag := v_aid;
  v_ac := v_aid;
  v_acap := v_aid;
  v_arem := v_aid;
  v_aent := pg_catalog.array_fill(0, array[2 * v_n]);

  -- =======================================================================================
  -- Walk from event to event (occurrence starts and ends, rolling window boundaries,
  -- elapsed_from_minutes thresholds, the exit). Between two events the winning rate rule and
  -- the cap windows stay the same, so the units starting there are priced together.
  -- =======================================================================================
  loop
    v_closing := v_a >= v_e;
    if not v_closing then
      -- occurrences still running at a; the next occurrence boundary; starts of cap-only bands
      v_b := v_e;
      v_restart := false;
      foreach v_i in array v_occ loop
        while v_oe[v_ptr[v_i]] <= v_a loop
          v_ptr[v_i] := v_ptr[v_i] + 1;
        end loop;
        v_b := least(v_b, case when v_os[v_ptr[v_i]] > v_a then v_os[v_ptr[v_i]] else v_oe[v_ptr[v_i]] end);
        if v_os[v_ptr[v_i]] = v_a and v_r[v_i][4] = 0 then
          v_restart := true;
        end if;
      end loop;
      -- rolling windows containing a (they apply if their start date matches day_of_week)
      foreach v_i in array v_rolls loop
        v_x := v_a / v_r[v_i][8];
        if v_x <> v_rk[v_i] then
          v_rk[v_i] := v_x;
          v_date := ((v_s_ts + (v_x * v_r[v_i][7]) * interval '1 minute') at time zone v_tz)::date;
          v_rapp[v_i] := v_r[v_i][1] & (1 << case when v_r[v_i][4] = 1 then v_type_rate[v_date - v_d0 + 1]
                                                  else v_type_cap[v_date - v_d0 + 1] end) <> 0;
        end if;
        v_b := least(v_b, (v_x + 1) * v_r[v_i][8]);
        v_restart := v_restart or (v_rapp[v_i] and v_r[v_i][4] = 0 and v_a = v_x * v_r[v_i][8]);
      end loop;
      -- a window of a cap-only rule starting here restarts the unit sequence
      if v_restart and v_a > 0 then
        v_origin := v_a;
        v_unit_end := least(v_unit_end, v_a);
      end if;
      -- the winning rate rule at a
      v_best := 0;
      foreach v_i in array v_rates loop
        if v_os[v_ptr[v_i]] <= v_a and v_a - v_origin >= v_r[v_i][12]
           and (v_best = 0 or v_r[v_i][11] > v_r[v_best][11]) then
          v_best := v_i;
        end if;
      end loop;
      if v_best = 0 then
        raise exception using errcode = 'XX000',
          message = 'calculate_fee: no rate rule applies at ' || (v_s_ts + v_a * c_us)::text;
      end if;
      -- split: a change of the winning rule cuts the running unit
      if v_split and v_last <> v_best then
        v_unit_end := least(v_unit_end, v_a);
      end if;
      foreach v_i in array v_prog loop
        v_x := v_origin + v_r[v_i][12];
        if v_x > v_a then
          v_b := least(v_b, v_x);
        end if;
      end loop;
      -- units starting in [p, b), all priced by the winner
      v_p := greatest(v_a, v_unit_end);
      if v_p >= v_b then
        v_a := v_b;
        continue;
      end if;
      v_cnt := (v_b - v_p + v_r[v_best][5] - 1) / v_r[v_best][5];
      v_unit_end := v_p + v_cnt * v_r[v_best][5];
      v_last := v_best;
      v_gross := v_cnt * v_r[v_best][6];
      v_slots := case when v_r[v_best][9] is null then array[v_n + v_best]
                      else array[v_n + v_best, v_best] end || v_caps;
    else
      v_slots := v_all_slots;
    end if;

    -- the window of each slot at a: switching windows sends the previous one to the breakdown
    -- and opens the new one; the smallest remaining allowance limits the charge
    v_lim := null;
    v_m := 0;
    foreach v_sl in array v_slots loop
      v_x := case when v_closing then null
                  when v_sl > v_n then v_ptr[v_sl - v_n]
                  when v_r[v_sl][8] is null then case when v_os[v_ptr[v_sl]] <= v_a then v_ptr[v_sl] end
                  when v_rapp[v_sl] then -(v_rk[v_sl] + 1) end;
      continue when v_x is null and not v_closing;
      if v_aid[v_sl] is distinct from v_x then
        -- the slot's previous window goes to the breakdown; a rate rule's own band cap is shown
        -- in its band entry
        if v_aent[v_sl] > 0 then
          v_y := v_aid[v_sl];
          if v_sl > v_n then
            v_j := v_sl - v_n;
            v_bd[v_aent[v_sl]] := pg_catalog.jsonb_build_object(
              'kind', 'band', 'rule', v_j - 1,
              'start', v_s_ts + v_os[v_y] * c_us, 'end', v_s_ts + v_oe[v_y] * c_us,
              'units', v_au[v_sl], 'gross', v_ag[v_sl], 'charged', v_ac[v_sl],
              'cap_price', case when v_r[v_j][8] is null then v_acap[v_j] end);
          else
            v_bd[v_aent[v_sl]] := pg_catalog.jsonb_build_object(
              'kind', 'cap', 'rule', v_sl - 1,
              'cap_type', case when v_r[v_sl][8] is not null then 'rolling'
                               when v_r[v_sl][2] = 0 and v_r[v_sl][3] = 0 then 'day' else 'band' end,
              'cap_price', v_acap[v_sl],
              'start', v_s_ts + case when v_y > 0 then v_os[v_y] else (-v_y - 1) * v_r[v_sl][8] end * c_us,
              'end', v_s_ts + case when v_y > 0 then v_oe[v_y] else -v_y * v_r[v_sl][8] end * c_us,
              'units', v_au[v_sl], 'gross', v_ag[v_sl], 'charged', v_ac[v_sl]);
          end if;
        end if;
        continue when v_closing;
        -- open the window; a cap with cap_repeat false caps only the rule's first window
        if v_sl <= v_n and v_first[v_sl] is null then
          v_first[v_sl] := v_x;
        end if;
        v_aid[v_sl] := v_x;
        v_au[v_sl] := 0;
        v_ag[v_sl] := 0;
        v_ac[v_sl] := 0;
        v_acap[v_sl] := case when v_sl <= v_n and (v_r[v_sl][10] = 1 or v_first[v_sl] = v_x)
                             then v_r[v_sl][9] end;
        v_arem[v_sl] := v_acap[v_sl];
        if v_sl > v_n or v_r[v_sl][4] = 0 or v_r[v_sl][8] is not null then
          v_en := v_en + 1;
          v_aent[v_sl] := v_en;
        else
          v_aent[v_sl] := 0;
        end if;
      end if;
      v_lim := least(v_lim, v_arem[v_sl]);
      v_m := v_m + 1;
      v_touched[v_m] := v_sl;
    end loop;
    exit when v_closing;

    -- each unit costs min(price, smallest remaining allowance) and that is taken from every
    -- allowance: together min(units x price, smallest remaining allowance)
    v_chg := least(v_gross, v_lim);
    for v_k in 1 .. v_m loop
      v_sl := v_touched[v_k];
      v_au[v_sl] := v_au[v_sl] + v_cnt;
      v_ag[v_sl] := v_ag[v_sl] + v_gross;
      v_ac[v_sl] := v_ac[v_sl] + v_chg;
      v_arem[v_sl] := v_arem[v_sl] - v_chg;
    end loop;
    v_amount := v_amount + v_chg;
    v_a := v_b;
  end loop;

  return pg_catalog.jsonb_build_object('amount', v_amount, 'breakdown', pg_catalog.to_jsonb(v_bd));
end;
$function$;

-- -------------------------------------------------------------------------------------------
-- parky.calculate_fee: the pure function, unchanged signature and result
-- -------------------------------------------------------------------------------------------

create or replace function parky.calculate_fee(
  p_tariff jsonb,
  p_started_at timestamptz,
  p_ended_at timestamptz
)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $function$
begin
  if p_tariff is null or p_started_at is null or p_ended_at is null then
    raise exception using
      errcode = 'PK003',
      message = 'calculate_fee: p_tariff, p_started_at and p_ended_at must not be null',
      hint = 'Pass the tariff JSON and both timestamps (now() as the exit of a running stay).';
  end if;
  if not pg_catalog.isfinite(p_started_at) or not pg_catalog.isfinite(p_ended_at) then
    raise exception using
      errcode = 'PK003',
      message = 'calculate_fee: p_started_at and p_ended_at must be finite timestamps',
      hint = 'infinity and -infinity are not valid entry or exit times.';
  end if;
  -- validates (an invalid tariff never yields a fee, even for exit <= entry), then evaluates
  return parky_private.fee_of_plan(parky_private.compile_tariff(p_tariff), p_started_at, p_ended_at);
end;
$function$;

comment on function parky.calculate_fee(jsonb, timestamptz, timestamptz) is
$$The fee of a stay under a tariff (pricing.md): {"amount": <yen>, "breakdown": [...]}.
Breakdown entries, in the order their windows were first charged: {"kind": "grace", "mode",
"minutes", "start", "end", "charged": 0}; {"kind": "band", "rule", "start", "end", "units",
"gross", "charged", "cap_price"} per occurrence of a rate rule's daily window that priced units
(cap_price: the rule's own band cap, null if none); {"kind": "cap", "rule", "cap_type":
"rolling" | "day" | "band", "cap_price", "start", "end", "units", "gross", "charged"} per
window of a cap-only rule, or rolling window of a rate rule's cap, that applied to units
(cap_price null: a window after the first of a cap_repeat false rule). "rule" is the index in
"rules" (from 0); times are shown in the tariff's time zone. Exit at or before entry: 0.
Validates the tariff on every call (parky_private.compile_tariff), then evaluates it
(parky_private.fee_of_plan). Errors: PK001 invalid tariff (message names the rule and the
problem), PK004-PK006 tariff too complex (see validate_tariff), PK002 stay longer than one
year, PK003 null argument or infinite timestamp. Pure; stable because it reads
parky.public_holidays. Granted to authenticated and service_role (not anon: see docs/parky-sessions.md).$$;

comment on function parky.validate_tariff(jsonb) is
$$Checks a tariff (pricing.md, "Validation") and raises PK001 'invalid tariff: rule N:
<problem>' (N counts from 0), 'invalid tariff: rules: <coverage problem>' or 'invalid tariff:
<field>: <problem>' for the first problem found; returns nothing when the tariff is valid.
Limits that bound the work of a fee (checked after the PK001 checks except the rule count):
PK004 more than 20 rules, PK005 cap_minutes below 60, PK006 (window boundaries per day) x
(rules) above 1200. PK003 when the argument is null.$$;

comment on function parky_private.compile_tariff(jsonb) is
$$Validates a tariff (fast checks; whatever they reject goes to parky.validate_tariff for the
precise PK001/PK004-PK006 error) and returns its compiled form for fee_of_plan. Rules rows
(columns): 1 day mask (bit d = day type d), 2 start minute, 3 end minute (24:00 = 0), 4 rate
rule (1) or cap-only (0), 5 unit length (us), 6 unit price, 7 cap_minutes, 8 cap_minutes (us),
9 cap_price, 10 cap_repeat (1/0), 11 priority, 12 elapsed_from_minutes (us).$$;

comment on function parky_private.fee_of_plan(parky_private.tariff_plan, timestamptz, timestamptz) is
$$The fee walk of parky.calculate_fee on a compiled tariff (parky_private.compile_tariff); same
result and errors (PK002, PK003). Does not validate: only pass plans made by compile_tariff.$$;

revoke execute on function parky.calculate_fee(jsonb, timestamptz, timestamptz) from public, anon;
revoke execute on function parky.validate_tariff(jsonb) from public, anon;
grant execute on function parky.calculate_fee(jsonb, timestamptz, timestamptz) to authenticated, service_role;
grant execute on function parky.validate_tariff(jsonb) to authenticated, service_role;
revoke execute on function parky_private.compile_tariff(jsonb) from public, anon;
revoke execute on function parky_private.fee_of_plan(parky_private.tariff_plan, timestamptz, timestamptz) from public;
grant execute on function parky_private.compile_tariff(jsonb) to authenticated, service_role;
grant execute on function parky_private.fee_of_plan(parky_private.tariff_plan, timestamptz, timestamptz)
  to anon, authenticated, service_role;

-- ===========================================================================================
-- Compiled tariffs of the lots
-- ===========================================================================================

create table parky_private.lot_tariff_plans (
  parking_lot_id uuid primary key references parky.parking_lots (id) on delete cascade,
  plan parky_private.tariff_plan,
  error_code text,
  error_message text,
  compiled_at timestamptz not null default now(),
  fast_since timestamptz,
  fast_zone text,
  fast_suffix text,
  fast_free bigint,
  fast_rolling bigint,
  fast_starts bigint[],
  fast_segments bigint[],
  fast_entries bigint[],
  fast_labels jsonb[],
  -- either a plan or an error (a composite is tested with "is not distinct from null": "is null"
  -- is also true for a row whose fields are all null)
  constraint lot_tariff_plans_plan_or_error check ((plan is not distinct from null) = (error_code is not null)),
  constraint lot_tariff_plans_error_message check ((error_code is null) = (error_message is null))
);
comment on table parky_private.lot_tariff_plans is
  'The compiled tariff of each lot with pricing rules (or the error its rules raise: PK001/PK004-PK006), '
  'kept by triggers on parking_lot_pricing_rules and parking_lots; read by the quote paths. Server-owned.';
comment on column parky_private.lot_tariff_plans.fast_since is
  'Fast quotes (quote_fee) for stays starting from this instant (the zone''s offset is fixed since then); null: none for this tariff. '
  'The fast_* columns are built by parky_private.fast_quote_table.';

alter table parky_private.lot_tariff_plans enable row level security;
-- no policies: the API roles reach it only through parky_private.lot_plans
revoke all on parky_private.lot_tariff_plans from public, anon, authenticated;
grant all on parky_private.lot_tariff_plans to service_role;

-- The compiled tariffs of live lots, for the quote paths (security definer: the table is not
-- granted to the API roles). Callers establish that the caller may see the lots, under RLS,
-- before asking (quote_fee checks the lot; nearby search only returns visible lots).
create or replace function parky_private.lot_plan(p_lot_id uuid)
returns parky_private.lot_tariff_plans
language plpgsql
stable
security definer
set search_path = ''
as $function$
declare
  v_row parky_private.lot_tariff_plans;
begin
  select p.* into v_row from parky_private.lot_tariff_plans p where p.parking_lot_id = p_lot_id;
  return v_row;
end;
$function$;
comment on function parky_private.lot_plan(uuid) is
  'The compiled tariff (or stored error) of a lot, all fields null when it has none; for quote_fee, which only asks '
  'for a lot the caller sees (live, RLS).';
revoke execute on function parky_private.lot_plan(uuid) from public;
grant execute on function parky_private.lot_plan(uuid) to anon, authenticated, service_role;

-- The same for the lots of a nearby search (visible to the caller by construction).
create or replace function parky_private.lot_plans(p_lot_ids uuid[])
returns setof parky_private.lot_tariff_plans
language sql
stable
security definer
set search_path = ''
as $function$
  select p.*
    from parky_private.lot_tariff_plans p
    join parky.parking_lots l on l.id = p.parking_lot_id
   where p.parking_lot_id = any (p_lot_ids) and l.deleted_at is null
$function$;
comment on function parky_private.lot_plans(uuid[]) is
  'The compiled tariffs (or stored errors) of live lots, for nearby_parking_lots_with_fee (whose lots are visible).';
revoke execute on function parky_private.lot_plans(uuid[]) from public;
grant execute on function parky_private.lot_plans(uuid[]) to anon, authenticated, service_role;

-- -------------------------------------------------------------------------------------------
-- parky_private.fast_quote_table: the fast path of fee_of_plan, evaluated per day segment
-- -------------------------------------------------------------------------------------------
-- Within one segment [t_i, t_i+1) of the local day (t: 0 and the daily window boundaries),
-- which rate rule wins, which windows are open and where they start relative to the local
-- midnight do not depend on the time of day x of the start S; fee_of_plan's fast path computes
-- them from x at every call, this computes them once at x = t_i. At run time, for S at x in
-- segment i and a stay of e us with e <= end_i - x and e <= fast_rolling:
--   units = ceil(e / unit), gross = units * price, charged = least(gross, limit);
--   entry k (fast_entries row k: offset, m, length; fast_labels[k]: its fixed keys) spans
--   [S + offset - m * x, + length) (m = 0: a rolling window starting at S).
create or replace function parky_private.fast_quote_table(
  p_plan parky_private.tariff_plan,
  out fast_since timestamptz,
  out fast_zone text,
  out fast_suffix text,
  out fast_free bigint,
  out fast_rolling bigint,
  out fast_starts bigint[],
  out fast_segments bigint[],
  out fast_entries bigint[],
  out fast_labels jsonb[])
language plpgsql
immutable
set search_path = ''
as $function$
declare
  c_min constant bigint := 60000000::bigint;    -- microseconds per minute
  c_day constant bigint := 86400000000;         -- microseconds per 24 hours
  v_r bigint[] := p_plan.rules;
  v_b bigint[];
  v_x bigint;
  v_y bigint;
  v_p bigint;
  v_best integer;
  v_lim bigint;
  v_first integer;
  v_n integer := 0;
  v_seg bigint[] := array[]::bigint[];
  v_ent bigint[] := array[]::bigint[];
  v_lab jsonb[] := array[]::jsonb[];
  v_i integer;
begin
  -- fee_of_plan takes its fast path only on such plans, and without a first_free grace
  if p_plan.fast is not true or (p_plan.grace_mode = 'first_free' and p_plan.grace_minutes > 0) then
    return;
  end if;
  v_b := array(select distinct b * c_min from pg_catalog.unnest(p_plan.bounds) as b order by 1);
  if coalesce(pg_catalog.array_length(v_b, 1), 0) = 0 then
    return;
  end if;
  fast_starts := case when v_b[1] = 0 then v_b else 0::bigint || v_b end;
  for v_k in 1 .. pg_catalog.array_length(fast_starts, 1) loop
    v_x := fast_starts[v_k];
    -- the winning rate rule at x, and its occurrence start relative to x (as fee_of_plan)
    v_best := 0;
    foreach v_i in array p_plan.rates loop
      v_y := v_r[v_i][2] * c_min - v_x;
      v_y := case when v_y > 0 then v_y - c_day else v_y end;
      if v_y + ((v_r[v_i][3] - v_r[v_i][2] + 1439) % 1440 + 1) * c_min > 0
         and (v_best = 0 or v_r[v_i][11] > v_r[v_best][11]) then
        v_best := v_i;
        v_p := v_y;
      end if;
    end loop;
    if v_best = 0 then
      -- not a valid plan (every instant is covered); no fast quotes
      fast_since := null;
      return;
    end if;
    v_first := v_n + 1;
    v_lim := v_r[v_best][9];
    -- the band entry, then the rule's own rolling cap, then the cap-only rules open at x
    v_n := v_n + 1;
    v_lab := v_lab || pg_catalog.jsonb_build_object('kind', 'band', 'rule', v_best - 1,
      'cap_price', case when v_r[v_best][8] is null then v_r[v_best][9] end);
    v_ent := v_ent || array[[v_p + v_x, 1, ((v_r[v_best][3] - v_r[v_best][2] + 1439) % 1440 + 1) * c_min]];
    if v_r[v_best][8] is not null and v_r[v_best][9] is not null then
      v_n := v_n + 1;
      v_lab := v_lab || pg_catalog.jsonb_build_object('kind', 'cap', 'rule', v_best - 1,
        'cap_type', 'rolling', 'cap_price', v_r[v_best][9]);
      v_ent := v_ent || array[[0, 0, v_r[v_best][8]]];
    end if;
    foreach v_i in array p_plan.caps loop
      v_y := v_r[v_i][2] * c_min - v_x;
      v_y := case when v_r[v_i][8] is not null then 0 when v_y > 0 then v_y - c_day else v_y end;
      if v_r[v_i][8] is not null or v_y + ((v_r[v_i][3] - v_r[v_i][2] + 1439) % 1440 + 1) * c_min > 0 then
        v_lim := least(v_lim, v_r[v_i][9]);
        v_n := v_n + 1;
        v_lab := v_lab || pg_catalog.jsonb_build_object('kind', 'cap', 'rule', v_i - 1,
          'cap_type', case when v_r[v_i][8] is not null then 'rolling'
                           when v_r[v_i][2] = 0 and v_r[v_i][3] = 0 then 'day' else 'band' end,
          'cap_price', v_r[v_i][9]);
        v_ent := v_ent || case when v_r[v_i][8] is not null then array[[0, 0, v_r[v_i][8]]]
                               else array[[v_y + v_x, 1, ((v_r[v_i][3] - v_r[v_i][2] + 1439) % 1440 + 1) * c_min]] end;
      end if;
    end loop;
    -- segment row: end (exclusive: the next boundary after any x in it), unit, price, limit, entries
    v_seg := v_seg || array[[case when v_k < pg_catalog.array_length(fast_starts, 1) then fast_starts[v_k + 1]
                                  else c_day + v_b[1] end,
                             v_r[v_best][5], v_r[v_best][6], v_lim, v_first, v_n]];
  end loop;
  fast_segments := v_seg;
  fast_entries := v_ent;
  fast_labels := v_lab;
  fast_rolling := coalesce(p_plan.min_rolling, 9223372036854775807);
  fast_free := case when p_plan.grace_mode = 'free_if_within' then p_plan.grace_minutes * c_min else 0 end;
  fast_zone := p_plan.timezone;
  -- fixed offsets: UTC always, Asia/Tokyo since its last summer time (1951)
  fast_since := case p_plan.timezone when 'UTC' then '-infinity'::timestamptz else '1952-01-01 00:00+09'::timestamptz end;
  fast_suffix := case p_plan.timezone when 'UTC' then '+00:00' else '+09:00' end;
end;
$function$;
comment on function parky_private.fast_quote_table(parky_private.tariff_plan) is
  'The fast path of fee_of_plan precomputed per segment of the local day, for quote_fee (columns fast_* of lot_tariff_plans); '
  'all null when the plan has no fast path.';
revoke execute on function parky_private.fast_quote_table(parky_private.tariff_plan) from public, anon, authenticated;

create or replace function parky_private.refresh_lot_tariff_plan(p_lot_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $function$
declare
  v_tariff jsonb;
  v_plan parky_private.tariff_plan;
  v_code text;
  v_message text;
  v_fast record;
begin
  v_tariff := parky_private.lot_tariff(p_lot_id);
  if v_tariff is null then
    delete from parky_private.lot_tariff_plans p where p.parking_lot_id = p_lot_id;
    return;
  end if;
  begin
    v_plan := parky_private.compile_tariff(v_tariff);
  exception when sqlstate 'PK001' or sqlstate 'PK004' or sqlstate 'PK005' or sqlstate 'PK006' then
    -- rules edited one row at a time pass through invalid states; quotes raise this error
    get stacked diagnostics v_code = returned_sqlstate, v_message = message_text;
  end;
  select * into v_fast from parky_private.fast_quote_table(v_plan);
  insert into parky_private.lot_tariff_plans as p (parking_lot_id, plan, error_code, error_message, compiled_at,
    fast_since, fast_zone, fast_suffix, fast_free, fast_rolling, fast_starts, fast_segments, fast_entries, fast_labels)
  values (p_lot_id, v_plan, v_code, v_message, pg_catalog.now(),
    v_fast.fast_since, v_fast.fast_zone, v_fast.fast_suffix, v_fast.fast_free, v_fast.fast_rolling,
    v_fast.fast_starts, v_fast.fast_segments, v_fast.fast_entries, v_fast.fast_labels)
  on conflict (parking_lot_id) do update
    set plan = excluded.plan, error_code = excluded.error_code,
        error_message = excluded.error_message, compiled_at = excluded.compiled_at,
        fast_since = excluded.fast_since, fast_zone = excluded.fast_zone, fast_suffix = excluded.fast_suffix,
        fast_free = excluded.fast_free, fast_rolling = excluded.fast_rolling, fast_starts = excluded.fast_starts,
        fast_segments = excluded.fast_segments, fast_entries = excluded.fast_entries,
        fast_labels = excluded.fast_labels;
end;
$function$;
comment on function parky_private.refresh_lot_tariff_plan(uuid) is
  'Recompiles a lot''s tariff into parky_private.lot_tariff_plans with its fast-quote table (or stores the error its rules raise; '
  'no row without rules).';
revoke execute on function parky_private.refresh_lot_tariff_plan(uuid) from public, anon, authenticated;

create or replace function parky_private.pricing_rules_refresh_plan()
returns trigger
language plpgsql
volatile
security definer
set search_path = ''
as $function$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform parky_private.refresh_lot_tariff_plan(old.parking_lot_id);
  end if;
  if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.parking_lot_id <> old.parking_lot_id) then
    perform parky_private.refresh_lot_tariff_plan(new.parking_lot_id);
  end if;
  return null;
end;
$function$;
comment on function parky_private.pricing_rules_refresh_plan() is
  'After a pricing rule changes, recompiles its lot''s tariff.';
revoke execute on function parky_private.pricing_rules_refresh_plan() from public, anon, authenticated;

create trigger parking_lot_pricing_rules_after_change_refresh_plan
  after insert or update or delete on parky.parking_lot_pricing_rules
  for each row execute function parky_private.pricing_rules_refresh_plan();

create or replace function parky_private.lots_refresh_plan()
returns trigger
language plpgsql
volatile
security definer
set search_path = ''
as $function$
begin
  perform parky_private.refresh_lot_tariff_plan(new.id);
  return null;
end;
$function$;
comment on function parky_private.lots_refresh_plan() is
  'After a lot''s tariff settings (timezone, unit_boundary, grace) change, recompiles its tariff.';
revoke execute on function parky_private.lots_refresh_plan() from public, anon, authenticated;

create trigger parking_lots_after_update_refresh_plan
  after update of timezone, unit_boundary, grace on parky.parking_lots
  for each row
  when (old.timezone is distinct from new.timezone or old.unit_boundary is distinct from new.unit_boundary
        or old.grace is distinct from new.grace)
  execute function parky_private.lots_refresh_plan();

-- the lots that already have rules
select parky_private.refresh_lot_tariff_plan(l.id)
  from parky.parking_lots l
 where exists (select from parky.parking_lot_pricing_rules r where r.parking_lot_id = l.id);

-- ===========================================================================================
-- Quotes on the compiled tariffs
-- ===========================================================================================

-- -------------------------------------------------------------------------------------------
-- parky_private.quote_fee: one statement for the lot and its plan, the fast path inline
-- -------------------------------------------------------------------------------------------
create or replace function parky_private.quote_fee(p_lot_id uuid, p_started_at timestamptz, p_ended_at timestamptz)
returns jsonb
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  v_lot uuid;
  v_hidden boolean;
  v_plan uuid;
  v_code text;
  v_message text;
  v_since timestamptz;
  v_zone text;
  v_suffix text;
  v_free bigint;
  v_rolling bigint;
  v_starts bigint[];
  v_seg bigint[];
  v_ent bigint[];
  v_lab jsonb[];
  v_e bigint;
  v_x bigint;
  v_i integer;
  v_cnt bigint;
  v_bd jsonb;
begin
  -- Each distinct PL/pgSQL expression costs ~0.5-1 us per transaction, and a quote is one
  -- transaction: the hot path below is kept to a few statements (guards and the visibility of
  -- hidden lots in one condition, values used once inlined where they are used).
  -- the live lot, with its compiled tariff
  select l.id, l.status = 'hidden', p.parking_lot_id, p.error_code, p.error_message, p.fast_since, p.fast_zone,
         p.fast_suffix, p.fast_free, p.fast_rolling, p.fast_starts, p.fast_segments, p.fast_entries, p.fast_labels
    into v_lot, v_hidden, v_plan, v_code, v_message, v_since, v_zone, v_suffix, v_free, v_rolling, v_starts, v_seg,
         v_ent, v_lab
    from parky.parking_lots l
    left join parky_private.lot_tariff_plans p on p.parking_lot_id = l.id
   where l.id = p_lot_id and l.deleted_at is null;
  if v_plan is null or v_code is not null or v_hidden
     or p_started_at is null or p_ended_at is null or p_ended_at < p_started_at
     or p_ended_at - p_started_at > interval '31 days' then
    -- the errors, in the order the stay, the lot and its tariff are checked
    if p_started_at is null or p_ended_at is null or p_ended_at < p_started_at then
      raise exception using errcode = 'PK202', message = 'the exit must not be before the entry';
    end if;
    if p_ended_at - p_started_at > interval '31 days' then
      raise exception using errcode = 'PK215', message = 'a quote covers at most 31 days',
        hint = 'quote a shorter stay; a running session is quoted with quote_parking_session';
    end if;
    -- a hidden lot as the lots' read policy shows it (see the header; pgTAP 033 keeps them equal):
    -- to anon and authenticated callers only if they manage it or are admins; to the other
    -- callers (service role, the tables' owner: they bypass RLS) always
    if v_lot is null
       or (v_hidden and pg_catalog.current_setting('role') in ('anon', 'authenticated')
           and not (p_lot_id in (select parky_private.managed_lot_ids()) or parky_private.is_admin())) then
      raise exception using errcode = 'PK102', message = 'parking lot not found',
        hint = 'the lot does not exist, is hidden or was removed';
    end if;
    if v_plan is null then
      raise exception using errcode = 'PK201', message = 'this parking lot has no tariff',
        hint = 'its owner has not published pricing rules yet';
    end if;
    if v_code is not null then
      raise exception using errcode = v_code, message = v_message,
        hint = 'the lot''s pricing rules do not form a valid tariff; its owner must fix them';
    end if;
  end if;
  -- Fast path (parky_private.fast_quote_table): the segment i of the local day holding the start
  -- (local time of day x), if the stay (e us) ends before the segment does and within the
  -- shortest rolling cap window: units = ceil(e / unit), gross = units * price, charged =
  -- least(gross, limit); entry k spans [S + offset - m * x, + length), shown in the tariff's
  -- (fixed-offset) zone as fee_of_plan shows it
  v_x := (extract(epoch from (p_started_at at time zone v_zone)::time) * 1000000)::bigint;
  v_i := pg_catalog.width_bucket(v_x, v_starts);
  v_e := ((extract(epoch from p_ended_at) - extract(epoch from p_started_at)) * 1000000)::bigint;
  if p_started_at >= v_since and v_e > v_free and v_e <= least(v_seg[v_i][1] - v_x, v_rolling) then
    v_cnt := (v_e + v_seg[v_i][2] - 1) / v_seg[v_i][2];
    for v_k in v_seg[v_i][5] .. v_seg[v_i][6] loop
      v_bd := coalesce(v_bd, '[]') || (v_lab[v_k] || pg_catalog.jsonb_build_object(
        'start', (pg_catalog.to_jsonb((p_started_at at time zone v_zone)
                                      + (v_ent[v_k][1] - v_ent[v_k][2] * v_x) * interval '1 microsecond') #>> '{}') || v_suffix,
        'end', (pg_catalog.to_jsonb((p_started_at at time zone v_zone)
                                    + (v_ent[v_k][1] - v_ent[v_k][2] * v_x + v_ent[v_k][3]) * interval '1 microsecond') #>> '{}')
               || v_suffix,
        'units', v_cnt, 'gross', v_cnt * v_seg[v_i][3], 'charged', least(v_cnt * v_seg[v_i][3], v_seg[v_i][4])));
    end loop;
    return pg_catalog.jsonb_build_object('parking_lot_id', p_lot_id, 'started_at', p_started_at, 'ended_at', p_ended_at,
                                         'amount', least(v_cnt * v_seg[v_i][3], v_seg[v_i][4]), 'breakdown', v_bd);
  end if;
  if v_e = 0 then
    -- exit = entry (as fee_of_plan answers it)
    return pg_catalog.jsonb_build_object('parking_lot_id', p_lot_id, 'started_at', p_started_at, 'ended_at', p_ended_at,
                                         'amount', 0, 'breakdown', '[]'::jsonb);
  end if;
  return pg_catalog.jsonb_build_object('parking_lot_id', p_lot_id, 'started_at', p_started_at, 'ended_at', p_ended_at)
         || parky_private.fee_of_plan((select p.plan from parky_private.lot_tariff_plans p where p.parking_lot_id = v_plan),
                                      p_started_at, p_ended_at);
end
$$;
comment on function parky_private.quote_fee(uuid, timestamptz, timestamptz) is
  'parky.quote_fee''s body (security definer: it reads the private compiled tariffs). It shows a lot to anon and '
  'authenticated callers as the lots'' read policy does (live lots only), and every live lot to the other callers. '
  'Short stays that meet no window boundary are priced from the table of parky_private.fast_quote_table, others by fee_of_plan. '
  'Errors: PK102 lot not found, PK201 no tariff, PK202 exit before entry, PK215 stay longer than 31 days, '
  'PK001/PK004-PK006 the lot''s rules do not form a valid tariff.';
revoke execute on function parky_private.quote_fee(uuid, timestamptz, timestamptz) from public;
grant execute on function parky_private.quote_fee(uuid, timestamptz, timestamptz) to anon, authenticated, service_role;

create or replace function parky.quote_fee(p_lot_id uuid, p_started_at timestamptz, p_ended_at timestamptz) returns jsonb
language plpgsql stable
security invoker
set search_path = ''
as $$
begin
  return parky_private.quote_fee(p_lot_id, p_started_at, p_ended_at);
end
$$;
comment on function parky.quote_fee(uuid, timestamptz, timestamptz) is
  'The fee of a planned stay at a lot under its current tariff (compiled when saved): {parking_lot_id, started_at, ended_at, amount, breakdown}. '
  'Errors: PK102 lot not found, PK201 no tariff, PK202 exit before entry, PK215 stay longer than 31 days, '
  'PK001/PK004-PK006 the lot''s rules do not form a valid tariff.';


create or replace function parky.nearby_parking_lots_with_fee(
  p_lat double precision,
  p_lng double precision,
  p_stay_minutes int,
  p_stay_start timestamptz default now(),
  p_radius_m double precision default 1000,
  p_limit int default 20,
  p_vehicle_height_m numeric default null,
  p_vehicle_width_m numeric default null,
  p_vehicle_length_m numeric default null,
  p_vehicle_weight_t numeric default null,
  p_vehicle_clearance_cm int default null,
  p_structures text[] default null,
  p_entry_methods text[] default null,
  p_tags text[] default null,
  p_payment_methods text[] default null,
  p_open_at timestamptz default null)
returns table (
  id uuid, name text, address text, prefecture text, city text, lat numeric, lng numeric,
  distance_m double precision, status text, structure text, entry_method text, total_spaces int,
  max_height_m numeric, max_width_m numeric, max_length_m numeric, max_weight_t numeric,
  min_clearance_cm int, rating_count int, rating_average numeric, estimated_fee int)
language plpgsql stable
security invoker
set search_path = ''
as $$
begin
  if p_stay_minutes is null or p_stay_minutes < 0 then
    raise exception using errcode = 'PK202', message = 'p_stay_minutes must be between 0 and 4320';
  end if;
  -- up to 100 lots per call: bound the work of each estimate
  if p_stay_minutes > 4320 then
    raise exception using errcode = 'PK215', message = 'an estimate covers at most 3 days (4320 minutes)',
      hint = 'quote a longer stay for one lot with quote_fee';
  end if;
  if p_stay_start is null or not isfinite(p_stay_start) then
    raise exception using errcode = 'PK202', message = 'p_stay_start must be a finite timestamp';
  end if;
  return query
  with n as materialized (
    select * from parky.nearby_parking_lots(p_lat, p_lng, p_radius_m, p_limit, p_vehicle_height_m, p_vehicle_width_m,
                                            p_vehicle_length_m, p_vehicle_weight_t, p_vehicle_clearance_cm, p_structures,
                                            p_entry_methods, p_tags, p_payment_methods, p_open_at)),
  -- the compiled tariffs of the lots found (visible to the caller by construction)
  p as (select * from parky_private.lot_plans(array(select n.id from n)))
  select n.*, case when p.error_code is null and p.parking_lot_id is not null then
           (parky_private.fee_of_plan(p.plan, p_stay_start, p_stay_start + make_interval(mins => p_stay_minutes)) ->> 'amount')::int
         end
  from n
  left join p on p.parking_lot_id = n.id
  order by n.distance_m;
end
$$;
comment on function parky.nearby_parking_lots_with_fee(double precision, double precision, int, timestamptz, double precision,
  int, numeric, numeric, numeric, numeric, int, text[], text[], text[], text[], timestamptz) is
  'parky.nearby_parking_lots (same filters, clamps and errors) plus estimated_fee: the yen for a stay of p_stay_minutes '
  'from p_stay_start under each lot''s current (compiled) tariff; null for a lot without a valid one. '
  'Extra errors: PK202 negative stay or bad start, PK215 stay longer than 3 days (4320 minutes).';
