-- Prompty moderation and operations: reports (reasons, statuses, resolution by admins),
-- hiding and featuring, feedback and contact forms from anonymous visitors.
begin;
set search_path = extensions, public;
select plan(54);
-- Start from an empty Prompty; the sample data (seeds/prompty.sql) comes back with the rollback.
set local client_min_messages = warning;
truncate prompty.profiles, prompty.categories, prompty.tags, prompty.price_tiers, prompty.announcements, prompty.badges,
         prompty.contests, prompty.feedback, prompty.contacts cascade;
reset client_min_messages;

select tests.create_supabase_user('au', 'au@example.com', null, '{"username": "mod_author"}');
select tests.create_supabase_user('rep', 'rep@example.com', null, '{"username": "reporter"}');
select tests.create_supabase_user('rep2', 'rep2@example.com', null, '{"username": "reporter2"}');
select tests.create_supabase_user('adm', 'adm@example.com', null, '{"username": "moderator"}');
update prompty.profiles set status = 'admin' where id = tests.get_supabase_uid('adm');
insert into prompty.prompts (id, author_id, title, content, published) values
  ('00000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('au'), 'Reported prompt', 'long enough content', true),
  ('00000000-0000-4000-8000-0000000000a2', tests.get_supabase_uid('au'), 'Unpublished prompt', 'long enough content', false);
insert into prompty.comments (id, prompt_id, user_id, content) values
  ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('au'), 'a rude comment');

-- ---------------------------------------------------------------------------------------
-- Reports
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('rep');
select lives_ok($$ insert into prompty.reports (target_type, target_id, reason, details)
                   values ('prompt', '00000000-0000-4000-8000-0000000000a1', 'spam', 'repeated ads') $$, 'a user reports a prompt');
select throws_ok($$ insert into prompty.reports (target_type, target_id, reason) values ('prompt', '00000000-0000-4000-8000-0000000000a1', 'other') $$,
                 'PT163', null, 'the same target twice is refused');
select throws_ok($$ insert into prompty.reports (target_type, target_id, reason) values ('comment', '00000000-0000-4000-8000-0000000000c1', 'boring') $$,
                 'PT160', null, 'an unknown reason is refused');
select throws_ok($$ insert into prompty.reports (target_type, target_id, reason) values ('user', '00000000-0000-4000-8000-0000000000c1', 'spam') $$,
                 'PT161', null, 'an unknown target type is refused');
select throws_ok($$ insert into prompty.reports (target_type, target_id, reason) values ('prompt', '00000000-0000-4000-8000-0000000000a2', 'spam') $$,
                 'PT162', null, 'a prompt the reporter cannot see cannot be reported');
select throws_ok($$ insert into prompty.reports (target_type, target_id, reason) values ('comment', gen_random_uuid(), 'spam') $$,
                 'PT162', null, 'nor a missing comment');
select throws_ok(format('insert into prompty.reports (target_type, target_id, reason, details) values (%L, %L, %L, %L)',
                        'comment', '00000000-0000-4000-8000-0000000000c1', 'harassment', repeat('x', 2001)),
                 'PT164', null, 'details over 2000 characters are refused');
select lives_ok($$ insert into prompty.reports (target_type, target_id, reason) values ('comment', '00000000-0000-4000-8000-0000000000c1', 'harassment') $$,
                'a user reports a comment');
select is((select prompt_id from prompty.reports where target_type = 'comment'), '00000000-0000-4000-8000-0000000000a1'::uuid,
          'a comment report records the comment''s prompt');
select throws_ok($$ insert into prompty.reports (target_type, target_id, reason, status) values ('prompt', '00000000-0000-4000-8000-0000000000a1', 'spam', 'dismissed') $$,
                 '42501', null, 'the status is server-owned');
select throws_ok($$ update prompty.reports set status = 'dismissed' $$, '42501', null, 'reporters cannot resolve reports');
select is((select count(*) from prompty.reports), 2::bigint, 'reporters read their reports');
select tests.authenticate_as('rep2');
select is((select count(*) from prompty.reports), 0::bigint, 'other users read none');
select lives_ok($$ insert into prompty.reports (target_type, target_id, reason) values ('prompt', '00000000-0000-4000-8000-0000000000a1', 'inappropriate') $$,
                'a second user reports the same prompt');
select throws_ok($$ select prompty.resolve_report((select id from prompty.reports limit 1), 'dismiss') $$, 'PT180', null,
                 'only admins resolve reports');
select tests.clear_authentication();
select throws_ok($$ select id from prompty.reports $$, '42501', null, 'anon reads no reports');
select throws_ok($$ insert into prompty.reports (target_type, target_id, reason) values ('prompt', '00000000-0000-4000-8000-0000000000a1', 'spam') $$,
                 '42501', null, 'anon cannot report');

reset role;
alter table prompty.reports disable trigger reports_before_insert_prepare;
select throws_ok(format('insert into prompty.reports (reporter_id, target_type, target_id, prompt_id, reason) values (%L, %L, %L, %L, %L)',
                        tests.get_supabase_uid('adm'), 'prompt', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a1', 'boring'),
                 '23514', null, 'reports_reason_check holds without the trigger');
alter table prompty.reports enable trigger reports_before_insert_prepare;

select tests.authenticate_as('adm');
select is((select count(*) from prompty.reports), 3::bigint, 'admins read every report');
select results_eq($$ select r ->> 'status', (r ->> 'resolved_reports')::int
                     from prompty.resolve_report((select id from prompty.reports where target_type = 'comment'), 'dismiss', 'not harassment') r $$,
                  $$ values ('dismissed', 1) $$, 'an admin dismisses a report');
select throws_ok($$ select prompty.resolve_report((select id from prompty.reports where target_type = 'comment'), 'hide') $$, 'PT168', null,
                 'a resolved report cannot be resolved again');
select throws_ok($$ select prompty.resolve_report((select id from prompty.reports where target_type = 'prompt' limit 1), 'ban') $$, 'PT167', null,
                 'an unknown action is refused');
select results_eq(format('select r ->> %L, (r ->> %L)::int from prompty.resolve_report((select id from prompty.reports where reporter_id = %L and target_type = %L), %L) r',
                         'action', 'resolved_reports', tests.get_supabase_uid('rep'), 'prompt', 'hide'),
                  $$ values ('hidden', 2) $$, 'hiding resolves every pending report on the prompt');
select ok((select hidden_at is not null and hidden_reason = 'spam' from prompty.prompts where id = '00000000-0000-4000-8000-0000000000a1'),
          'the prompt is hidden with the report''s reason');
reset role;
select is((select count(*) from prompty.reports where status = 'reviewed' and action = 'hidden' and reviewed_by = tests.get_supabase_uid('adm')),
          2::bigint, 'the reports record who resolved them (server-side: reviewed_by is not granted to clients)');
select tests.clear_authentication();
select is((select count(*) from prompty.prompts where id = '00000000-0000-4000-8000-0000000000a1'), 0::bigint, 'visitors no longer see it');
select tests.authenticate_as('au');
select is((select hidden_reason from prompty.prompts where id = '00000000-0000-4000-8000-0000000000a1'), 'spam', 'its author sees why');
select throws_ok($$ select prompty.moderate_prompt('00000000-0000-4000-8000-0000000000a1', false) $$, 'PT180', null, 'authors cannot unhide');

select tests.authenticate_as('adm');
select is(prompty.moderate_prompt('00000000-0000-4000-8000-0000000000a1', false) ->> 'hidden', 'false', 'an admin unhides the prompt');
select is((prompty.moderate_comment('00000000-0000-4000-8000-0000000000c1', true, 'rude') ->> 'hidden')::boolean, true, 'an admin hides a comment');
select is((select comment_count from prompty.prompt_stats where prompt_id = '00000000-0000-4000-8000-0000000000a1'), 0::bigint,
          'the hidden comment leaves the count');
select throws_ok($$ select prompty.moderate_comment(gen_random_uuid(), true) $$, 'PT132', null, 'an unknown comment is reported');
select throws_ok($$ select prompty.moderate_prompt(gen_random_uuid(), true) $$, 'PT120', null, 'an unknown prompt is reported');
select is((prompty.set_prompt_featured('00000000-0000-4000-8000-0000000000a1', true) ->> 'is_featured')::boolean, true, 'an admin features a prompt');
select tests.authenticate_as('rep');
select throws_ok($$ select prompty.set_prompt_featured('00000000-0000-4000-8000-0000000000a1', false) $$, 'PT180', null, 'users cannot feature');

-- ---------------------------------------------------------------------------------------
-- Feedback
-- ---------------------------------------------------------------------------------------
select tests.clear_authentication();
select lives_ok($$ insert into prompty.feedback (category, message, email) values ('feature', 'ダークモードが欲しいです', 'visitor@example.com') $$,
                'a visitor sends feedback');
select throws_ok(format('insert into prompty.feedback (message) values (%L)', repeat('長', 2001)), 'PT165', null, 'an oversize message is refused');
select throws_ok($$ insert into prompty.feedback (category, message) values ('praise', 'great') $$, 'PT165', null, 'an unknown category is refused');
select throws_ok($$ insert into prompty.feedback (message, email) values ('hi', 'not-an-email') $$, 'PT166', null, 'an invalid e-mail is refused');
select throws_ok($$ select id from prompty.feedback $$, '42501', null, 'visitors cannot read feedback');
select tests.authenticate_as('rep');
select lives_ok($$ insert into prompty.feedback (category, message) values ('bug', 'the button is broken') $$, 'a user sends feedback');
select throws_ok(format('insert into prompty.feedback (user_id, message) values (%L, %L)', tests.get_supabase_uid('rep2'), 'as someone else'),
                 '42501', null, 'the sender cannot be chosen');
select is((select count(*) from prompty.feedback where user_id = auth.uid()), 1::bigint, 'users read their own feedback, in their name');
select is((select count(*) from prompty.feedback), 1::bigint, 'and nobody else''s');
with u as (update prompty.feedback set status = 'closed' returning 1) select is(count(*), 0::bigint, 'users cannot triage') from u;
select tests.authenticate_as('adm');
select is((select count(*) from prompty.feedback), 2::bigint, 'admins read all feedback');
with u as (update prompty.feedback set status = 'read' returning 1) select is(count(*), 2::bigint, 'admins triage it') from u;

-- ---------------------------------------------------------------------------------------
-- Contact form
-- ---------------------------------------------------------------------------------------
select tests.clear_authentication();
select lives_ok($$ insert into prompty.contacts (name, email, category, subject, message)
                   values ('山田', 'yamada@example.com', 'payment', '返金について', '購入したプロンプトについて') $$, 'a visitor sends a contact message');
select throws_ok(format('insert into prompty.contacts (name, email, subject, message) values (%L, %L, %L, %L)',
                        'Big', 'big@example.com', 'Long', repeat('x', 5001)), 'PT165', 'message must have 1-5000 characters',
                 'an oversize contact message is refused with a clear message');
select throws_ok($$ insert into prompty.contacts (name, subject, message) values ('No mail', 'Subject', 'Message') $$, 'PT166', null,
                 'a contact message needs an e-mail');
select throws_ok($$ insert into prompty.contacts (name, email, subject, message) values ('', 'a@example.com', 'Subject', 'Message') $$, 'PT165', null,
                 'and a name');
select throws_ok($$ select id from prompty.contacts $$, '42501', null, 'visitors cannot read contact messages');
reset role;
alter table prompty.contacts disable trigger contacts_before_insert_validate;
select throws_ok(format('insert into prompty.contacts (name, email, subject, message) values (%L, %L, %L, %L)',
                        'Big', 'big@example.com', 'Long', repeat('x', 5001)), '23514', null, 'contacts_message_length holds without the trigger');
alter table prompty.contacts enable trigger contacts_before_insert_validate;
select tests.authenticate_as('adm');
with u as (update prompty.contacts set status = 'in_progress' returning 1) select is(count(*), 1::bigint, 'admins handle contact messages') from u;

select * from finish();
rollback;
