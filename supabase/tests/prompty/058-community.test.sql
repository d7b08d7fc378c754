-- Prompty community: announcements and read marks, badges, contests and entries, magazines,
-- prompt executions.
begin;
set search_path = extensions, public;
select plan(44);
-- Start from an empty Prompty; the sample data (seeds/prompty.sql) comes back with the rollback.
set local client_min_messages = warning;
truncate prompty.profiles, prompty.categories, prompty.tags, prompty.price_tiers, prompty.announcements, prompty.badges,
         prompty.contests, prompty.feedback, prompty.contacts cascade;
reset client_min_messages;

select tests.create_supabase_user('adm', 'adm@example.com', null, '{"username": "community_admin"}');
select tests.create_supabase_user('mika', 'mika@example.com', null, '{"username": "mika"}');
select tests.create_supabase_user('ken', 'ken@example.com', null, '{"username": "ken"}');
update prompty.profiles set status = 'admin' where id = tests.get_supabase_uid('adm');
insert into prompty.prompts (id, author_id, title, content, published, is_free, price) values
  ('00000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('mika'), 'Mika public prompt', 'long enough content', true, true, 0),
  ('00000000-0000-4000-8000-0000000000a2', tests.get_supabase_uid('mika'), 'Mika unpublished', 'long enough content', false, true, 0),
  ('00000000-0000-4000-8000-0000000000a3', tests.get_supabase_uid('ken'), 'Ken paid prompt', 'long enough content', true, false, 300);

-- ---------------------------------------------------------------------------------------
-- Announcements
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('adm');
select lives_ok($$ insert into prompty.announcements (title, content, start_date, end_date, is_active, icon_color) values
  ('メンテナンスのお知らせ', '本日メンテナンスを行います', now() - interval '1 day', now() + interval '1 day', true, '#FF8800'),
  ('Future', 'Not yet', now() + interval '1 day', null, true, null),
  ('Expired', 'Over', now() - interval '3 days', now() - interval '2 days', true, null),
  ('Inactive', 'Switched off', now() - interval '1 day', null, false, null) $$, 'an admin publishes announcements');
select throws_ok($$ insert into prompty.announcements (title, content, start_date, end_date) values ('Bad', 'dates', now(), now() - interval '1 hour') $$,
                 '23514', null, 'the end must come after the start');
select is((select count(*) from prompty.announcements), 4::bigint, 'admins see every announcement');
select tests.clear_authentication();
select results_eq($$ select title from prompty.announcements $$, $$ values ('メンテナンスのお知らせ') $$,
                  'visitors see only the current, active announcement');
select tests.authenticate_as('mika');
select throws_ok($$ insert into prompty.announcements (title, content) values ('Mine', 'x') $$, '42501', null, 'users cannot publish');
select is((prompty.mark_announcement_read((select id from prompty.announcements)) ->> 'read')::boolean, true, 'a user marks it read');
select lives_ok($$ select prompty.mark_announcement_read((select id from prompty.announcements)) $$, 'twice is a no-op');
select is((select count(*) from prompty.announcement_reads), 1::bigint, 'one read mark');
reset role;
create temporary table future_announcement on commit drop as select id from prompty.announcements where title = 'Future';
grant select on future_announcement to authenticated;
select tests.authenticate_as('mika');
select throws_ok($$ select prompty.mark_announcement_read((select id from future_announcement)) $$, 'PT174', null,
                 'a future announcement cannot be marked');
select throws_ok($$ insert into prompty.announcement_reads (announcement_id) select id from future_announcement $$, '42501', null,
                 'not even directly');
select tests.authenticate_as('ken');
select is((select count(*) from prompty.announcement_reads), 0::bigint, 'read marks are private');
select tests.clear_authentication();
select throws_ok($$ select prompty.mark_announcement_read(gen_random_uuid()) $$, '42501', null, 'visitors have no read marks');

-- ---------------------------------------------------------------------------------------
-- Badges
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('adm');
select lives_ok($$ insert into prompty.badges (slug, name, description) values ('top-creator', 'トップクリエイター', 'Most liked creator of the month') $$,
                'an admin creates a badge');
select lives_ok(format('insert into prompty.user_badges (user_id, badge_id, reason) select %L, id, %L from prompty.badges',
                       tests.get_supabase_uid('mika'), 'October'), 'and awards it');
select throws_ok(format('insert into prompty.user_badges (user_id, badge_id) select %L, id from prompty.badges', tests.get_supabase_uid('mika')),
                 '23505', null, 'a badge is awarded once per user');
reset role;
select is((select awarded_by from prompty.user_badges), tests.get_supabase_uid('adm'),
          'the award records the admin (server-side: awarded_by is not granted to clients)');
select tests.authenticate_as('ken');
select throws_ok(format('insert into prompty.user_badges (user_id, badge_id) select %L, id from prompty.badges', tests.get_supabase_uid('ken')),
                 '42501', null, 'users cannot award themselves');
select throws_ok($$ insert into prompty.badges (slug, name) values ('fake', 'Fake') $$, '42501', null, 'nor create badges');
select tests.clear_authentication();
select is((select count(*) from prompty.user_badges ub join prompty.badges b on b.id = ub.badge_id), 1::bigint, 'awards are public');

-- ---------------------------------------------------------------------------------------
-- Contests
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('adm');
insert into prompty.contests (title, theme, start_at, end_at) values
  ('秋のプロンプトコンテスト', '秋', now() - interval '1 day', now() + interval '7 days'),
  ('Past contest', 'summer', now() - interval '30 days', now() - interval '20 days');
select throws_ok($$ insert into prompty.contests (title, start_at, end_at) values ('Backwards', now(), now() - interval '1 day') $$,
                 '23514', null, 'a contest ends after it starts');
reset role;
create temporary table contest_ids on commit drop as select id, title from prompty.contests;
grant select on contest_ids to authenticated;
select tests.authenticate_as('mika');
select throws_ok($$ insert into prompty.contests (title, start_at, end_at) values ('Mine', now(), now() + interval '1 day') $$, '42501', null,
                 'users cannot create contests');
select lives_ok($$ insert into prompty.contest_entries (contest_id, prompt_id)
                   select id, '00000000-0000-4000-8000-0000000000a1' from contest_ids where title = '秋のプロンプトコンテスト' $$,
                'an author enters their public prompt in an open contest');
select throws_ok($$ insert into prompty.contest_entries (contest_id, prompt_id)
                    select id, '00000000-0000-4000-8000-0000000000a1' from contest_ids where title = '秋のプロンプトコンテスト' $$,
                 'PT175', null, 'once per contest');
select throws_ok($$ insert into prompty.contest_entries (contest_id, prompt_id)
                    select id, '00000000-0000-4000-8000-0000000000a3' from contest_ids where title = '秋のプロンプトコンテスト' $$,
                 'PT173', null, 'not someone else''s prompt');
select throws_ok($$ insert into prompty.contest_entries (contest_id, prompt_id)
                    select id, '00000000-0000-4000-8000-0000000000a2' from contest_ids where title = '秋のプロンプトコンテスト' $$,
                 'PT173', null, 'not an unpublished prompt');
select throws_ok($$ insert into prompty.contest_entries (contest_id, prompt_id)
                    select id, '00000000-0000-4000-8000-0000000000a1' from contest_ids where title = 'Past contest' $$,
                 'PT172', null, 'not in a closed contest');
select tests.clear_authentication();
select is((select count(*) from prompty.contest_entries), 1::bigint, 'entries are public');
select tests.authenticate_as('ken');
with d as (delete from prompty.contest_entries returning 1) select is(count(*), 0::bigint, 'others cannot withdraw an entry') from d;
select tests.authenticate_as('mika');
with d as (delete from prompty.contest_entries returning 1) select is(count(*), 1::bigint, 'the author withdraws while the contest runs') from d;

-- ---------------------------------------------------------------------------------------
-- Magazines
-- ---------------------------------------------------------------------------------------
insert into prompty.magazines (title, is_public) values ('猫まとめ', true), ('Private list', false);
reset role;
create temporary table magazine_ids on commit drop as select id, title from prompty.magazines;
grant select on magazine_ids to authenticated;
select tests.authenticate_as('mika');
select lives_ok($$ insert into prompty.magazine_prompts (magazine_id, prompt_id, position)
                   select id, p.prompt_id, p.position from magazine_ids,
                   (values ('00000000-0000-4000-8000-0000000000a1'::uuid, 1), ('00000000-0000-4000-8000-0000000000a3'::uuid, 2)) p (prompt_id, position) $$,
                'the owner curates public prompts, her own and others''');
select throws_ok($$ insert into prompty.magazine_prompts (magazine_id, prompt_id) select id, '00000000-0000-4000-8000-0000000000a2' from magazine_ids limit 1 $$,
                 'PT120', null, 'an unpublished prompt cannot be curated');
select tests.authenticate_as('ken');
select throws_ok($$ insert into prompty.magazine_prompts (magazine_id, prompt_id) select id, '00000000-0000-4000-8000-0000000000a3' from magazine_ids where title = '猫まとめ' $$,
                 '42501', null, 'others cannot add to a magazine');
with u as (update prompty.magazines set title = 'taken over' returning 1) select is(count(*), 0::bigint, 'nor rename it') from u;
select tests.clear_authentication();
select results_eq($$ select title from prompty.magazines $$, $$ values ('猫まとめ') $$, 'visitors see public magazines');
select is((select count(*) from prompty.magazine_prompts), 2::bigint, 'and their prompts');
reset role;
update prompty.prompts set hidden_at = now() where id = '00000000-0000-4000-8000-0000000000a3';
select tests.clear_authentication();
select is((select count(*) from prompty.magazine_prompts), 1::bigint, 'a hidden prompt drops out of magazines');
select tests.authenticate_as('mika');
select is((select count(*) from prompty.magazines), 2::bigint, 'the owner sees her private magazine too');
reset role;
update prompty.prompts set hidden_at = null where id = '00000000-0000-4000-8000-0000000000a3';

-- ---------------------------------------------------------------------------------------
-- Prompt executions
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('mika');
select lives_ok($$ insert into prompty.prompt_executions (prompt_id, model, input, output, tokens_used)
                   values ('00000000-0000-4000-8000-0000000000a1', 'gpt-4o', 'cat', 'a cat picture prompt', 120) $$,
                'a user records a run of an unlocked prompt');
select throws_ok($$ insert into prompty.prompt_executions (prompt_id, input) values ('00000000-0000-4000-8000-0000000000a3', 'x') $$,
                 'PT117', null, 'a locked paid prompt cannot be run');
reset role;
insert into prompty.purchases (user_id, prompt_id, amount, status, completed_at)
values (tests.get_supabase_uid('mika'), '00000000-0000-4000-8000-0000000000a3', 300, 'completed', now());
select tests.authenticate_as('mika');
select lives_ok($$ insert into prompty.prompt_executions (prompt_id, input) values ('00000000-0000-4000-8000-0000000000a3', 'x') $$,
                'after buying it, it can');
select is((select count(*) from prompty.prompt_executions), 2::bigint, 'users read their runs');
select tests.authenticate_as('ken');
select is((select count(*) from prompty.prompt_executions), 0::bigint, 'runs are private');
select throws_ok($$ insert into prompty.prompt_executions (prompt_id) values ('00000000-0000-4000-8000-0000000000a2') $$, 'PT120', null,
                 'an unpublished prompt of someone else is not found');
select tests.clear_authentication();
select throws_ok($$ select id from prompty.prompt_executions $$, '42501', null, 'visitors have no runs');

select * from finish();
rollback;
