-- Parky RPCs: nearby_parking_lots (results, order, filters, clamps, errors), lot_is_open,
-- get_parking_lot, save_parking_lot / unsave_parking_lot (idempotency included).
begin;
set search_path = extensions, public;
select plan(52);

select tests.parky_fixture();
select tests.create_supabase_user('pk_suspended', 'pk_suspended@example.com');
update parky.app_users set status = 'suspended' where id = tests.get_supabase_uid('pk_suspended');

-- =============================================================================================
-- nearby_parking_lots (lot A at 153.98 E 24.29 N, B 0.005° east of it; C hidden, D deleted)
select tests.clear_authentication();
select results_eq($$ select name from parky.nearby_parking_lots(24.29, 153.98) $$,
                  $$ values ('Lot A'), ('Lot B') $$, 'anon: visible lots within 1 km, nearest first, hidden and deleted left out');
select ok((select distance_m between 500 and 515 from parky.nearby_parking_lots(24.29, 153.98) where name = 'Lot B'),
          'distance_m is the distance in metres (B is ~507 m east)');
select is((select round(distance_m) from parky.nearby_parking_lots(24.29, 153.98) where name = 'Lot A'), 0::float8, 'A is at the centre');
select results_eq($$ select name from parky.nearby_parking_lots(24.29, 153.98, p_radius_m => 100) $$, $$ values ('Lot A') $$, 'radius 100 m');
select results_eq($$ select name from parky.nearby_parking_lots(24.29, 153.9851, p_radius_m => 2000) $$,
                  $$ values ('Lot B'), ('Lot A') $$, 'ordered by distance from the centre');
select is((select count(*) from parky.nearby_parking_lots(24.29, 153.98, p_limit => 1)), 1::bigint, 'limit');
select is((select count(*) from parky.nearby_parking_lots(24.29, 153.98, p_limit => 0)), 1::bigint, 'limit 0 is clamped to 1');
select is((select count(*) from parky.nearby_parking_lots(24.29, 153.98, p_limit => 100000)), 2::bigint, 'a huge limit is clamped (to 100)');
select results_eq($$ select lat, lng, structure, rating_count from parky.nearby_parking_lots(24.29, 153.98, p_radius_m => 10) $$,
                  $$ values (24.290000::numeric, 153.980000::numeric, 'flat', 0) $$, 'key data of the lot');

-- filters
select results_eq($$ select name from parky.nearby_parking_lots(24.29, 153.98, p_vehicle_height_m => 2.0) $$, $$ values ('Lot A') $$,
                  'vehicle height 2.0 m: B (max 1.55 m) is left out');
select results_eq($$ select name from parky.nearby_parking_lots(24.29, 153.98, p_vehicle_width_m => 1.88) $$, $$ values ('Lot A') $$, 'vehicle width');
select results_eq($$ select name from parky.nearby_parking_lots(24.29, 153.98, p_vehicle_length_m => 4.9) $$, $$ values ('Lot A') $$, 'vehicle length');
select results_eq($$ select name from parky.nearby_parking_lots(24.29, 153.98, p_vehicle_weight_t => 2.2) $$, $$ values ('Lot A') $$, 'vehicle weight');
select results_eq($$ select name from parky.nearby_parking_lots(24.29, 153.98, p_vehicle_clearance_cm => 12) $$, $$ values ('Lot B') $$,
                  'ground clearance 12 cm: A needs 15 cm');
select results_eq($$ select name from parky.nearby_parking_lots(24.29, 153.98, p_structures => '{multistory}') $$, $$ values ('Lot B') $$, 'structure');
select results_eq($$ select name from parky.nearby_parking_lots(24.29, 153.98, p_entry_methods => '{gate,barrier_free}') $$, $$ values ('Lot A') $$, 'entry method (any of)');
select results_eq($$ select name from parky.nearby_parking_lots(24.29, 153.98, p_tags => '{test_station}') $$, $$ values ('Lot A'), ('Lot B') $$, 'one tag');
select results_eq($$ select name from parky.nearby_parking_lots(24.29, 153.98, p_tags => '{test_station,test_ev}') $$, $$ values ('Lot A') $$, 'tags (all of)');
select results_eq($$ select name from parky.nearby_parking_lots(24.29, 153.98, p_payment_methods => '{transit_ic}') $$, $$ values ('Lot A') $$, 'payment methods');
select results_eq($$ select name from parky.nearby_parking_lots(24.29, 153.98, p_open_at => '2026-06-10 03:00+09') $$, $$ values ('Lot A') $$,
                  'open at 03:00 JST: B opens 08:00–22:00');
select results_eq($$ select name from parky.nearby_parking_lots(24.29, 153.98, p_open_at => '2026-06-10 10:00+09') $$, $$ values ('Lot A'), ('Lot B') $$,
                  'open at 10:00 JST: both');

-- bad input
select throws_ok($$ select * from parky.nearby_parking_lots(35.68, 139.76, p_radius_m => 10000000) $$, 'PK103', null, 'a 10,000 km radius is refused');
select throws_ok($$ select * from parky.nearby_parking_lots(35.68, 139.76, p_radius_m => 0) $$, 'PK103', null, 'radius 0 is refused');
select throws_ok($$ select * from parky.nearby_parking_lots(35.68, 139.76, p_radius_m => null) $$, 'PK103', null, 'a null radius is refused');
select throws_ok($$ select * from parky.nearby_parking_lots(95, 139.76) $$, 'PK103', null, 'latitude out of range');
select throws_ok($$ select * from parky.nearby_parking_lots(35.68, 139.76, p_vehicle_height_m => -1) $$, 'PK103', null, 'negative dimensions');
select throws_ok($$ select * from parky.nearby_parking_lots(35.68, 139.76, p_structures => '{castle}') $$, 'PK101', null, 'unknown structure code');
select throws_ok($$ select * from parky.nearby_parking_lots(35.68, 139.76, p_payment_methods => '{bitcoin}') $$, 'PK101', null, 'unknown payment method');
select throws_ok($$ select * from parky.nearby_parking_lots(35.68, 139.76, p_tags => '{no_such_tag}') $$, 'PK101', null, 'unknown tag');

reset role;
update parky.parking_lots set status = 'closed' where id = 'a0000000-0000-0000-0000-00000000000b';
select tests.clear_authentication();
select results_eq($$ select name from parky.nearby_parking_lots(24.29, 153.98) $$, $$ values ('Lot A') $$, 'closed lots are not in search');
reset role;
update parky.parking_lots set status = 'active' where id = 'a0000000-0000-0000-0000-00000000000b';

-- =============================================================================================
-- lot_is_open: overnight hours and closed days (lot C, Monday 22:00–06:00, Wednesday closed)
insert into parky.parking_lot_hours (parking_lot_id, day_of_week, open_time, close_time, is_closed) values
  ('a0000000-0000-0000-0000-00000000000c', 1, '22:00', '06:00', false),
  ('a0000000-0000-0000-0000-00000000000c', 3, '00:00', '00:00', false),
  ('a0000000-0000-0000-0000-00000000000c', 3, '12:00', '12:00', true);
select ok(parky_private.lot_is_open('a0000000-0000-0000-0000-00000000000c', 'Asia/Tokyo', '2026-06-08 23:00+09'), 'Monday 23:00 is open');
select ok(parky_private.lot_is_open('a0000000-0000-0000-0000-00000000000c', 'Asia/Tokyo', '2026-06-09 05:59+09'), 'Tuesday 05:59 is open (Monday''s night)');
select ok(not parky_private.lot_is_open('a0000000-0000-0000-0000-00000000000c', 'Asia/Tokyo', '2026-06-09 06:00+09'), 'Tuesday 06:00 is closed');
select ok(not parky_private.lot_is_open('a0000000-0000-0000-0000-00000000000c', 'Asia/Tokyo', '2026-06-08 21:59+09'), 'Monday 21:59 is closed');
select ok(not parky_private.lot_is_open('a0000000-0000-0000-0000-00000000000c', 'Asia/Tokyo', '2026-06-10 12:00+09'), 'a day marked closed is closed');

-- =============================================================================================
-- get_parking_lot
select tests.clear_authentication();
select is(parky.get_parking_lot('a0000000-0000-0000-0000-00000000000a') ->> 'name', 'Lot A', 'anon: the lot');
select is((select jsonb_build_array(jsonb_array_length(d -> 'images'), jsonb_array_length(d -> 'tags'), d -> 'attributes' -> 'ev_charger',
                                    jsonb_array_length(d -> 'payment_methods'), jsonb_array_length(d -> 'hours'),
                                    d -> 'rating' -> 'count', d -> 'open_now', d -> 'saved')
           from parky.get_parking_lot('a0000000-0000-0000-0000-00000000000a') d),
          '[1, 2, 2, 2, 7, 0, true, false]'::jsonb, 'images, tags, attributes, payment methods, hours, rating, open_now, saved in one call');
select is((select d -> 'pricing_rules' -> 0 || jsonb_build_object('tariff', d -> 'tariff')
           from parky.get_parking_lot('a0000000-0000-0000-0000-00000000000a') d),
          '{"day_of_week": [0,1,2,3,4,5,6,7], "start_time": "08:00", "end_time": "22:00", "unit_minutes": 30, "unit_price": 200,
            "cap_minutes": null, "cap_price": 1500, "cap_repeat": true, "elapsed_from_minutes": null, "priority": 1,
            "tariff": {"timezone": "Asia/Tokyo", "unit_boundary": "unit_start", "grace": null}}'::jsonb,
          'pricing rules in the tariff JSON shape');
select throws_ok($$ select parky.get_parking_lot('a0000000-0000-0000-0000-00000000000c') $$, 'PK102', null, 'anon: a hidden lot is not found');
select throws_ok($$ select parky.get_parking_lot('a0000000-0000-0000-0000-0000000000ff') $$, 'PK102', null, 'a lot that does not exist');
select tests.authenticate_as('pk_owner');
select is(parky.get_parking_lot('a0000000-0000-0000-0000-00000000000c') ->> 'status', 'hidden', 'owner: their hidden lot');
select tests.authenticate_as('pk_admin');
select throws_ok($$ select parky.get_parking_lot('a0000000-0000-0000-0000-00000000000d') $$, 'PK102', null, 'a deleted lot is not found, even by an admin');

-- =============================================================================================
-- save / unsave
select tests.authenticate_as('pk_user');
select is(parky.save_parking_lot('f0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-00000000000a'),
          '{"parking_lot_id": "a0000000-0000-0000-0000-00000000000a", "saved": true, "created": true}'::jsonb, 'saves a lot');
select is(parky.save_parking_lot('f0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-00000000000a') ->> 'replayed', 'true',
          'a retry replays the first response');
select is((select count(*) from parky.user_saved_parkings), 1::bigint, 'and saves nothing twice');
select is(parky.save_parking_lot('f0000000-0000-0000-0000-000000000002', 'a0000000-0000-0000-0000-00000000000a') ->> 'created', 'false',
          'saving again is a no-op');
select ok((parky.get_parking_lot('a0000000-0000-0000-0000-00000000000a') -> 'saved')::boolean, 'the detail says saved');
select throws_ok($$ select parky.save_parking_lot('f0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-00000000000b') $$,
                 'PI409', null, 'the same request id with other arguments');
select throws_ok($$ select parky.save_parking_lot(null, 'a0000000-0000-0000-0000-00000000000b') $$, 'PI400', null, 'a request id is required');
select throws_ok($$ select parky.save_parking_lot(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000c') $$, 'PK102', null, 'a hidden lot cannot be saved');
select is(parky.unsave_parking_lot('f0000000-0000-0000-0000-000000000003', 'a0000000-0000-0000-0000-00000000000a') ->> 'removed', 'true', 'unsaves');
select tests.authenticate_as('pk_suspended');
select throws_ok($$ select parky.save_parking_lot(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a') $$, 'PK105', null, 'a suspended user cannot save');

select * from finish();
rollback;
