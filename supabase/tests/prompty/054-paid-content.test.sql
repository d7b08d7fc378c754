-- Prompty paid content: who gets the full text (author, buyer, premium member for is_premium
-- prompts, admin; everyone for free prompts) and that nothing a client can read leaks it.
-- Also the commerce tables: read-own, no client writes, no Stripe ids.
begin;
set search_path = extensions, public;
select plan(53);
-- Start from an empty Prompty; the sample data (seeds/prompty.sql) comes back with the rollback.
set local client_min_messages = warning;
truncate prompty.profiles, prompty.categories, prompty.tags, prompty.price_tiers, prompty.announcements, prompty.badges,
         prompty.contests, prompty.feedback, prompty.contacts cascade;
reset client_min_messages;

select tests.create_supabase_user('seller', 'seller@example.com', null, '{"username": "seller"}');
select tests.create_supabase_user('buyer', 'buyer@example.com', null, '{"username": "buyer"}');
select tests.create_supabase_user('premium', 'premium@example.com', null, '{"username": "premium"}');
select tests.create_supabase_user('lapsed', 'lapsed@example.com', null, '{"username": "lapsed"}');
select tests.create_supabase_user('visitor', 'visitor@example.com', null, '{"username": "visitor"}');
select tests.create_supabase_user('admin', 'admin@example.com', null, '{"username": "the_admin"}');
update prompty.profiles set status = 'admin' where id = tests.get_supabase_uid('admin');
update prompty.profiles set is_premium = true, premium_until = now() + interval '30 days' where id = tests.get_supabase_uid('premium');
update prompty.profiles set is_premium = true, premium_until = now() - interval '1 day' where id = tests.get_supabase_uid('lapsed');

insert into prompty.prompts (id, author_id, title, content, prompt_title, prompt_content, is_free, price, is_premium, preview_lines, published) values
  ('00000000-0000-4000-8000-0000000000e1', tests.get_supabase_uid('seller'), '有料プロンプト（プレミアム可）',
   e'プレビュー一行目\nプレビュー二行目\nSECRET-BODY 三行目以降は購入者のみ', 'Prompt', 'SECRET-PROMPT text', false, 500, true, 2, true),
  ('00000000-0000-4000-8000-0000000000e2', tests.get_supabase_uid('seller'), '有料プロンプト（購入のみ）',
   e'preview line\nSECRET-BODY rest of the article', 'Prompt', 'SECRET-PROMPT only buyers', false, 800, false, 1, true),
  ('00000000-0000-4000-8000-0000000000e3', tests.get_supabase_uid('seller'), '無料プロンプト',
   e'free line one\nfree line two is public too', 'Prompt', 'free prompt text', true, 0, false, 1, true),
  ('00000000-0000-4000-8000-0000000000e4', tests.get_supabase_uid('seller'), '非公開の有料プロンプト',
   e'draft line\nSECRET-BODY unpublished', 'Prompt', 'SECRET-PROMPT unpublished', false, 300, false, 1, false);
insert into prompty.payments (id, user_id, amount, intent_id, status) values
  ('00000000-0000-4000-8000-0000000000f1', tests.get_supabase_uid('buyer'), 500, 'pi_secret_123', 'succeeded');
insert into prompty.purchases (user_id, prompt_id, seller_id, payment_id, amount, status, completed_at) values
  (tests.get_supabase_uid('buyer'), '00000000-0000-4000-8000-0000000000e1', tests.get_supabase_uid('seller'),
   '00000000-0000-4000-8000-0000000000f1', 500, 'completed', now()),
  (tests.get_supabase_uid('buyer'), '00000000-0000-4000-8000-0000000000e2', tests.get_supabase_uid('seller'), null, 800, 'pending', null),
  (tests.get_supabase_uid('visitor'), '00000000-0000-4000-8000-0000000000e2', tests.get_supabase_uid('seller'), null, 800, 'refunded', now());
insert into prompty.subscriptions (user_id, status, stripe_subscription_id, stripe_customer_id)
values (tests.get_supabase_uid('premium'), 'active', 'sub_secret', 'cus_secret');

-- Every relation and column the current role can read, searched for a marker.
create function tests.readable_leaks(p_marker text) returns text[]
language plpgsql
set search_path = ''
as $$
declare
  r record;
  v_cols text;
  v_hits bigint;
  v_leaks text[] := '{}';
begin
  for r in select c.oid, c.oid::regclass::text as name from pg_catalog.pg_class c
           where c.relnamespace = 'prompty'::regnamespace and c.relkind in ('r', 'v', 'm')
           order by 2 loop
    select string_agg(format('%I', a.attname), ', ') into v_cols
    from pg_catalog.pg_attribute a
    where a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped
      and pg_catalog.has_column_privilege(r.oid, a.attnum, 'SELECT');
    continue when v_cols is null;
    execute format('select count(*) from (select %s from %s) t where t::text like %L', v_cols, r.name, '%' || p_marker || '%')
      into v_hits;
    if v_hits > 0 then
      v_leaks := v_leaks || r.name;
    end if;
  end loop;
  return v_leaks;
end
$$;
grant execute on function tests.readable_leaks(text) to anon, authenticated;

-- ---------------------------------------------------------------------------------------
-- Who unlocks what
-- ---------------------------------------------------------------------------------------
select tests.clear_authentication();
select results_eq($$ select content, prompt_content, is_unlocked from prompty.get_prompt('00000000-0000-4000-8000-0000000000e1') $$,
                  $$ values (e'プレビュー一行目\nプレビュー二行目', null::text, false) $$, 'anon gets the preview lines of a paid prompt, no prompt text');
select results_eq($$ select content, prompt_content, is_unlocked from prompty.get_prompt('00000000-0000-4000-8000-0000000000e3') $$,
                  $$ values (e'free line one\nfree line two is public too', 'free prompt text', true) $$, 'anon gets all of a free prompt');
select throws_ok($$ select * from prompty.get_prompt('00000000-0000-4000-8000-0000000000e4') $$, 'PT120', null,
                 'anon cannot open an unpublished prompt');
select is(tests.readable_leaks('SECRET'), '{}'::text[], 'no table or view anon can read holds the paid text');
select throws_ok($$ select content from prompty.prompts $$, '42501', null, 'anon cannot select prompts.content');
select is((select count(*) from prompty.search_prompts(p_limit => 50) s where s::text like '%SECRET%'), 0::bigint,
          'search results hold no paid text');
select ok((select count(*) = 3 from prompty.search_prompts(p_author_id => tests.get_supabase_uid('seller'))),
          '(the seller''s three public prompts are listed)');

select tests.authenticate_as('visitor');
select is((select is_unlocked from prompty.get_prompt('00000000-0000-4000-8000-0000000000e1')), false, 'another user sees the preview');
select is((select is_unlocked from prompty.get_prompt('00000000-0000-4000-8000-0000000000e2')), false,
          'a refunded purchase does not unlock');
select ok((select content not like '%SECRET%' and prompt_content is null from prompty.get_prompt('00000000-0000-4000-8000-0000000000e2')),
          'the locked text is absent from get_prompt');
select throws_ok($$ select * from prompty.get_prompt('00000000-0000-4000-8000-0000000000e4') $$, 'PT120', null,
                 'another user cannot open an unpublished prompt');
select is(tests.readable_leaks('SECRET'), '{}'::text[], 'no table or view another user can read holds the paid text');
select throws_ok($$ select prompt_content from prompty.prompts $$, '42501', null, 'users cannot select prompts.prompt_content');
select prompty.follow_user(tests.get_supabase_uid('seller'));
select is((select count(*) from prompty.following_feed(p_limit => 50) s where s::text like '%SECRET%'), 0::bigint,
          'the following feed holds no paid text');
select unalike(prompty.get_creator('seller')::text, '%SECRET%', 'nor the creator page');

select tests.authenticate_as('buyer');
select results_eq($$ select prompt_content, is_unlocked from prompty.get_prompt('00000000-0000-4000-8000-0000000000e1') $$,
                  $$ values ('SECRET-PROMPT text', true) $$, 'a completed purchase unlocks the prompt');
select ok((select content like '%SECRET-BODY%' from prompty.get_prompt('00000000-0000-4000-8000-0000000000e1')), 'and the whole article');
select is((select is_unlocked from prompty.get_prompt('00000000-0000-4000-8000-0000000000e2')), false, 'a pending purchase does not');

select tests.authenticate_as('premium');
select is((select is_unlocked from prompty.get_prompt('00000000-0000-4000-8000-0000000000e1')), true,
          'a premium member reads an is_premium prompt');
select is((select is_unlocked from prompty.get_prompt('00000000-0000-4000-8000-0000000000e2')), false,
          'but not a paid prompt that is not open to premium members');
select tests.authenticate_as('lapsed');
select is((select is_unlocked from prompty.get_prompt('00000000-0000-4000-8000-0000000000e1')), false,
          'an expired premium membership unlocks nothing');

select tests.authenticate_as('seller');
select is((select is_unlocked from prompty.get_prompt('00000000-0000-4000-8000-0000000000e2')), true, 'the author reads their paid prompt');
select results_eq($$ select content, prompt_content from prompty.get_prompt('00000000-0000-4000-8000-0000000000e4') $$,
                  $$ values (e'draft line\nSECRET-BODY unpublished', 'SECRET-PROMPT unpublished') $$, 'and their unpublished one');

select tests.authenticate_as('admin');
select is((select is_unlocked from prompty.get_prompt('00000000-0000-4000-8000-0000000000e2')), true, 'an admin reads a paid prompt');
select throws_ok($$ select * from prompty.get_prompt('00000000-0000-4000-8000-0000000000e4') $$, 'PT120', null,
                 'but not an unpublished one');

reset role;
update prompty.prompts set hidden_at = now() where id = '00000000-0000-4000-8000-0000000000e1';
select tests.authenticate_as('buyer');
select throws_ok($$ select * from prompty.get_prompt('00000000-0000-4000-8000-0000000000e1') $$, 'PT120', null,
                 'a hidden prompt is closed even to its buyers');
select tests.authenticate_as('admin');
select is((select is_unlocked from prompty.get_prompt('00000000-0000-4000-8000-0000000000e1')), true, 'admins review hidden prompts in full');
reset role;
update prompty.prompts set hidden_at = null, deleted_at = now() where id = '00000000-0000-4000-8000-0000000000e1';
select tests.authenticate_as('seller');
select throws_ok($$ select * from prompty.get_prompt('00000000-0000-4000-8000-0000000000e1') $$, 'PT120', null,
                 'a deleted prompt is gone, even for its author');
reset role;
update prompty.prompts set deleted_at = null where id = '00000000-0000-4000-8000-0000000000e1';

-- Counters and the caller's own reactions come with the prompt.
select tests.authenticate_as('buyer');
select prompty.like_prompt('00000000-0000-4000-8000-0000000000e3');
select results_eq($$ select like_count, liked, bookmarked from prompty.get_prompt('00000000-0000-4000-8000-0000000000e3') $$,
                  $$ values (1::bigint, true, false) $$, 'get_prompt returns exact counts and the caller''s reactions');
select tests.clear_authentication();
select results_eq($$ select like_count, liked from prompty.get_prompt('00000000-0000-4000-8000-0000000000e3') $$,
                  $$ values (1::bigint, false) $$, 'anon gets the counts, liked is false');

-- ---------------------------------------------------------------------------------------
-- Commerce tables: read-own, no writes, no Stripe ids
-- ---------------------------------------------------------------------------------------
select tests.clear_authentication();
select throws_ok($$ select id from prompty.purchases $$, '42501', null, 'anon cannot read purchases');
select throws_ok($$ select id from prompty.payments $$, '42501', null, 'anon cannot read payments');
select is((select count(*) from prompty.price_tiers), 0::bigint, 'anon reads price tiers (none yet)');
select tests.authenticate_as('buyer');
select is((select count(*) from prompty.purchases), 2::bigint, 'a buyer reads their purchases');
select is((select count(*) from prompty.payments), 1::bigint, 'and their payments');
select throws_ok($$ select intent_id from prompty.payments $$, '42501', null, 'but not the PaymentIntent id');
select throws_ok(format('insert into prompty.purchases (user_id, prompt_id, amount, status, completed_at) values (%L, %L, 0, %L, now())',
                        tests.get_supabase_uid('buyer'), '00000000-0000-4000-8000-0000000000e2', 'completed'), '42501', null,
                 'a user cannot record a purchase');
select throws_ok($$ update prompty.purchases set status = 'completed' $$, '42501', null, 'nor complete one');
select throws_ok($$ delete from prompty.purchases $$, '42501', null, 'nor delete one');
select throws_ok($$ insert into prompty.payments (amount) values (1) $$, '42501', null, 'nor write payments');
select tests.authenticate_as('seller');
select is((select count(*) from prompty.purchases), 3::bigint, 'a seller reads the sales of their prompts');
select is((select count(*) from prompty.payments), 0::bigint, 'but not the buyers'' payments');
select tests.authenticate_as('premium');
select is((select count(*) from prompty.subscriptions), 1::bigint, 'a member reads their subscription');
select throws_ok($$ select stripe_subscription_id from prompty.subscriptions $$, '42501', null, 'without its Stripe id');
select throws_ok($$ update prompty.subscriptions set status = 'canceled' $$, '42501', null, 'and cannot change it');
select tests.authenticate_as('visitor');
select is((select count(*) from prompty.subscriptions), 0::bigint, 'other users see no subscription');
select is((select count(*) from prompty.payment_methods) + (select count(*) from prompty.payouts) + (select count(*) from prompty.payout_accounts),
          0::bigint, 'nor cards, payouts or payout accounts');
select throws_ok($$ select stripe_account_id from prompty.payout_accounts $$, '42501', null, 'Stripe account ids are not readable');
select tests.authenticate_as_service_role();
select lives_ok(format('insert into prompty.payout_accounts (user_id, stripe_account_id) values (%L, %L)',
                       tests.get_supabase_uid('seller'), 'acct_123'), 'the service role writes commerce rows');
select lives_ok($$ insert into prompty.price_tiers (name, amount) values ('スタンダード', 500) $$, 'and price tiers');
select throws_ok($$ insert into prompty.price_tiers (name, amount) values ('too cheap', 10) $$, '23514', null, 'price tiers are 100-1,000,000 yen');
select throws_ok(format('insert into prompty.purchases (user_id, prompt_id, amount, status, completed_at) values (%L, %L, 500, %L, now())',
                        tests.get_supabase_uid('buyer'), '00000000-0000-4000-8000-0000000000e1', 'completed'), '23505', null,
                 'one completed purchase per buyer and prompt');
select tests.clear_authentication();
select is((select count(*) from prompty.price_tiers), 1::bigint, 'active price tiers are public');

select * from finish();
rollback;
