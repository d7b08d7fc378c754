-- Prompty social: likes, bookmarks, follows, comments; exact slotted counters, the fold job,
-- no client-writable counter, and every business rule's error code.
begin;
set search_path = extensions, public;
select plan(72);
-- Start from an empty Prompty; the sample data (seeds/prompty.sql) comes back with the rollback.
set local client_min_messages = warning;
truncate prompty.profiles, prompty.categories, prompty.tags, prompty.price_tiers, prompty.announcements, prompty.badges,
         prompty.contests, prompty.feedback, prompty.contacts cascade;
reset client_min_messages;

select tests.create_supabase_user('author', 'author@example.com', null, '{"username": "author"}');
select tests.create_supabase_user('fan', 'fan@example.com', null, '{"username": "fan"}');
select tests.create_supabase_user('fan2', 'fan2@example.com', null, '{"username": "fan2"}');
select tests.create_supabase_user('admin', 'admin@example.com', null, '{"username": "site_admin"}');
update prompty.profiles set status = 'admin' where id = tests.get_supabase_uid('admin');

insert into prompty.prompts (id, author_id, title, content, published) values
  ('00000000-0000-4000-8000-0000000000b1', tests.get_supabase_uid('author'), 'Public prompt', 'long enough content', true),
  ('00000000-0000-4000-8000-0000000000b2', tests.get_supabase_uid('author'), 'Unpublished prompt', 'long enough content', false),
  ('00000000-0000-4000-8000-0000000000b3', tests.get_supabase_uid('author'), 'Hidden prompt', 'long enough content', true),
  ('00000000-0000-4000-8000-0000000000b4', tests.get_supabase_uid('author'), 'Deleted prompt', 'long enough content', true),
  ('00000000-0000-4000-8000-0000000000b5', tests.get_supabase_uid('author'), 'Second public', 'long enough content', true);
update prompty.prompts set hidden_at = now() where id = '00000000-0000-4000-8000-0000000000b3';
update prompty.prompts set deleted_at = now() where id = '00000000-0000-4000-8000-0000000000b4';

-- ---------------------------------------------------------------------------------------
-- Likes
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('fan');
select is((prompty.like_prompt('00000000-0000-4000-8000-0000000000b1') ->> 'like_count')::int, 1, 'like_prompt likes and returns the count');
select is((prompty.like_prompt('00000000-0000-4000-8000-0000000000b1') ->> 'like_count')::int, 1, 'liking twice is a no-op');
select is((select count(*) from prompty.likes), 1::bigint, 'one like row');
select throws_ok($$ insert into prompty.likes (prompt_id) values ('00000000-0000-4000-8000-0000000000b1') $$, '23505', null,
                 'a direct second insert hits the unique key');
select throws_ok($$ select prompty.like_prompt('00000000-0000-4000-8000-0000000000b2') $$, 'PT120', null, 'an unpublished prompt cannot be liked');
select throws_ok($$ select prompty.like_prompt('00000000-0000-4000-8000-0000000000b3') $$, 'PT120', null, 'nor a hidden one');
select throws_ok($$ select prompty.like_prompt('00000000-0000-4000-8000-0000000000b4') $$, 'PT120', null, 'nor a deleted one');
select throws_ok($$ select prompty.like_prompt(gen_random_uuid()) $$, 'PT120', null, 'nor a missing one');
select throws_ok(format('insert into prompty.likes (user_id, prompt_id) values (%L, %L)', tests.get_supabase_uid('fan2'),
                        '00000000-0000-4000-8000-0000000000b5'), '42501', null, 'a like cannot be made for another user');
select tests.authenticate_as('author');
select throws_ok($$ select prompty.like_prompt('00000000-0000-4000-8000-0000000000b2') $$, 'PT120', null,
                 'not even the author likes their unpublished prompt');
select is((select count(*) from prompty.likes), 0::bigint, 'users see only their own likes');
select tests.authenticate_as('fan2');
select lives_ok($$ insert into prompty.likes (prompt_id) values ('00000000-0000-4000-8000-0000000000b1') $$, 'a like by direct insert');
select is((select like_count from prompty.prompt_stats where prompt_id = '00000000-0000-4000-8000-0000000000b1'), 2::bigint,
          'prompt_stats counts both likes');
select is((prompty.unlike_prompt('00000000-0000-4000-8000-0000000000b1') ->> 'like_count')::int, 1, 'unlike_prompt removes the like');
select is((prompty.unlike_prompt('00000000-0000-4000-8000-0000000000b1') ->> 'liked')::boolean, false, 'unliking a missing like is a no-op');
with d as (delete from prompty.likes where user_id = tests.get_supabase_uid('fan') returning 1)
select is(count(*), 0::bigint, 'another user''s like cannot be deleted') from d;
select tests.clear_authentication();
select throws_ok($$ select prompty.like_prompt('00000000-0000-4000-8000-0000000000b1') $$, '42501', null, 'anon cannot like');
select throws_ok($$ select * from prompty.likes $$, '42501', null, 'anon cannot read likes');
select is((select like_count from prompty.prompt_stats where prompt_id = '00000000-0000-4000-8000-0000000000b1'), 1::bigint,
          'anon reads the exact count');
select is((select count(*) from prompty.prompt_stats where prompt_id = '00000000-0000-4000-8000-0000000000b2'), 0::bigint,
          'but not the stats of an unpublished prompt');

-- ---------------------------------------------------------------------------------------
-- Bookmarks
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('fan');
select is((prompty.bookmark_prompt('00000000-0000-4000-8000-0000000000b1') ->> 'bookmarked')::boolean, true, 'bookmark_prompt');
select lives_ok($$ select prompty.bookmark_prompt('00000000-0000-4000-8000-0000000000b1') $$, 'bookmarking twice is a no-op');
select throws_ok($$ select prompty.bookmark_prompt('00000000-0000-4000-8000-0000000000b2') $$, 'PT120', null, 'an unpublished prompt cannot be bookmarked');
select is((select bookmark_count from prompty.prompt_stats where prompt_id = '00000000-0000-4000-8000-0000000000b1'), 1::bigint,
          'bookmarks are counted');
select tests.authenticate_as('fan2');
select is((select count(*) from prompty.bookmarks), 0::bigint, 'bookmarks are private');
select lives_ok($$ select prompty.unbookmark_prompt('00000000-0000-4000-8000-0000000000b1') $$, 'removing a missing bookmark is a no-op');
select is((select bookmark_count from prompty.prompt_stats where prompt_id = '00000000-0000-4000-8000-0000000000b1'), 1::bigint,
          'and changes no count');

-- ---------------------------------------------------------------------------------------
-- Follows
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('fan');
select is((prompty.follow_user(tests.get_supabase_uid('author')) ->> 'follower_count')::int, 1, 'follow_user');
select is((prompty.follow_user(tests.get_supabase_uid('author')) ->> 'follower_count')::int, 1, 'following twice is a no-op');
select throws_ok(format('select prompty.follow_user(%L)', tests.get_supabase_uid('fan')), 'PT121', null, 'a self-follow is refused');
select throws_ok(format('insert into prompty.follows (following_id) values (%L)', tests.get_supabase_uid('fan')), 'PT121', null,
                 'also by direct insert');
select throws_ok(format('select prompty.follow_user(%L)', gen_random_uuid()), 'PT122', null, 'an unknown user cannot be followed');
select throws_ok(format('insert into prompty.follows (follower_id, following_id) values (%L, %L)', tests.get_supabase_uid('fan2'),
                        tests.get_supabase_uid('author')), '42501', null, 'a follow cannot be made for another user');
select tests.authenticate_as('fan2');
select lives_ok(format('select prompty.follow_user(%L)', tests.get_supabase_uid('author')), 'a second follower');
select lives_ok(format('select prompty.follow_user(%L)', tests.get_supabase_uid('fan')), 'fan2 also follows fan');
select results_eq(format('select follower_count, following_count from prompty.profile_stats where profile_id = %L', tests.get_supabase_uid('author')),
                  $$ values (2::bigint, 0::bigint) $$, 'the followed profile counts two followers');
select results_eq(format('select follower_count, following_count from prompty.profile_stats where profile_id = %L', tests.get_supabase_uid('fan2')),
                  $$ values (0::bigint, 2::bigint) $$, 'the follower counts two followings');
with d as (delete from prompty.follows where follower_id = tests.get_supabase_uid('fan') returning 1)
select is(count(*), 0::bigint, 'another user''s follow cannot be deleted') from d;
select is((prompty.unfollow_user(tests.get_supabase_uid('fan')) ->> 'follower_count')::int, 0, 'unfollow_user');
select lives_ok(format('select prompty.unfollow_user(%L)', tests.get_supabase_uid('fan')), 'unfollowing twice is a no-op');
select tests.clear_authentication();
select is((select count(*) from prompty.follows), 2::bigint, 'follows are public');
select throws_ok(format('insert into prompty.follows (following_id) values (%L)', tests.get_supabase_uid('fan')), '42501', null,
                 'anon cannot follow');
reset role;
select throws_ok(format('insert into prompty.follows (follower_id, following_id) values (%L, %L)', tests.get_supabase_uid('fan'),
                        tests.get_supabase_uid('fan')), 'PT121', null, 'even the service path cannot self-follow');

-- ---------------------------------------------------------------------------------------
-- Comments and replies
-- ---------------------------------------------------------------------------------------
reset role;
insert into prompty.comments (id, prompt_id, user_id, content)
values ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000b1', tests.get_supabase_uid('fan'), 'すごく便利でした！');
select tests.authenticate_as('fan2');
select lives_ok($$ insert into prompty.comments (prompt_id, parent_id, content) values
                   ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000c1', '同感です') $$, 'a reply');
select throws_ok($$ insert into prompty.comments (prompt_id, parent_id, content) values
                    ('00000000-0000-4000-8000-0000000000b5', '00000000-0000-4000-8000-0000000000c1', 'wrong thread') $$,
                 'PT131', null, 'a reply must be on its parent''s prompt');
select throws_ok($$ insert into prompty.comments (prompt_id, content) values ('00000000-0000-4000-8000-0000000000b1', '   ') $$,
                 'PT130', null, 'an empty comment is refused');
select throws_ok(format('insert into prompty.comments (prompt_id, content) values (%L, %L)', '00000000-0000-4000-8000-0000000000b1',
                        repeat('あ', 2001)), 'PT130', null, 'a comment over 2000 characters is refused');
select throws_ok($$ insert into prompty.comments (prompt_id, content) values ('00000000-0000-4000-8000-0000000000b2', 'hello') $$,
                 'PT120', null, 'an unpublished prompt cannot be commented');
select throws_ok($$ insert into prompty.comments (prompt_id, content, is_edited) values ('00000000-0000-4000-8000-0000000000b1', 'x', true) $$,
                 '42501', null, 'is_edited is server-owned');
select is((select comment_count from prompty.prompt_stats where prompt_id = '00000000-0000-4000-8000-0000000000b1'), 2::bigint,
          'comments and replies are counted');
with u as (update prompty.comments set content = 'vandalized' where id = '00000000-0000-4000-8000-0000000000c1' returning 1)
select is(count(*), 0::bigint, 'another user''s comment cannot be edited') from u;
select tests.authenticate_as('fan');
update prompty.comments set content = 'すごく便利でした！（追記）' where id = '00000000-0000-4000-8000-0000000000c1';
select ok((select is_edited and edited_at is not null from prompty.comments where id = '00000000-0000-4000-8000-0000000000c1'),
          'an edit marks the comment as edited');
select throws_ok($$ update prompty.comments set prompt_id = '00000000-0000-4000-8000-0000000000b5' $$, '42501', null,
                 'a comment cannot be moved to another prompt');
reset role;
update prompty.comments set hidden_at = now() where id = '00000000-0000-4000-8000-0000000000c1';
select is((select comment_count from prompty.prompt_stats where prompt_id = '00000000-0000-4000-8000-0000000000b1'), 1::bigint,
          'a hidden comment is not counted');
select tests.clear_authentication();
select is((select count(*) from prompty.comments), 1::bigint, 'anon does not see the hidden comment');
select tests.authenticate_as('fan2');
select is((select count(*) from prompty.comments), 1::bigint, 'nor does another user');
select tests.authenticate_as('fan');
select is((select count(*) from prompty.comments), 2::bigint, 'its author does');
select tests.authenticate_as('admin');
select is((select count(*) from prompty.comments), 2::bigint, 'and so do admins');
reset role;
update prompty.comments set hidden_at = null where id = '00000000-0000-4000-8000-0000000000c1';
select tests.authenticate_as('fan2');
with d as (delete from prompty.comments where id = '00000000-0000-4000-8000-0000000000c1' returning 1)
select is(count(*), 0::bigint, 'another user cannot delete the comment') from d;
select tests.authenticate_as('fan');
delete from prompty.comments where id = '00000000-0000-4000-8000-0000000000c1';
select is((select comment_count from prompty.prompt_stats where prompt_id = '00000000-0000-4000-8000-0000000000b1'), 0::bigint,
          'deleting a comment removes its replies from the count too');
reset role;
select is((select count(*) from prompty.comments), 0::bigint, 'the replies are gone');

-- ---------------------------------------------------------------------------------------
-- Counters: exact, never client-written, folded by the cron job
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('fan');
select throws_ok($$ select * from prompty_private.prompt_counter_slots $$, '42501', null, 'clients cannot read counter slots');
select throws_ok($$ select prompty_private.bump_prompt_counters('00000000-0000-4000-8000-0000000000b1', 100) $$, '42501', null,
                 'clients cannot bump counters');
select throws_ok($$ update prompty.prompts set like_count = 1000 $$, '42501', null, 'clients cannot write counters');
select throws_ok($$ select prompty_private.fold_counters() $$, '42501', null, 'clients cannot run the fold');
reset role;
create temporary table stats_before on commit drop as
  select s.* from prompty.prompt_stats s join prompty.prompts p on p.id = s.prompt_id where p.author_id = tests.get_supabase_uid('author');
select ok(prompty_private.fold_counters() > 0, 'the fold moves the pending slots');
select is((select count(*) from prompty_private.prompt_counter_slots where prompt_id in (select prompt_id from stats_before)), 0::bigint,
          'no slot is left');
select set_eq($$ select s.* from prompty.prompt_stats s join stats_before b using (prompt_id) $$, $$ select * from stats_before $$,
              'exact counts are the same after the fold');
select is((select like_count from prompty.prompts where id = '00000000-0000-4000-8000-0000000000b1'), 1::bigint,
          'the rolled-up column holds the count');
select is((select follower_count from prompty.profiles where id = tests.get_supabase_uid('author')), 2::bigint,
          'profiles are folded too');
select is((select count(*) from prompty.prompts p
           where p.author_id = tests.get_supabase_uid('author')
             and (select like_count from prompty_private.prompt_counts(p.id)) <> (select count(*) from prompty.likes l where l.prompt_id = p.id)),
          0::bigint, 'every like counter equals count(*) of likes');
select is((select count(*) from cron.job where jobname = 'prompty-fold-counters' and schedule = '* * * * *'), 1::bigint,
          'pg_cron folds every minute');

select * from finish();
rollback;
