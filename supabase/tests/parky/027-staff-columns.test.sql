-- Staff identities are not readable by clients (security review F6, migration 20261205200100):
-- moderated_by, handled_by, assigned_to and replies' author_id are outside the column grants of
-- authenticated and anon; the RPCs that write those rows still work; admins read the ids
-- through parky.admin_staff_fields.
begin;
set search_path = extensions, public;
select plan(25);
select tests.parky_fixture();

-- the grants, column by column
select ok(not has_column_privilege('authenticated', 'parky.parking_reviews', 'moderated_by', 'select')
          and not has_column_privilege('anon', 'parky.parking_reviews', 'moderated_by', 'select'), 'nobody reads parking_reviews.moderated_by');
select ok(not has_column_privilege('authenticated', 'parky.error_reports', 'handled_by', 'select'), 'nor error_reports.handled_by');
select ok(not has_column_privilege('authenticated', 'parky.support_tickets', 'assigned_to', 'select'), 'nor support_tickets.assigned_to');
select ok(not has_column_privilege('authenticated', 'parky.support_ticket_replies', 'author_id', 'select'), 'nor support_ticket_replies.author_id');
select ok(has_column_privilege('authenticated', 'parky.parking_reviews', 'moderated_at', 'select')
          and has_column_privilege('authenticated', 'parky.parking_reviews', 'rejection_reason', 'select')
          and has_column_privilege('authenticated', 'parky.support_ticket_replies', 'from_staff', 'select')
          and has_column_privilege('authenticated', 'parky.error_reports', 'resolution_note', 'select'),
          'what the apps show stays readable (moderated_at, rejection_reason, from_staff, resolution_note)');
select ok(has_column_privilege('authenticated', 'parky.support_tickets', 'assigned_to', 'update'), 'admins still assign tickets by update');

-- the flows that write those rows, end to end
select tests.authenticate_as('pk_user');
select lives_ok($$ select parky.post_review('f2700000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-00000000000a', 4, 'Fine') $$,
                'post_review works without moderated_by');
select lives_ok($$ select parky.open_support_ticket('f2700000-0000-0000-0000-000000000002', 'billing', 'Refund', 'Charged twice') $$,
                'open_support_ticket works without assigned_to');
select lives_ok($$ select parky.file_error_report('f2700000-0000-0000-0000-000000000003', 'a0000000-0000-0000-0000-00000000000a', 'other', 'Closed') $$,
                'file_error_report works without handled_by');
select tests.authenticate_as('pk_admin');
select is(parky.moderate_review(gen_random_uuid(), (select id from parky.parking_reviews where comment = 'Fine'), 'approved') ->> 'status',
          'approved', 'moderate_review works');
select lives_ok($$ update parky.support_tickets set assigned_to = auth.uid(), status = 'in_progress' where subject = 'Refund' $$,
                'an admin assigns the ticket to themselves');
select is(parky.reply_support_ticket(gen_random_uuid(), (select id from parky.support_tickets where subject = 'Refund'), 'Looking') ->> 'from_staff',
          'true', 'reply_support_ticket works without author_id');
select lives_ok($$ update parky.error_reports set status = 'resolved', resolution_note = 'Fixed' where description = 'Closed' $$,
                'an admin resolves the report (handled_by set by the trigger)');

-- what the user sees
select tests.authenticate_as('pk_user');
select throws_ok($$ select moderated_by from parky.parking_reviews $$, '42501', null, 'the author cannot read who moderated the review');
select throws_ok($$ select * from parky.parking_reviews $$, '42501', null, 'select * is refused too (the apps name their columns)');
select is((select status || '/' || (moderated_at is not null) from parky.parking_reviews where comment = 'Fine'), 'approved/true',
          'the author sees the decision and when');
select throws_ok($$ select assigned_to from parky.support_tickets $$, '42501', null, 'the user cannot read the assignee');
select throws_ok($$ select author_id from parky.support_ticket_replies $$, '42501', null, 'nor who wrote a staff reply');
select is((select count(*)::int from parky.support_ticket_replies where from_staff), 1, 'but sees that staff replied');
select throws_ok($$ select handled_by from parky.error_reports $$, '42501', null, 'nor who handled the report');
select throws_ok($$ select * from parky.admin_staff_fields('review_moderator', array(select id from parky.parking_reviews)) $$,
                 'PK107', null, 'admin_staff_fields is for admins');
select tests.authenticate_as('pk_owner');
select throws_ok($$ select moderated_by from parky.parking_reviews $$, '42501', null, 'an owner cannot read moderators either');

-- the admin portal
select tests.authenticate_as('pk_admin');
select is((select array_agg(f.staff_user_id) from parky.admin_staff_fields('ticket_assignee', array(select id from parky.support_tickets
                                                                                            where user_id = tests.get_supabase_uid('pk_user'))) f),
          array[tests.get_supabase_uid('pk_admin')], 'an admin reads the assignee');
select is((select array_agg(f.staff_user_id) from parky.admin_staff_fields('reply_author', array(select r.id from parky.support_ticket_replies r join parky.support_tickets t on t.id = r.ticket_id
                                                                                         where t.user_id = tests.get_supabase_uid('pk_user'))) f),
          array[tests.get_supabase_uid('pk_admin')], 'and the author of the staff reply');
select throws_ok($$ select * from parky.admin_staff_fields('user_email', '{}') $$, 'PK118', null, 'an unknown kind is refused');

select * from finish();
rollback;
