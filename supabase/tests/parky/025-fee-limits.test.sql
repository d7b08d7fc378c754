-- Fee engine work limits (security review F4, migration 20261205200000): validate_tariff and
-- calculate_fee refuse tariffs whose fee walk could run for long (PK004 rule count, PK005
-- short rolling caps, PK006 work budget), replace_lot_tariff too; calculate_fee and
-- validate_tariff are not granted to anon.
begin;
set search_path = extensions, public;
set local timezone = 'UTC';
select plan(25);
select tests.parky_fixture();

-- a base rate rule over every day type, and builders for rule lists
create temp table t_rules as select
  '{"day_of_week": [0,1,2,3,4,5,6,7], "start_time": "00:00", "end_time": "00:00", "unit_minutes": 30, "unit_price": 100, "priority": 0}'::jsonb as base;
grant select on t_rules to anon, authenticated;
-- n rate rules of distinct priorities stacked on the base: n + 1 rules
create function pg_temp.stacked(n int) returns jsonb language sql as $$
  select jsonb_build_object('rules', (select base from t_rules) || coalesce((
    select jsonb_agg(jsonb_build_object('day_of_week', array[0,1,2,3,4,5,6,7], 'start_time', '09:00', 'end_time', '10:00',
                                        'unit_minutes', 1, 'unit_price', 1, 'priority', k))
      from generate_series(1, n) k), '[]'::jsonb))
$$;
-- the base plus n rolling cap-only rules of cap_minutes m
create function pg_temp.rolling(n int, m int) returns jsonb language sql as $$
  select jsonb_build_object('rules', (select base from t_rules) || (
    select jsonb_agg(jsonb_build_object('day_of_week', array[0,1,2,3,4,5,6,7], 'start_time', '00:00', 'end_time', '00:00',
                                        'cap_minutes', m, 'cap_price', 1000 + k))
      from generate_series(1, n) k))
$$;
grant execute on function pg_temp.stacked(int), pg_temp.rolling(int, int) to anon, authenticated;

-- PK004: rule count
select lives_ok($$ select parky.validate_tariff(pg_temp.stacked(19)) $$, '20 rules are accepted');
select throws_ok($$ select parky.validate_tariff(pg_temp.stacked(20)) $$, 'PK004',
                 'tariff too complex: rules: at most 20 rules are allowed (got 21)', 'validate_tariff: 21 rules are too many');
select throws_ok($$ select parky.calculate_fee(pg_temp.stacked(20), '2026-01-05 10:00+09', '2026-01-05 12:00+09') $$, 'PK004',
                 'tariff too complex: rules: at most 20 rules are allowed (got 21)', 'calculate_fee: the same error');
-- the security review's case: ~50 rules with 1-minute units and windows (was ~80 s for a long stay)
select throws_ok($$ select parky.calculate_fee(jsonb_build_object('rules', (select base from t_rules) || (
                      select jsonb_agg(jsonb_build_object('day_of_week', array[0,1,2,3,4,5,6,7],
                        'start_time', to_char(make_interval(mins => k), 'HH24:MI'), 'end_time', to_char(make_interval(mins => k + 1), 'HH24:MI'),
                        'unit_minutes', 1, 'unit_price', 1, 'cap_minutes', 1, 'cap_price', 1000, 'priority', k))
                      from generate_series(1, 49) k)), '2026-01-01 00:00+09', '2026-12-31 00:00+09') $$,
                 'PK004', null, 'the pathological tariff of review F4 is refused before any work');

-- PK005: rolling caps shorter than an hour
select lives_ok($$ select parky.validate_tariff(pg_temp.rolling(1, 60)) $$, 'a 60-minute rolling cap is accepted');
select throws_ok($$ select parky.validate_tariff(pg_temp.rolling(1, 59)) $$, 'PK005',
                 'tariff too complex: rule 1: cap_minutes must be at least 60', 'validate_tariff: a 59-minute rolling cap is refused');
select throws_ok($$ select parky.calculate_fee(pg_temp.rolling(1, 1), '2026-01-05 10:00+09', '2026-01-05 12:00+09') $$, 'PK005',
                 'tariff too complex: rule 1: cap_minutes must be at least 60', 'calculate_fee: a 1-minute rolling cap is refused');
select throws_ok($$ select parky.validate_tariff('{"rules": [{"day_of_week": [0,1,2,3,4,5,6,7], "start_time": "00:00", "end_time": "00:00",
                      "unit_minutes": 30, "unit_price": 100, "cap_minutes": 30, "cap_price": 500}]}') $$, 'PK005',
                 'tariff too complex: rule 0: cap_minutes must be at least 60', 'the limit applies to a rate rule''s rolling cap too');
select throws_ok($$ select parky.validate_tariff('{"rules": [{"day_of_week": [0,1,2,3,4,5,6,7], "start_time": "00:00", "end_time": "00:00",
                      "unit_minutes": 30, "unit_price": 100, "cap_minutes": 0, "cap_price": 500}]}') $$, 'PK001',
                 'invalid tariff: rule 0: cap_minutes must be a positive integer', 'a non-positive cap_minutes is still PK001');

-- PK006: (boundaries per day) x (rules) <= 1200
-- base (1) + 6 rolling 60-minute caps (6 x 24) = 145 boundaries x 7 rules = 1015
select lives_ok($$ select parky.validate_tariff(pg_temp.rolling(6, 60)) $$, 'a tariff within the work budget is accepted');
-- base (1) + 7 x 24 = 169 x 8 rules = 1352
select throws_ok($$ select parky.validate_tariff(pg_temp.rolling(7, 60)) $$, 'PK006',
                 'tariff too complex: rules: 169 window boundaries per day x 8 rules = 1352 exceeds the budget of 1200',
                 'validate_tariff: beyond the work budget');
select throws_ok($$ select parky.calculate_fee(pg_temp.rolling(7, 60), '2026-01-05 10:00+09', '2026-01-05 12:00+09') $$, 'PK006',
                 null, 'calculate_fee: the same error');
-- progressive rules count once per unit-sequence restart: base + progressive + 2 rolling 60-minute caps:
-- 1 + 1 + 48 boundaries + (1 + 48) thresholds = 99 x 4 rules = 396
select lives_ok($$ select parky.validate_tariff(jsonb_build_object('rules', (pg_temp.rolling(2, 60) -> 'rules') || '[{"day_of_week": [0,1,2,3,4,5,6,7],
                       "start_time": "00:00", "end_time": "00:00", "unit_minutes": 60, "unit_price": 50, "priority": 5,
                       "elapsed_from_minutes": 60}]'::jsonb)) $$, 'a progressive tariff within the budget is accepted');
select throws_ok($$ select parky.validate_tariff(jsonb_build_object('rules', (pg_temp.rolling(5, 60) -> 'rules')
                    || '[{"day_of_week": [0,1,2,3,4,5,6,7], "start_time": "00:00", "end_time": "00:00", "unit_minutes": 60,
                       "unit_price": 50, "priority": 5, "elapsed_from_minutes": 60}]'::jsonb)) $$, 'PK006',
                 'tariff too complex: rules: 243 window boundaries per day x 7 rules = 1701 exceeds the budget of 1200',
                 'progressive thresholds count against the budget (1 + 1 + 120 + 121 boundaries; 726 without it)');
-- the PK001 checks come first: an invalid and too complex tariff reports the PK001 problem
select throws_ok($$ select parky.validate_tariff(pg_temp.rolling(7, 60) || '{"unit_boundary": "nearest"}') $$, 'PK001', null,
                 'an invalid field is reported before the budget');

-- a tariff at the limits still prices a year-long stay
select ok((parky.calculate_fee(pg_temp.rolling(6, 60), '2026-01-01 00:00+09', '2026-12-31 23:00+09') ->> 'amount')::int > 0,
          'a tariff within the limits prices a year-long stay');

-- replace_lot_tariff validates the limits too
select tests.authenticate_as('pk_owner');
select throws_ok($$ select parky.replace_lot_tariff(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a', pg_temp.rolling(7, 60)) $$,
                 'PK006', null, 'an owner cannot save a tariff beyond the work budget');
select is((select count(*)::int from parky.parking_lot_pricing_rules where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a'), 2,
          'and the lot keeps its rules');

-- privileges: the pure functions are for signed-in users; anon quotes lots (quote_fee)
select ok(not has_function_privilege('anon', 'parky.calculate_fee(jsonb,timestamptz,timestamptz)', 'execute'),
          'anon cannot call calculate_fee');
select ok(not has_function_privilege('anon', 'parky.validate_tariff(jsonb)', 'execute'), 'anon cannot call validate_tariff');
select tests.clear_authentication();
select throws_ok($$ select parky.calculate_fee((select base from t_rules) || '{}', now(), now()) $$, '42501', null,
                 'anon calling calculate_fee is refused');
select tests.authenticate_as('pk_user');
select is((parky.calculate_fee(jsonb_build_object('rules', jsonb_build_array((select base from t_rules))),
                               '2026-01-05 10:00+09', '2026-01-05 11:00+09') ->> 'amount')::int, 200,
          'a signed-in user can');
select ok(not has_function_privilege('anon', 'parky_private.refresh_lot_tariff_plan(uuid)', 'execute')
          and not has_function_privilege('authenticated', 'parky_private.refresh_lot_tariff_plan(uuid)', 'execute'),
          'the API roles cannot recompile a lot''s tariff');
select ok(has_function_privilege('anon', 'parky_private.fee_of_plan(parky_private.tariff_plan,timestamptz,timestamptz)', 'execute'),
          'fee_of_plan (private schema, not exposed) runs for the anon quote paths');
select ok(not has_function_privilege('anon', 'parky_private.compile_tariff(jsonb)', 'execute'),
          'anon cannot compile arbitrary tariffs either (quotes read compiled ones)');

select * from finish();
rollback;
