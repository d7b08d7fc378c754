-- Prompty views and analytics: once per visitor per prompt per JST day, recently viewed
-- (latest 50), analytics_views, the idempotent daily summary and who reads them.
begin;
set search_path = extensions, public;
select plan(40);
-- Start from an empty Prompty; the sample data (seeds/prompty.sql) comes back with the rollback.
set local client_min_messages = warning;
truncate prompty.profiles, prompty.categories, prompty.tags, prompty.price_tiers, prompty.announcements, prompty.badges,
         prompty.contests, prompty.feedback, prompty.contacts cascade;
reset client_min_messages;

select tests.create_supabase_user('writer', 'writer@example.com', null, '{"username": "writer"}');
select tests.create_supabase_user('reader', 'reader@example.com', null, '{"username": "reader"}');
select tests.create_supabase_user('other', 'other@example.com', null, '{"username": "other"}');
insert into prompty.prompts (id, author_id, title, content, published) values
  ('00000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('writer'), 'Viewed prompt', 'long enough content', true),
  ('00000000-0000-4000-8000-0000000000a2', tests.get_supabase_uid('writer'), 'Unpublished prompt', 'long enough content', false);

-- ---------------------------------------------------------------------------------------
-- Counting views
-- ---------------------------------------------------------------------------------------
select tests.clear_authentication();
select results_eq($$ select (r ->> 'counted')::boolean, (r ->> 'view_count')::int
                     from prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a1', 'visitor-0001') r $$,
                  $$ values (true, 1) $$, 'a visitor''s first view counts');
select results_eq($$ select (r ->> 'counted')::boolean, (r ->> 'view_count')::int
                     from prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a1', 'visitor-0001') r $$,
                  $$ values (false, 1) $$, 'the same visitor again the same day does not');
select throws_ok($$ select prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a1') $$, 'PT140', null,
                 'a visitor without an id is refused');
select throws_ok($$ select prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a1', 'x''; drop') $$, 'PT140', null,
                 'a malformed visitor id is refused');
select throws_ok($$ select prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a2', 'visitor-0001') $$, 'PT120', null,
                 'an unpublished prompt cannot be viewed by a visitor');
select is((prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a1', 'visitor-0002') ->> 'view_count')::int, 2,
          'another visitor counts');
select tests.authenticate_as('reader');
select is((prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a1', 'visitor-0001') ->> 'counted')::boolean, true,
          'a signed-in user is their own visitor (the visitor id is ignored)');
select is((prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a1') ->> 'counted')::boolean, false,
          'and counts once a day');
select tests.authenticate_as('writer');
select is((prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a1') ->> 'counted')::boolean, false,
          'the author''s own views are not counted');
select is((prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a2') ->> 'counted')::boolean, false,
          'the author may open their unpublished prompt; it is not counted');
select is((select view_count from prompty.prompt_stats where prompt_id = '00000000-0000-4000-8000-0000000000a1'), 3::bigint,
          'three unique views today');

reset role;
select is((select views from prompty.analytics_views where visitor_id = 'v:visitor-0001'), 2,
          'analytics_views keeps the page views of a visitor''s day');
select is((select count(*) from prompty.analytics_views), 3::bigint, 'one analytics row per visitor and day');
-- The next JST day: the same visitor counts again.
update prompty.analytics_views set view_day = view_day - 1;
select tests.clear_authentication();
select is((prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a1', 'visitor-0001') ->> 'counted')::boolean, true,
          'a visitor counts again on another day');
select is((select view_count from prompty.prompt_stats where prompt_id = '00000000-0000-4000-8000-0000000000a1'), 4::bigint,
          'the view counter is exact');

-- ---------------------------------------------------------------------------------------
-- Recently viewed
-- ---------------------------------------------------------------------------------------
reset role;
insert into prompty.prompts (author_id, title, content)
select tests.get_supabase_uid('writer'), format('Prompt number %s', i), 'long enough content' from generate_series(1, 55) i;
select tests.authenticate_as('reader');
select is((select count(*) from prompty.recently_viewed_prompts), 1::bigint, 'the viewed prompt is in the user''s history');
select lives_ok($$ select prompty.record_prompt_view(id) from prompty.prompts where title like 'Prompt number %' order by title $$,
                'the user opens 55 more prompts');
select is((select count(*) from prompty.recently_viewed_prompts), 50::bigint, 'only the latest 50 are kept');
select ok(not exists (select 1 from prompty.recently_viewed_prompts where prompt_id = '00000000-0000-4000-8000-0000000000a1'),
          'the oldest ones were dropped');
select lives_ok($$ select prompty.record_prompt_view('00000000-0000-4000-8000-0000000000a1') $$, 'opening it again');
select is((select prompt_id from prompty.recently_viewed_prompts order by viewed_at desc limit 1), '00000000-0000-4000-8000-0000000000a1'::uuid,
          'moves it to the top');
select throws_ok($$ insert into prompty.recently_viewed_prompts (user_id, prompt_id) values (auth.uid(), '00000000-0000-4000-8000-0000000000a1') $$,
                 '42501', null, 'clients do not write the history directly');
select tests.authenticate_as('other');
select is((select count(*) from prompty.recently_viewed_prompts), 0::bigint, 'the history is private');
select tests.authenticate_as('reader');
delete from prompty.recently_viewed_prompts;
select is((select count(*) from prompty.recently_viewed_prompts), 0::bigint, 'users clear their history');
select tests.clear_authentication();
select throws_ok($$ select * from prompty.recently_viewed_prompts $$, '42501', null, 'anon has no history');

-- ---------------------------------------------------------------------------------------
-- Daily summary
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('reader');
select prompty.like_prompt('00000000-0000-4000-8000-0000000000a1');
insert into prompty.comments (prompt_id, content) values ('00000000-0000-4000-8000-0000000000a1', 'nice');
select prompty.bookmark_prompt('00000000-0000-4000-8000-0000000000a1');
reset role;
insert into prompty.purchases (user_id, prompt_id, amount, status, completed_at)
values (tests.get_supabase_uid('other'), '00000000-0000-4000-8000-0000000000a1', 0, 'completed', now());
select tests.authenticate_as('reader');
select throws_ok($$ select prompty_private.summarize_analytics(prompty_private.jst_today()) $$, '42501', null,
                 'only postgres (pg_cron) runs the summary');
reset role;
select ok(prompty_private.summarize_analytics(prompty_private.jst_today()) >= 1, 'the summary runs for today');
select results_eq($$ select view_count, unique_viewer_count, like_count, comment_count, bookmark_count, purchase_count
                     from prompty.analytics_summary where prompt_id = '00000000-0000-4000-8000-0000000000a1' and date = prompty_private.jst_today() $$,
                  $$ values (2, 2, 1, 1, 1, 1) $$, 'views, unique viewers, likes, comments, bookmarks and purchases of the day');
select results_eq($$ select view_count, unique_viewer_count from prompty.analytics_summary
                     where prompt_id = '00000000-0000-4000-8000-0000000000a1' and date = prompty_private.jst_today() - 1 $$,
                  $$ select 0, 0 where false $$, 'yesterday is not summarized yet');
select lives_ok($$ select prompty_private.summarize_recent_analytics() $$, 'summarize yesterday and today');
select results_eq($$ select view_count, unique_viewer_count from prompty.analytics_summary
                     where prompt_id = '00000000-0000-4000-8000-0000000000a1' and date = prompty_private.jst_today() - 1 $$,
                  $$ values (5, 3) $$, 'yesterday: 5 page views by 3 visitors');
create temporary table summary_before on commit drop as
  select prompt_id, date, view_count, unique_viewer_count, like_count, comment_count, bookmark_count, purchase_count from prompty.analytics_summary;
select lives_ok($$ select prompty_private.summarize_recent_analytics() $$, 'running it again');
select set_eq($$ select prompt_id, date, view_count, unique_viewer_count, like_count, comment_count, bookmark_count, purchase_count
                 from prompty.analytics_summary $$, $$ select * from summary_before $$, 'gives the same rows (idempotent)');
delete from prompty.likes;
select prompty_private.summarize_analytics(prompty_private.jst_today());
select is((select like_count from prompty.analytics_summary where prompt_id = '00000000-0000-4000-8000-0000000000a1'
           and date = prompty_private.jst_today()), 0, 'a recomputation follows removed likes');
select is((select count(*) from cron.job where jobname = 'prompty-analytics-summary' and schedule = '10 * * * *'), 1::bigint,
          'pg_cron summarizes every hour');

-- Who reads analytics
select tests.authenticate_as('writer');
select is((select count(*) from prompty.analytics_summary where prompt_id = '00000000-0000-4000-8000-0000000000a1'), 2::bigint,
          'the author reads their prompt''s summary (two days)');
select is((select count(*) from prompty.analytics_views where prompt_id = '00000000-0000-4000-8000-0000000000a1'), 5::bigint,
          'and its view rows (3 visitors yesterday, 2 today)');
select throws_ok($$ select visitor_id from prompty.analytics_views $$, '42501', null, 'but not who the visitors are');
select tests.authenticate_as('reader');
select is((select count(*) from prompty.analytics_summary) + (select count(*) from prompty.analytics_views), 0::bigint,
          'other users read no analytics');
select tests.clear_authentication();
select throws_ok($$ select * from prompty.analytics_summary $$, '42501', null, 'anon reads no analytics');

select * from finish();
rollback;
