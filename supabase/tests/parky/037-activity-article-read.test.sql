-- App-logged article_read names a published article (20261206120000, PK306): made-up, scheduled,
-- unpublished and deleted articles are refused, the category comes from the article, and only
-- real articles count for the reader badge. Server events are not checked.
begin;
set search_path = extensions, public;
select plan(14);
select tests.parky_fixture();

insert into parky.articles (slug, title, category, published_at) values
  ('t-live', 'Live', 'guide', now() - interval '1 day'), ('t-live-2', 'Live 2', 'news', now() - interval '1 day'),
  ('t-scheduled', 'Scheduled', 'news', now() + interval '1 day'), ('t-draft', 'Draft', 'news', null),
  ('t-ended', 'Ended', 'news', now() - interval '2 days'), ('t-deleted', 'Deleted', 'news', now() - interval '2 days');
update parky.articles set unpublished_at = now() - interval '1 day' where slug = 't-ended';
update parky.articles set deleted_at = now() where slug = 't-deleted';
create temp table t_article as select slug, id from parky.articles where slug like 't-%';
grant select on t_article to authenticated;

create function pg_temp.read_sql(p_id text) returns text language sql as $$
  select format($q$ insert into parky.user_activity_logs (activity_type, metadata)
                    values ('article_read', jsonb_build_object('article', jsonb_build_object('id', %L, 'category', 'made-up'))) $q$, p_id)
$$;
create temp table t_sql as select slug, pg_temp.read_sql(id::text) as sql from t_article
  union all select 'made-up', pg_temp.read_sql('a0000000-0000-0000-0000-0000000000ff')
  union all select 'not-a-uuid', pg_temp.read_sql('article-1')
  union all select 't-live-upper', pg_temp.read_sql(upper((select id::text from t_article where slug = 't-live')));
grant select on t_sql to authenticated;

select tests.authenticate_as('pk_user');
select lives_ok((select sql from t_sql where slug = 't-live'), 'a published article can be logged as read');
select lives_ok((select sql from t_sql where slug = 't-live-2'), 'another one');
select lives_ok((select sql from t_sql where slug = 't-live-upper'), 'an upper-case spelling of a published article''s id');
select throws_ok((select sql from t_sql where slug = 'made-up'), 'PK306', 'article_read needs the id of a published article',
                 'a made-up article id is refused');
select throws_ok((select sql from t_sql where slug = 'not-a-uuid'), 'PK306', null, 'so is an id that is not a uuid');
select throws_ok((select sql from t_sql where slug = 't-scheduled'), 'PK306', null, 'a scheduled article');
select throws_ok((select sql from t_sql where slug = 't-draft'), 'PK306', null, 'a draft');
select throws_ok((select sql from t_sql where slug = 't-ended'), 'PK306', null, 'an unpublished article');
select throws_ok((select sql from t_sql where slug = 't-deleted'), 'PK306', null, 'a deleted article');
select throws_ok($$ insert into parky.user_activity_logs (activity_type, metadata) values ('article_read', '{"article": "x"}') $$,
                 'PK306', null, 'metadata without an article object');
reset role;

select is((select array_agg(metadata #>> '{article,category}' order by metadata #>> '{article,category}')
           from parky.user_activity_logs where user_id = tests.get_supabase_uid('pk_user') and activity_type = 'article_read'),
          array['guide', 'guide', 'news'], 'the category is the article''s, not the app''s');
select is((select count(*) from parky.user_activity_logs
           where user_id = tests.get_supabase_uid('pk_user') and activity_type = 'article_read'
             and metadata #>> '{article,id}' = (select id::text from t_article where slug = 't-live')), 2::bigint,
          'the id is stored in its canonical spelling');
select is((select p.value from parky.user_badge_progress p join parky.badge_definitions b on b.id = p.badge_id
           where p.user_id = tests.get_supabase_uid('pk_user') and b.code = 'reader'), 2::numeric,
          'the reader badge counted the two real articles only (two spellings of one id are one article)');
select lives_ok($$ select parky_private.log_activity(tests.get_supabase_uid('pk_user'), 'article_read', '{"article": {"id": "x"}}',
                                                     now(), 'test', 'x') $$, 'server events are not checked');

select * from finish();
rollback;
