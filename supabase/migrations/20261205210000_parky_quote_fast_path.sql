-- Parky: a short quote in one function (issue 4 item 7: a 3-hour quote at <= 3x a trivial call).
--
-- Purpose
--   PL/pgSQL initialises every distinct expression once per transaction (~0.45 us each), and a
--   quote is one transaction: what a short quote costs is the number of expressions, statements
--   and function entries on its path. quote_fee went through three functions (quote_fee,
--   lot_plan, fee_of_plan: ~60 expressions, three SET clauses, the plan passed as a composite).
--   Now the fast path of fee_of_plan (a stay that meets no window boundary, on a tariff whose
--   rules hold on every day type in a fixed-offset zone) is precomputed when the tariff is
--   compiled, per segment of the local day between two window boundaries: the winning rate rule,
--   its unit and price, the cap that applies, and the breakdown entries with their offsets.
--   parky_private.quote_fee reads those columns with the lot in one statement and prices such a
--   stay in about a dozen expressions; every other stay goes to fee_of_plan as before.
--
-- Visibility
--   The plan table is private (not granted to the API roles), so the one function that reads the
--   lot and its plan, parky_private.quote_fee, is security definer and applies the lots' read
--   policy itself: the predicate of parking_lots_select_anon / parking_lots_select_authenticated
--   for those roles (anon: live and not hidden; authenticated: also the lots one manages, and
--   every live lot for admins), every live lot for the other callers (service_role and the
--   owner bypass RLS). pgTAP 033 checks, for every lot state and role, that a quote answers
--   exactly when the caller sees the live lot, so the copy cannot drift unnoticed.
--   parky.quote_fee is the security invoker wrapper (one expression).
--
-- Objects
--   parky_private.lot_tariff_plans       + fast_* columns (null: no fast quotes for this tariff)
--   parky_private.fast_quote_table(plan)  the precomputation (pure)
--   parky_private.refresh_lot_tariff_plan(uuid) stores it (replaced); existing rows refreshed
--   parky_private.quote_fee(uuid, ts, ts) the quote: visibility, plan, fast path or fee_of_plan
--   parky.quote_fee                       replaced by a wrapper: same signature, result, errors
--
-- Errors: unchanged (PK102, PK201, PK202, PK215, the tariff's own PK001 / PK004-PK006).

alter table parky_private.lot_tariff_plans
  add column fast_since timestamptz,
  add column fast_zone text,
  add column fast_suffix text,
  add column fast_free bigint,
  add column fast_rolling bigint,
  add column fast_starts bigint[],
  add column fast_segments bigint[],
  add column fast_entries bigint[],
  add column fast_labels jsonb[];
comment on column parky_private.lot_tariff_plans.fast_since is
  'Fast quotes (quote_fee) for stays starting from this instant (the zone''s offset is fixed since then); null: none for this tariff. '
  'The fast_* columns are built by parky_private.fast_quote_table.';

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

select parky_private.refresh_lot_tariff_plan(p.parking_lot_id) from parky_private.lot_tariff_plans p;

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
