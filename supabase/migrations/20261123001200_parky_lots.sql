-- Parky: parking lots, their sub-tables, tags, and lot staff (owner portal membership).
--
-- Visibility (RLS):
--   anon, app users   lots with status <> 'hidden' and deleted_at is null, and their sub-rows
--   lot staff         also their own hidden lots (not deleted ones); write lot data and sub-rows
--   admins            everything, soft-deleted lots included; create lots, assign staff, soft-delete
-- location (geography point) is the source of truth; lat/lng are generated from it.
-- rating_count/rating_sum/rating_average are derived from approved, live reviews (triggers in the
-- reviews migration) and never written by clients.
-- parking_lot_pricing_rules is the table only: its semantics belong to the fee engine (pricing.md),
-- which also reads the lot-level timezone, unit_boundary and grace.
--
-- Objects: parky.tags, parky.parking_lots, parky.parking_lot_staff, parky.parking_lot_images,
--          parky.parking_lot_tags, parky.parking_lot_attributes, parky.parking_lot_payment_methods,
--          parky.parking_lot_hours, parky.parking_lot_pricing_rules,
--          parky_private.managed_lot_ids(), parky_private.manages_lot(uuid), parky_private.can_manage_lot(uuid),
--          parky_private.parking_lots_guard(), parky_private.lot_images_check().

-- ---------------------------------------------------------------------------------------------
-- tags (master)
create table parky.tags (
  id bigint generated always as identity primary key,
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9_]*$'),
  name_ja text not null check (length(name_ja) between 1 and 50),
  name_en text not null check (length(name_en) between 1 and 50),
  kind text not null default 'feature',
  sort_order int not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
comment on table parky.tags is 'Tag master (e.g. near_station, ev, large_car): linked to lots by parking_lot_tags, used as search filters by slug.';
comment on column parky.tags.kind is 'tag_kind code.';
alter table parky.tags enable row level security;
revoke all on parky.tags from anon, authenticated;
grant select on parky.tags to anon, authenticated;
grant insert (slug, name_ja, name_en, kind, sort_order, active) on parky.tags to authenticated;
grant update (name_ja, name_en, kind, sort_order, active) on parky.tags to authenticated;
grant select, insert, update, delete on parky.tags to service_role;
create trigger tags_before_write_check_codes before insert or update on parky.tags
  for each row execute function parky_private.check_codes('kind', 'tag_kind');

-- ---------------------------------------------------------------------------------------------
-- parking_lots
create table parky.parking_lots (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  address text check (length(address) <= 300),
  prefecture text not null,
  city text check (length(city) <= 100),
  location extensions.geography(point, 4326) not null,
  lat numeric(9, 6) generated always as (round(extensions.st_y(location::extensions.geometry)::numeric, 6)) stored,
  lng numeric(9, 6) generated always as (round(extensions.st_x(location::extensions.geometry)::numeric, 6)) stored,
  total_spaces int check (total_spaces >= 0),
  operating_hours text check (length(operating_hours) <= 200),
  structure text,
  entry_method text,
  max_height_m numeric(4, 2) check (max_height_m > 0),
  max_width_m numeric(4, 2) check (max_width_m > 0),
  max_length_m numeric(4, 2) check (max_length_m > 0),
  max_weight_t numeric(5, 2) check (max_weight_t > 0),
  min_clearance_cm int check (min_clearance_cm >= 0),
  description text check (length(description) <= 4000),
  status text not null default 'new',
  source text not null default 'admin',
  timezone text not null default 'Asia/Tokyo'
    check ((timestamptz '2000-01-01 00:00+00' at time zone timezone) is not null),
  unit_boundary text not null default 'unit_start' check (unit_boundary in ('unit_start', 'split')),
  grace jsonb check (grace is null or (
    jsonb_typeof(grace) = 'object'
    and grace ->> 'mode' in ('free_if_within', 'first_free')
    and jsonb_typeof(grace -> 'minutes') = 'number'
    and (grace ->> 'minutes')::numeric between 1 and 1440)),
  rating_count int not null default 0 check (rating_count >= 0),
  rating_sum int not null default 0 check (rating_sum >= 0),
  rating_average numeric(3, 2) generated always as
    (case when rating_count > 0 then round(rating_sum::numeric / rating_count, 2) end) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
comment on table parky.parking_lots is
  'A parking lot. Visible to the app when status <> hidden and not soft-deleted; managed by its staff (owner portal) and admins.';
comment on column parky.parking_lots.location is 'WGS 84 point; the source of truth for lat/lng and for nearby search (GiST index).';
comment on column parky.parking_lots.lat is 'Display copy of the latitude, generated from location.';
comment on column parky.parking_lots.lng is 'Display copy of the longitude, generated from location.';
comment on column parky.parking_lots.prefecture is 'prefecture code (tokyo, kanagawa, …): badges count distinct prefectures.';
comment on column parky.parking_lots.city is 'City or ward as shown in Japanese, e.g. 渋谷区.';
comment on column parky.parking_lots.operating_hours is 'Free-text summary; the detail lives in parking_lot_hours.';
comment on column parky.parking_lots.structure is 'structure code: flat, multistory, underground, mechanical, tower.';
comment on column parky.parking_lots.entry_method is 'entry_method code: gate, flap, barrier_free, camera, attendant.';
comment on column parky.parking_lots.status is 'lot_status code: new, active, hidden, closed. Set by staff and admins.';
comment on column parky.parking_lots.source is 'lot_source code: where the data came from. Set on insert.';
comment on column parky.parking_lots.timezone is 'Tariff time zone (fee engine): wall-clock rules are read here.';
comment on column parky.parking_lots.unit_boundary is 'Fee engine: unit_start (a unit runs at the price of its start) or split.';
comment on column parky.parking_lots.grace is 'Fee engine: null or {"minutes": n, "mode": "free_if_within" | "first_free"}.';
comment on column parky.parking_lots.rating_count is 'Approved, live reviews. Derived by triggers; not client-writable.';
comment on column parky.parking_lots.rating_sum is 'Sum of their ratings. Derived by triggers; not client-writable.';
comment on column parky.parking_lots.deleted_at is 'Soft delete (admins): the lot disappears from every client read path and from search.';

alter table parky.parking_lots enable row level security;
revoke all on parky.parking_lots from anon, authenticated;
grant select (id, name, address, prefecture, city, location, lat, lng, total_spaces, operating_hours, structure,
              entry_method, max_height_m, max_width_m, max_length_m, max_weight_t, min_clearance_cm, description,
              status, source, timezone, unit_boundary, grace, rating_count, rating_average,
              created_at, updated_at, deleted_at)
  on parky.parking_lots to anon, authenticated;
grant insert (id, name, address, prefecture, city, location, total_spaces, operating_hours, structure, entry_method,
              max_height_m, max_width_m, max_length_m, max_weight_t, min_clearance_cm, description, status, source,
              timezone, unit_boundary, grace)
  on parky.parking_lots to authenticated;
grant update (name, address, prefecture, city, location, total_spaces, operating_hours, structure, entry_method,
              max_height_m, max_width_m, max_length_m, max_weight_t, min_clearance_cm, description, status,
              timezone, unit_boundary, grace, deleted_at)
  on parky.parking_lots to authenticated;
grant select, insert, update, delete on parky.parking_lots to service_role;

create index parking_lots_location_gist on parky.parking_lots using gist (location);
create index parking_lots_status_idx on parky.parking_lots (status) where deleted_at is null;
create index parking_lots_prefecture_idx on parky.parking_lots (prefecture);

create trigger parking_lots_before_update_set_updated_at before update on parky.parking_lots
  for each row execute function parky_private.set_updated_at();
create trigger parking_lots_before_write_check_codes before insert or update on parky.parking_lots
  for each row execute function parky_private.check_codes(
    'status', 'lot_status', 'source', 'lot_source', 'structure', 'structure',
    'entry_method', 'entry_method', 'prefecture', 'prefecture');

-- ---------------------------------------------------------------------------------------------
-- parking_lot_staff (owner portal membership)
create table parky.parking_lot_staff (
  parking_lot_id uuid not null references parky.parking_lots (id) on delete cascade,
  user_id uuid not null references parky.app_users (id) on delete cascade,
  role text not null default 'owner',
  created_at timestamptz not null default now(),
  constraint parking_lot_staff_pkey primary key (parking_lot_id, user_id)
);
comment on table parky.parking_lot_staff is
  'Who manages a lot in the owner portal (role staff_role: owner or staff; both manage the lot''s data). Assigned by admins.';
create index parking_lot_staff_user_id_idx on parky.parking_lot_staff (user_id);
alter table parky.parking_lot_staff enable row level security;
revoke all on parky.parking_lot_staff from anon, authenticated;
grant select on parky.parking_lot_staff to authenticated;
grant insert (parking_lot_id, user_id, role) on parky.parking_lot_staff to authenticated;
grant update (role) on parky.parking_lot_staff to authenticated;
grant delete on parky.parking_lot_staff to authenticated;
grant select, insert, update, delete on parky.parking_lot_staff to service_role;
create trigger parking_lot_staff_before_write_check_codes before insert or update on parky.parking_lot_staff
  for each row execute function parky_private.check_codes('role', 'staff_role');

-- ---------------------------------------------------------------------------------------------
-- Helpers: which lots the caller manages.

create function parky_private.managed_lot_ids() returns setof uuid
language sql stable
security definer
set search_path = ''
as $$
  select s.parking_lot_id
  from parky.parking_lot_staff s
  join parky.parking_lots l on l.id = s.parking_lot_id
  where s.user_id = (select auth.uid()) and l.deleted_at is null
$$;
comment on function parky_private.managed_lot_ids() is
  'Ids of the live lots the caller is staff of. For policies: parking_lot_id in (select parky_private.managed_lot_ids()).';

create function parky_private.manages_lot(p_lot_id uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select from parky.parking_lot_staff s join parky.parking_lots l on l.id = s.parking_lot_id
    where s.parking_lot_id = p_lot_id and s.user_id = (select auth.uid()) and l.deleted_at is null)
$$;
comment on function parky_private.manages_lot(uuid) is 'True when the caller is staff of the live lot p_lot_id.';

-- Write access to a lot's data: an active admin, or active staff of the live lot.
create function parky_private.can_manage_lot(p_lot_id uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select (select parky_private.is_admin())
      or ((select parky_private.can_write()) and parky_private.manages_lot(p_lot_id))
$$;
comment on function parky_private.can_manage_lot(uuid) is
  'True when the caller may change the lot''s data: an active admin, or active (not suspended) staff of the live lot.';

grant execute on function parky_private.managed_lot_ids(), parky_private.manages_lot(uuid),
  parky_private.can_manage_lot(uuid) to authenticated, service_role;

-- Only admins (or the service role) soft-delete or restore a lot.
create function parky_private.parking_lots_guard() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.deleted_at is distinct from old.deleted_at and (select auth.uid()) is not null
     and not (select parky_private.is_admin()) then
    raise exception using errcode = 'PK107', message = 'only an admin can delete or restore a parking lot',
      hint = 'set status to hidden or closed instead';
  end if;
  return new;
end
$$;
comment on function parky_private.parking_lots_guard() is
  'BEFORE UPDATE trigger: deleted_at changes only by admins or the service role (PK107).';
create trigger parking_lots_before_update_guard before update on parky.parking_lots
  for each row execute function parky_private.parking_lots_guard();

-- parking_lots policies
-- parking_lots_select_anon: the public catalogue.
create policy parking_lots_select_anon on parky.parking_lots for select to anon
  using (status <> 'hidden' and deleted_at is null);
-- parking_lots_select_authenticated: the public catalogue, plus one's own hidden lots, plus everything for admins.
create policy parking_lots_select_authenticated on parky.parking_lots for select to authenticated
  using ((deleted_at is null and (status <> 'hidden' or id in (select parky_private.managed_lot_ids())))
         or (select parky_private.is_admin()));
-- parking_lots_insert_authenticated: admins create lots (and assign staff).
create policy parking_lots_insert_authenticated on parky.parking_lots for insert to authenticated
  with check ((select parky_private.is_admin()));
-- parking_lots_update_authenticated: active staff edit their live lots; admins edit any.
create policy parking_lots_update_authenticated on parky.parking_lots for update to authenticated
  using ((select parky_private.is_admin())
         or ((select parky_private.can_write()) and id in (select parky_private.managed_lot_ids())))
  with check ((select parky_private.is_admin())
              or ((select parky_private.can_write()) and id in (select parky_private.managed_lot_ids())));

-- parking_lot_staff policies
-- parking_lot_staff_select_authenticated: one's own memberships, the staff of lots one manages, all for admins.
create policy parking_lot_staff_select_authenticated on parky.parking_lot_staff for select to authenticated
  using (user_id = (select auth.uid()) or parking_lot_id in (select parky_private.managed_lot_ids())
         or (select parky_private.is_admin()));
-- parking_lot_staff_insert/update/delete_authenticated: admins assign staff.
create policy parking_lot_staff_insert_authenticated on parky.parking_lot_staff for insert to authenticated
  with check ((select parky_private.is_admin()));
create policy parking_lot_staff_update_authenticated on parky.parking_lot_staff for update to authenticated
  using ((select parky_private.is_admin())) with check ((select parky_private.is_admin()));
create policy parking_lot_staff_delete_authenticated on parky.parking_lot_staff for delete to authenticated
  using ((select parky_private.is_admin()));

-- tags policies
-- tags_select_anon / tags_select_authenticated: the master is public.
create policy tags_select_anon on parky.tags for select to anon using (true);
create policy tags_select_authenticated on parky.tags for select to authenticated using (true);
-- tags_insert/update_authenticated: admins maintain it.
create policy tags_insert_authenticated on parky.tags for insert to authenticated
  with check ((select parky_private.is_admin()));
create policy tags_update_authenticated on parky.tags for update to authenticated
  using ((select parky_private.is_admin())) with check ((select parky_private.is_admin()));

-- ---------------------------------------------------------------------------------------------
-- Sub-tables of a lot. Each: readable where the lot is (the lot's own policy decides, through
-- the exists subquery), writable by whoever may manage the lot.

create table parky.parking_lot_images (
  id uuid primary key default gen_random_uuid(),
  parking_lot_id uuid not null references parky.parking_lots (id) on delete cascade,
  url text not null,
  caption text check (length(caption) <= 200),
  sort_order int not null default 0,
  created_at timestamptz not null default now()
);
comment on table parky.parking_lot_images is 'Photos of a lot (https URLs on an allowed image host), in sort_order.';
create index parking_lot_images_parking_lot_id_idx on parky.parking_lot_images (parking_lot_id, sort_order);

create table parky.parking_lot_tags (
  parking_lot_id uuid not null references parky.parking_lots (id) on delete cascade,
  tag_id bigint not null references parky.tags (id) on delete cascade,
  created_at timestamptz not null default now(),
  constraint parking_lot_tags_pkey primary key (parking_lot_id, tag_id)
);
comment on table parky.parking_lot_tags is 'Tags of a lot (search filters).';
create index parking_lot_tags_tag_id_idx on parky.parking_lot_tags (tag_id);

create table parky.parking_lot_attributes (
  parking_lot_id uuid not null references parky.parking_lots (id) on delete cascade,
  attribute_key text not null,
  value jsonb not null check (jsonb_typeof(value) in ('boolean', 'number', 'string')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint parking_lot_attributes_pkey primary key (parking_lot_id, attribute_key)
);
comment on table parky.parking_lot_attributes is
  'Typed key/values of a lot (EV charger count, covered, height-limit note…); keys are lot_attribute codes.';
comment on column parky.parking_lot_attributes.value is 'A JSON boolean, number or string.';
create trigger parking_lot_attributes_before_write_check_codes before insert or update on parky.parking_lot_attributes
  for each row execute function parky_private.check_codes('attribute_key', 'lot_attribute');
create trigger parking_lot_attributes_before_update_set_updated_at before update on parky.parking_lot_attributes
  for each row execute function parky_private.set_updated_at();

create table parky.parking_lot_payment_methods (
  parking_lot_id uuid not null references parky.parking_lots (id) on delete cascade,
  payment_method text not null,
  note text check (length(note) <= 200),
  created_at timestamptz not null default now(),
  constraint parking_lot_payment_methods_pkey primary key (parking_lot_id, payment_method)
);
comment on table parky.parking_lot_payment_methods is 'Accepted payment methods of a lot (payment_method codes).';
create index parking_lot_payment_methods_method_idx on parky.parking_lot_payment_methods (payment_method);
create trigger parking_lot_payment_methods_before_write_check_codes before insert or update on parky.parking_lot_payment_methods
  for each row execute function parky_private.check_codes('payment_method', 'payment_method');

create table parky.parking_lot_hours (
  id uuid primary key default gen_random_uuid(),
  parking_lot_id uuid not null references parky.parking_lots (id) on delete cascade,
  day_of_week smallint not null check (day_of_week between 0 and 7),
  open_time time not null default '00:00',
  close_time time not null default '00:00',
  is_closed boolean not null default false,
  created_at timestamptz not null default now(),
  constraint parking_lot_hours_unique unique (parking_lot_id, day_of_week, open_time)
);
comment on table parky.parking_lot_hours is
  'Opening hours per weekday (0 = Sunday … 6 = Saturday, 7 = public holiday) in the lot''s time zone. '
  'close_time <= open_time runs past midnight into the next day; equal means 24 hours. '
  'is_closed marks a day closed. On a public holiday, rows for 7 replace the weekday''s rows when the lot has any.';
comment on column parky.parking_lot_hours.is_closed is 'The lot is closed on that day (open/close ignored).';

create table parky.parking_lot_pricing_rules (
  id uuid primary key default gen_random_uuid(),
  parking_lot_id uuid not null references parky.parking_lots (id) on delete cascade,
  day_of_week int[] not null check (cardinality(day_of_week) > 0 and day_of_week <@ array[0, 1, 2, 3, 4, 5, 6, 7]),
  start_time time not null,
  end_time time not null,
  unit_minutes int check (unit_minutes > 0),
  unit_price int check (unit_price >= 0),
  cap_minutes int check (cap_minutes > 0),
  cap_price int check (cap_price >= 0),
  cap_repeat boolean not null default true,
  elapsed_from_minutes int check (elapsed_from_minutes >= 0),
  priority int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint parking_lot_pricing_rules_rate_pair check ((unit_minutes is null) = (unit_price is null)),
  constraint parking_lot_pricing_rules_rate_or_cap check (unit_minutes is not null or cap_price is not null),
  constraint parking_lot_pricing_rules_cap_window check (cap_minutes is null or cap_price is not null),
  constraint parking_lot_pricing_rules_elapsed_rate_only check (elapsed_from_minutes is null or unit_minutes is not null)
);
comment on table parky.parking_lot_pricing_rules is
  'Tariff rules of a lot in the JSON tariff shape of pricing.md (rate rules and cap-only rules). Semantics: the fee engine.';
comment on column parky.parking_lot_pricing_rules.day_of_week is '0 = Sunday … 6 = Saturday, 7 = public holiday.';
comment on column parky.parking_lot_pricing_rules.start_time is 'Daily window [start, end); end <= start wraps past midnight; equal is 24 h.';
comment on column parky.parking_lot_pricing_rules.unit_minutes is 'Rate rule: yen unit_price per started unit_minutes. Null with unit_price for a cap-only rule.';
comment on column parky.parking_lot_pricing_rules.cap_minutes is 'Null: the cap applies per window occurrence; set: rolling windows of that length from entry.';
comment on column parky.parking_lot_pricing_rules.cap_repeat is 'True: every cap window is capped; false: only the first (1回限り).';
comment on column parky.parking_lot_pricing_rules.elapsed_from_minutes is 'Rate rules only: applies to units starting at least this long after the sequence start.';
comment on column parky.parking_lot_pricing_rules.priority is 'Larger wins where rate rules overlap.';
create index parking_lot_pricing_rules_parking_lot_id_idx on parky.parking_lot_pricing_rules (parking_lot_id);
create index parking_lot_hours_parking_lot_id_idx on parky.parking_lot_hours (parking_lot_id, day_of_week);
create trigger parking_lot_pricing_rules_before_update_set_updated_at before update on parky.parking_lot_pricing_rules
  for each row execute function parky_private.set_updated_at();

-- Lot images: allowed URL (PK106).
create function parky_private.lot_images_check() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform parky_private.check_image_urls(array[new.url]);
  return new;
end
$$;
comment on function parky_private.lot_images_check() is 'BEFORE INSERT/UPDATE trigger: the image URL is https on an allowed host (PK106).';
create trigger parking_lot_images_before_write_check_url before insert or update of url on parky.parking_lot_images
  for each row execute function parky_private.lot_images_check();

-- Grants and policies of the sub-tables, generated the same way for each.
do $$
declare
  v_table text;
  v_columns text;
  v_updatable text;
begin
  for v_table, v_columns, v_updatable in values
    ('parking_lot_images', 'parking_lot_id, url, caption, sort_order', 'url, caption, sort_order'),
    ('parking_lot_tags', 'parking_lot_id, tag_id', null),
    ('parking_lot_attributes', 'parking_lot_id, attribute_key, value', 'value'),
    ('parking_lot_payment_methods', 'parking_lot_id, payment_method, note', 'note'),
    ('parking_lot_hours', 'parking_lot_id, day_of_week, open_time, close_time, is_closed', 'open_time, close_time, is_closed'),
    ('parking_lot_pricing_rules',
     'parking_lot_id, day_of_week, start_time, end_time, unit_minutes, unit_price, cap_minutes, cap_price, cap_repeat, elapsed_from_minutes, priority',
     'day_of_week, start_time, end_time, unit_minutes, unit_price, cap_minutes, cap_price, cap_repeat, elapsed_from_minutes, priority')
  loop
    execute format('alter table parky.%I enable row level security', v_table);
    execute format('revoke all on parky.%I from anon, authenticated', v_table);
    execute format('grant select on parky.%I to anon, authenticated', v_table);
    execute format('grant insert (%s) on parky.%I to authenticated', v_columns, v_table);
    if v_updatable is not null then
      execute format('grant update (%s) on parky.%I to authenticated', v_updatable, v_table);
    end if;
    execute format('grant delete on parky.%I to authenticated', v_table);
    execute format('grant select, insert, update, delete on parky.%I to service_role', v_table);
    execute format($p$create policy %1$s on parky.%2$I for select to anon
      using (exists (select from parky.parking_lots l where l.id = parking_lot_id))$p$, v_table || '_select_anon', v_table);
    execute format($p$create policy %1$s on parky.%2$I for select to authenticated
      using (exists (select from parky.parking_lots l where l.id = parking_lot_id))$p$, v_table || '_select_authenticated', v_table);
    execute format($p$create policy %1$s on parky.%2$I for insert to authenticated
      with check ((select parky_private.is_admin())
                  or ((select parky_private.can_write()) and parking_lot_id in (select parky_private.managed_lot_ids())))$p$,
      v_table || '_insert_authenticated', v_table);
    if v_updatable is not null then
      execute format($p$create policy %1$s on parky.%2$I for update to authenticated
        using ((select parky_private.is_admin())
               or ((select parky_private.can_write()) and parking_lot_id in (select parky_private.managed_lot_ids())))
        with check ((select parky_private.is_admin())
               or ((select parky_private.can_write()) and parking_lot_id in (select parky_private.managed_lot_ids())))$p$,
        v_table || '_update_authenticated', v_table);
    end if;
    execute format($p$create policy %1$s on parky.%2$I for delete to authenticated
      using ((select parky_private.is_admin())
             or ((select parky_private.can_write()) and parking_lot_id in (select parky_private.managed_lot_ids())))$p$,
      v_table || '_delete_authenticated', v_table);
    execute format('comment on policy %I on parky.%I is %L', v_table || '_select_anon', v_table,
      'Rows of lots the caller can see (the parking_lots policy decides).');
    execute format('comment on policy %I on parky.%I is %L', v_table || '_select_authenticated', v_table,
      'Rows of lots the caller can see (the parking_lots policy decides).');
    execute format('comment on policy %I on parky.%I is %L', v_table || '_insert_authenticated', v_table,
      'Admins, and active staff of the live lot.');
    execute format('comment on policy %I on parky.%I is %L', v_table || '_delete_authenticated', v_table,
      'Admins, and active staff of the live lot.');
  end loop;
end
$$;
