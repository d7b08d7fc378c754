-- Parky RPCs: support tickets and replies, error reports, push token upsert, marking
-- notifications read.
begin;
set search_path = extensions, public;
select plan(35);

select tests.parky_fixture();

-- =============================================================================================
-- support tickets
select tests.authenticate_as('pk_user');
select is((select t - 'id' - 'created_at' from parky.open_support_ticket('f2000000-0000-0000-0000-000000000001', 'billing', ' Refund ', 'I was charged twice') t),
          '{"status": "open", "category": "billing"}'::jsonb, 'opens a ticket');
select is(parky.open_support_ticket('f2000000-0000-0000-0000-000000000001', 'billing', ' Refund ', 'I was charged twice') ->> 'replayed', 'true', 'a retry replays');
select is((select count(*) from parky.support_tickets), 1::bigint, 'one ticket');
select is((select subject from parky.support_tickets), 'Refund', 'subject trimmed');
select throws_ok($$ select parky.open_support_ticket(gen_random_uuid(), 'complaints', 's', 'b') $$, 'PK101', null, 'unknown category');
select throws_ok($$ select parky.open_support_ticket(gen_random_uuid(), 'other', '   ', 'b') $$, 'PK117', null, 'empty subject');
select throws_ok($$ select parky.open_support_ticket(gen_random_uuid(), 'other', 's', 'b', 'a0000000-0000-0000-0000-00000000000c') $$, 'PK102', null, 'about a hidden lot');
select is((select count(*) from parky.support_tickets), 1::bigint, 'failed calls wrote nothing');

select tests.authenticate_as('pk_admin');
select is((select r ->> 'from_staff' || '/' || (r ->> 'ticket_status')
           from parky.reply_support_ticket(gen_random_uuid(), (select id from parky.support_tickets where subject = 'Refund'), 'Which card?') r),
          'true/waiting_user', 'a staff reply waits for the user');
select tests.authenticate_as('pk_user');
select is((select r ->> 'from_staff' || '/' || (r ->> 'ticket_status')
           from parky.reply_support_ticket(gen_random_uuid(), (select id from parky.support_tickets where subject = 'Refund'), 'The Visa') r),
          'false/open', 'the user''s reply reopens it');
select is((select count(*) from parky.support_ticket_replies), 2::bigint, 'the user sees the conversation');
select throws_ok($$ select parky.reply_support_ticket(gen_random_uuid(), (select id from parky.support_tickets), '') $$, 'PK117', null, 'an empty reply');
select tests.authenticate_as('pk_other');
select throws_ok(format($$ select parky.reply_support_ticket(gen_random_uuid(), %L, 'me too') $$,
                        (select id from parky.support_tickets where subject = 'Refund')), 'PK115', null, 'another user''s ticket is not found');
select tests.authenticate_as('pk_admin');
select is(tests.affected($$ update parky.support_tickets set status = 'closed' where subject = 'Refund' $$), 1::bigint, 'admin closes the ticket');
select isnt((select closed_at from parky.support_tickets where subject = 'Refund'), null, 'closed_at is set');
select tests.authenticate_as('pk_user');
select throws_ok($$ select parky.reply_support_ticket(gen_random_uuid(), (select id from parky.support_tickets), 'one more thing') $$, 'PK115', null, 'a closed ticket takes no replies');

-- =============================================================================================
-- error reports
select is((select r ->> 'status' from parky.file_error_report('f2000000-0000-0000-0000-000000000010', 'a0000000-0000-0000-0000-00000000000a', 'wrong_price', 'Now ¥300/30min') r),
          'submitted', 'files an error report');
select is(parky.file_error_report('f2000000-0000-0000-0000-000000000010', 'a0000000-0000-0000-0000-00000000000a', 'wrong_price', 'Now ¥300/30min') ->> 'replayed',
          'true', 'a retry replays');
select throws_ok($$ select parky.file_error_report(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a', 'ghosts') $$, 'PK101', null, 'unknown report type');
select throws_ok($$ select parky.file_error_report(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000d', 'closed') $$, 'PK102', null, 'a deleted lot');
select throws_ok($$ select parky.file_error_report(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a', 'other', repeat('x', 2001)) $$, 'PK117', null, 'too long');
select tests.authenticate_as('pk_admin');
select lives_ok($$ update parky.error_reports set status = 'resolved', resolution_note = 'Tariff updated'
                   where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a' $$, 'admin resolves it');
select is((select f.staff_user_id from parky.admin_staff_fields('report_handler', array(select id from parky.error_reports where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a')) f),
          tests.get_supabase_uid('pk_admin'), 'handled_by is the admin (admins read it through admin_staff_fields)');

-- =============================================================================================
-- push tokens
select tests.authenticate_as('pk_user');
select is((select r ->> 'device_type' from parky.upsert_push_token('f2000000-0000-0000-0000-000000000020', 'phone-1', 'fcm-A', 'ios', '1.0.0') r),
          'ios', 'registers a device');
reset role;
update parky.user_push_tokens set last_seen_at = now() - interval '10 days';
select tests.authenticate_as('pk_user');
select lives_ok($$ select parky.upsert_push_token(gen_random_uuid(), 'phone-1', 'fcm-A2', 'ios', '1.1.0') $$, 'the next boot refreshes it');
select results_eq($$ select fcm_token, app_version, last_seen_at > now() - interval '1 minute' from parky.user_push_tokens $$,
                  $$ values ('fcm-A2', '1.1.0', true) $$, 'one row per device: new token, version, last_seen_at');
select throws_ok($$ select parky.upsert_push_token(gen_random_uuid(), 'phone-2', 'fcm-B', 'blackberry') $$, 'PK101', null, 'unknown device type');
select throws_ok($$ select parky.upsert_push_token(gen_random_uuid(), '', 'fcm-B', 'ios') $$, 'PK117', null, 'a device id is required');
-- the same install signs in as another account: the token moves
select tests.authenticate_as('pk_other');
select lives_ok($$ select parky.upsert_push_token(gen_random_uuid(), 'phone-1', 'fcm-A2', 'ios', '1.1.0') $$, 'another account on the same install');
reset role;
select results_eq($$ select user_id from parky.user_push_tokens where fcm_token = 'fcm-A2' $$,
                  format($$ values (%L::uuid) $$, tests.get_supabase_uid('pk_other')), 'the token belongs to the signed-in account only');

-- =============================================================================================
-- notifications
insert into parky.user_notifications (user_id, notif_type, title)
select tests.get_supabase_uid('pk_user'), 'system', 'n' || g from generate_series(1, 3) g;
insert into parky.user_notifications (user_id, notif_type, title) values (tests.get_supabase_uid('pk_other'), 'system', 'theirs');
select tests.authenticate_as('pk_user');
select is(parky.mark_notifications_read(gen_random_uuid(), array[(select id from parky.user_notifications where title = 'n1')]) ->> 'marked', '1', 'marks one read');
select is(parky.mark_notifications_read('f2000000-0000-0000-0000-000000000030') ->> 'marked', '2', 'marks the rest read');
select is(parky.mark_notifications_read('f2000000-0000-0000-0000-000000000030') ->> 'replayed', 'true', 'a retry replays');
reset role;
select is((select read_at from parky.user_notifications where title = 'theirs'), null, 'other users'' notifications are untouched');
select tests.clear_authentication();
select throws_ok($$ select parky.mark_notifications_read(gen_random_uuid()) $$, '42501', null, 'anon cannot call write RPCs');

select * from finish();
rollback;
