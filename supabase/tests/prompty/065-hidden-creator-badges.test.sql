-- A hidden creator page hides the creator's badges from others; the creator and admins see them.
begin;
set search_path = extensions, public;
select plan(6);
set local client_min_messages = warning;
truncate prompty.profiles, prompty.badges cascade;
reset client_min_messages;

select tests.create_supabase_user('shy', 'shy@example.com', null, '{"username": "shy_creator"}');
select tests.create_supabase_user('open', 'open@example.com', null, '{"username": "open_creator"}');
select tests.create_supabase_user('adm', 'adm@example.com', null, '{"username": "badge_admin"}');
update prompty.profiles set status = 'admin' where id = tests.get_supabase_uid('adm');
update prompty.account_settings set show_creator_page = false where user_id = tests.get_supabase_uid('shy');
insert into prompty.badges (slug, name) values ('early-bird', 'Early bird');
insert into prompty.user_badges (user_id, badge_id)
select u, b.id from prompty.badges b, unnest(array[tests.get_supabase_uid('shy'), tests.get_supabase_uid('open')]) u;

select tests.clear_authentication();
select is((select count(*) from prompty.user_badges where user_id = tests.get_supabase_uid('shy')), 0::bigint,
          'anon does not see a hidden creator''s badges');
select is((select count(*) from prompty.user_badges where user_id = tests.get_supabase_uid('open')), 1::bigint,
          'anon sees a listed creator''s badges');
select tests.authenticate_as('open');
select is((select count(*) from prompty.user_badges where user_id = tests.get_supabase_uid('shy')), 0::bigint,
          'another user does not see them');
select tests.authenticate_as('shy');
select is((select count(*) from prompty.user_badges where user_id = tests.get_supabase_uid('shy')), 1::bigint,
          'the creator sees their own');
select tests.authenticate_as('adm');
select is((select count(*) from prompty.user_badges), 2::bigint, 'admins see all');
select tests.authenticate_as_service_role();
select is((select count(*) from prompty.user_badges), 2::bigint, 'the service role sees all');

select * from finish();
rollback;
