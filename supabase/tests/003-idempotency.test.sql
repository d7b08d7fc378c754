-- private.idempotency_begin / finish: new, replay, mismatch, per-caller keys, pruning.
begin;
set search_path = extensions, public;
select plan(12);

select tests.create_supabase_user('idem_a');
select tests.create_supabase_user('idem_b');

select tests.authenticate_as('idem_a');
select is(private.idempotency_begin('app.rpc', '00000000-0000-4000-8000-000000000001', '{"x": 1}'), null,
          'a new request begins (null)');
select is(private.idempotency_finish('app.rpc', '00000000-0000-4000-8000-000000000001', '{"id": 7}'), '{"id": 7}'::jsonb,
          'finish returns the response');
select is(private.idempotency_begin('app.rpc', '00000000-0000-4000-8000-000000000001', '{"x": 1}'),
          '{"id": 7, "replayed": true}'::jsonb, 'a retry replays the stored response');
select throws_ok($$ select private.idempotency_begin('app.rpc', '00000000-0000-4000-8000-000000000001', '{"x": 2}') $$,
                 'PI409', null, 'the same id with other arguments is refused');
select throws_ok($$ select private.idempotency_begin('app.other', '00000000-0000-4000-8000-000000000001', '{"x": 1}') $$,
                 'PI409', null, 'the same id for another RPC is refused');
select throws_ok($$ select private.idempotency_begin('app.rpc', null, '{}') $$, 'PI400', null, 'a null id is refused');
select throws_ok($$ select private.idempotency_finish('app.rpc', '00000000-0000-4000-8000-000000000099', '{}') $$,
                 'P0001', null, 'finish without begin is a programming error');

select tests.authenticate_as('idem_b');
select is(private.idempotency_begin('app.rpc', '00000000-0000-4000-8000-000000000001', '{"x": 2}'), null,
          'ids are per caller: another user may use the same id');
select throws_ok($$ select * from private.idempotency_keys $$, '42501', null, 'clients cannot read the records');

select tests.authenticate_as_service_role();
select is(private.idempotency_begin('app.job', '00000000-0000-4000-8000-000000000002', '{}'), null,
          'service_role calls without a user are keyed on the nil caller');
select private.idempotency_finish('app.job', '00000000-0000-4000-8000-000000000002', '{"ok": true}');
select is(private.idempotency_begin('app.job', '00000000-0000-4000-8000-000000000002', '{}'),
          '{"ok": true, "replayed": true}'::jsonb, 'and replay like any other');

reset role;
update private.idempotency_keys set created_at = now() - interval '49 hours'
where client_request_id = '00000000-0000-4000-8000-000000000002';
select is(private.prune_idempotency_keys(), 1::bigint, 'records older than 48 hours are pruned');

select * from finish();
rollback;
