-- Parky test fixtures, loaded once (this file commits, like 000-test-helpers) for the Parky
-- suites that follow: tests.parky_fixture() builds, inside the calling test's transaction, the
-- cast of the RLS matrix and four lots far from the sample data (off Minamitorishima), and
-- tests.affected(sql) runs a statement as the current role and returns how many rows it touched.
--
-- Cast: pk_user, pk_other (app users), pk_owner (staff of lots A, hidden C, deleted D),
-- pk_owner2 (staff of lot B), pk_admin (platform admin).
-- Lots: A a…0a active, B a…0b active, C a…0c hidden, D a…0d soft-deleted.
begin;
set search_path = extensions, public;
select plan(2);

create or replace function tests.parky_fixture() returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform tests.create_supabase_user('pk_user', 'pk_user@example.com', null, '{"display_name": "User"}');
  perform tests.create_supabase_user('pk_other', 'pk_other@example.com', null, '{"display_name": "Other"}');
  perform tests.create_supabase_user('pk_owner', 'pk_owner@example.com', null, '{"display_name": "Owner"}');
  perform tests.create_supabase_user('pk_owner2', 'pk_owner2@example.com', null, '{"display_name": "Owner 2"}');
  perform tests.create_supabase_user('pk_admin', 'pk_admin@example.com', null, '{"display_name": "Admin"}');
  insert into parky.admins (user_id) values (tests.get_supabase_uid('pk_admin'));

  insert into parky.tags (slug, name_ja, name_en, kind) values
    ('test_station', 'テスト駅近', 'Test near station', 'area'),
    ('test_ev', 'テストEV', 'Test EV', 'feature');

  insert into parky.parking_lots (id, name, address, prefecture, city, location, total_spaces, structure, entry_method,
                                  max_height_m, max_width_m, max_length_m, max_weight_t, min_clearance_cm, status, source)
  values
    ('a0000000-0000-0000-0000-00000000000a', 'Lot A', 'A-1', 'tokyo', '小笠原村', 'SRID=4326;POINT(153.9800 24.2900)',
     20, 'flat', 'gate', 2.10, 1.90, 5.00, 2.50, 15, 'active', 'owner'),
    ('a0000000-0000-0000-0000-00000000000b', 'Lot B', 'B-1', 'tokyo', '小笠原村', 'SRID=4326;POINT(153.9850 24.2900)',
     8, 'multistory', 'flap', 1.55, 1.85, 4.80, 2.00, 10, 'active', 'owner'),
    ('a0000000-0000-0000-0000-00000000000c', 'Lot C (hidden)', 'C-1', 'tokyo', '小笠原村', 'SRID=4326;POINT(153.9810 24.2905)',
     5, 'flat', 'gate', null, null, null, null, null, 'hidden', 'owner'),
    ('a0000000-0000-0000-0000-00000000000d', 'Lot D (deleted)', 'D-1', 'tokyo', '小笠原村', 'SRID=4326;POINT(153.9805 24.2902)',
     5, 'flat', 'gate', null, null, null, null, null, 'active', 'owner');
  update parky.parking_lots set deleted_at = now() where id = 'a0000000-0000-0000-0000-00000000000d';

  insert into parky.parking_lot_staff (parking_lot_id, user_id, role) values
    ('a0000000-0000-0000-0000-00000000000a', tests.get_supabase_uid('pk_owner'), 'owner'),
    ('a0000000-0000-0000-0000-00000000000c', tests.get_supabase_uid('pk_owner'), 'owner'),
    ('a0000000-0000-0000-0000-00000000000d', tests.get_supabase_uid('pk_owner'), 'owner'),
    ('a0000000-0000-0000-0000-00000000000b', tests.get_supabase_uid('pk_owner2'), 'owner');

  insert into parky.parking_lot_images (parking_lot_id, url, sort_order) values
    ('a0000000-0000-0000-0000-00000000000a', 'https://images.parky.example/lots/a1.jpg', 1),
    ('a0000000-0000-0000-0000-00000000000c', 'https://images.parky.example/lots/c1.jpg', 1);
  insert into parky.parking_lot_tags (parking_lot_id, tag_id)
  select 'a0000000-0000-0000-0000-00000000000a', t.id from parky.tags t where t.slug in ('test_station', 'test_ev');
  insert into parky.parking_lot_tags (parking_lot_id, tag_id)
  select 'a0000000-0000-0000-0000-00000000000b', t.id from parky.tags t where t.slug = 'test_station';
  insert into parky.parking_lot_attributes (parking_lot_id, attribute_key, value) values
    ('a0000000-0000-0000-0000-00000000000a', 'ev_charger', '2'),
    ('a0000000-0000-0000-0000-00000000000a', 'covered', 'false');
  insert into parky.parking_lot_payment_methods (parking_lot_id, payment_method) values
    ('a0000000-0000-0000-0000-00000000000a', 'cash'),
    ('a0000000-0000-0000-0000-00000000000a', 'transit_ic'),
    ('a0000000-0000-0000-0000-00000000000b', 'cash');
  -- A: 24 h every day; B: 08:00–22:00 every day.
  insert into parky.parking_lot_hours (parking_lot_id, day_of_week, open_time, close_time)
  select 'a0000000-0000-0000-0000-00000000000a', d, '00:00', '00:00' from generate_series(0, 6) d;
  insert into parky.parking_lot_hours (parking_lot_id, day_of_week, open_time, close_time)
  select 'a0000000-0000-0000-0000-00000000000b', d, '08:00', '22:00' from generate_series(0, 6) d;
  insert into parky.parking_lot_pricing_rules (parking_lot_id, day_of_week, start_time, end_time, unit_minutes, unit_price,
                                               cap_price, priority) values
    ('a0000000-0000-0000-0000-00000000000a', '{0,1,2,3,4,5,6,7}', '08:00', '22:00', 30, 200, 1500, 1),
    ('a0000000-0000-0000-0000-00000000000a', '{0,1,2,3,4,5,6,7}', '22:00', '08:00', 60, 100, 400, 1);
end
$$;
comment on function tests.parky_fixture() is 'Parky tests: the RLS matrix cast and lots A–D (see the file header).';

create or replace function tests.affected(p_sql text) returns bigint
language plpgsql
set search_path = ''
as $$
declare
  v_count bigint;
begin
  execute p_sql;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;
comment on function tests.affected(text) is 'Runs a statement as the current role; returns the number of rows it affected.';

grant execute on function tests.affected(text) to anon, authenticated, service_role;

select has_function('tests', 'parky_fixture', 'tests.parky_fixture() is loaded');
select has_function('tests', 'affected', array['text'], 'tests.affected(text) is loaded');
select * from finish();
commit;
