-- Prompty notifications: likes, comments, replies and follows notify the recipient (never
-- oneself), as notification_preferences allow; the inbox is private.
begin;
set search_path = extensions, public;
select plan(24);
-- Start from an empty Prompty; the sample data (seeds/prompty.sql) comes back with the rollback.
set local client_min_messages = warning;
truncate prompty.profiles, prompty.categories, prompty.tags, prompty.price_tiers, prompty.announcements, prompty.badges,
         prompty.contests, prompty.feedback, prompty.contacts cascade;
reset client_min_messages;

select tests.create_supabase_user('creator', 'creator@example.com', null, '{"username": "creator"}');
select tests.create_supabase_user('fan', 'fan@example.com', null, '{"username": "notif_fan"}');
select tests.create_supabase_user('third', 'third@example.com', null, '{"username": "third"}');
insert into prompty.prompts (id, author_id, title, content) values
  ('00000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('creator'), 'Notifying prompt', 'long enough content');

-- Likes
select tests.authenticate_as('fan');
select prompty.like_prompt('00000000-0000-4000-8000-0000000000a1');
select prompty.unlike_prompt('00000000-0000-4000-8000-0000000000a1');
select prompty.like_prompt('00000000-0000-4000-8000-0000000000a1');
reset role;
select results_eq(format('select type, actor_id from prompty.notifications where user_id = %L', tests.get_supabase_uid('creator')),
                  format('values (%L, %L::uuid)', 'like', tests.get_supabase_uid('fan')),
                  'a like notifies the author once, even liked again after unliking');
select tests.authenticate_as('creator');
select prompty.like_prompt('00000000-0000-4000-8000-0000000000a1');
reset role;
select is((select count(*) from prompty.notifications where type = 'like'), 1::bigint, 'liking one''s own prompt notifies nobody');
update prompty.notification_preferences set likes = false where user_id = tests.get_supabase_uid('creator');
select tests.authenticate_as('third');
select prompty.like_prompt('00000000-0000-4000-8000-0000000000a1');
reset role;
select is((select count(*) from prompty.notifications where type = 'like'), 1::bigint, 'an author who turned likes off gets none');

-- Comments and replies
select tests.authenticate_as('fan');
insert into prompty.comments (prompt_id, content) values ('00000000-0000-4000-8000-0000000000a1', 'Great prompt!');
reset role;
create temporary table fan_comment on commit drop as select id from prompty.comments;
grant select on fan_comment to authenticated;
select results_eq(format('select type, body from prompty.notifications where user_id = %L and type <> %L', tests.get_supabase_uid('creator'), 'like'),
                  $$ values ('comment', 'Great prompt!') $$, 'a comment notifies the author, with an excerpt');
select tests.authenticate_as('creator');
insert into prompty.comments (prompt_id, parent_id, content) select '00000000-0000-4000-8000-0000000000a1', id, 'Thank you!' from fan_comment;
reset role;
select results_eq(format('select type, actor_id from prompty.notifications where user_id = %L', tests.get_supabase_uid('fan')),
                  format('values (%L, %L::uuid)', 'reply', tests.get_supabase_uid('creator')), 'a reply notifies the parent comment''s author');
select is((select count(*) from prompty.notifications where user_id = tests.get_supabase_uid('creator') and type = 'comment'), 1::bigint,
          'the author replying to a comment on their prompt is not notified of it');
select tests.authenticate_as('third');
insert into prompty.comments (prompt_id, parent_id, content) select '00000000-0000-4000-8000-0000000000a1', id, 'Me too' from fan_comment;
reset role;
select is((select count(*) from prompty.notifications where user_id = tests.get_supabase_uid('fan') and type = 'reply'), 2::bigint,
          'a third user''s reply notifies the parent comment''s author');
select is((select count(*) from prompty.notifications where user_id = tests.get_supabase_uid('creator') and type = 'comment'), 2::bigint,
          'and the prompt''s author');
update prompty.notification_preferences set replies = false where user_id = tests.get_supabase_uid('fan');
update prompty.notification_preferences set comments = false where user_id = tests.get_supabase_uid('creator');
select tests.authenticate_as('third');
insert into prompty.comments (prompt_id, parent_id, content) select '00000000-0000-4000-8000-0000000000a1', id, 'Again' from fan_comment;
reset role;
select is((select count(*) from prompty.notifications where type in ('reply', 'comment')), 4::bigint,
          'turned-off replies and comments notify nobody');

-- Follows
select tests.authenticate_as('fan');
select prompty.follow_user(tests.get_supabase_uid('creator'));
select prompty.unfollow_user(tests.get_supabase_uid('creator'));
select prompty.follow_user(tests.get_supabase_uid('creator'));
reset role;
select is((select count(*) from prompty.notifications where type = 'follow' and user_id = tests.get_supabase_uid('creator')), 1::bigint,
          'a follow notifies once, even after unfollowing and following again');
update prompty.notification_preferences set follows = false where user_id = tests.get_supabase_uid('fan');
select tests.authenticate_as('creator');
select prompty.follow_user(tests.get_supabase_uid('fan'));
reset role;
select is((select count(*) from prompty.notifications where type = 'follow'), 1::bigint, 'a user who turned follows off gets none');
select is((select count(*) from prompty.notifications where actor_id = user_id), 0::bigint, 'nobody is ever notified of their own action');

-- The inbox
select tests.authenticate_as('creator');
select is((select count(*) from prompty.notifications), 4::bigint, 'recipients read their notifications');
select throws_ok(format('insert into prompty.notifications (user_id, type) values (%L, %L)', tests.get_supabase_uid('fan'), 'follow'),
                 '42501', null, 'clients cannot create notifications');
select throws_ok($$ update prompty.notifications set type = 'like' $$, '42501', null, 'nor rewrite them');
select is(prompty.mark_notifications_read((select array_agg(id) from (select id from prompty.notifications limit 1) x)), 1,
          'mark_notifications_read marks the given ones');
select is(prompty.mark_notifications_read(), 3, 'or all unread ones');
select is(prompty.mark_notifications_read(), 0, 'and is a no-op when nothing is unread');
select tests.authenticate_as('third');
select is((select count(*) from prompty.notifications), 0::bigint, 'others read no notifications');
with u as (update prompty.notifications set read_at = null returning 1) select is(count(*), 0::bigint, 'nor mark them') from u;
with d as (delete from prompty.notifications returning 1) select is(count(*), 0::bigint, 'nor delete them') from d;
select tests.authenticate_as('fan');
with d as (delete from prompty.notifications returning 1) select is(count(*), 2::bigint, 'recipients delete their own') from d;
select tests.clear_authentication();
select throws_ok($$ select id from prompty.notifications $$, '42501', null, 'visitors have no inbox');
select throws_ok($$ select prompty.mark_notifications_read() $$, '42501', null, 'nor mark anything');

select * from finish();
rollback;
