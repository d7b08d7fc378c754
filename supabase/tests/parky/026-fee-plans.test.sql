-- Compiled tariffs (migration 20261205200000): parky_private.lot_tariff_plans follows every way a
-- lot's tariff changes (import, direct rule edits, lot settings), quotes read it and agree with
-- calculate_fee on the exported tariff, invalid rules surface as their error, quote stays are
-- bounded (PK215), and plans are as visible as their lots.
begin;
set search_path = extensions, public;
set local timezone = 'UTC';
select plan(28);
select tests.parky_fixture();

create temp table t_stays (started_at timestamptz, ended_at timestamptz);
insert into t_stays values
  ('2026-11-24 07:30+09', '2026-11-24 10:10+09'), ('2026-11-24 21:00+09', '2026-11-25 09:00+09'),
  ('2026-11-20 09:13:27+09', '2026-11-27 09:13:27+09'), ('2026-11-23 12:00+09', '2026-11-23 12:05+09');
grant select on t_stays to anon, authenticated;

-- the fixture's lot A (day/night bands with band caps) is compiled by the rule triggers
select is((select count(*)::int from parky_private.lot_tariff_plans
            where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a' and error_code is null), 1,
          'inserting a lot''s rules compiles its tariff');
select is((select count(*)::int from parky_private.lot_tariff_plans where parking_lot_id = 'a0000000-0000-0000-0000-00000000000b'), 0,
          'a lot without rules has no compiled tariff');
select ok((select relrowsecurity from pg_catalog.pg_class where oid = 'parky_private.lot_tariff_plans'::regclass),
          'lot_tariff_plans has RLS enabled');
-- lot D (deleted) gets rules: compiled, but never served
insert into parky.parking_lot_pricing_rules (parking_lot_id, day_of_week, start_time, end_time, unit_minutes, unit_price, priority)
values ('a0000000-0000-0000-0000-00000000000d', '{0,1,2,3,4,5,6,7}', '00:00', '00:00', 30, 100, 1);

-- bounds of a quote's stay
select tests.clear_authentication();
select lives_ok($$ select parky.quote_fee('a0000000-0000-0000-0000-00000000000a', '2026-11-01 00:00+09', '2026-12-02 00:00+09') $$,
                'anon quotes a 31-day stay');
select throws_ok($$ select parky.quote_fee('a0000000-0000-0000-0000-00000000000a', '2026-11-01 00:00+09', '2026-12-02 00:00:01+09') $$,
                 'PK215', 'a quote covers at most 31 days', 'a longer quote is refused');
select throws_ok($$ select parky.quote_fee('a0000000-0000-0000-0000-00000000000b', '2026-11-01 00:00+09', '2026-11-01 01:00+09') $$,
                 'PK201', null, 'a lot without rules has no tariff');
select throws_ok($$ select parky.quote_fee('a0000000-0000-0000-0000-00000000000c', '2026-11-01 00:00+09', '2026-11-01 01:00+09') $$,
                 'PK102', null, 'a hidden lot is not found');
select is((select count(*)::int from parky.nearby_parking_lots_with_fee(24.2900, 153.9800, 4320, '2026-11-24 00:00+09', 2000)
            where estimated_fee is not null), 1, 'a nearby estimate covers 3 days');
select throws_ok($$ select * from parky.nearby_parking_lots_with_fee(24.2900, 153.9800, 4321, '2026-11-24 00:00+09', 2000) $$,
                 'PK215', 'an estimate covers at most 3 days (4320 minutes)', 'a longer estimate is refused');
select throws_ok($$ select * from parky.nearby_parking_lots_with_fee(24.2900, 153.9800, 60, 'infinity', 2000) $$,
                 'PK202', null, 'an infinite stay start is refused');

-- the table of compiled tariffs is not granted to the API roles; the quote paths read it through
-- parky_private.lot_plans (security definer), after checking the lot under RLS
select ok(not has_table_privilege('anon', 'parky_private.lot_tariff_plans', 'select')
          and not has_table_privilege('authenticated', 'parky_private.lot_tariff_plans', 'select,insert,update,delete'),
          'the API roles have no privilege on lot_tariff_plans');
reset role;
insert into parky.parking_lot_pricing_rules (parking_lot_id, day_of_week, start_time, end_time, unit_minutes, unit_price, priority)
values ('a0000000-0000-0000-0000-00000000000c', '{0,1,2,3,4,5,6,7}', '00:00', '00:00', 30, 100, 1);
select tests.clear_authentication();
select throws_ok($$ select parky.quote_fee('a0000000-0000-0000-0000-00000000000c', '2026-11-01 00:00+09', '2026-11-01 01:00+09') $$,
                 'PK102', null, 'anon cannot quote a hidden lot that has a tariff');
select throws_ok($$ select * from parky_private.lot_tariff_plans $$, '42501', null, 'nor read compiled tariffs directly');
select tests.authenticate_as('pk_owner');
select is((parky.quote_fee('a0000000-0000-0000-0000-00000000000c', '2026-11-01 00:00+09', '2026-11-01 01:00+09') ->> 'amount')::int, 200,
          'the owner of the hidden lot quotes it');
select throws_ok($$ update parky_private.lot_tariff_plans set error_code = null $$, '42501', null,
                 'an owner cannot change compiled tariffs directly');
reset role;
select is((select count(*)::int from parky_private.lot_plans(array['a0000000-0000-0000-0000-00000000000d'::uuid])), 0,
          'lot_plans never returns a deleted lot''s tariff');
select throws_ok($$ select parky.quote_fee('a0000000-0000-0000-0000-00000000000d', now(), now()) $$, 'PK102', null,
                 'nor does a quote (the deleted lot is not found)');
select tests.authenticate_as('pk_owner');

-- quotes agree with the pure function on the exported tariff, breakdown included (as the owner:
-- calculate_fee is not granted to anon; these run after the anon calls because a SQL function's
-- plan, RLS included, is kept for the rest of a transaction that switches roles)
select is((select count(*)::int from t_stays s
            where parky.quote_fee('a0000000-0000-0000-0000-00000000000a', s.started_at, s.ended_at) - array['parking_lot_id', 'started_at', 'ended_at']
                  = parky.calculate_fee(parky.get_lot_tariff('a0000000-0000-0000-0000-00000000000a'), s.started_at, s.ended_at)), 4,
          'quote_fee (compiled tariff) = calculate_fee (exported tariff), amount and breakdown, for every stay');
select is((parky.quote_fee('a0000000-0000-0000-0000-00000000000a', '2026-11-24 07:30+09', '2026-11-24 10:10+09') ->> 'amount')::int,
          900, 'a quote across the night/day edge (a 60-minute night unit from 07:30, then 4 day units)');

-- direct rule edits by the owner recompile; an invalid state is stored as its error
insert into parky.parking_lot_pricing_rules (parking_lot_id, day_of_week, start_time, end_time, unit_minutes, unit_price, priority)
values ('a0000000-0000-0000-0000-00000000000a', '{0,1,2,3,4,5,6,7}', '12:00', '13:00', 30, 500, 1);
select is((select error_code from parky_private.lot_plans(array['a0000000-0000-0000-0000-00000000000a'::uuid])), 'PK001',
          'a rule overlapping another with the same priority leaves the lot with an invalid tariff');
select throws_ok($$ select parky.quote_fee('a0000000-0000-0000-0000-00000000000a', '2026-11-24 12:00+09', '2026-11-24 13:00+09') $$,
                 'PK001', null, 'its quotes raise the tariff''s error');
select is((select estimated_fee from parky.nearby_parking_lots_with_fee(24.2900, 153.9800, 60, '2026-11-24 00:00+09', 2000)
            where id = 'a0000000-0000-0000-0000-00000000000a'), null, 'and nearby search shows no estimate for it');
update parky.parking_lot_pricing_rules set priority = 2
 where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a' and start_time = '12:00';
select is((parky.quote_fee('a0000000-0000-0000-0000-00000000000a', '2026-11-24 12:00+09', '2026-11-24 13:00+09') ->> 'amount')::int,
          1000, 'fixing the priority recompiles: the lunch rule prices 12:00-13:00 (2 x ¥500)');
update parky.parking_lots set grace = '{"minutes": 15, "mode": "first_free"}' where id = 'a0000000-0000-0000-0000-00000000000a';
select is((parky.quote_fee('a0000000-0000-0000-0000-00000000000a', '2026-11-24 12:00+09', '2026-11-24 13:00+09') ->> 'amount')::int,
          1000, 'a lot setting change recompiles: 15 free minutes, then 12:15-13:00 (2 units)');
select is((parky.quote_fee('a0000000-0000-0000-0000-00000000000a', '2026-11-24 12:00+09', '2026-11-24 12:40+09') ->> 'amount')::int,
          500, 'and the first 15 minutes are free');
delete from parky.parking_lot_pricing_rules where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a';
select throws_ok($$ select parky.quote_fee('a0000000-0000-0000-0000-00000000000a', '2026-11-24 12:00+09', '2026-11-24 13:00+09') $$,
                 'PK201', null, 'deleting every rule removes the compiled tariff');

-- an import compiles in the same transaction
select lives_ok($$ select parky.replace_lot_tariff(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a',
                    '{"rules": [{"day_of_week": [0,1,2,3,4,5,6,7], "start_time": "00:00", "end_time": "00:00",
                      "unit_minutes": 60, "unit_price": 250}]}') $$, 'the owner imports a flat tariff');
select is((parky.quote_fee('a0000000-0000-0000-0000-00000000000a', '2026-11-24 12:00+09', '2026-11-24 14:30+09') ->> 'amount')::int,
          750, 'and quotes use it at once (3 units of ¥250)');

select * from finish();
rollback;
