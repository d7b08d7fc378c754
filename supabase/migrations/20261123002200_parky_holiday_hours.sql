-- Parky: opening hours on public holidays.
--
-- On a public holiday (parky.public_holidays, seeded by the fee engine's migration) a lot that
-- has hours rows for day 7 opens by those rows instead of the weekday's; a lot without day-7
-- rows keeps its weekday hours. Overnight rows belong to the day they start on, as in tariffs.
--
-- Objects: parky_private.lot_day_type(uuid, date), parky_private.lot_is_open (replaced).

create function parky_private.lot_day_type(p_lot_id uuid, p_date date) returns int
language sql stable
set search_path = ''
as $$
  select case
    when exists (select from parky.public_holidays h where h.holiday_date = p_date)
     and exists (select from parky.parking_lot_hours x where x.parking_lot_id = p_lot_id and x.day_of_week = 7)
    then 7
    else extract(dow from p_date)::int
  end
$$;
comment on function parky_private.lot_day_type(uuid, date) is
  'The day of week whose hours rows apply to the lot on a local date: 7 on a public holiday when the lot has holiday rows.';
grant execute on function parky_private.lot_day_type(uuid, date) to anon, authenticated, service_role;

create or replace function parky_private.lot_is_open(p_lot_id uuid, p_timezone text, p_at timestamptz) returns boolean
language sql stable
set search_path = ''
as $$
  with t as (
    select (p_at at time zone p_timezone) as local_at
  ), d as (
    select t.local_at::time as tod,
           parky_private.lot_day_type(p_lot_id, t.local_at::date) as day_type,
           parky_private.lot_day_type(p_lot_id, (t.local_at - interval '1 day')::date) as prev_day_type
    from t
  )
  select exists (
    select from parky.parking_lot_hours h, d
    where h.parking_lot_id = p_lot_id
      and not h.is_closed
      and (
        (h.day_of_week = d.day_type
         and not exists (select from parky.parking_lot_hours c
                         where c.parking_lot_id = p_lot_id and c.day_of_week = d.day_type and c.is_closed)
         and (h.open_time = h.close_time
              or (h.open_time < h.close_time and d.tod >= h.open_time and d.tod < h.close_time)
              or (h.open_time > h.close_time and d.tod >= h.open_time)))
        or (h.day_of_week = d.prev_day_type and h.open_time > h.close_time and d.tod < h.close_time)))
$$;
comment on function parky_private.lot_is_open(uuid, text, timestamptz) is
  'True when the lot''s hours cover p_at in p_timezone, overnight rows included; on a public holiday the lot''s day-7 '
  'rows replace the weekday''s when it has any.';
