-- A lot's tariff: export, atomic import by staff and admins, quotes, nearby estimates.
begin;
set search_path = extensions, public;
select plan(20);
select tests.parky_fixture();

create temp table t_tariff as select '{
  "timezone": "Asia/Tokyo", "unit_boundary": "unit_start", "grace": {"minutes": 10, "mode": "free_if_within"},
  "rules": [
    {"day_of_week": [0,1,2,3,4,5,6,7], "start_time": "00:00", "end_time": "00:00", "unit_minutes": 20, "unit_price": 300,
     "cap_minutes": null, "cap_price": null, "cap_repeat": true, "priority": 1},
    {"day_of_week": [0,1,2,3,4,5,6,7], "start_time": "00:00", "end_time": "00:00", "unit_minutes": null, "unit_price": null,
     "cap_minutes": 1440, "cap_price": 2000, "cap_repeat": true, "priority": 0}]}'::jsonb as tariff;
grant select on t_tariff to anon, authenticated;

-- Export
select tests.clear_authentication();
select is(jsonb_array_length(parky.get_lot_tariff('a0000000-0000-0000-0000-00000000000a') -> 'rules'), 2,
          'anyone exports a visible lot''s tariff');
select is(parky.get_lot_tariff('a0000000-0000-0000-0000-00000000000a') ->> 'timezone', 'Asia/Tokyo', 'with its time zone');
select throws_ok($$ select parky.get_lot_tariff('a0000000-0000-0000-0000-00000000000b') $$, 'PK201', null,
                 'a lot without pricing rules has no tariff');
select throws_ok($$ select parky.get_lot_tariff('a0000000-0000-0000-0000-00000000000c') $$, 'PK102', null,
                 'a hidden lot is not found for anon');
select throws_ok($$ select parky.get_lot_tariff('a0000000-0000-0000-0000-00000000000d') $$, 'PK102', null,
                 'a deleted lot is not found');

-- Import
select throws_ok($$ select parky.replace_lot_tariff(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a', (select tariff from t_tariff)) $$,
                 '42501', null, 'anon cannot import a tariff');
select tests.authenticate_as('pk_other');
select throws_ok($$ select parky.replace_lot_tariff(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a', (select tariff from t_tariff)) $$,
                 'PK203', null, 'a user who is not staff cannot');
select tests.authenticate_as('pk_owner2');
select throws_ok($$ select parky.replace_lot_tariff(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a', (select tariff from t_tariff)) $$,
                 'PK203', null, 'nor the owner of another lot');

select tests.authenticate_as('pk_owner');
select is((parky.replace_lot_tariff('00000000-0000-4000-8000-0000000000a1', 'a0000000-0000-0000-0000-00000000000a',
                                    (select tariff from t_tariff)) ->> 'rules')::int, 2, 'the lot''s owner replaces its tariff');
select is(parky.get_lot_tariff('a0000000-0000-0000-0000-00000000000a'), (select tariff from t_tariff),
          'export returns exactly what was imported');
select is((parky.replace_lot_tariff('00000000-0000-4000-8000-0000000000a1', 'a0000000-0000-0000-0000-00000000000a',
                                    (select tariff from t_tariff)) ->> 'replayed')::boolean, true, 'a retry replays');
select throws_ok($$ select parky.replace_lot_tariff('00000000-0000-4000-8000-0000000000a1', 'a0000000-0000-0000-0000-00000000000a',
                                                    (select tariff || '{"unit_boundary": "split"}' from t_tariff)) $$,
                 'PI409', null, 'the same request id with another tariff is refused');
select throws_ok($$ select parky.replace_lot_tariff(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a',
                    '{"timezone": "Asia/Tokyo", "rules": [{"day_of_week": [1], "start_time": "08:00", "end_time": "22:00",
                      "unit_minutes": 30, "unit_price": 200, "cap_minutes": null, "cap_price": null, "cap_repeat": true, "priority": 1}]}') $$,
                 'PK001', null, 'an invalid tariff (uncovered hours) is refused');
select is(parky.get_lot_tariff('a0000000-0000-0000-0000-00000000000a'), (select tariff from t_tariff),
          'and the tariff in place is untouched');

select tests.authenticate_as('pk_admin');
select lives_ok($$ select parky.replace_lot_tariff(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000b', (select tariff from t_tariff)) $$,
                'an admin replaces any lot''s tariff');

-- Quotes
select tests.clear_authentication();
select is((parky.quote_fee('a0000000-0000-0000-0000-00000000000a', '2026-11-24 00:00+09', '2026-11-24 01:00+09') ->> 'amount')::int,
          900, 'a quote prices a planned stay (3 units of 20 min at ¥300)');
select is((parky.quote_fee('a0000000-0000-0000-0000-00000000000a', '2026-11-24 00:00+09', '2026-11-24 00:10+09') ->> 'amount')::int,
          0, 'within the grace period it is free');
select throws_ok($$ select parky.quote_fee('a0000000-0000-0000-0000-00000000000a', '2026-11-24 01:00+09', '2026-11-24 00:00+09') $$,
                 'PK202', null, 'exit before entry is refused');
select is((select array_agg(n.estimated_fee order by n.name)
           from parky.nearby_parking_lots_with_fee(24.2900, 153.9800, 120, '2026-11-24 00:00+09', 2000) n),
          array[1800, 1800], 'nearby search estimates each lot''s fee for the stay (6 units of ¥300)');
select throws_ok($$ select * from parky.nearby_parking_lots_with_fee(24.29, 153.98, -5) $$, 'PK202', null,
                 'a negative stay is refused');

select * from finish();
rollback;
