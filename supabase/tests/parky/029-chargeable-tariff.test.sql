-- A session starts only on a chargeable tariff: while a lot's rules are invalid (an owner editing
-- them row by row), starting is refused with the tariff's error and nothing is written; the
-- export still returns the rules so they can be fixed.
begin;
set search_path = extensions, public;
select plan(9);
select tests.parky_fixture();

-- The owner edits a rule directly into an invalid state (a cap window under 60 minutes: PK005).
select tests.authenticate_as('pk_owner');
update parky.parking_lot_pricing_rules set cap_minutes = 30
where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a' and start_time = '08:00';
select is((parky.get_lot_tariff('a0000000-0000-0000-0000-00000000000a') -> 'rules' -> 0 ->> 'cap_minutes')::int, 30,
          'the owner still exports the invalid rules');

select tests.authenticate_as('pk_user');
select is(jsonb_array_length(parky.get_lot_tariff('a0000000-0000-0000-0000-00000000000a') -> 'rules'), 2,
          'so does a user');
select throws_ok($$ select parky.start_parking_session('00000000-0000-4000-8000-000000000f01',
                      'a0000000-0000-0000-0000-00000000000a', 'sedan') $$,
                 'PK005', null, 'a session cannot start on an invalid tariff');
select is((select count(*)::int from parky.parking_sessions), 0, 'no session was written');
select throws_ok($$ select parky.quote_fee('a0000000-0000-0000-0000-00000000000a', now(), now() + interval '1 hour') $$,
                 'PK005', null, 'a quote raises the same error');
select throws_ok($$ select parky.start_parking_session('00000000-0000-4000-8000-000000000f02',
                      'a0000000-0000-0000-0000-00000000000b', 'sedan') $$,
                 'PK201', null, 'a lot without rules still says it has no tariff');

-- Fixed by the owner: the same request id now starts (the failed attempt left no idempotency record).
select tests.authenticate_as('pk_owner');
update parky.parking_lot_pricing_rules set cap_minutes = null
where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a' and start_time = '08:00';
select tests.authenticate_as('pk_user');
select is(parky.start_parking_session('00000000-0000-4000-8000-000000000f01',
            'a0000000-0000-0000-0000-00000000000a', 'sedan') ->> 'status', 'parking',
          'after the fix the same request starts the session');
select is((select count(*)::int from parky.parking_sessions), 1, 'one session');
select is((select tariff_snapshot from parky.parking_sessions),
          parky.get_lot_tariff('a0000000-0000-0000-0000-00000000000a'), 'holding the fixed tariff');

select * from finish();
rollback;
