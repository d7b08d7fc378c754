-- Parky foundation: the codes master and its validation, sign-up, and the constraints of the
-- lot, user-data and subscription tables.
begin;
set search_path = extensions, public;
select plan(56);

-- ---------------------------------------------------------------------------------------------
-- Tables exist
select has_table('parky', t, 'parky.' || t || ' exists')
from unnest(array['codes', 'app_users', 'admins', 'parking_lots', 'parking_lot_staff', 'parking_lot_images',
                  'parking_lot_tags', 'parking_lot_attributes', 'parking_lot_payment_methods', 'parking_lot_hours',
                  'parking_lot_pricing_rules', 'tags', 'user_saved_parkings', 'user_push_tokens',
                  'user_notifications', 'user_activity_logs', 'subscription_plans', 'user_subscriptions']) t;

-- Every category the seed names has codes, stored lowercase
select is((select count(distinct category) from parky.codes
           where category in ('user_status', 'vehicle_type', 'session_status', 'notif_type', 'notif_status',
                              'notif_target', 'device_type')), 7::bigint, 'the seed''s seven code categories exist');
select is((select count(*) from parky.codes where code <> lower(code)), 0::bigint, 'codes are lowercase');
select is((select count(*) from parky.codes where category = 'prefecture'), 47::bigint, '47 prefectures');

-- ---------------------------------------------------------------------------------------------
-- Sign-up creates the app user
select tests.create_supabase_user('u1', 'u1@example.com', null, '{"display_name": "Taro", "locale": "en"}');
select tests.create_supabase_user('u2', 'u2@example.com', null, '{"locale": "xx"}');
select results_eq(
  $$ select display_name, email, status, locale, premium from parky.app_users where id = tests.get_supabase_uid('u1') $$,
  $$ values ('Taro', 'u1@example.com', 'active', 'en', false) $$,
  'sign-up creates app_users with the metadata''s name and locale');
select results_eq(
  $$ select display_name, locale from parky.app_users where id = tests.get_supabase_uid('u2') $$,
  $$ values ('Parky user', 'ja') $$,
  'defaults: a neutral display name (never the e-mail) and ja for an unknown locale');
update auth.users set email = 'new-u1@example.com' where id = tests.get_supabase_uid('u1');
select is((select email from parky.app_users where id = tests.get_supabase_uid('u1')), 'new-u1@example.com',
          'an e-mail change in auth follows into app_users');

-- ---------------------------------------------------------------------------------------------
-- Code validation
insert into parky.parking_lots (id, name, prefecture, location, structure, entry_method, status)
values ('10000000-0000-0000-0000-000000000001', 'Lot A', 'tokyo', 'SRID=4326;POINT(139.7005 35.6595)', 'flat', 'gate', 'active');

select throws_ok($$ insert into parky.parking_lots (name, prefecture, location, status)
                    values ('x', 'tokyo', 'SRID=4326;POINT(139.7 35.6)', 'bogus') $$,
                 'PK101', null, 'an unknown status code is rejected with PK101');
select throws_ok($$ insert into parky.parking_lots (name, prefecture, location, structure)
                    values ('x', 'tokyo', 'SRID=4326;POINT(139.7 35.6)', 'gate') $$,
                 'PK101', null, 'a code of another category is rejected');
select throws_ok($$ update parky.parking_lots set prefecture = 'atlantis' where id = '10000000-0000-0000-0000-000000000001' $$,
                 'PK101', null, 'updates are validated too');
select throws_ok($$ update parky.app_users set vehicle_type = 'Sedan' where id = tests.get_supabase_uid('u1') $$,
                 'PK101', null, 'codes are case-sensitive lowercase values');

update parky.codes set active = false where category = 'structure' and code = 'flat';
select throws_ok($$ insert into parky.parking_lots (name, prefecture, location, structure)
                    values ('x', 'tokyo', 'SRID=4326;POINT(139.7 35.6)', 'flat') $$,
                 'PK101', null, 'an inactive code cannot be written');
select lives_ok($$ update parky.parking_lots set name = 'Lot A2' where id = '10000000-0000-0000-0000-000000000001' $$,
                'a row holding a since-deactivated code can still be edited');
update parky.codes set active = true where category = 'structure' and code = 'flat';

select throws_ok($$ delete from parky.codes where category = 'structure' and code = 'flat' $$,
                 'PK104', null, 'codes cannot be deleted');
select throws_ok($$ update parky.codes set code = 'flat2' where category = 'structure' and code = 'flat' $$,
                 'PK104', null, 'codes cannot be renamed');

-- ---------------------------------------------------------------------------------------------
-- parking_lots
select results_eq($$ select lat, lng from parky.parking_lots where id = '10000000-0000-0000-0000-000000000001' $$,
                  $$ values (35.659500::numeric, 139.700500::numeric) $$, 'lat/lng are generated from location');
update parky.parking_lots set location = 'SRID=4326;POINT(139.7671 35.6812)' where id = '10000000-0000-0000-0000-000000000001';
select results_eq($$ select lat, lng from parky.parking_lots where id = '10000000-0000-0000-0000-000000000001' $$,
                  $$ values (35.681200::numeric, 139.767100::numeric) $$, 'and follow it when it moves');
select throws_ok($$ update parky.parking_lots set lat = 1 $$, '428C9', null, 'lat cannot be written');
select results_eq($$ select timezone, unit_boundary, grace, rating_count, rating_average from parky.parking_lots
                     where id = '10000000-0000-0000-0000-000000000001' $$,
                  $$ values ('Asia/Tokyo', 'unit_start', null::jsonb, 0, null::numeric) $$, 'fee-engine defaults');
select throws_ok($$ update parky.parking_lots set unit_boundary = 'whenever' $$, '23514', null, 'unit_boundary is unit_start or split');
select throws_ok($$ update parky.parking_lots set grace = '{"minutes": 30, "mode": "sometimes"}' $$, '23514', null, 'grace mode is checked');
select lives_ok($$ update parky.parking_lots set grace = '{"minutes": 30, "mode": "free_if_within"}' $$, 'a valid grace');
select throws_ok($$ update parky.parking_lots set timezone = 'Mars/Olympus' $$, '22023', null, 'timezone must be a real zone');
select throws_ok($$ update parky.parking_lots set max_height_m = 0 $$, '23514', null, 'vehicle limits are positive');

-- pricing rules
select lives_ok($$ insert into parky.parking_lot_pricing_rules (parking_lot_id, day_of_week, start_time, end_time, unit_minutes, unit_price, cap_price)
                   values ('10000000-0000-0000-0000-000000000001', '{0,1,2,3,4,5,6,7}', '08:00', '22:00', 30, 200, 1500) $$,
                'a day rate rule with a band cap');
select lives_ok($$ insert into parky.parking_lot_pricing_rules (parking_lot_id, day_of_week, start_time, end_time, cap_minutes, cap_price, cap_repeat)
                   values ('10000000-0000-0000-0000-000000000001', '{0,1,2,3,4,5,6,7}', '00:00', '00:00', 1440, 2000, false) $$,
                'a cap-only rolling 24 h rule, once');
select throws_ok($$ insert into parky.parking_lot_pricing_rules (parking_lot_id, day_of_week, start_time, end_time, unit_minutes, unit_price)
                    values ('10000000-0000-0000-0000-000000000001', '{1,8}', '08:00', '22:00', 30, 200) $$,
                 '23514', null, 'day_of_week is within 0..7');
select throws_ok($$ insert into parky.parking_lot_pricing_rules (parking_lot_id, day_of_week, start_time, end_time, unit_minutes)
                    values ('10000000-0000-0000-0000-000000000001', '{1}', '08:00', '22:00', 30) $$,
                 '23514', null, 'unit_minutes needs unit_price');
select throws_ok($$ insert into parky.parking_lot_pricing_rules (parking_lot_id, day_of_week, start_time, end_time)
                    values ('10000000-0000-0000-0000-000000000001', '{1}', '08:00', '22:00') $$,
                 '23514', null, 'a rule is a rate or a cap');

-- hours, images, attributes
select throws_ok($$ insert into parky.parking_lot_hours (parking_lot_id, day_of_week) values ('10000000-0000-0000-0000-000000000001', 8) $$,
                 '23514', null, 'hours: day_of_week within 0..7');
select throws_ok($$ insert into parky.parking_lot_images (parking_lot_id, url) values ('10000000-0000-0000-0000-000000000001', 'http://images.parky.example/a.jpg') $$,
                 'PK106', null, 'lot images must be https');
select throws_ok($$ insert into parky.parking_lot_images (parking_lot_id, url) values ('10000000-0000-0000-0000-000000000001', 'https://evil.example/a.jpg') $$,
                 'PK106', null, 'lot images must be on an allowed host');
select lives_ok($$ insert into parky.parking_lot_images (parking_lot_id, url) values ('10000000-0000-0000-0000-000000000001', 'https://images.parky.example/lots/a.jpg') $$,
                'an allowed image URL');
select throws_ok($$ insert into parky.parking_lot_attributes (parking_lot_id, attribute_key, value) values ('10000000-0000-0000-0000-000000000001', 'jacuzzi', 'true') $$,
                 'PK101', null, 'attribute keys are lot_attribute codes');

-- ---------------------------------------------------------------------------------------------
-- user data
insert into parky.user_push_tokens (user_id, device_id, fcm_token, device_type)
values (tests.get_supabase_uid('u1'), 'dev-1', 'tok-1', 'ios');
select throws_ok($$ insert into parky.user_push_tokens (user_id, device_id, fcm_token, device_type)
                    values (tests.get_supabase_uid('u1'), 'dev-1', 'tok-2', 'android') $$,
                 '23505', null, 'push tokens: unique (user_id, device_id)');
insert into parky.user_saved_parkings (user_id, parking_lot_id) values (tests.get_supabase_uid('u1'), '10000000-0000-0000-0000-000000000001');
select throws_ok($$ insert into parky.user_saved_parkings (user_id, parking_lot_id) values (tests.get_supabase_uid('u1'), '10000000-0000-0000-0000-000000000001') $$,
                 '23505', null, 'saved lots: composite key (user_id, parking_lot_id)');
select throws_ok($$ insert into parky.user_activity_logs (user_id, activity_type, occurred_at) values (tests.get_supabase_uid('u1'), 'search', now() + interval '1 minute') $$,
                 'PK108', null, 'activity logs reject a future occurred_at');
insert into parky.user_activity_logs (user_id, activity_type, source_type, source_id, is_server) values (tests.get_supabase_uid('u1'), 'lot_save', 'parking_lot', 'x1', true);
select throws_ok($$ insert into parky.user_activity_logs (user_id, activity_type, source_type, source_id, is_server) values (tests.get_supabase_uid('u1'), 'lot_save', 'parking_lot', 'x1', true) $$,
                 '23505', null, 'one server activity per (user, type, source)');
select throws_ok($$ insert into parky.user_notifications (user_id, notif_type, title, deep_link) values (tests.get_supabase_uid('u1'), 'system', 't', 'https://x') $$,
                 '23514', null, 'deep links are parky:// links');

select * from finish();
rollback;
