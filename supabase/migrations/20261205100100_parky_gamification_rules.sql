-- Parky gamification: the condition language, validated and compiled when a definition is saved.
--
-- Predicate: {"all": [p, …]} | {"any": [p, …]} | {"not": p} | {"path": "a.b", "op": OP, "value": v}
--   OP: eq, ne (string/number/boolean), gt, gte, lt, lte (number), in (array of such values),
--   exists (no value), contains (an array path holding the value, or a string path holding the
--   substring). Paths must be declared in parky.activity_types.metadata_paths for every activity
--   type the rule listens to, with a type that fits the operator.
-- A predicate compiles to one strict-mode jsonpath evaluated by jsonb_path_match(…, silent): a
-- missing path or a value of another JSON type is "unknown", so the leaf is false and stays
-- false under not (SQL three-valued logic); numbers compare as numbers; eq never looks inside
-- arrays; exists is two-valued.
--
-- Badge condition: {"activity_types": [...], "where": predicate, "time_of_day": {"from": "22:00",
-- "to": "05:00"}, "days": "weekday" | "weekend" | "holiday" | "weekend_or_holiday",
-- "aggregate": {"fn": "count"} | {"fn": "sum", "path"} | {"fn": "count_distinct", "path"} |
-- {"fn": "streak_days"}, "window": {"type": "lifetime" | "day" | "week" | "month"} |
-- {"type": "rolling", "days": N}}; tiers [{"name", "threshold", "exp", "theme"}] with increasing
-- thresholds. streak_days needs a lifetime window, rolling windows count or sum, repeatable
-- badges a day/week/month window.
--
-- Errors: PK310 malformed definition (shape, unknown key, unknown activity type), PK311 unknown
-- metadata path, PK312 unknown operator / aggregate / window / day type, PK313 value type does not
-- fit the operator or path, PK314 invalid tiers, time of day, validity or combination, PK315
-- invalid EXP rule amount.
--
-- Objects: parky_private.gam_* compile functions and the save triggers of activity_types,
--          activity_exp_rules and badge_definitions.

-- Paths (and types) usable by a rule listening to these activity types: declared by all of them.
create function parky_private.gam_paths_for(p_types text[]) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_paths jsonb;
  v_next jsonb;
  v_type text;
begin
  if p_types is null or cardinality(p_types) = 0 then
    raise exception using errcode = 'PK310', message = 'activity_types must be a non-empty array of activity types';
  end if;
  foreach v_type in array p_types loop
    select t.metadata_paths into v_next from parky.activity_types t where t.activity_type = v_type;
    if not found then
      raise exception using errcode = 'PK310', message = format('unknown activity type %s', v_type),
        hint = 'activity types are the rows of parky.activity_types';
    end if;
    v_paths := case when v_paths is null then v_next
                    else (select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb)
                          from jsonb_each(v_paths) e where v_next -> e.key = e.value) end;
  end loop;
  return v_paths;
end
$$;
comment on function parky_private.gam_paths_for(text[]) is
  'The metadata paths (path → JSON type) declared by every given activity type. PK310 for an unknown type.';

-- jsonpath accessor of a declared dot path; PK311 when it is not declared.
create function parky_private.gam_path(p_path text, p_paths jsonb) returns text
language plpgsql immutable
set search_path = ''
as $$
begin
  if p_path is null or p_path !~ '^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$' or not (p_paths ? p_path) then
    raise exception using errcode = 'PK311', message = format('unknown metadata path %s', coalesce(p_path, 'null')),
      hint = format('paths available here: %s', (select string_agg(k, ', ' order by k) from jsonb_object_keys(p_paths) k));
  end if;
  return '$' || (select string_agg('."' || s || '"', '' order by n) from unnest(string_to_array(p_path, '.')) with ordinality u(s, n));
end
$$;
comment on function parky_private.gam_path(text, jsonb) is 'jsonpath accessor ($."a"."b") of a declared dot path. Error PK311.';

-- A scalar JSON value as a jsonpath literal, checked against the path's type (PK313).
create function parky_private.gam_literal(p_value jsonb, p_type text, p_context text) returns text
language plpgsql immutable
set search_path = ''
as $$
begin
  if p_value is null or jsonb_typeof(p_value) not in ('string', 'number', 'boolean') or jsonb_typeof(p_value) <> p_type then
    raise exception using errcode = 'PK313',
      message = format('%s: value %s does not fit a %s path', p_context, coalesce(p_value::text, 'missing'), p_type);
  end if;
  return p_value::text;  -- JSON string escapes are jsonpath string escapes; numbers and booleans are literal
end
$$;
comment on function parky_private.gam_literal(jsonb, text, text) is 'A JSON scalar as a jsonpath literal of the path''s type. Error PK313.';

create function parky_private.gam_compile_predicate(p_node jsonb, p_paths jsonb) returns text
language plpgsql stable
set search_path = ''
as $$
declare
  v_op text;
  v_path text;
  v_type text;
  v_value jsonb;
  v_parts text[];
  v_key text;
begin
  if jsonb_typeof(p_node) is distinct from 'object' then
    raise exception using errcode = 'PK310', message = format('a predicate must be an object, got %s', coalesce(p_node::text, 'null'));
  end if;
  if p_node ?| array['all', 'any', 'not'] then
    if (select count(*) from jsonb_object_keys(p_node)) <> 1 then
      raise exception using errcode = 'PK310', message = format('all / any / not must be the only key of %s', p_node);
    end if;
    v_key := (select k from jsonb_object_keys(p_node) k);
    if v_key = 'not' then
      return '!(' || parky_private.gam_compile_predicate(p_node -> 'not', p_paths) || ')';
    end if;
    if jsonb_typeof(p_node -> v_key) <> 'array' or jsonb_array_length(p_node -> v_key) = 0 then
      raise exception using errcode = 'PK310', message = format('%s needs a non-empty array of predicates', v_key);
    end if;
    select array_agg(parky_private.gam_compile_predicate(e, p_paths) order by n) into v_parts
    from jsonb_array_elements(p_node -> v_key) with ordinality a(e, n);
    return '(' || array_to_string(v_parts, case v_key when 'all' then ' && ' else ' || ' end) || ')';
  end if;

  select k into v_key from jsonb_object_keys(p_node) k where k not in ('path', 'op', 'value') limit 1;
  if v_key is not null then
    raise exception using errcode = 'PK310', message = format('unknown key %s in predicate %s', v_key, p_node),
      hint = 'a predicate is {"path", "op", "value"} or {"all"|"any": [...]} or {"not": ...}';
  end if;
  v_op := p_node ->> 'op';
  v_path := parky_private.gam_path(p_node ->> 'path', p_paths);
  v_type := p_paths ->> (p_node ->> 'path');
  v_value := p_node -> 'value';
  case v_op
    when 'eq', 'ne' then
      if v_type = 'array' then
        raise exception using errcode = 'PK313', message = format('%s on the array path %s: use contains', v_op, p_node ->> 'path');
      end if;
      return v_path || case v_op when 'eq' then ' == ' else ' != ' end || parky_private.gam_literal(v_value, v_type, v_op);
    when 'gt', 'gte', 'lt', 'lte' then
      if v_type <> 'number' then
        raise exception using errcode = 'PK313', message = format('%s needs a number path; %s is %s', v_op, p_node ->> 'path', v_type);
      end if;
      return v_path || case v_op when 'gt' then ' > ' when 'gte' then ' >= ' when 'lt' then ' < ' else ' <= ' end
             || parky_private.gam_literal(v_value, 'number', v_op);
    when 'in' then
      if v_type = 'array' or jsonb_typeof(v_value) is distinct from 'array' or jsonb_array_length(v_value) = 0 then
        raise exception using errcode = 'PK313', message = format('in needs a scalar path and a non-empty array value (%s)', p_node);
      end if;
      select array_agg(v_path || ' == ' || parky_private.gam_literal(e, v_type, 'in') order by n) into v_parts
      from jsonb_array_elements(v_value) with ordinality a(e, n);
      return '(' || array_to_string(v_parts, ' || ') || ')';
    when 'exists' then
      if v_value is not null then
        raise exception using errcode = 'PK313', message = 'exists takes no value';
      end if;
      -- Two-valued: an error inside the filter drops the item, so a missing path is false.
      return 'exists($ ? (exists(@' || substr(v_path, 2) || ')))';
    when 'contains' then
      if v_type = 'array' then
        if jsonb_typeof(v_value) not in ('string', 'number') then
          raise exception using errcode = 'PK313', message = 'contains on an array path needs a string or number value';
        end if;
        return v_path || '[*] == ' || v_value::text;
      elsif v_type = 'string' then
        return v_path || ' like_regex ' || parky_private.gam_literal(v_value, 'string', 'contains') || ' flag "q"';
      end if;
      raise exception using errcode = 'PK313', message = format('contains needs an array or string path; %s is %s', p_node ->> 'path', v_type);
    else
      raise exception using errcode = 'PK312', message = format('unknown operator %s', coalesce(v_op, 'null')),
        hint = 'operators: eq, ne, gt, gte, lt, lte, in, exists, contains';
  end case;
end
$$;
comment on function parky_private.gam_compile_predicate(jsonb, jsonb) is
  'Validates a predicate against the declared paths and compiles it to strict jsonpath. Errors PK310, PK311, PK312, PK313.';

-- "HH:MM" → minutes after midnight (PK314).
create function parky_private.gam_minutes(p_time jsonb) returns int
language plpgsql immutable
set search_path = ''
as $$
begin
  if jsonb_typeof(p_time) is distinct from 'string' or p_time #>> '{}' !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' then
    raise exception using errcode = 'PK314', message = format('time_of_day needs "HH:MM" times, got %s', coalesce(p_time::text, 'null'));
  end if;
  return split_part(p_time #>> '{}', ':', 1)::int * 60 + split_part(p_time #>> '{}', ':', 2)::int;
end
$$;
comment on function parky_private.gam_minutes(jsonb) is '"HH:MM" to minutes after midnight. Error PK314.';

-- ---------------------------------------------------------------------------------------------
-- activity_types: eligibility compiled on save
create function parky_private.activity_types_before_write() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if exists (select from jsonb_each_text(new.metadata_paths) e
             where e.key !~ '^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$' or e.value not in ('string', 'number', 'boolean', 'array')) then
    raise exception using errcode = 'PK310', message = 'metadata_paths maps dot paths to string, number, boolean or array';
  end if;
  new.eligibility_path := case when new.eligibility is not null
    then ('strict ' || parky_private.gam_compile_predicate(new.eligibility, new.metadata_paths))::jsonpath end;
  new.updated_at := now();
  return new;
end
$$;
comment on function parky_private.activity_types_before_write() is
  'BEFORE INSERT/UPDATE trigger on activity_types: validates metadata_paths and compiles eligibility (PK310–PK313).';
create trigger activity_types_before_write_compile before insert or update on parky.activity_types
  for each row execute function parky_private.activity_types_before_write();

-- ---------------------------------------------------------------------------------------------
-- activity_exp_rules: condition and amount path compiled on save
create function parky_private.activity_exp_rules_before_write() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_paths jsonb := parky_private.gam_paths_for(array[new.activity_type]);
begin
  new.compiled_condition := case when new.condition is not null
    then ('strict ' || parky_private.gam_compile_predicate(new.condition, v_paths))::jsonpath end;
  new.compiled_amount_path := null;
  if new.amount_path is not null then
    perform parky_private.gam_path(new.amount_path, v_paths);
    if v_paths ->> new.amount_path <> 'number' then
      raise exception using errcode = 'PK315', message = format('amount_path %s is not a number path', new.amount_path);
    end if;
    new.compiled_amount_path := string_to_array(new.amount_path, '.');
  elsif new.amount is null then
    raise exception using errcode = 'PK315', message = 'an EXP rule needs amount or amount_path';
  end if;
  new.compiled_cap_key := case when new.cap_group is not null then 'group:' || new.cap_group
                               when new.daily_cap is not null then 'rule:' || new.id end;
  new.compiled_cap := coalesce((select g.daily_cap from parky.exp_cap_groups g where g.code = new.cap_group), new.daily_cap);
  return new;
end
$$;
comment on function parky_private.activity_exp_rules_before_write() is
  'BEFORE INSERT/UPDATE trigger on activity_exp_rules: validates and compiles condition and amount_path (PK310–PK313, PK315).';
create trigger activity_exp_rules_before_write_compile before insert or update on parky.activity_exp_rules
  for each row execute function parky_private.activity_exp_rules_before_write();

-- A cap group's new amount reaches its rules' compiled cap.
create function parky_private.exp_cap_groups_after_update() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  update parky.activity_exp_rules r set compiled_cap = new.daily_cap where r.cap_group = new.code;
  return null;
end
$$;
comment on function parky_private.exp_cap_groups_after_update() is
  'AFTER UPDATE trigger on exp_cap_groups: copies daily_cap into the compiled cap of the group''s rules.';
create trigger exp_cap_groups_after_update_compile after update of daily_cap on parky.exp_cap_groups
  for each row execute function parky_private.exp_cap_groups_after_update();

-- ---------------------------------------------------------------------------------------------
-- badge_definitions: validated, then compiled into badge_rules / badge_tiers
create function parky_private.badge_definitions_after_write() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  c jsonb := new.condition;
  v_types text[];
  v_paths jsonb;
  v_predicate jsonpath;
  v_minute_from int;
  v_minute_to int;
  v_agg text := c #>> '{aggregate,fn}';
  v_agg_path text;
  v_window text := coalesce(c #>> '{window,type}', 'lifetime');
  v_window_days int;
  v_key text;
  v_tier jsonb;
  v_prev numeric := 0;
begin
  if jsonb_typeof(c) is distinct from 'object' then
    raise exception using errcode = 'PK310', message = 'condition must be an object';
  end if;
  select k into v_key from jsonb_object_keys(c) k
  where k not in ('activity_types', 'where', 'time_of_day', 'days', 'aggregate', 'window') limit 1;
  if v_key is not null then
    raise exception using errcode = 'PK310', message = format('unknown key %s in the condition of badge %s', v_key, new.code),
      hint = 'keys: activity_types, where, time_of_day, days, aggregate, window';
  end if;
  if jsonb_typeof(c -> 'activity_types') is distinct from 'array'
     or exists (select from jsonb_array_elements(c -> 'activity_types') e where jsonb_typeof(e) <> 'string') then
    raise exception using errcode = 'PK310', message = 'activity_types must be an array of activity type codes';
  end if;
  v_types := array(select distinct e from jsonb_array_elements_text(c -> 'activity_types') e);
  v_paths := parky_private.gam_paths_for(v_types);
  if c ? 'where' then
    v_predicate := ('strict ' || parky_private.gam_compile_predicate(c -> 'where', v_paths))::jsonpath;
  end if;

  if c ? 'time_of_day' then
    v_minute_from := parky_private.gam_minutes(c #> '{time_of_day,from}');
    v_minute_to := parky_private.gam_minutes(c #> '{time_of_day,to}');
    if v_minute_from = v_minute_to then
      raise exception using errcode = 'PK314', message = 'time_of_day from and to must differ';
    end if;
  end if;
  if c ? 'days' and coalesce(c ->> 'days', '') <> all (array['weekday', 'weekend', 'holiday', 'weekend_or_holiday']) then
    raise exception using errcode = 'PK312', message = format('unknown days %s', c -> 'days'),
      hint = 'days: weekday, weekend, holiday, weekend_or_holiday';
  end if;

  if v_agg is null or v_agg not in ('count', 'sum', 'count_distinct', 'streak_days') then
    raise exception using errcode = 'PK312', message = format('unknown aggregate %s', coalesce(c -> 'aggregate', 'null')),
      hint = 'aggregate.fn: count, sum, count_distinct, streak_days';
  end if;
  if v_agg in ('sum', 'count_distinct') then
    v_agg_path := c #>> '{aggregate,path}';
    perform parky_private.gam_path(v_agg_path, v_paths);
    if v_agg = 'sum' and v_paths ->> v_agg_path <> 'number' then
      raise exception using errcode = 'PK313', message = format('sum needs a number path; %s is %s', v_agg_path, v_paths ->> v_agg_path);
    end if;
    if v_agg = 'count_distinct' and v_paths ->> v_agg_path not in ('string', 'number') then
      raise exception using errcode = 'PK313', message = format('count_distinct needs a string or number path; %s is %s', v_agg_path, v_paths ->> v_agg_path);
    end if;
  elsif c -> 'aggregate' ? 'path' then
    raise exception using errcode = 'PK310', message = format('%s takes no path', v_agg);
  end if;

  if v_window not in ('lifetime', 'day', 'week', 'month', 'rolling') then
    raise exception using errcode = 'PK312', message = format('unknown window %s', v_window),
      hint = 'window.type: lifetime, day, week, month, rolling';
  end if;
  if v_window = 'rolling' then
    v_window_days := case when jsonb_typeof(c #> '{window,days}') = 'number' then (c #>> '{window,days}')::numeric::int end;
    if v_window_days is null or v_window_days not between 1 and 366 or (c #>> '{window,days}')::numeric <> v_window_days then
      raise exception using errcode = 'PK314', message = 'a rolling window needs days: an integer 1..366';
    end if;
    if v_agg not in ('count', 'sum') then
      raise exception using errcode = 'PK314', message = format('a rolling window counts or sums, not %s', v_agg);
    end if;
  end if;
  if v_agg = 'streak_days' and v_window <> 'lifetime' then
    raise exception using errcode = 'PK314', message = 'streak_days runs over a lifetime window';
  end if;
  if new.repeatable and v_window not in ('day', 'week', 'month') then
    raise exception using errcode = 'PK314', message = 'a repeatable badge needs a day, week or month window';
  end if;
  if new.valid_from is not null and new.valid_to is not null and new.valid_from >= new.valid_to then
    raise exception using errcode = 'PK314', message = 'valid_from must be before valid_to';
  end if;

  if jsonb_typeof(new.tiers) is distinct from 'array' or jsonb_array_length(new.tiers) = 0 then
    raise exception using errcode = 'PK314', message = 'tiers must be a non-empty array';
  end if;
  for v_tier in select e from jsonb_array_elements(new.tiers) e loop
    if jsonb_typeof(v_tier) <> 'object' or jsonb_typeof(v_tier -> 'threshold') is distinct from 'number'
       or (v_tier ->> 'threshold')::numeric <= v_prev
       or jsonb_typeof(v_tier -> 'name') is distinct from 'string'
       or (v_tier ? 'exp' and (jsonb_typeof(v_tier -> 'exp') <> 'number' or (v_tier ->> 'exp')::numeric < 0
                               or (v_tier ->> 'exp')::numeric <> floor((v_tier ->> 'exp')::numeric)))
       or exists (select from jsonb_object_keys(v_tier) k where k not in ('name', 'threshold', 'exp', 'theme')) then
      raise exception using errcode = 'PK314', message = format('invalid tier %s', v_tier),
        hint = 'tiers: [{"name": text, "threshold": number increasing from > 0, "exp": integer >= 0, "theme": theme code}]';
    end if;
    if v_tier ? 'theme' and not exists (select from parky.themes t where t.code = v_tier ->> 'theme') then
      raise exception using errcode = 'PK314', message = format('unknown theme %s', v_tier -> 'theme');
    end if;
    v_prev := (v_tier ->> 'threshold')::numeric;
  end loop;

  delete from parky_private.badge_rules r where r.badge_id = new.id;
  delete from parky_private.badge_tiers t where t.badge_id = new.id;
  insert into parky_private.badge_tiers (badge_id, tier, name, threshold, exp, theme_code)
  select new.id, n::int, e ->> 'name', (e ->> 'threshold')::numeric, coalesce((e ->> 'exp')::int, 0), e ->> 'theme'
  from jsonb_array_elements(new.tiers) with ordinality a(e, n);
  if new.active then
    insert into parky_private.badge_rules (activity_type, badge_id, predicate, minute_from, minute_to, day_kind, agg, agg_path,
                                           window_kind, window_days, thresholds, valid_from, valid_to)
    select t, new.id, v_predicate, v_minute_from, v_minute_to, c ->> 'days', v_agg, string_to_array(v_agg_path, '.'),
           v_window, v_window_days, array(select (e ->> 'threshold')::numeric from jsonb_array_elements(new.tiers) e),
           new.valid_from, new.valid_to
    from unnest(v_types) t;
  end if;
  return null;
end
$$;
comment on function parky_private.badge_definitions_after_write() is
  'AFTER INSERT/UPDATE trigger on badge_definitions: validates the definition (PK310–PK314) and rebuilds its compiled rows in '
  'parky_private.badge_rules (active badges) and badge_tiers. Apply an edit to past events with parky.recompute_badge.';
create trigger badge_definitions_after_write_compile after insert or update on parky.badge_definitions
  for each row execute function parky_private.badge_definitions_after_write();
