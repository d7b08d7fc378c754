-- Parky: a lot's tariff as JSON (pricing.md), its import and export, and fee quotes.
--
-- The tariff of a lot = its lot-level settings (timezone, unit_boundary, grace) + its rows of
-- parking_lot_pricing_rules. The same JSON is what parky.calculate_fee takes, what owners import
-- and export, and what a parking session snapshots at entry.
--
-- Errors (SQLSTATE):
--   PK102  parking lot not found (does not exist, hidden from the caller, or deleted)
--   PK201  the lot has no tariff
--   PK202  exit before entry
--   PK203  not allowed: only the lot's staff and admins replace a tariff
--   PK001  invalid tariff (parky.validate_tariff), PK002 stay longer than a year (calculate_fee)
--   PI400 / PI409  client_request_id missing / reused with other arguments
--
-- Objects: parky_private.lot_tariff(uuid), parky.get_lot_tariff(uuid), parky.replace_lot_tariff(uuid, uuid, jsonb),
--          parky.quote_fee(uuid, timestamptz, timestamptz), parky.nearby_parking_lots_with_fee(...).

-- The tariff JSON of a lot, or null when it has no pricing rules. Security invoker: the caller
-- sees the rules of the lots RLS lets them see.
create function parky_private.lot_tariff(p_lot_id uuid) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
           'timezone', l.timezone,
           'unit_boundary', l.unit_boundary,
           'grace', l.grace,
           'rules', rules.list)
  from parky.parking_lots l
  cross join lateral (
    select jsonb_agg(
             jsonb_build_object(
               'day_of_week', to_jsonb(r.day_of_week),
               'start_time', to_char(r.start_time, 'HH24:MI'),
               'end_time', to_char(r.end_time, 'HH24:MI'),
               'unit_minutes', r.unit_minutes,
               'unit_price', r.unit_price,
               'cap_minutes', r.cap_minutes,
               'cap_price', r.cap_price,
               'cap_repeat', r.cap_repeat,
               'priority', r.priority)
             || case when r.elapsed_from_minutes is null then '{}'::jsonb
                     else jsonb_build_object('elapsed_from_minutes', r.elapsed_from_minutes) end
             order by r.priority desc, r.start_time, r.id) as list
    from parky.parking_lot_pricing_rules r
    where r.parking_lot_id = l.id
  ) rules
  where l.id = p_lot_id and l.deleted_at is null and rules.list is not null
$$;
comment on function parky_private.lot_tariff(uuid) is
  'The lot''s tariff JSON (pricing.md) built from its settings and pricing rules; null without rules. Security invoker.';
grant execute on function parky_private.lot_tariff(uuid) to anon, authenticated, service_role;

-- Raises PK102 / PK201; returns the tariff of a lot the caller can see.
create function parky_private.require_lot_tariff(p_lot_id uuid) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_tariff jsonb;
begin
  if not exists (select from parky.parking_lots l where l.id = p_lot_id and l.deleted_at is null) then
    raise exception using errcode = 'PK102', message = 'parking lot not found',
      hint = 'the lot does not exist, is hidden or was removed';
  end if;
  v_tariff := parky_private.lot_tariff(p_lot_id);
  if v_tariff is null then
    raise exception using errcode = 'PK201', message = 'this parking lot has no tariff',
      hint = 'its owner has not published pricing rules yet';
  end if;
  return v_tariff;
end
$$;
comment on function parky_private.require_lot_tariff(uuid) is
  'The tariff of a lot visible to the caller. Errors: PK102 lot not found, PK201 no tariff.';
grant execute on function parky_private.require_lot_tariff(uuid) to anon, authenticated, service_role;

create function parky.get_lot_tariff(p_lot_id uuid) returns jsonb
language sql stable
security invoker
set search_path = ''
as $$
  select parky_private.require_lot_tariff(p_lot_id)
$$;
comment on function parky.get_lot_tariff(uuid) is
  'Exports a lot''s tariff as the JSON of pricing.md (the format replace_lot_tariff imports). '
  'Errors: PK102 lot not found or hidden, PK201 no tariff.';
grant execute on function parky.get_lot_tariff(uuid) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Import: replace a lot's tariff atomically, validated first.

create function parky.replace_lot_tariff(p_client_request_id uuid, p_lot_id uuid, p_tariff jsonb) returns jsonb
language plpgsql volatile
security invoker
set search_path = ''
as $$
declare
  v_replay jsonb;
  v_rules int;
begin
  v_replay := private.idempotency_begin('parky.replace_lot_tariff', p_client_request_id,
    jsonb_build_object('lot_id', p_lot_id, 'tariff', p_tariff));
  if v_replay is not null then
    return v_replay;
  end if;
  if not exists (select from parky.parking_lots l where l.id = p_lot_id and l.deleted_at is null) then
    raise exception using errcode = 'PK102', message = 'parking lot not found';
  end if;
  if not (select parky_private.can_manage_lot(p_lot_id)) then
    raise exception using errcode = 'PK203', message = 'only the lot''s staff and admins can change its tariff';
  end if;
  perform parky.validate_tariff(p_tariff);

  -- One writer at a time per lot: a concurrent import waits, then replaces this one whole.
  perform from parky.parking_lots l where l.id = p_lot_id for update;
  update parky.parking_lots
  set timezone = coalesce(p_tariff ->> 'timezone', 'Asia/Tokyo'),
      unit_boundary = coalesce(p_tariff ->> 'unit_boundary', 'unit_start'),
      grace = case when jsonb_typeof(p_tariff -> 'grace') = 'object' then p_tariff -> 'grace' end
  where id = p_lot_id;
  delete from parky.parking_lot_pricing_rules r where r.parking_lot_id = p_lot_id;
  insert into parky.parking_lot_pricing_rules (parking_lot_id, day_of_week, start_time, end_time, unit_minutes,
                                               unit_price, cap_minutes, cap_price, cap_repeat, elapsed_from_minutes, priority)
  select p_lot_id,
         array(select jsonb_array_elements_text(rule -> 'day_of_week')::int),
         (rule ->> 'start_time')::time,
         (rule ->> 'end_time')::time,
         (rule ->> 'unit_minutes')::int,
         (rule ->> 'unit_price')::int,
         (rule ->> 'cap_minutes')::int,
         (rule ->> 'cap_price')::int,
         coalesce((rule ->> 'cap_repeat')::boolean, true),
         (rule ->> 'elapsed_from_minutes')::int,
         coalesce((rule ->> 'priority')::int, 0)
  from jsonb_array_elements(p_tariff -> 'rules') as rule;
  get diagnostics v_rules = row_count;

  return private.idempotency_finish('parky.replace_lot_tariff', p_client_request_id,
    jsonb_build_object('parking_lot_id', p_lot_id, 'rules', v_rules, 'tariff', parky_private.lot_tariff(p_lot_id)));
end
$$;
comment on function parky.replace_lot_tariff(uuid, uuid, jsonb) is
  'Owner/admin portal: replaces the lot''s whole tariff (settings and rules) with the JSON of pricing.md, validated first; '
  'all or nothing. Returns {parking_lot_id, rules, tariff}. Errors: PK102 lot not found, PK203 not staff/admin, '
  'PK001 invalid tariff (the message names the rule and the problem), PI400, PI409.';
grant execute on function parky.replace_lot_tariff(uuid, uuid, jsonb) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Quotes

create function parky.quote_fee(p_lot_id uuid, p_started_at timestamptz, p_ended_at timestamptz) returns jsonb
language plpgsql stable
security invoker
set search_path = ''
as $$
begin
  if p_started_at is null or p_ended_at is null or p_ended_at < p_started_at then
    raise exception using errcode = 'PK202', message = 'the exit must not be before the entry';
  end if;
  return jsonb_build_object('parking_lot_id', p_lot_id, 'started_at', p_started_at, 'ended_at', p_ended_at)
         || parky.calculate_fee(parky_private.require_lot_tariff(p_lot_id), p_started_at, p_ended_at);
end
$$;
comment on function parky.quote_fee(uuid, timestamptz, timestamptz) is
  'The fee of a planned stay at a lot under its current tariff: {parking_lot_id, started_at, ended_at, amount, breakdown}. '
  'Errors: PK102 lot not found, PK201 no tariff, PK202 exit before entry, PK002 stay longer than a year.';
grant execute on function parky.quote_fee(uuid, timestamptz, timestamptz) to anon, authenticated, service_role;

-- Nearby search plus an estimated fee for a stay of p_stay_minutes starting at p_stay_start.
create function parky.nearby_parking_lots_with_fee(
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
  if p_stay_minutes is null or p_stay_minutes < 0 or p_stay_minutes > 366 * 1440 then
    raise exception using errcode = 'PK202', message = 'p_stay_minutes must be between 0 and 527040';
  end if;
  return query
  select n.*, case when t.tariff is not null then
           (parky.calculate_fee(t.tariff, p_stay_start, p_stay_start + make_interval(mins => p_stay_minutes)) ->> 'amount')::int
         end
  from parky.nearby_parking_lots(p_lat, p_lng, p_radius_m, p_limit, p_vehicle_height_m, p_vehicle_width_m,
                                 p_vehicle_length_m, p_vehicle_weight_t, p_vehicle_clearance_cm, p_structures,
                                 p_entry_methods, p_tags, p_payment_methods, p_open_at) n
  left join lateral (select parky_private.lot_tariff(n.id) as tariff) t on true
  order by n.distance_m;
end
$$;
comment on function parky.nearby_parking_lots_with_fee(double precision, double precision, int, timestamptz, double precision,
  int, numeric, numeric, numeric, numeric, int, text[], text[], text[], text[], timestamptz) is
  'parky.nearby_parking_lots (same filters, clamps and errors) plus estimated_fee: the yen for a stay of p_stay_minutes '
  'from p_stay_start under each lot''s current tariff (null for a lot without one). Extra error: PK202 bad stay length.';
grant execute on function parky.nearby_parking_lots_with_fee(double precision, double precision, int, timestamptz,
  double precision, int, numeric, numeric, numeric, numeric, int, text[], text[], text[], text[], timestamptz)
  to anon, authenticated, service_role;
