-- Prompty write limits (review finding F7): caps on drafts, magazines and magazine items,
-- rate limits on feedback, contacts, prompt runs, prompts, comments and reports (API clients
-- only), size of the settings JSON.
begin;
set search_path = extensions, public;
select plan(32);
-- Start from an empty Prompty; the sample data (seeds/prompty.sql) comes back with the rollback.
set local client_min_messages = warning;
truncate prompty.profiles, prompty.categories, prompty.tags, prompty.price_tiers, prompty.announcements, prompty.badges,
         prompty.contests, prompty.feedback, prompty.contacts cascade;
reset client_min_messages;

select tests.create_supabase_user('busy', 'busy@example.com', null, '{"username": "busy_user"}');
select tests.create_supabase_user('calm', 'calm@example.com', null, '{"username": "calm_user"}');
insert into prompty.prompts (author_id, title, content)
select tests.get_supabase_uid('calm'), format('Public prompt %s', i), 'long enough content' from generate_series(1, 201) i;

-- ---------------------------------------------------------------------------------------
-- Caps
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('busy');
select lives_ok($$ insert into prompty.drafts (title) select format('Draft %s', i) from generate_series(1, 100) i $$, '100 drafts are fine');
select throws_ok($$ insert into prompty.drafts (title) values ('one too many') $$, 'PT191', null, 'the 101st is refused');
select lives_ok($$ delete from prompty.drafts where title = 'Draft 1' $$, 'deleting one');
select lives_ok($$ insert into prompty.drafts (title) values ('fits again') $$, 'makes room');
select tests.authenticate_as('calm');
select lives_ok($$ insert into prompty.drafts (title) values ('my own quota') $$, 'the cap is per author');

select tests.authenticate_as('busy');
select lives_ok($$ insert into prompty.magazines (title) select format('Magazine %s', i) from generate_series(1, 50) i $$, '50 magazines are fine');
select throws_ok($$ insert into prompty.magazines (title) values ('51st') $$, 'PT191', null, 'the 51st is refused');
select lives_ok($$ insert into prompty.magazine_prompts (magazine_id, prompt_id)
                   select (select id from prompty.magazines where title = 'Magazine 1'), id
                   from prompty.prompts where title <> 'Public prompt 201' $$, '200 prompts in one magazine are fine');
select throws_ok($$ insert into prompty.magazine_prompts (magazine_id, prompt_id)
                    select (select id from prompty.magazines where title = 'Magazine 1'), id from prompty.prompts where title = 'Public prompt 201' $$,
                 'PT191', null, 'the 201st is refused');
select lives_ok($$ insert into prompty.magazine_prompts (magazine_id, prompt_id)
                   select (select id from prompty.magazines where title = 'Magazine 2'), id from prompty.prompts where title = 'Public prompt 201' $$,
                'the cap is per magazine');

-- ---------------------------------------------------------------------------------------
-- Rates
-- ---------------------------------------------------------------------------------------
select lives_ok($$ insert into prompty.feedback (message) select format('idea %s', i) from generate_series(1, 10) i $$, '10 feedback messages in an hour');
select throws_ok($$ insert into prompty.feedback (message) values ('eleventh') $$, 'PT192', null, 'the 11th is refused');
select lives_ok($$ insert into prompty.contacts (name, email, subject, message)
                   select 'Busy', 'busy@example.com', format('Question %s', i), 'text' from generate_series(1, 5) i $$, '5 contact messages in an hour');
select throws_ok($$ insert into prompty.contacts (name, email, subject, message) values ('Busy', 'busy@example.com', 'Sixth', 'text') $$,
                 'PT192', null, 'the 6th is refused');
select lives_ok($$ insert into prompty.prompt_executions (prompt_id, input)
                   select (select id from prompty.prompts where title = 'Public prompt 1'), format('run %s', i) from generate_series(1, 120) i $$,
                '120 prompt runs in an hour');
select throws_ok($$ insert into prompty.prompt_executions (prompt_id, input) select id, 'again' from prompty.prompts where title = 'Public prompt 1' $$,
                 'PT192', null, 'the 121st is refused');
select tests.authenticate_as('calm');
select lives_ok($$ insert into prompty.feedback (message) values ('my own quota') $$, 'the rate is per user');

select tests.clear_authentication();
select lives_ok($$ insert into prompty.contacts (name, email, subject, message)
                   select 'Visitor', 'v@example.com', format('Hello %s', i), 'text' from generate_series(1, 50) i $$,
                '50 anonymous contact messages in an hour');
select throws_ok($$ insert into prompty.contacts (name, email, subject, message) values ('Visitor', 'v@example.com', 'Flood', 'text') $$,
                 'PT192', null, 'then the anonymous form closes for the hour');
select tests.authenticate_as('calm');
select lives_ok($$ insert into prompty.contacts (name, email, subject, message) values ('Calm', 'calm@example.com', 'Hi', 'text') $$,
                'signed-in users keep their own quota');
-- An hour later the window has moved on.
reset role;
update prompty.contacts set created_at = created_at - interval '61 minutes';
select tests.clear_authentication();
select lives_ok($$ insert into prompty.contacts (name, email, subject, message) values ('Visitor', 'v@example.com', 'Later', 'text') $$,
                'an hour later visitors can write again');

-- Posting: prompts, comments, reports per hour.
select tests.authenticate_as('busy');
select lives_ok($$ insert into prompty.prompts (title, content) select format('Busy prompt %s', i), 'long enough content' from generate_series(1, 30) i $$,
                '30 prompts in an hour');
select throws_ok($$ insert into prompty.prompts (title, content) values ('Thirty-first', 'long enough content') $$, 'PT192', null,
                 'the 31st is refused');
select lives_ok($$ insert into prompty.comments (prompt_id, content)
                   select (select id from prompty.prompts where title = 'Public prompt 1'), format('comment %s', i) from generate_series(1, 60) i $$,
                '60 comments in an hour');
select throws_ok($$ insert into prompty.comments (prompt_id, content) select id, 'one more' from prompty.prompts where title = 'Public prompt 2' $$,
                 'PT192', null, 'the 61st is refused');
select lives_ok($$ insert into prompty.reports (target_type, target_id, reason)
                   select 'prompt', id, 'spam' from prompty.prompts where title like 'Public prompt %' order by title limit 30 $$,
                '30 reports in an hour');
select throws_ok($$ insert into prompty.reports (target_type, target_id, reason)
                    select 'prompt', id, 'spam' from prompty.prompts where title = 'Public prompt 99' $$,
                 'PT192', null, 'the 31st is refused');
select throws_ok($$ select prompty.publish_draft((select id from prompty.drafts where title = 'Draft 2'), gen_random_uuid()) $$,
                 'PT192', null, 'publishing a draft counts as posting a prompt');
reset role;
select lives_ok(format('insert into prompty.prompts (author_id, title, content) select %L, format(%L, i), %L from generate_series(1, 40) i',
                       tests.get_supabase_uid('busy'), 'Imported %s', 'long enough content'),
                'server work (seeds, imports, the service role) is not limited');

-- ---------------------------------------------------------------------------------------
-- Settings JSON
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('busy');
select throws_ok(format('update prompty.user_settings set reaction_settings = %L', jsonb_build_object('blob', repeat('x', 5000))),
                 'PT190', null, 'a settings document over 4 KB is refused');
select throws_ok($$ update prompty.user_settings set comment_settings = '"text"' $$, 'PT190', null, 'a non-object is refused');
select lives_ok($$ update prompty.user_settings set comment_settings = '{"sort": "newest"}' $$, 'a small object is fine');

select * from finish();
rollback;
