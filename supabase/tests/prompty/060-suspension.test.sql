-- Prompty suspension (review finding F3): a suspended account reads but does not write, on
-- every client-writable table and through every writing RPC; the documented exceptions
-- (private settings, inbox, history, views, contact form) stay open; others are unaffected.
begin;
set search_path = extensions, public;
select plan(57);
-- Start from an empty Prompty; the sample data (seeds/prompty.sql) comes back with the rollback.
set local client_min_messages = warning;
truncate prompty.profiles, prompty.categories, prompty.tags, prompty.price_tiers, prompty.announcements, prompty.badges,
         prompty.contests, prompty.feedback, prompty.contacts cascade;
reset client_min_messages;

select tests.create_supabase_user('adm', 'adm@example.com', null, '{"username": "sus_admin"}');
select tests.create_supabase_user('sus', 'sus@example.com', null, '{"username": "sus_user"}');
select tests.create_supabase_user('ok', 'ok@example.com', null, '{"username": "ok_user"}');
update prompty.profiles set status = 'admin' where id = tests.get_supabase_uid('adm');
insert into prompty.prompts (id, author_id, title, content) values
  ('00000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('sus'), 'Suspended user prompt', 'long enough content'),
  ('00000000-0000-4000-8000-0000000000a2', tests.get_supabase_uid('ok'), 'Fine user prompt', 'long enough content');
insert into prompty.comments (id, prompt_id, user_id, content) values
  ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000a2', tests.get_supabase_uid('sus'), 'before the suspension');
insert into prompty.likes (user_id, prompt_id) values (tests.get_supabase_uid('sus'), '00000000-0000-4000-8000-0000000000a2');
insert into prompty.follows (follower_id, following_id) values (tests.get_supabase_uid('sus'), tests.get_supabase_uid('adm'));
insert into prompty.drafts (id, author_id, title, content) values
  ('00000000-0000-4000-8000-0000000000d1', tests.get_supabase_uid('sus'), 'A draft to publish', 'long enough content');
insert into prompty.magazines (id, owner_id, title) values ('00000000-0000-4000-8000-0000000000e1', tests.get_supabase_uid('sus'), 'My picks');
insert into prompty.announcements (id, title, content) values ('00000000-0000-4000-8000-0000000000f1', 'News', 'Something happened');
insert into prompty.contests (id, title, start_at, end_at) values
  ('00000000-0000-4000-8000-0000000000b1', 'Open contest', now() - interval '1 day', now() + interval '1 day');
-- The follow above notified the admin; a like by ok notifies sus (an inbox to manage).
insert into prompty.likes (user_id, prompt_id) values (tests.get_supabase_uid('ok'), '00000000-0000-4000-8000-0000000000a1');

select tests.authenticate_as('adm');
select is(prompty.set_user_status(tests.get_supabase_uid('sus'), 'suspended') ->> 'status', 'suspended', 'an admin suspends the user');

-- ---------------------------------------------------------------------------------------
-- Every client-writable table has the guard, except the documented private ones
-- ---------------------------------------------------------------------------------------
reset role;
select is(array(
  select c.relname::text from pg_class c
  where c.relnamespace = 'prompty'::regnamespace and c.relkind = 'r'
    and (has_any_column_privilege('authenticated', c.oid, 'INSERT') or has_any_column_privilege('authenticated', c.oid, 'UPDATE')
         or has_table_privilege('authenticated', c.oid, 'DELETE'))
    and c.relname not in ('account_settings', 'notification_preferences', 'notification_settings', 'user_settings',
                          'notifications', 'recently_viewed_prompts', 'contacts')
    and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = c.relname || '_before_write_guard_suspended'
                    and t.tgenabled = 'O')
  order by 1), '{}'::text[], 'every client-writable table outside the documented exceptions has the suspension guard');

-- ---------------------------------------------------------------------------------------
-- A suspended user: table writes
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('sus');
select is((select count(*) from prompty.prompts), 2::bigint, 'a suspended user still reads prompts');
select throws_ok($$ update prompty.profiles set bio = 'still here' where id = auth.uid() $$, 'PT105', null, 'cannot edit their profile');
select throws_ok($$ insert into prompty.prompts (title, content) values ('New prompt title', 'long enough content') $$, 'PT105', null,
                 'cannot post a prompt');
select throws_ok($$ update prompty.prompts set title = 'Edited title here' where id = '00000000-0000-4000-8000-0000000000a1' $$, 'PT105', null,
                 'cannot edit their prompt');
select throws_ok($$ update prompty.prompts set published = false where id = '00000000-0000-4000-8000-0000000000a1' $$, 'PT105', null,
                 'cannot unpublish or publish');
select throws_ok($$ delete from prompty.prompt_tags $$, 'PT105', null, 'cannot untag');
select throws_ok($$ insert into prompty.drafts (title) values ('x') $$, 'PT105', null, 'cannot write a draft');
select throws_ok($$ update prompty.drafts set title = 'y' $$, 'PT105', null, 'cannot edit a draft');
select throws_ok($$ insert into prompty.comments (prompt_id, content) values ('00000000-0000-4000-8000-0000000000a2', 'hi') $$, 'PT105', null,
                 'cannot comment');
select throws_ok($$ update prompty.comments set content = 'edited' where id = '00000000-0000-4000-8000-0000000000c1' $$, 'PT105', null,
                 'cannot edit a comment');
select throws_ok($$ delete from prompty.comments where id = '00000000-0000-4000-8000-0000000000c1' $$, 'PT105', null,
                 'cannot delete a comment');
select throws_ok($$ insert into prompty.likes (prompt_id) values ('00000000-0000-4000-8000-0000000000a2') $$, 'PT105', null, 'cannot like');
select throws_ok($$ insert into prompty.bookmarks (prompt_id) values ('00000000-0000-4000-8000-0000000000a2') $$, 'PT105', null, 'cannot bookmark');
select throws_ok(format('insert into prompty.follows (following_id) values (%L)', tests.get_supabase_uid('ok')), 'PT105', null, 'cannot follow');
select throws_ok($$ insert into prompty.reports (target_type, target_id, reason) values ('prompt', '00000000-0000-4000-8000-0000000000a2', 'spam') $$,
                 'PT105', null, 'cannot report');
select throws_ok($$ insert into prompty.feedback (message) values ('let me back in') $$, 'PT105', null, 'cannot send feedback');
select throws_ok($$ insert into prompty.magazines (title) values ('Another') $$, 'PT105', null, 'cannot create a magazine');
select throws_ok($$ update prompty.magazines set title = 'Renamed' $$, 'PT105', null, 'cannot rename a magazine');
select throws_ok($$ insert into prompty.magazine_prompts (magazine_id, prompt_id) values ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000a2') $$,
                 'PT105', null, 'cannot curate');
select throws_ok($$ insert into prompty.contest_entries (contest_id, prompt_id) values ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000a1') $$,
                 'PT105', null, 'cannot enter a contest');
select throws_ok($$ insert into prompty.prompt_executions (prompt_id, input) values ('00000000-0000-4000-8000-0000000000a2', 'run') $$,
                 'PT105', null, 'cannot record a run');
select throws_ok($$ insert into prompty.announcement_reads (announcement_id) values ('00000000-0000-4000-8000-0000000000f1') $$,
                 'PT105', null, 'cannot write read marks');
select throws_ok(format('insert into storage.objects (bucket_id, name) values (%L, %L)', 'avatars', tests.get_supabase_uid('sus') || '/me.png'),
                 'PT105', null, 'cannot upload an image');
select throws_ok($$ insert into prompty.prompt_tags (prompt_id, tag_id) select '00000000-0000-4000-8000-0000000000a1', gen_random_uuid() $$,
                 'PT105', null, 'cannot tag');
select throws_ok($$ delete from prompty.likes $$, 'PT105', null, 'cannot remove a like directly');
select throws_ok($$ delete from prompty.follows where follower_id = auth.uid() $$, 'PT105', null, 'cannot unfollow directly');
select throws_ok($$ delete from prompty.magazines $$, 'PT105', null, 'cannot delete a magazine');
-- Admin-only tables: PT105 comes before the RLS refusal.
select throws_ok($$ insert into prompty.categories (name, slug) values ('Mine', 'mine') $$, 'PT105', null, 'categories');
select throws_ok($$ update prompty.announcements set title = 'x' $$, 'PT105', null, 'announcements');
select throws_ok($$ insert into prompty.badges (slug, name) values ('me', 'Me') $$, 'PT105', null, 'badges');
select throws_ok($$ update prompty.contests set title = 'x' $$, 'PT105', null, 'contests');

-- ---------------------------------------------------------------------------------------
-- A suspended user: RPCs
-- ---------------------------------------------------------------------------------------
select throws_ok($$ select prompty.like_prompt('00000000-0000-4000-8000-0000000000a2') $$, 'PT105', null, 'like_prompt');
select throws_ok($$ select prompty.unlike_prompt('00000000-0000-4000-8000-0000000000a2') $$, 'PT105', null, 'unlike_prompt');
select throws_ok($$ select prompty.bookmark_prompt('00000000-0000-4000-8000-0000000000a2') $$, 'PT105', null, 'bookmark_prompt');
select throws_ok(format('select prompty.follow_user(%L)', tests.get_supabase_uid('ok')), 'PT105', null, 'follow_user');
select throws_ok(format('select prompty.unfollow_user(%L)', tests.get_supabase_uid('adm')), 'PT105', null, 'unfollow_user');
select throws_ok($$ select prompty.set_prompt_tags('00000000-0000-4000-8000-0000000000a1', array['new']) $$, 'PT105', null, 'set_prompt_tags');
select throws_ok($$ select prompty.delete_prompt('00000000-0000-4000-8000-0000000000a1') $$, 'PT105', null,
                 'delete_prompt (a security-definer path)');
select throws_ok($$ select prompty.publish_draft('00000000-0000-4000-8000-0000000000d1', gen_random_uuid()) $$, 'PT105', null, 'publish_draft');
select throws_ok($$ select prompty.mark_announcement_read('00000000-0000-4000-8000-0000000000f1') $$, 'PT105', null, 'mark_announcement_read');
select is((select count(*) from prompty.likes), 1::bigint, 'nothing was written: the old like is still there');

-- ---------------------------------------------------------------------------------------
-- The documented exceptions
-- ---------------------------------------------------------------------------------------
select lives_ok($$ update prompty.notification_settings set email_promotions = false $$, 'a suspended user switches e-mails off');
select lives_ok($$ update prompty.user_settings set reaction_settings = '{"compact": true}' $$, 'and edits private preferences');
select is(prompty.mark_notifications_read(), 1, 'marks notifications read');
select is((prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a2') ->> 'counted')::boolean, true, 'opening a prompt still counts');
select lives_ok($$ delete from prompty.recently_viewed_prompts $$, 'clears their history');
select lives_ok($$ insert into prompty.contacts (name, email, subject, message) values ('Sus', 'sus@example.com', 'Appeal', 'Please review') $$,
                'uses the contact form to appeal');
select is((prompty.get_prompt('00000000-0000-4000-8000-0000000000a2')).title, 'Fine user prompt', 'reads a prompt through get_prompt');

-- ---------------------------------------------------------------------------------------
-- Others are unaffected; reactivation restores writing
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('ok');
select lives_ok($$ select prompty.like_prompt('00000000-0000-4000-8000-0000000000a1') $$, 'an active user likes the suspended user''s prompt');
select lives_ok($$ update prompty.profiles set bio = 'active' where id = auth.uid() $$, 'and edits their profile');
select tests.clear_authentication();
select lives_ok($$ insert into prompty.feedback (message) values ('anonymous feedback') $$, 'anonymous visitors are not affected');
select tests.authenticate_as('adm');
select lives_ok($$ select prompty.moderate_comment('00000000-0000-4000-8000-0000000000c1', true, 'spam') $$,
                'an admin moderates the suspended user''s comment');
select tests.authenticate_as_service_role();
select lives_ok(format('update prompty.prompts set title = %L where id = %L', 'Service role edit', '00000000-0000-4000-8000-0000000000a1'),
                'the service role writes for a suspended user');
select tests.authenticate_as('adm');
select lives_ok(format('select prompty.set_user_status(%L, %L)', tests.get_supabase_uid('sus'), 'active'), 'the admin lifts the suspension');
select tests.authenticate_as('sus');
select lives_ok($$ update prompty.profiles set bio = 'back' where id = auth.uid() $$, 'the user writes again');

select * from finish();
rollback;
