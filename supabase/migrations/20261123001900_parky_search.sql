-- Parky: nearby search and the lot detail in one call (read-only RPCs for anon and users).
--
-- Why the search runs in a security-definer function: under RLS, PostgreSQL may only use a
-- query's condition as an index condition when it is leakproof or the table has no lower-level
-- (policy) conditions. st_dwithin is not leakproof, so as anon/authenticated the GiST index would
-- only serve the `<->` ordering and st_dwithin would become a filter: a sparse area scans the
-- whole table (measured: 1.2 s on 200,000 lots). parky_private.search_nearby_lots therefore runs
-- as its owner and applies the public visibility rule itself (status new/active, not deleted:
-- stricter than RLS, which also shows closed lots), so st_dwithin is an index condition and
-- `order by location <-> point limit n` walks the index.
-- Why enable_bitmapscan = off on it: the planner underestimates how many lots st_dwithin keeps
-- (about 20 estimated for 550 real in a dense 1 km circle), so it prefers a bitmap scan of the
-- whole circle plus a sort (23 ms measured) over the ordered GiST scan that stops after `limit`
-- rows (0.6 ms). The ordered scan keeps st_dwithin as its index condition, so it never reads more
-- than the circle: forcing it is never worse.
--
-- Objects: parky_private.lot_is_open(uuid, text, timestamptz), parky_private.search_nearby_lots(...),
--          parky.nearby_parking_lots(...), parky.get_parking_lot(uuid).

-- Is the lot open at p_at (wall clock in p_timezone)? Rows of parking_lot_hours for the local
-- weekday, and the previous weekday's overnight rows spilling past midnight. A day with an
-- is_closed row is closed (its own rows do not open it). Lots without hours rows are not open.
create function parky_private.lot_is_open(p_lot_id uuid, p_timezone text, p_at timestamptz) returns boolean
language sql stable
set search_path = ''
as $$
  with t as (
    select (p_at at time zone p_timezone) as local_at
  ), d as (
    select t.local_at::time as tod,
           extract(dow from t.local_at)::int as dow,
           extract(dow from t.local_at - interval '1 day')::int as prev_dow
    from t
  )
  select exists (
    select from parky.parking_lot_hours h, d
    where h.parking_lot_id = p_lot_id
      and not h.is_closed
      and (
        (h.day_of_week = d.dow
         and not exists (select from parky.parking_lot_hours c
                         where c.parking_lot_id = p_lot_id and c.day_of_week = d.dow and c.is_closed)
         and (h.open_time = h.close_time
              or (h.open_time < h.close_time and d.tod >= h.open_time and d.tod < h.close_time)
              or (h.open_time > h.close_time and d.tod >= h.open_time)))
        or (h.day_of_week = d.prev_dow and h.open_time > h.close_time and d.tod < h.close_time)))
$$;
comment on function parky_private.lot_is_open(uuid, text, timestamptz) is
  'True when the lot''s hours (parking_lot_hours, weekday rows 0–6) cover p_at in p_timezone, overnight rows included. '
  'Public-holiday rows (7) are not applied yet: the holiday calendar comes with the fee engine.';
grant execute on function parky_private.lot_is_open(uuid, text, timestamptz) to anon, authenticated, service_role;

create function parky_private.search_nearby_lots(
  p_point extensions.geography,
  p_radius_m double precision,
  p_limit int,
  p_vehicle_height_m numeric,
  p_vehicle_width_m numeric,
  p_vehicle_length_m numeric,
  p_vehicle_weight_t numeric,
  p_vehicle_clearance_cm int,
  p_structures text[],
  p_entry_methods text[],
  p_tags text[],
  p_payment_methods text[],
  p_open_at timestamptz)
returns table (
  id uuid, name text, address text, prefecture text, city text, lat numeric, lng numeric,
  distance_m double precision, status text, structure text, entry_method text, total_spaces int,
  max_height_m numeric, max_width_m numeric, max_length_m numeric, max_weight_t numeric,
  min_clearance_cm int, rating_count int, rating_average numeric)
language sql stable
security definer
set search_path = ''
set enable_bitmapscan = off
as $$
  select l.id, l.name, l.address, l.prefecture, l.city, l.lat, l.lng,
         extensions.st_distance(l.location, p_point) as distance_m,
         l.status, l.structure, l.entry_method, l.total_spaces,
         l.max_height_m, l.max_width_m, l.max_length_m, l.max_weight_t, l.min_clearance_cm,
         l.rating_count, l.rating_average
  from parky.parking_lots l
  where extensions.st_dwithin(l.location, p_point, p_radius_m)
    and l.deleted_at is null
    and l.status in ('new', 'active')
    and (p_vehicle_height_m is null or l.max_height_m is null or l.max_height_m >= p_vehicle_height_m)
    and (p_vehicle_width_m is null or l.max_width_m is null or l.max_width_m >= p_vehicle_width_m)
    and (p_vehicle_length_m is null or l.max_length_m is null or l.max_length_m >= p_vehicle_length_m)
    and (p_vehicle_weight_t is null or l.max_weight_t is null or l.max_weight_t >= p_vehicle_weight_t)
    and (p_vehicle_clearance_cm is null or l.min_clearance_cm is null or l.min_clearance_cm <= p_vehicle_clearance_cm)
    and (p_structures is null or l.structure = any (p_structures))
    and (p_entry_methods is null or l.entry_method = any (p_entry_methods))
    and (p_tags is null or not exists (
          select from unnest(p_tags) as wanted(slug)
          where not exists (select from parky.parking_lot_tags lt join parky.tags t on t.id = lt.tag_id
                            where lt.parking_lot_id = l.id and t.slug = wanted.slug)))
    and (p_payment_methods is null or not exists (
          select from unnest(p_payment_methods) as wanted(method)
          where not exists (select from parky.parking_lot_payment_methods pm
                            where pm.parking_lot_id = l.id and pm.payment_method = wanted.method)))
    and (p_open_at is null or parky_private.lot_is_open(l.id, l.timezone, p_open_at))
  order by l.location operator(extensions.<->) p_point
  limit p_limit
$$;
comment on function parky_private.search_nearby_lots(extensions.geography, double precision, int, numeric, numeric, numeric,
                                                     numeric, int, text[], text[], text[], text[], timestamptz) is
  'The nearby search over publicly visible lots (status new or active, not deleted), by distance, using the GiST index. '
  'Security definer so that st_dwithin stays an index condition (see the migration header). Arguments are validated by parky.nearby_parking_lots.';
grant execute on function parky_private.search_nearby_lots(extensions.geography, double precision, int, numeric, numeric,
  numeric, numeric, int, text[], text[], text[], text[], timestamptz) to anon, authenticated, service_role;

-- Raises PK101 unless every value is an active code of the category (null arrays pass).
create function parky_private.assert_codes(p_category text, p_values text[]) returns void
language plpgsql stable
set search_path = ''
as $$
declare
  v_unknown text;
begin
  select v into v_unknown from unnest(p_values) as v
  where not exists (select from parky.codes c where c.category = p_category and c.code = v and c.active)
  limit 1;
  if found then
    raise exception using errcode = 'PK101', message = format('unknown code %L (category %s)', v_unknown, p_category),
      hint = 'use an active code of that category from parky.codes';
  end if;
end
$$;
comment on function parky_private.assert_codes(text, text[]) is 'Raises PK101 unless every value is an active code of the category.';
grant execute on function parky_private.assert_codes(text, text[]) to anon, authenticated, service_role;

create function parky.nearby_parking_lots(
  p_lat double precision,
  p_lng double precision,
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
  min_clearance_cm int, rating_count int, rating_average numeric)
language plpgsql stable
security invoker
set search_path = ''
as $$
declare
  v_unknown_tag text;
begin
  if p_lat is null or p_lng is null or p_lat not between -90 and 90 or p_lng not between -180 and 180 then
    raise exception using errcode = 'PK103', message = 'p_lat/p_lng must be a valid WGS 84 position';
  end if;
  if p_radius_m is null or p_radius_m <= 0 or p_radius_m > 50000 then
    raise exception using errcode = 'PK103', message = format('radius %s m is out of range', p_radius_m),
      hint = 'use a radius greater than 0 and at most 50,000 m';
  end if;
  if least(p_vehicle_height_m, p_vehicle_width_m, p_vehicle_length_m, p_vehicle_weight_t) <= 0
     or p_vehicle_clearance_cm < 0 then
    raise exception using errcode = 'PK103', message = 'vehicle dimensions must be positive';
  end if;
  perform parky_private.assert_codes('structure', p_structures);
  perform parky_private.assert_codes('entry_method', p_entry_methods);
  perform parky_private.assert_codes('payment_method', p_payment_methods);
  select s into v_unknown_tag from unnest(p_tags) as s
  where not exists (select from parky.tags t where t.slug = s and t.active) limit 1;
  if found then
    raise exception using errcode = 'PK101', message = format('unknown tag %L', v_unknown_tag),
      hint = 'use the slug of an active tag from parky.tags';
  end if;

  return query
  select * from parky_private.search_nearby_lots(
    extensions.st_setsrid(extensions.st_makepoint(p_lng, p_lat), 4326)::extensions.geography,
    p_radius_m, greatest(1, least(coalesce(p_limit, 20), 100)),
    p_vehicle_height_m, p_vehicle_width_m, p_vehicle_length_m, p_vehicle_weight_t, p_vehicle_clearance_cm,
    p_structures, p_entry_methods, p_tags, p_payment_methods, p_open_at);
end
$$;
comment on function parky.nearby_parking_lots(double precision, double precision, double precision, int, numeric, numeric,
                                              numeric, numeric, int, text[], text[], text[], text[], timestamptz) is
  'Visible lots (status new or active) within p_radius_m metres of (p_lat, p_lng), nearest first, with distance_m. '
  'p_limit is clamped to 1..100 (default 20). Filters: the vehicle fits (height/width/length/weight under the lot''s limits, '
  'ground clearance at least its minimum; unknown limits pass), structure and entry method (any of), tags and payment methods '
  '(all of), open at p_open_at. Errors: PK103 position, radius (0 < r <= 50,000 m) or dimensions out of range; '
  'PK101 unknown code or tag.';
grant execute on function parky.nearby_parking_lots(double precision, double precision, double precision, int, numeric, numeric,
  numeric, numeric, int, text[], text[], text[], text[], timestamptz) to anon, authenticated, service_role;

-- The lot detail: everything the lot screen shows, read under the caller's RLS.
create function parky.get_parking_lot(p_lot_id uuid) returns jsonb
language plpgsql stable
security invoker
set search_path = ''
as $$
declare
  v_lot jsonb;
  v_timezone text;
begin
  select jsonb_build_object(
           'id', l.id, 'name', l.name, 'address', l.address, 'prefecture', l.prefecture, 'city', l.city,
           'lat', l.lat, 'lng', l.lng, 'total_spaces', l.total_spaces, 'operating_hours', l.operating_hours,
           'structure', l.structure, 'entry_method', l.entry_method, 'max_height_m', l.max_height_m,
           'max_width_m', l.max_width_m, 'max_length_m', l.max_length_m, 'max_weight_t', l.max_weight_t,
           'min_clearance_cm', l.min_clearance_cm, 'description', l.description, 'status', l.status,
           'rating', jsonb_build_object('count', l.rating_count, 'average', l.rating_average),
           'tariff', jsonb_build_object('timezone', l.timezone, 'unit_boundary', l.unit_boundary, 'grace', l.grace),
           'updated_at', l.updated_at),
         l.timezone
    into v_lot, v_timezone
  from parky.parking_lots l
  where l.id = p_lot_id and l.deleted_at is null;
  if v_lot is null then
    raise exception using errcode = 'PK102', message = 'parking lot not found', hint = 'the lot does not exist, is hidden or was removed';
  end if;

  v_lot := v_lot
    || jsonb_build_object('images', coalesce((
         select jsonb_agg(jsonb_build_object('id', i.id, 'url', i.url, 'caption', i.caption) order by i.sort_order, i.created_at)
         from parky.parking_lot_images i where i.parking_lot_id = p_lot_id), '[]'::jsonb))
    || jsonb_build_object('tags', coalesce((
         select jsonb_agg(jsonb_build_object('slug', t.slug, 'name_ja', t.name_ja, 'name_en', t.name_en, 'kind', t.kind)
                          order by t.sort_order, t.slug)
         from parky.parking_lot_tags lt join parky.tags t on t.id = lt.tag_id where lt.parking_lot_id = p_lot_id), '[]'::jsonb))
    || jsonb_build_object('attributes', coalesce((
         select jsonb_object_agg(a.attribute_key, a.value) from parky.parking_lot_attributes a
         where a.parking_lot_id = p_lot_id), '{}'::jsonb))
    || jsonb_build_object('payment_methods', coalesce((
         select jsonb_agg(jsonb_build_object('payment_method', pm.payment_method, 'note', pm.note) order by c.sort_order)
         from parky.parking_lot_payment_methods pm
         left join parky.codes c on c.category = 'payment_method' and c.code = pm.payment_method
         where pm.parking_lot_id = p_lot_id), '[]'::jsonb))
    || jsonb_build_object('hours', coalesce((
         select jsonb_agg(jsonb_build_object('day_of_week', h.day_of_week, 'open_time', to_char(h.open_time, 'HH24:MI'),
                                             'close_time', to_char(h.close_time, 'HH24:MI'), 'is_closed', h.is_closed)
                          order by h.day_of_week, h.open_time)
         from parky.parking_lot_hours h where h.parking_lot_id = p_lot_id), '[]'::jsonb))
    || jsonb_build_object('open_now', parky_private.lot_is_open(p_lot_id, v_timezone, now()))
    || jsonb_build_object('pricing_rules', coalesce((
         select jsonb_agg(jsonb_build_object(
                  'day_of_week', to_jsonb(r.day_of_week), 'start_time', to_char(r.start_time, 'HH24:MI'),
                  'end_time', to_char(r.end_time, 'HH24:MI'), 'unit_minutes', r.unit_minutes, 'unit_price', r.unit_price,
                  'cap_minutes', r.cap_minutes, 'cap_price', r.cap_price, 'cap_repeat', r.cap_repeat,
                  'elapsed_from_minutes', r.elapsed_from_minutes, 'priority', r.priority)
                  order by r.priority desc, r.start_time)
         from parky.parking_lot_pricing_rules r where r.parking_lot_id = p_lot_id), '[]'::jsonb));

  if (select auth.uid()) is null then
    return v_lot || jsonb_build_object('saved', false);
  end if;
  return v_lot || jsonb_build_object('saved', exists (
    select from parky.user_saved_parkings s where s.parking_lot_id = p_lot_id and s.user_id = (select auth.uid())));
end
$$;
comment on function parky.get_parking_lot(uuid) is
  'The lot screen in one call: the lot, images, tags, attributes, payment methods, hours (+ open_now), pricing rules '
  '(the tariff JSON of pricing.md: tariff + pricing_rules), rating summary, and whether the caller saved it. '
  'Error PK102 when the lot does not exist, is hidden (to the caller) or was deleted.';
grant execute on function parky.get_parking_lot(uuid) to anon, authenticated, service_role;
