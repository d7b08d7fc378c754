-- Prompty issue 5 review fixes: no replies under hidden comments, hidden creators stay
-- followable, bylines for one's followers and notification actors, unused tags are pruned,
-- notifications of hidden comments leave the inbox.
begin;
set search_path = extensions, public;
select plan(13);
-- Start from an empty Prompty; the sample data (seeds/prompty.sql) comes back with the rollback.
set local client_min_messages = warning;
truncate prompty.profiles, prompty.categories, prompty.tags, prompty.price_tiers, prompty.announcements, prompty.badges,
         prompty.contests, prompty.feedback, prompty.contacts cascade;
reset client_min_messages;

select tests.create_supabase_user('au', 'au@example.com', null, '{"username": "review_author"}');
select tests.create_supabase_user('shy', 'shy@example.com', null, '{"username": "shy_follower"}');
select tests.create_supabase_user('other', 'other@example.com', null, '{"username": "review_other"}');
update prompty.account_settings set show_creator_page = false where user_id = tests.get_supabase_uid('shy');
insert into prompty.prompts (id, author_id, title, content) values
  ('00000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('au'), 'Review prompt', 'long enough content');
insert into prompty.comments (id, prompt_id, user_id, content, hidden_at) values
  ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('other'), 'hidden one', now()),
  ('00000000-0000-4000-8000-0000000000c2', '00000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('other'), 'visible one', null);

select tests.authenticate_as('au');
select throws_ok($$ insert into prompty.comments (prompt_id, parent_id, content)
                    values ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000c1', 'reply') $$,
                 'PT131', null, 'no reply under a hidden comment');
select lives_ok($$ insert into prompty.comments (prompt_id, parent_id, content)
                   values ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000c2', 'reply') $$,
                'a reply under a visible comment');
select is((select count(*) from prompty.notifications where type = 'reply'), 0::bigint,
          'the author sees no reply notification addressed to them (it went to the commenter)');

-- A creator who hides their page can be followed, and follow back.
select tests.authenticate_as('other');
select is((prompty.follow_user(tests.get_supabase_uid('shy')) ->> 'following')::boolean, true, 'a hidden creator can be followed');
select throws_ok(format('select prompty.follow_user(%L)', gen_random_uuid()), 'PT122', null, 'an unknown user still cannot');
select tests.authenticate_as('shy');
select lives_ok(format('select prompty.follow_user(%L)', tests.get_supabase_uid('au')), 'the hidden user follows the author');

-- Bylines in one's own inbox.
select tests.authenticate_as('au');
select is((select username from prompty.get_author_labels(array[tests.get_supabase_uid('shy')])), 'shy_follower',
          'the author can name a hidden follower (their notification''s actor)');
select tests.authenticate_as('other');
select is((select count(*) from prompty.get_author_labels(array[tests.get_supabase_uid('shy')])), 0::bigint,
          'someone unrelated cannot');
select tests.clear_authentication();
select is((select count(*) from prompty.get_author_labels(array[tests.get_supabase_uid('shy')])), 0::bigint, 'nor can a visitor');

-- The reply under c2 notified its author (other); hiding the reply hides the excerpt.
select tests.authenticate_as('other');
select is((select count(*) from prompty.notifications where type = 'reply'), 1::bigint, 'the commenter got the reply notification');
reset role;
update prompty.comments set hidden_at = now() where parent_id = '00000000-0000-4000-8000-0000000000c2';
select tests.authenticate_as('other');
select is((select count(*) from prompty.notifications where type = 'reply'), 0::bigint,
          'once a moderator hides the reply, its excerpt leaves the inbox');

-- Unused tags are pruned.
reset role;
insert into prompty.tags (name, created_at) values ('old_unused', now() - interval '2 days'), ('old_used', now() - interval '2 days'),
                                                   ('new_unused', now());
insert into prompty.prompt_tags (prompt_id, tag_id) select '00000000-0000-4000-8000-0000000000a1', id from prompty.tags where name = 'old_used';
select is(prompty_private.prune_tags(), 1::bigint, 'the prune job deletes one tag');
select is(array(select name from prompty.tags order by name), array['new_unused', 'old_used'],
          'the old unused one: used and recent tags stay');

select * from finish();
rollback;
