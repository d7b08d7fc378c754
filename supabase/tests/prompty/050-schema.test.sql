-- Prompty catalog: the seed's tables, comments, the privilege matrix of anon and
-- authenticated per table, no client access to secrets or server-owned columns, policy shape,
-- indexed foreign keys, pg_cron jobs.
begin;
set search_path = extensions, public;
select plan(17);

select tables_are('prompty', array[
  'profiles', 'user_settings', 'account_settings', 'notification_preferences', 'notification_settings', 'follows',
  'prompts', 'drafts', 'categories', 'tags', 'prompt_tags', 'recently_viewed_prompts', 'likes', 'comments', 'bookmarks',
  'notifications', 'payments', 'purchases', 'subscriptions', 'payment_methods', 'payouts', 'payout_accounts', 'price_tiers',
  'analytics_views', 'analytics_summary', 'reports', 'feedback', 'contacts', 'announcements', 'announcement_reads',
  'badges', 'user_badges', 'prompt_executions', 'contests', 'contest_entries', 'magazines', 'magazine_prompts'],
  'every public table of the seed exists in prompty');
select views_are('prompty', array['prompt_stats', 'profile_stats'], 'the exact-counter views');

select is(array(select c.relname::text from pg_class c
                where c.relnamespace in ('prompty'::regnamespace, 'prompty_private'::regnamespace) and c.relkind in ('r', 'v')
                  and obj_description(c.oid, 'pg_class') is null),
          '{}'::text[], 'every table and view has a comment');
select is(array(select p.oid::regprocedure::text from pg_proc p
                where p.pronamespace in ('prompty'::regnamespace, 'prompty_private'::regnamespace)
                  and obj_description(p.oid, 'pg_proc') is null),
          '{}'::text[], 'every function has a comment');

-- What anon and authenticated may do per relation (any column); RLS then narrows the rows.
select results_eq($$
  select c.relname::text collate "default",
         has_any_column_privilege('anon', c.oid, 'SELECT'), has_any_column_privilege('anon', c.oid, 'INSERT'),
         has_any_column_privilege('anon', c.oid, 'UPDATE'), has_table_privilege('anon', c.oid, 'DELETE'),
         has_any_column_privilege('authenticated', c.oid, 'SELECT'), has_any_column_privilege('authenticated', c.oid, 'INSERT'),
         has_any_column_privilege('authenticated', c.oid, 'UPDATE'), has_table_privilege('authenticated', c.oid, 'DELETE')
  from pg_class c where c.relnamespace = 'prompty'::regnamespace and c.relkind in ('r', 'v') order by 1 $$,
  $$ values
  --                          anon: select insert update delete | authenticated: select insert update delete
  ('account_settings',         false, false, false, false,  true, false,  true, false),
  ('analytics_summary',        false, false, false, false,  true, false, false, false),
  ('analytics_views',          false, false, false, false,  true, false, false, false),
  ('announcement_reads',       false, false, false, false,  true,  true, false, false),
  ('announcements',             true, false, false, false,  true,  true,  true,  true),
  ('badges',                    true, false, false, false,  true,  true,  true,  true),
  ('bookmarks',                false, false, false, false,  true,  true, false,  true),
  ('categories',                true, false, false, false,  true,  true,  true,  true),
  ('comments',                  true, false, false, false,  true,  true,  true,  true),
  ('contacts',                 false,  true, false, false,  true,  true,  true, false),
  ('contest_entries',           true, false, false, false,  true,  true, false,  true),
  ('contests',                  true, false, false, false,  true,  true,  true,  true),
  ('drafts',                   false, false, false, false,  true,  true,  true,  true),
  ('feedback',                 false,  true, false, false,  true,  true,  true, false),
  ('follows',                   true, false, false, false,  true,  true, false,  true),
  ('likes',                    false, false, false, false,  true,  true, false,  true),
  ('magazine_prompts',          true, false, false, false,  true,  true,  true,  true),
  ('magazines',                 true, false, false, false,  true,  true,  true,  true),
  ('notification_preferences', false, false, false, false,  true, false,  true, false),
  ('notification_settings',    false, false, false, false,  true, false,  true, false),
  ('notifications',            false, false, false, false,  true, false,  true,  true),
  ('payment_methods',          false, false, false, false,  true, false, false, false),
  ('payments',                 false, false, false, false,  true, false, false, false),
  ('payout_accounts',          false, false, false, false,  true, false, false, false),
  ('payouts',                  false, false, false, false,  true, false, false, false),
  ('price_tiers',               true, false, false, false,  true, false, false, false),
  ('profile_stats',             true, false, false, false,  true, false, false, false),
  ('profiles',                  true, false, false, false,  true, false,  true, false),
  ('prompt_executions',        false, false, false, false,  true,  true, false,  true),
  ('prompt_stats',              true, false, false, false,  true, false, false, false),
  ('prompt_tags',               true, false, false, false,  true,  true, false,  true),
  ('prompts',                   true, false, false, false,  true,  true,  true, false),
  ('purchases',                false, false, false, false,  true, false, false, false),
  ('recently_viewed_prompts',  false, false, false, false,  true, false, false,  true),
  ('reports',                  false, false, false, false,  true,  true, false, false),
  ('subscriptions',            false, false, false, false,  true, false, false, false),
  ('tags',                      true, false, false, false,  true, false, false, false),
  ('user_badges',               true, false, false, false,  true,  true, false,  true),
  ('user_settings',            false, false, false, false,  true, false,  true, false) $$,
  'the privilege matrix of anon and authenticated');

select is(array(select format('%s %s', c.relname, p) from pg_class c, unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE']) p
                where c.relnamespace = 'prompty'::regnamespace and c.relkind = 'r' and not has_table_privilege('service_role', c.oid, p)
                order by 1),
          '{}'::text[], 'the service role (bypassing RLS) may read and write every table');

-- Secrets: paid text, e-mails, Stripe and payment ids, visitor ids, internal columns.
select is(array(
  select format('%s: %s.%s', r, c.relname, a.attname)
  from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped,
       unnest(array['anon', 'authenticated']) r
  where c.relnamespace = 'prompty'::regnamespace and c.relkind in ('r', 'v')
    and has_column_privilege(r, c.oid, a.attnum, 'SELECT')
    and ((c.relname = 'prompts' and a.attname in ('content', 'prompt_content', 'search_text', 'like_count', 'comment_count',
                                                  'bookmark_count', 'view_count', 'trending_score', 'deleted_at'))
         or (c.relname = 'profiles' and a.attname in ('status', 'premium_until', 'follower_count', 'following_count'))
         or a.attname ~ '^(email|stripe_.*|intent_id|visitor_id)$')
    and not (r = 'authenticated' and format('%s.%s', c.relname, a.attname) in ('contacts.email', 'feedback.email'))
  order by 1), '{}'::text[],
  'no client reads paid text, e-mails (except senders and admins their form''s address), Stripe ids, visitor ids or raw counters');

-- Server-owned columns: no client role may insert or update them.
select is(array(
  select format('%s: %s.%s %s', r, t.tbl, t.col, p)
  from (values
    ('profiles', 'id'), ('profiles', 'status'), ('profiles', 'is_premium'), ('profiles', 'premium_until'), ('profiles', 'is_business'),
    ('profiles', 'stripe_account_id'), ('profiles', 'email'), ('profiles', 'follower_count'), ('profiles', 'following_count'),
    ('prompts', 'id'), ('prompts', 'author_id'), ('prompts', 'like_count'), ('prompts', 'comment_count'), ('prompts', 'bookmark_count'),
    ('prompts', 'view_count'), ('prompts', 'trending_score'), ('prompts', 'is_featured'), ('prompts', 'hidden_at'),
    ('prompts', 'hidden_reason'), ('prompts', 'deleted_at'), ('prompts', 'published_at'), ('prompts', 'content_preview'),
    ('prompts', 'search_text'), ('prompts', 'tag_names'), ('prompts', 'stripe_product_id'), ('prompts', 'stripe_price_id'),
    ('prompts', 'currency'), ('comments', 'user_id'), ('comments', 'is_edited'), ('comments', 'edited_at'), ('comments', 'hidden_at'),
    ('likes', 'user_id'), ('bookmarks', 'user_id'), ('follows', 'follower_id'), ('drafts', 'author_id'),
    ('reports', 'reporter_id'), ('reports', 'status'), ('reports', 'action'), ('reports', 'reviewed_by'), ('reports', 'prompt_id'),
    ('notifications', 'user_id'), ('notifications', 'actor_id'), ('notifications', 'type'),
    ('purchases', 'status'), ('purchases', 'amount'), ('payments', 'status'), ('payments', 'amount'), ('subscriptions', 'status'),
    ('user_settings', 'account_settings'), ('user_settings', 'notification_settings'),
    ('analytics_views', 'views'), ('analytics_summary', 'view_count'), ('recently_viewed_prompts', 'viewed_at'),
    ('feedback', 'user_id'), ('contacts', 'user_id'), ('user_badges', 'awarded_by'), ('contest_entries', 'user_id'),
    ('magazines', 'owner_id'), ('prompt_executions', 'user_id'), ('announcement_reads', 'user_id')) t (tbl, col),
    unnest(array['anon', 'authenticated']) r, unnest(array['INSERT', 'UPDATE']) p
  where has_column_privilege(r, format('prompty.%I', t.tbl), t.col, p)
  order by 1), '{}'::text[], 'no client writes a server-owned column (ids, owners, counters, statuses, amounts, premium, moderation)');

select is(array(select format('%s.%s', tablename, policyname) from pg_policies
                where schemaname = 'prompty' and (cmd = 'ALL' or not (roles <@ array['anon', 'authenticated']::name[]) or cardinality(roles) <> 1)),
          '{}'::text[], 'every policy is for one operation and one role (anon or authenticated)');
select is(array(select format('%s.%s', tablename, policyname)
                from pg_policies, lateral (select coalesce(qual, '') || ' ' || coalesce(with_check, '') as txt) t
                where schemaname in ('prompty', 'storage')
                  and regexp_count(t.txt, 'auth\.uid\(\)') <> regexp_count(t.txt, 'SELECT auth\.uid\(\)')),
          '{}'::text[], 'policies call auth.uid() once per statement: (select auth.uid())');

select is(array(
  select format('%s(%s)', c.conrelid::regclass, array_to_string(array(select attname from pg_attribute where attrelid = c.conrelid and attnum = any (c.conkey)), ','))
  from pg_constraint c
  where c.contype = 'f' and c.connamespace in ('prompty'::regnamespace)
    and not exists (select 1 from pg_index i where i.indrelid = c.conrelid
                    and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey and c.conkey @> (i.indkey::int2[])[0:cardinality(c.conkey) - 1])
  order by 1), '{}'::text[], 'every foreign key is the leading part of an index');

select results_eq($$ select jobname::text collate "default", schedule collate "default" from cron.job where jobname like 'prompty-%' order by 1 $$,
                  $$ values ('prompty-analytics-summary', '10 * * * *'), ('prompty-fold-counters', '* * * * *'),
                            ('prompty-prune-tags', '17 3 * * *'), ('prompty-refresh-trending', '*/10 * * * *') $$,
                  'the pg_cron jobs, with five-field schedules');
select is((select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid
           where c.relnamespace = 'prompty'::regnamespace and not t.tgisinternal
             and t.tgname !~ ('^' || c.relname || '_(before|after)_')), 0::bigint, 'triggers are named <table>_<when>_<what>');

-- The sample data (seeds/prompty.sql): the seed document's volumes, exact counters.
select results_eq($$ select (select count(*) from prompty.profiles p join auth.users u on u.id = p.id where u.email like '%@prompty.example'),
                            (select count(*) from prompty.profiles where status = 'admin'),
                            (select count(*) from prompty.prompts where author_id::text like 'a0000000-%'),
                            (select count(*) from prompty.categories where id::text like 'c0000000-%') $$,
                  $$ values (18::bigint, 1::bigint, 22::bigint, 13::bigint) $$, 'sample data: 18 users (one admin), 22 prompts, 13 categories');
select is((select count(*) from prompty.categories where parent_id is not null and id::text like 'c0000000-%'), 8::bigint,
          'sample categories form a hierarchy');
select is((select count(*) from prompty.prompts p, prompty_private.prompt_counts(p.id) c
           where p.author_id::text like 'a0000000-%'
             and (c.like_count, c.comment_count, c.bookmark_count, c.view_count)
                 <> ((select count(*) from prompty.likes l where l.prompt_id = p.id),
                     (select count(*) from prompty.comments m where m.prompt_id = p.id and m.hidden_at is null),
                     (select count(*) from prompty.bookmarks b where b.prompt_id = p.id),
                     (select count(*) from prompty.analytics_views v where v.prompt_id = p.id))),
          0::bigint, 'sample counters equal the rows they count');
select ok((select count(*) >= 20 from prompty.likes) and (select count(*) >= 9 from prompty.comments)
          and (select count(*) > 0 from prompty.notifications) and (select count(*) > 0 from prompty.analytics_summary),
          'sample likes, comments, notifications and analytics exist');

select * from finish();
rollback;
