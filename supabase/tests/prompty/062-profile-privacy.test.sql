-- Prompty profile privacy (review finding F6): a hidden creator page hides the profile, its
-- follow relations and its listing, but keeps the byline on public prompts and comments;
-- admin ids are not readable by clients.
begin;
set search_path = extensions, public;
select plan(32);
-- Start from an empty Prompty; the sample data (seeds/prompty.sql) comes back with the rollback.
set local client_min_messages = warning;
truncate prompty.profiles, prompty.categories, prompty.tags, prompty.price_tiers, prompty.announcements, prompty.badges,
         prompty.contests, prompty.feedback, prompty.contacts cascade;
reset client_min_messages;

select tests.create_supabase_user('shy', 'shy@example.com', null, '{"username": "shy_creator"}');
select tests.create_supabase_user('silent', 'silent@example.com', null, '{"username": "silent_one"}');
select tests.create_supabase_user('open', 'open@example.com', null, '{"username": "open_creator"}');
select tests.create_supabase_user('fan', 'fan@example.com', null, '{"username": "fan"}');
select tests.create_supabase_user('adm', 'adm@example.com', null, '{"username": "privacy_admin"}');
update prompty.profiles set status = 'admin' where id = tests.get_supabase_uid('adm');
update prompty.profiles set bio = 'private bio', website = 'https://shy.example' where id = tests.get_supabase_uid('shy');
update prompty.account_settings set show_creator_page = false where user_id in (tests.get_supabase_uid('shy'), tests.get_supabase_uid('silent'));
insert into prompty.prompts (id, author_id, title, content) values
  ('00000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('shy'), 'Shy creator prompt', 'long enough content'),
  ('00000000-0000-4000-8000-0000000000a2', tests.get_supabase_uid('open'), 'Open creator prompt', 'long enough content');
insert into prompty.follows (follower_id, following_id) values
  (tests.get_supabase_uid('fan'), tests.get_supabase_uid('shy')),
  (tests.get_supabase_uid('fan'), tests.get_supabase_uid('open'));

-- ---------------------------------------------------------------------------------------
-- Hidden profile rows
-- ---------------------------------------------------------------------------------------
select tests.clear_authentication();
select is((select count(*) from prompty.profiles where id = tests.get_supabase_uid('shy')), 0::bigint, 'anon cannot read a hidden profile');
select is((select bio from prompty.profiles where id = tests.get_supabase_uid('open')), null, 'but reads a listed one');
select is((select count(*) from prompty.profile_stats where profile_id = tests.get_supabase_uid('shy')), 0::bigint,
          'nor its stats');
select is((select count(*) from prompty.follows), 1::bigint, 'follows involving a hidden creator are not public');
select tests.authenticate_as('open');
select is((select count(*) from prompty.profiles where id = tests.get_supabase_uid('shy')), 0::bigint, 'another user cannot read it');
select is((select count(*) from prompty.follows where following_id = tests.get_supabase_uid('shy')), 0::bigint,
          'nor the hidden creator''s followers');
select tests.authenticate_as('shy');
select is((select bio from prompty.profiles where id = auth.uid()), 'private bio', 'the creator reads their own profile');
select is((select count(*) from prompty.follows where following_id = auth.uid()), 1::bigint, 'and their followers');
select lives_ok($$ update prompty.profiles set bio = 'still private' where id = auth.uid() $$, 'and edits it');
select tests.authenticate_as('fan');
select is((select count(*) from prompty.follows where follower_id = auth.uid()), 2::bigint, 'a follower sees their own follows');
select tests.authenticate_as('adm');
select is((select count(*) from prompty.profiles where id in (tests.get_supabase_uid('shy'), tests.get_supabase_uid('silent'))), 2::bigint,
          'admins read hidden profiles');

-- ---------------------------------------------------------------------------------------
-- Attribution and listing
-- ---------------------------------------------------------------------------------------
select tests.clear_authentication();
select is((select author_username from prompty.get_prompt('00000000-0000-4000-8000-0000000000a1')), 'shy_creator',
          'get_prompt keeps the hidden creator''s byline');
select is((select author_username from prompty.search_prompts(p_query => 'shy')), 'shy_creator', 'so do search results');
select is((select count(*) from prompty.search_prompts(p_author_id => tests.get_supabase_uid('shy'))), 0::bigint,
          'the hidden creator''s listing (creator page) is empty for visitors');
select is((select count(*) from prompty.search_prompts(p_author_id => tests.get_supabase_uid('open'))), 1::bigint,
          'a listed creator''s is not');
select throws_ok($$ select prompty.get_creator('shy_creator') $$, 'PT122', null, 'the creator page is not found');
select is(array(select username from prompty.get_author_labels(array[tests.get_supabase_uid('shy'), tests.get_supabase_uid('silent'),
                                                                     tests.get_supabase_uid('open')]) order by username),
          array['open_creator', 'shy_creator'],
          'bylines: the hidden creator with a public prompt yes, a hidden user without public content no');
select throws_ok($$ select * from prompty.get_author_labels(array(select gen_random_uuid() from generate_series(1, 101))) $$,
                 'PT152', null, 'at most 100 ids');
select tests.authenticate_as('shy');
select is((select count(*) from prompty.search_prompts(p_author_id => auth.uid())), 1::bigint, 'the creator sees their own listing');
select tests.authenticate_as('silent');
select is((select username from prompty.get_author_labels(array[auth.uid()])), 'silent_one', 'one''s own byline');
-- A comment makes a hidden user's byline available.
reset role;
insert into prompty.comments (prompt_id, user_id, content) values ('00000000-0000-4000-8000-0000000000a2', tests.get_supabase_uid('silent'), 'nice');
select tests.clear_authentication();
select is((select username from prompty.get_author_labels(array[tests.get_supabase_uid('silent')])), 'silent_one',
          'a hidden user who comments keeps the comment''s byline');

-- ---------------------------------------------------------------------------------------
-- Admin ids are not granted
-- ---------------------------------------------------------------------------------------
select is(array(
  select format('%s: %s.%s', r, t.tbl, t.col)
  from (values ('categories', 'created_by'), ('announcements', 'created_by'), ('contests', 'created_by'),
               ('user_badges', 'awarded_by'), ('reports', 'reviewed_by')) t (tbl, col),
       unnest(array['anon', 'authenticated']) r
  where has_column_privilege(r, format('prompty.%I', t.tbl), t.col, 'SELECT')
  order by 1), '{}'::text[], 'no client reads who created, awarded or reviewed');
select tests.authenticate_as('adm');
select lives_ok($$ insert into prompty.categories (name, slug) values ('Private test', 'private-test') $$, 'an admin still creates a category');
select throws_ok($$ select created_by from prompty.categories $$, '42501', null, 'the creator column is not readable, even by an admin');
select is((select slug from prompty.categories), 'private-test', 'the other columns are');
select lives_ok($$ insert into prompty.badges (slug, name) values ('helper', 'Helper') $$, 'an admin creates a badge');
select lives_ok(format('insert into prompty.user_badges (user_id, badge_id) select %L, id from prompty.badges', tests.get_supabase_uid('fan')),
                'and awards it in their own name');
select tests.clear_authentication();
select throws_ok($$ select awarded_by from prompty.user_badges $$, '42501', null, 'anon cannot read who awarded a badge');
select is((select count(*) from prompty.user_badges where user_id = tests.get_supabase_uid('fan')), 1::bigint, 'but sees the award');
select tests.authenticate_as('fan');
select lives_ok($$ insert into prompty.reports (target_type, target_id, reason) values ('prompt', '00000000-0000-4000-8000-0000000000a2', 'spam') $$,
                'a user reports');
select throws_ok($$ select reviewed_by from prompty.reports $$, '42501', null, 'and cannot read who reviews it');
reset role;
select is((select awarded_by from prompty.user_badges), tests.get_supabase_uid('adm'), 'the server keeps the awarding admin');

select * from finish();
rollback;
