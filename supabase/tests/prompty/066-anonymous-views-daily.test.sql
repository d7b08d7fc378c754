-- Prompty anonymous views per day (20261206130000, review L2): at most 1,000 new anonymous
-- visitors count per prompt and JST day, even when they arrive slower than the 10-minute limit.
begin;
set search_path = extensions, public;
select plan(6);

select tests.create_supabase_user('writer', 'writer@example.com', null, '{"username": "daily_writer"}');
select tests.create_supabase_user('reader', 'reader@example.com', null, '{"username": "daily_reader"}');
insert into prompty.prompts (id, author_id, title, content) values
  ('00000000-0000-4000-8000-0000000000d1', tests.get_supabase_uid('writer'), 'Target of a slow view bot', 'long enough content');

select is(prompty_private.anon_view_daily_limit(), 1000, 'the daily limit is 1,000 new anonymous visitors per prompt');

-- 999 anonymous visitors earlier today, each more than 10 minutes ago (outside the window limit).
insert into prompty.analytics_views (prompt_id, visitor_id, view_day, viewed_at, last_viewed_at)
select '00000000-0000-4000-8000-0000000000d1', format('v:early-visitor-%s', i), prompty_private.jst_today(),
       now() - interval '1 hour', now() - interval '1 hour'
from generate_series(1, 999) i;

select tests.clear_authentication();
select is((prompty.record_prompt_view('00000000-0000-4000-8000-0000000000d1', 'visitor-1000') ->> 'counted')::boolean, true,
          'the 1,000th new anonymous visitor of the day counts');
select results_eq($$ select (r ->> 'counted')::boolean, (r ->> 'throttled')::boolean
                     from prompty.record_prompt_view('00000000-0000-4000-8000-0000000000d1', 'visitor-1001') r $$,
                  $$ values (false, true) $$, 'the 1,001st is throttled: not counted');
select results_eq($$ select (r ->> 'counted')::boolean, (r ->> 'throttled')::boolean
                     from prompty.record_prompt_view('00000000-0000-4000-8000-0000000000d1', 'early-visitor-1') r $$,
                  $$ values (false, false) $$, 'a visitor already seen today is not throttled');
select tests.authenticate_as('reader');
select is((prompty.record_prompt_view('00000000-0000-4000-8000-0000000000d1') ->> 'counted')::boolean, true,
          'signed-in visitors still count');

-- The next JST day starts again.
reset role;
update prompty.analytics_views set view_day = view_day - 1 where prompt_id = '00000000-0000-4000-8000-0000000000d1';
select tests.clear_authentication();
select is((prompty.record_prompt_view('00000000-0000-4000-8000-0000000000d1', 'visitor-next-day') ->> 'counted')::boolean, true,
          'on the next day new anonymous visitors count again');

select * from finish();
rollback;
