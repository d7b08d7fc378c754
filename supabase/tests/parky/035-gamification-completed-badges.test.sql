-- A badge awarded once stops counting when its last tier is awarded (20261206100000): no more
-- progress writes, no new period rows, no new distinct values; repeatable badges never complete;
-- recompute_user and recompute_badge rebuild the completed list; recompute_badge works in batches of
-- users (20261206140000).
begin;
set search_path = extensions, public;
select plan(21);
select tests.parky_fixture();

update parky.badge_definitions set active = false;
update parky.activity_exp_rules set active = false;

insert into parky.badge_definitions (code, name_ja, name_en, condition, tiers, repeatable) values
  ('c_tiers', 't', 't', '{"activity_types": ["session_end"], "aggregate": {"fn": "count"}}',
   '[{"name": "bronze", "threshold": 1}, {"name": "silver", "threshold": 3}]', false),
  ('c_busy_day', 'b', 'b', '{"activity_types": ["session_end"], "aggregate": {"fn": "count"}, "window": {"type": "day"}}',
   '[{"name": "standard", "threshold": 2}]', false),
  ('c_daily', 'd', 'd', '{"activity_types": ["session_end"], "aggregate": {"fn": "count"}, "window": {"type": "day"}}',
   '[{"name": "standard", "threshold": 2}]', true),
  ('c_lots', 'l', 'l', '{"activity_types": ["session_end"], "aggregate": {"fn": "count_distinct", "path": "parking.lot.id"}}',
   '[{"name": "standard", "threshold": 2}]', false);

create function pg_temp.park(p_at timestamptz, p_lot text) returns bigint
language sql as $$
  select parky_private.log_activity(tests.get_supabase_uid('pk_user'), 'session_end',
    jsonb_build_object('session', jsonb_build_object('duration_minutes', 30, 'amount', 200, 'gps_verified', true),
                       'parking', jsonb_build_object('lot', jsonb_build_object('id', p_lot, 'prefecture', 'tokyo'))),
    p_at, 'test', gen_random_uuid()::text)
$$;
create function pg_temp.badge(p_code text) returns bigint
language sql as $$ select id from parky.badge_definitions where code = p_code $$;
create function pg_temp.completed() returns text[]
language sql as $$
  select coalesce(array_agg(b.code order by b.code), '{}') from parky.user_exp e, unnest(e.completed_badge_ids) c(id)
  join parky.badge_definitions b on b.id = c.id
  where e.user_id = tests.get_supabase_uid('pk_user')
$$;
create function pg_temp.progress(p_code text, p_period text default '') returns numeric
language sql as $$
  select p.value from parky.user_badge_progress p
  where p.user_id = tests.get_supabase_uid('pk_user') and p.badge_id = pg_temp.badge(p_code) and p.period_key = p_period
$$;

select pg_temp.park('2026-11-02 10:00+09', 'L1');
select is(pg_temp.completed(), '{}'::text[], 'bronze of a two-tier badge does not complete it');
select pg_temp.park('2026-11-02 11:00+09', 'L2');
select is(pg_temp.completed(), array['c_busy_day', 'c_lots'], 'the last tier of a badge awarded once completes it');
select pg_temp.park('2026-11-02 12:00+09', 'L3');
select is(pg_temp.completed(), array['c_busy_day', 'c_lots', 'c_tiers'], 'silver completes the two-tier badge');
select pg_temp.park('2026-11-03 10:00+09', 'L4');
select pg_temp.park('2026-11-03 11:00+09', 'L5');

select is(pg_temp.progress('c_tiers'), 3::numeric, 'a complete badge''s progress keeps the value it completed at');
select is((select count(*) from parky.user_badge_progress
           where user_id = tests.get_supabase_uid('pk_user') and badge_id = pg_temp.badge('c_busy_day')), 1::bigint,
          'a complete day-window badge opens no row for the next day');
select is((select count(*) from parky_private.badge_distinct_values
           where user_id = tests.get_supabase_uid('pk_user') and badge_id = pg_temp.badge('c_lots')), 2::bigint,
          'a complete count_distinct badge keeps no new values');
select is(pg_temp.progress('c_daily', 'D2026-11-03'), 2::numeric, 'a repeatable badge never completes: it counts each day');
select is((select count(*) from parky.user_badges
           where user_id = tests.get_supabase_uid('pk_user') and badge_id = pg_temp.badge('c_daily')), 2::bigint,
          'and is awarded each day');

-- Recompute rebuilds the list from the log
update parky.user_exp set completed_badge_ids = '{}' where user_id = tests.get_supabase_uid('pk_user');
select lives_ok($$ select parky.recompute_user_gamification(tests.get_supabase_uid('pk_user')) $$, 'recompute the user');
select is(pg_temp.completed(), array['c_busy_day', 'c_lots', 'c_tiers'], 'recompute rebuilds the completed list');
select is(pg_temp.progress('c_tiers'), 3::numeric, 'with the same frozen progress as the live engine');

-- A new tier reopens the badge at once: new events count again (from the frozen value) ...
update parky.badge_definitions set tiers = tiers || '[{"name": "gold", "threshold": 5}]'::jsonb where code = 'c_tiers';
select is(pg_temp.completed(), array['c_busy_day', 'c_lots'], 'editing the tiers takes the badge out of the completed list');
select pg_temp.park('2026-11-04 10:00+09', 'L6');
select is(pg_temp.progress('c_tiers'), 4::numeric, 'and the next event counts it again');
update parky.badge_definitions set name_en = 'renamed' where code = 'c_lots';
select is(pg_temp.completed(), array['c_busy_day', 'c_lots'], 'an edit of another column does not reopen a badge');
-- ... and recompute_badge applies the edit to the whole log
-- in batches of 7 users: each call returns the cursor of the next one, null after the last user
create temp table t_batches (n int, result jsonb);
do $$
declare
  v_result jsonb;
  v_calls int := 0;
begin
  loop
    v_result := parky.recompute_badge(pg_temp.badge('c_tiers'), (v_result ->> 'next_after_user')::uuid, 7);
    v_calls := v_calls + 1;
    insert into t_batches values (v_calls, v_result);
    exit when v_result ->> 'next_after_user' is null or v_calls > 1000;
  end loop;
end
$$;
select is((select sum((result ->> 'users')::int) from t_batches), (select count(*)::bigint from parky.app_users),
          'recompute_badge in batches of 7 users went through every user once');
select is((select count(*) from t_batches where (result ->> 'users')::int = 7 and result ->> 'next_after_user' is not null),
          (select count(*) - 1 from t_batches), 'every full batch returns a cursor; the last one returns null');
select is((select (result ->> 'next_after_user')::uuid from t_batches where n = 1),
          (select id from parky.app_users order by id offset 6 limit 1), 'the cursor is the last user of the batch (id order)');
select is(pg_temp.progress('c_tiers'), 5::numeric, 'the badge counted the log again up to gold (5 of the 6 events), complete again');
select is((select array_agg(tier order by tier) from parky.user_badges
           where user_id = tests.get_supabase_uid('pk_user') and badge_id = pg_temp.badge('c_tiers')), array[1, 2, 3],
          'and awarded gold (at the fifth event)');
select throws_ok($$ select parky.recompute_badge(pg_temp.badge('c_tiers'), null, 0) $$, 'PK316', null, 'a batch needs a user');
select throws_ok($$ select parky.recompute_badge(pg_temp.badge('c_tiers'), null, 5001) $$, 'PK316', null,
                 'and at most 5,000');

select * from finish();
rollback;
