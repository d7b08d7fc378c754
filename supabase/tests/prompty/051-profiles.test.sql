-- Prompty profiles: sign-up (usernames, settings rows), the profile RLS and column grants,
-- the server-owned admin status, the settings stores and their JSON mirror, storage folders.
begin;
set search_path = extensions, public;
select plan(67);
-- Start from an empty Prompty; the sample data (seeds/prompty.sql) comes back with the rollback.
set local client_min_messages = warning;
truncate prompty.profiles, prompty.categories, prompty.tags, prompty.price_tiers, prompty.announcements, prompty.badges,
         prompty.contests, prompty.feedback, prompty.contacts cascade;
reset client_min_messages;

-- ---------------------------------------------------------------------------------------
-- Sign-up
-- ---------------------------------------------------------------------------------------
select tests.create_supabase_user('taro', 'taro@example.com', null, '{"username": "taro_y", "full_name": "山田 太郎"}');
select tests.create_supabase_user('hana', 'Hana.Sato@example.com', null, '{"username": "Bad Name!"}');
select tests.create_supabase_user('taro2', 'taro2@example.com', null, '{"username": "taro_y"}');
select tests.create_supabase_user('boss', 'boss@example.com', null, '{"username": "admin"}');
select tests.create_supabase_user('kanji', '日本@example.com');
select tests.create_supabase_user('mod', 'mod@example.com', null, '{"username": "moderator_1"}');

select is((select username from prompty.profiles where id = tests.get_supabase_uid('taro')), 'taro_y',
          'a valid, free username from the sign-up metadata is used');
select is((select display_name from prompty.profiles where id = tests.get_supabase_uid('taro')), '山田 太郎',
          'display_name comes from full_name');
select is((select username from prompty.profiles where id = tests.get_supabase_uid('hana')), 'badname',
          'an invalid requested username is cleaned up');
select matches((select username from prompty.profiles where id = tests.get_supabase_uid('taro2')), '^taro_y_[0-9a-f]{5}$',
               'a taken username gets a suffix');
select matches((select username from prompty.profiles where id = tests.get_supabase_uid('boss')), '^admin_[0-9a-f]{5}$',
               'a reserved username is never given out');
select is((select username from prompty.profiles where id = tests.get_supabase_uid('kanji')), 'user',
          'an e-mail without usable characters gives "user"');
select is((select count(*) from prompty.profiles where username !~ '^[a-z0-9_]{3,30}$'), 0::bigint,
          'every generated username is valid');
select is((select email from prompty.profiles where id = tests.get_supabase_uid('hana')), 'Hana.Sato@example.com',
          'the profile keeps a server-side copy of the e-mail');
select is((select status from prompty.profiles where id = tests.get_supabase_uid('taro')), 'active', 'new users are active');
select is((select count(*) from prompty.account_settings a join prompty.notification_preferences np using (user_id)
           join prompty.notification_settings ns using (user_id) join prompty.user_settings us using (user_id)
           where user_id = tests.get_supabase_uid('taro')), 1::bigint, 'sign-up creates the four settings rows');
select is((select account_settings from prompty.user_settings where user_id = tests.get_supabase_uid('taro'))
            - array['add_mentions_on_share', 'allow_reposts', 'show_recommended_creators', 'allow_anonymous_purchase'],
          '{"use_mincho_font": false, "accept_tip_payments": true, "restrict_ai_learning": false, "display_account_on_creator_page": true}'::jsonb,
          'user_settings.account_settings has the seed''s default structure');
select is((select notification_settings -> 'email_notifications' from prompty.user_settings where user_id = tests.get_supabase_uid('taro')),
          '{"newsletter": true, "promotions": true}'::jsonb, 'user_settings.notification_settings has the seed''s e-mail keys');

update auth.users set email = 'taro.new@example.com' where id = tests.get_supabase_uid('taro');
select is((select email from prompty.profiles where id = tests.get_supabase_uid('taro')), 'taro.new@example.com',
          'an e-mail change in auth.users reaches the profile');

-- ---------------------------------------------------------------------------------------
-- Profile reads and writes
-- ---------------------------------------------------------------------------------------
select tests.clear_authentication();
select is((select username from prompty.profiles where id = tests.get_supabase_uid('taro')), 'taro_y', 'anon reads public profile fields');
select throws_ok($$ select email from prompty.profiles $$, '42501', null, 'anon cannot read e-mails');
select throws_ok($$ update prompty.profiles set bio = 'x' $$, '42501', null, 'anon cannot update profiles');

select tests.authenticate_as('taro');
select throws_ok($$ select email from prompty.profiles $$, '42501', null, 'users cannot read e-mails');
select throws_ok($$ select status from prompty.profiles $$, '42501', null, 'users cannot read the status column');
select throws_ok($$ select stripe_account_id from prompty.profiles $$, '42501', null, 'users cannot read Stripe ids');
select throws_ok($$ select follower_count from prompty.profiles $$, '42501', null, 'users cannot read the rolled-up counters directly');
select lives_ok($$ update prompty.profiles set display_name = 'Taro', bio = 'プロンプト職人', website = 'https://taro.example'
                   where id = auth.uid() $$, 'the owner edits their profile');
select is((select bio from prompty.profiles where id = tests.get_supabase_uid('taro')), 'プロンプト職人', 'the edit is stored');
with u as (update prompty.profiles set bio = 'hacked' where id = tests.get_supabase_uid('hana') returning 1)
select is(count(*), 0::bigint, 'another user''s profile is not updated') from u;
select throws_ok($$ update prompty.profiles set status = 'admin' where id = auth.uid() $$, '42501', null,
                 'a user cannot make themselves admin');
select throws_ok($$ update prompty.profiles set is_premium = true where id = auth.uid() $$, '42501', null,
                 'a user cannot set their premium flag');
select throws_ok($$ update prompty.profiles set id = gen_random_uuid() where id = auth.uid() $$, '42501', null,
                 'a user cannot change their id');
select throws_ok($$ insert into prompty.profiles (id, username) values (gen_random_uuid(), 'intruder') $$, '42501', null,
                 'users cannot insert profiles');
select throws_ok($$ delete from prompty.profiles where id = auth.uid() $$, '42501', null, 'users cannot delete profiles');
select throws_ok($$ update prompty.profiles set username = 'ab' where id = auth.uid() $$, 'PT101', null, 'a 2-character username is refused');
select throws_ok($$ update prompty.profiles set username = 'Taro' where id = auth.uid() $$, 'PT101', null, 'an upper-case username is refused');
select throws_ok($$ update prompty.profiles set username = 'root' where id = auth.uid() $$, 'PT101', 'username is reserved',
                 'a reserved username is refused');
select throws_ok($$ update prompty.profiles set username = 'badname' where id = auth.uid() $$, 'PT102', null,
                 'a taken username is refused');
select throws_ok($$ update prompty.profiles set website = 'javascript:alert(1)' where id = auth.uid() $$, 'PT103', null,
                 'a non-http website is refused');
select throws_ok($$ update prompty.profiles set avatar_url = 'http://insecure.example/a.png' where id = auth.uid() $$, 'PT103', null,
                 'a non-https avatar is refused');
select lives_ok($$ update prompty.profiles set username = 'taro_yamada' where id = auth.uid() $$, 'a valid new username is accepted');
select is((prompty.get_my_account() ->> 'email'), 'taro.new@example.com', 'get_my_account returns one''s own e-mail');
select is((prompty.get_my_account() ->> 'is_admin')::boolean, false, 'and whether one is an admin');
select is(prompty_private.is_admin_user(), false, 'a plain user is not an admin');

select tests.clear_authentication();
select throws_ok($$ select prompty.get_my_account() $$, '42501', null, 'anon cannot call get_my_account');

-- The check constraint stands behind the trigger.
reset role;
alter table prompty.profiles disable trigger profiles_before_write_validate;
select throws_ok($$ update prompty.profiles set username = 'x' where id = tests.get_supabase_uid('hana') $$, '23514', null,
                 'profiles_username_format holds without the trigger');
alter table prompty.profiles enable trigger profiles_before_write_validate;

-- ---------------------------------------------------------------------------------------
-- Admins: status is server-owned
-- ---------------------------------------------------------------------------------------
update prompty.profiles set status = 'admin' where id = tests.get_supabase_uid('mod');
select tests.authenticate_as('mod');
select is(prompty_private.is_admin_user(), true, 'status admin makes an admin');
select is(prompty.set_user_status(tests.get_supabase_uid('hana'), 'suspended') ->> 'status', 'suspended', 'an admin suspends a user');
select throws_ok(format('select prompty.set_user_status(%L, %L)', tests.get_supabase_uid('mod'), 'active'), 'PT103', null,
                 'an admin cannot change their own status');
select throws_ok(format('select prompty.set_user_status(%L, %L)', tests.get_supabase_uid('hana'), 'god'), 'PT103', null,
                 'an unknown status is refused');
select throws_ok(format('select prompty.set_user_status(%L, %L)', gen_random_uuid(), 'active'), 'PT122', null,
                 'an unknown user is reported');
select tests.authenticate_as('taro');
select throws_ok(format('select prompty.set_user_status(%L, %L)', tests.get_supabase_uid('taro'), 'admin'), 'PT180', null,
                 'a plain user cannot set a status, not even their own');
select tests.authenticate_as_service_role();
select lives_ok(format('update prompty.profiles set status = %L where id = %L', 'active', tests.get_supabase_uid('hana')),
                'the service role sets a status directly');
reset role;
select is((select status from prompty.profiles where id = tests.get_supabase_uid('hana')), 'active', 'the service role''s change is stored');

-- ---------------------------------------------------------------------------------------
-- Settings: owner-only, typed columns are the source of truth of the JSON mirror
-- ---------------------------------------------------------------------------------------
select tests.clear_authentication();
select throws_ok($$ select * from prompty.account_settings $$, '42501', null, 'anon cannot read settings');
select tests.authenticate_as('hana');
select is((select count(*) from prompty.account_settings), 1::bigint, 'a user sees only their own account_settings row');
select is((select count(*) from prompty.user_settings), 1::bigint, 'and only their own user_settings row');
with u as (update prompty.account_settings set use_serif_font = true where user_id = tests.get_supabase_uid('taro') returning 1)
select is(count(*), 0::bigint, 'another user''s settings are not updated') from u;
update prompty.account_settings set use_serif_font = true, opt_out_ai_training = true;
select is((select account_settings -> 'use_mincho_font' from prompty.user_settings), 'true'::jsonb,
          'use_serif_font is mirrored as use_mincho_font');
select is((select account_settings -> 'restrict_ai_learning' from prompty.user_settings), 'true'::jsonb,
          'opt_out_ai_training is mirrored as restrict_ai_learning');
update prompty.notification_preferences set likes = false;
update prompty.notification_settings set email_promotions = false;
select is((select notification_settings #> '{push_notifications,likes}' from prompty.user_settings), 'false'::jsonb,
          'notification_preferences are mirrored');
select is((select notification_settings #> '{email_notifications,promotions}' from prompty.user_settings), 'false'::jsonb,
          'notification_settings are mirrored');
select throws_ok($$ update prompty.user_settings set account_settings = '{"use_mincho_font": false}' $$, '42501', null,
                 'clients cannot write the mirrored JSON');
select lives_ok($$ update prompty.user_settings set reaction_settings = '{"show_counts": false}' $$, 'clients write their reaction preferences');
select throws_ok($$ update prompty.user_settings set comment_settings = '[1, 2]' $$, 'PT190', null, 'preferences must be a JSON object');
select throws_ok($$ update prompty.account_settings set user_id = gen_random_uuid() $$, '42501', null, 'settings cannot be moved to another user');
select tests.authenticate_as_service_role();
update prompty.user_settings set account_settings = '{"use_mincho_font": false}' where user_id = tests.get_supabase_uid('hana');
select is((select account_settings -> 'use_mincho_font' from prompty.user_settings where user_id = tests.get_supabase_uid('hana')),
          'true'::jsonb, 'even a direct write cannot make the JSON disagree with the typed columns');

-- ---------------------------------------------------------------------------------------
-- Storage: public image buckets with per-user folders
-- ---------------------------------------------------------------------------------------
reset role;
select is((select array_agg(id order by id) from storage.buckets where id in ('avatars', 'banners', 'thumbnails') and public),
          array['avatars', 'banners', 'thumbnails'], 'the three public buckets exist');
select tests.authenticate_as('taro');
select lives_ok(format('insert into storage.objects (bucket_id, name) values (%L, %L)', 'avatars', tests.get_supabase_uid('taro') || '/me.png'),
                'a user uploads into their own folder');
select throws_ok(format('insert into storage.objects (bucket_id, name) values (%L, %L)', 'avatars', tests.get_supabase_uid('hana') || '/me.png'),
                 '42501', null, 'but not into another user''s folder');
select tests.authenticate_as('hana');
with d as (delete from storage.objects where bucket_id = 'avatars' returning 1)
select is(count(*), 0::bigint, 'another user cannot delete the file') from d;
select tests.clear_authentication();
select throws_ok($$ insert into storage.objects (bucket_id, name) values ('avatars', 'anon/me.png') $$, '42501', null,
                 'anon cannot upload');

-- Deleting the auth user removes the profile and its settings.
reset role;
delete from auth.users where id = tests.get_supabase_uid('kanji');
select is((select count(*) from prompty.profiles p where p.username = 'user'), 0::bigint, 'the profile goes with the auth user');

select * from finish();
rollback;
