-- Prompty anonymous views (review finding F5): rotating visitor ids are counted up to a limit
-- per prompt and window, page views per visitor-day are capped, and anonymous views weigh
-- little in trending.
begin;
set search_path = extensions, public;
select plan(17);
-- Start from an empty Prompty; the sample data (seeds/prompty.sql) comes back with the rollback.
set local client_min_messages = warning;
truncate prompty.profiles, prompty.categories, prompty.tags, prompty.price_tiers, prompty.announcements, prompty.badges,
         prompty.contests, prompty.feedback, prompty.contacts cascade;
reset client_min_messages;

select tests.create_supabase_user('writer', 'writer@example.com', null, '{"username": "writer"}');
select tests.create_supabase_user('reader', 'reader@example.com', null, '{"username": "reader"}');
select tests.create_supabase_user('fan1', 'fan1@example.com', null, '{"username": "fan_one"}');
select tests.create_supabase_user('fan2', 'fan2@example.com', null, '{"username": "fan_two"}');
select tests.create_supabase_user('fan3', 'fan3@example.com', null, '{"username": "fan_three"}');
insert into prompty.prompts (id, author_id, title, content) values
  ('00000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('writer'), 'Target of a view bot', 'long enough content'),
  ('00000000-0000-4000-8000-0000000000a2', tests.get_supabase_uid('writer'), 'Genuinely liked prompt', 'long enough content');

select is(prompty_private.anon_view_limit(), 100, 'the limit is 100 new anonymous visitors');
select is(prompty_private.anon_view_window(), interval '10 minutes', 'per 10 minutes');

-- A bot rotates visitor ids.
select tests.clear_authentication();
select is((select count(*) filter (where (prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a1', format('bot-visitor-%s', i)) ->> 'counted')::boolean)
           from generate_series(1, 100) i), 100::bigint, '100 new anonymous visitors count');
select results_eq($$ select (r ->> 'counted')::boolean, (r ->> 'throttled')::boolean, (r ->> 'view_count')::int
                     from prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a1', 'bot-visitor-101') r $$,
                  $$ values (false, true, 100) $$, 'the 101st within the window is throttled: not counted');
select is((select count(*) filter (where (prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a1', format('bot-visitor-x%s', i)) ->> 'counted')::boolean)
           from generate_series(1, 50) i), 0::bigint, 'and so are the next ones');
select results_eq($$ select (r ->> 'counted')::boolean, (r ->> 'throttled')::boolean
                     from prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a1', 'bot-visitor-1') r $$,
                  $$ values (false, false) $$, 'a visitor already seen today is not throttled (and not counted again)');
select results_eq($$ select (r ->> 'counted')::boolean, (r ->> 'throttled')::boolean
                     from prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a2', 'bot-visitor-101') r $$,
                  $$ values (true, false) $$, 'the limit is per prompt');
select throws_ok($$ select prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a1', 'short') $$, 'PT140', null,
                 'visitor ids keep their format check');
select tests.authenticate_as('reader');
select results_eq($$ select (r ->> 'counted')::boolean, (r ->> 'throttled')::boolean
                     from prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a1') r $$,
                  $$ values (true, false) $$, 'signed-in users are never throttled');

reset role;
select is((select count(*) from prompty.analytics_views where prompt_id = '00000000-0000-4000-8000-0000000000a1' and visitor_id like 'v:%'),
          100::bigint, 'throttled views leave no analytics rows');
-- The window slides: ten minutes later new visitors count again.
update prompty.analytics_views set viewed_at = viewed_at - interval '11 minutes', last_viewed_at = last_viewed_at - interval '11 minutes'
where prompt_id = '00000000-0000-4000-8000-0000000000a1';
select tests.clear_authentication();
select is((prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a1', 'late-visitor-1') ->> 'counted')::boolean, true,
          'after the window new anonymous visitors count again');

-- One visitor reloading: page views stop at 100 a day.
select is((select count(prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a2', 'reloader-1')) from generate_series(1, 120)),
          120::bigint, 'a visitor reloads 120 times');
reset role;
select is((select views from prompty.analytics_views where visitor_id = 'v:reloader-1'), 100, 'page views of a visitor-day stop at 100');
select is((select view_count from prompty.prompt_stats where prompt_id = '00000000-0000-4000-8000-0000000000a2'), 2::bigint,
          'the view counter is exact (two visitors on the second prompt)');

-- Trending: 101 anonymous views weigh less than three likes.
insert into prompty.likes (user_id, prompt_id)
select tests.get_supabase_uid(u), '00000000-0000-4000-8000-0000000000a2' from unnest(array['fan1', 'fan2', 'fan3']) u;
select lives_ok($$ select prompty_private.refresh_trending() $$, 'trending is refreshed');
select ok((select trending_score from prompty.prompts where id = '00000000-0000-4000-8000-0000000000a1') <= 2.5 + 0.2,
          'the anonymous part of a prompt''s score is at most 2.5 a day (plus 0.2 for the signed-in view)');
select ok((select trending_score from prompty.prompts where id = '00000000-0000-4000-8000-0000000000a2')
          > (select trending_score from prompty.prompts where id = '00000000-0000-4000-8000-0000000000a1'),
          'three likes outrank a hundred bot views');

select * from finish();
rollback;
