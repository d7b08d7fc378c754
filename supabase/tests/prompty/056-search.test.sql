-- Prompty search and feeds: Japanese full-text, filters, sorts, keyset pagination with a
-- clamped page size, visibility, the following feed and the creator page.
begin;
set search_path = extensions, public;
select plan(44);
-- Start from an empty Prompty; the sample data (seeds/prompty.sql) comes back with the rollback.
set local client_min_messages = warning;
truncate prompty.profiles, prompty.categories, prompty.tags, prompty.price_tiers, prompty.announcements, prompty.badges,
         prompty.contests, prompty.feedback, prompty.contacts cascade;
reset client_min_messages;

select tests.create_supabase_user('neko', 'neko@example.com', null, '{"username": "neko_sensei"}');
select tests.create_supabase_user('inu', 'inu@example.com', null, '{"username": "inu_master"}');
select tests.create_supabase_user('fan', 'fan@example.com', null, '{"username": "search_fan"}');

insert into prompty.categories (id, name, slug, parent_id) values
  ('00000000-0000-4000-8000-00000000c001', '画像生成', 'image', null),
  ('00000000-0000-4000-8000-00000000c002', '写真風', 'photo', '00000000-0000-4000-8000-00000000c001'),
  ('00000000-0000-4000-8000-00000000c003', '文章生成', 'text', null);

insert into prompty.prompts (id, author_id, title, description, content, category_id, is_free, price, ai_model, media_type,
                             preview_lines, published, published_at) values
  ('00000000-0000-4000-8000-0000000000a1', tests.get_supabase_uid('neko'), '猫の写真風ポートレート', 'かわいい猫を撮影したような画像',
   e'リアルな猫の写真を生成します\n二行目\n三行目\n四行目\nSECRETWORD は有料部分', '00000000-0000-4000-8000-00000000c002',
   false, 500, 'Midjourney', 'image', 2, true, '2026-01-01 10:00+09'),
  ('00000000-0000-4000-8000-0000000000a2', tests.get_supabase_uid('neko'), '猫のイラスト（アニメ調）', null,
   'アニメ調の猫のイラストを描くプロンプト', '00000000-0000-4000-8000-00000000c001', true, 0, 'Stable Diffusion', 'image', 3, true, '2026-01-02 10:00+09'),
  ('00000000-0000-4000-8000-0000000000a3', tests.get_supabase_uid('inu'), '犬の散歩エッセイ', 'ChatGPTで書くエッセイ',
   '犬と散歩する朝についての文章を書きます', '00000000-0000-4000-8000-00000000c003', true, 0, 'GPT-4o', 'text', 3, true, '2026-01-03 10:00+09'),
  ('00000000-0000-4000-8000-0000000000a4', tests.get_supabase_uid('inu'), 'ＡＩで作る動画の台本', 'Full-width ＡＩ in the title',
   'video script prompt for 100% results', null, false, 1500, 'GPT-4o', 'video', 3, true, '2026-01-04 10:00+09'),
  ('00000000-0000-4000-8000-0000000000a5', tests.get_supabase_uid('neko'), '猫の非公開プロンプト', null,
   '非公開の猫プロンプトです', null, true, 0, null, 'image', 3, false, null),
  ('00000000-0000-4000-8000-0000000000a6', tests.get_supabase_uid('neko'), '猫の非表示プロンプト', null,
   '非表示の猫プロンプトです', null, true, 0, null, 'image', 3, true, '2026-01-05 10:00+09');
update prompty.prompts set hidden_at = now() where id = '00000000-0000-4000-8000-0000000000a6';
select tests.authenticate_as('neko');
select prompty.set_prompt_tags('00000000-0000-4000-8000-0000000000a1', array['猫', 'photo', 'リアル']);
select prompty.set_prompt_tags('00000000-0000-4000-8000-0000000000a2', array['猫', 'anime']);
reset role;

-- ---------------------------------------------------------------------------------------
-- Text search
-- ---------------------------------------------------------------------------------------
select tests.clear_authentication();
select results_eq($$ select id from prompty.search_prompts(p_query => '猫') $$,
                  $$ values ('00000000-0000-4000-8000-0000000000a2'::uuid), ('00000000-0000-4000-8000-0000000000a1') $$,
                  'a one-character Japanese term finds the public prompts, newest first');
select results_eq($$ select id from prompty.search_prompts(p_query => '猫　写真') $$,
                  $$ values ('00000000-0000-4000-8000-0000000000a1'::uuid) $$, 'all terms must occur (full-width space splits)');
select results_eq($$ select id from prompty.search_prompts(p_query => '撮影したような') $$,
                  $$ values ('00000000-0000-4000-8000-0000000000a1'::uuid) $$, 'the description is searched');
select results_eq($$ select id from prompty.search_prompts(p_query => 'リアルな猫の写真') $$,
                  $$ values ('00000000-0000-4000-8000-0000000000a1'::uuid) $$, 'the preview lines are searched');
select is_empty($$ select id from prompty.search_prompts(p_query => 'SECRETWORD') $$, 'the paid part of the content is not searched');
select results_eq($$ select id from prompty.search_prompts(p_query => 'anime') $$,
                  $$ values ('00000000-0000-4000-8000-0000000000a2'::uuid) $$, 'tags are searched');
select results_eq($$ select id from prompty.search_prompts(p_query => 'ai') $$,
                  $$ values ('00000000-0000-4000-8000-0000000000a4'::uuid) $$, 'half-width finds full-width text (NFKC)');
select results_eq($$ select id from prompty.search_prompts(p_query => 'ＣＨＡＴＧＰＴ') $$,
                  $$ values ('00000000-0000-4000-8000-0000000000a3'::uuid) $$, 'full-width upper case finds half-width text');
select results_eq($$ select id from prompty.search_prompts(p_query => '%') $$,
                  $$ values ('00000000-0000-4000-8000-0000000000a4'::uuid) $$, 'a % in the query is literal (only "100%" matches)');
select is_empty($$ select id from prompty.search_prompts(p_query => '_') $$, 'and so is _');
select is_empty($$ select id from prompty.search_prompts(p_query => '非公開') $$, 'unpublished prompts are never found');
select is_empty($$ select id from prompty.search_prompts(p_query => '非表示') $$, 'nor hidden ones');
select tests.authenticate_as('neko');
select is_empty($$ select id from prompty.search_prompts(p_query => '非公開') $$, 'not even by their author');
select tests.clear_authentication();

-- ---------------------------------------------------------------------------------------
-- Filters
-- ---------------------------------------------------------------------------------------
select set_eq($$ select id from prompty.search_prompts(p_category_id => '00000000-0000-4000-8000-00000000c001') $$,
              $$ values ('00000000-0000-4000-8000-0000000000a1'::uuid), ('00000000-0000-4000-8000-0000000000a2') $$,
              'a category includes its sub-categories');
select set_eq($$ select id from prompty.search_prompts(p_category_id => '00000000-0000-4000-8000-00000000c002') $$,
              $$ values ('00000000-0000-4000-8000-0000000000a1'::uuid) $$, 'a sub-category only itself');
select set_eq($$ select id from prompty.search_prompts(p_tags => array['#猫', 'PHOTO']) $$,
              $$ values ('00000000-0000-4000-8000-0000000000a1'::uuid) $$, 'prompts with all the tags (normalized)');
select set_eq($$ select id from prompty.search_prompts(p_is_free => false) $$,
              $$ values ('00000000-0000-4000-8000-0000000000a1'::uuid), ('00000000-0000-4000-8000-0000000000a4') $$, 'paid prompts');
select set_eq($$ select id from prompty.search_prompts(p_min_price => 1000, p_max_price => 2000) $$,
              $$ values ('00000000-0000-4000-8000-0000000000a4'::uuid) $$, 'a price range');
select set_eq($$ select id from prompty.search_prompts(p_ai_model => 'gpt-4o') $$,
              $$ values ('00000000-0000-4000-8000-0000000000a3'::uuid), ('00000000-0000-4000-8000-0000000000a4') $$,
              'an AI model, case-insensitive');
select set_eq($$ select id from prompty.search_prompts(p_media_type => 'video') $$,
              $$ values ('00000000-0000-4000-8000-0000000000a4'::uuid) $$, 'a media type');
select set_eq($$ select id from prompty.search_prompts(p_query => '猫', p_is_free => true, p_media_type => 'image') $$,
              $$ values ('00000000-0000-4000-8000-0000000000a2'::uuid) $$, 'filters combine');
select throws_ok($$ select * from prompty.search_prompts(p_sort => 'random') $$, 'PT151', null, 'an unknown sort is refused');
select throws_ok($$ select * from prompty.search_prompts(p_media_type => 'hologram') $$, 'PT152', null, 'an unknown media type is refused');
select throws_ok($$ select * from prompty.search_prompts(p_min_price => 500, p_max_price => 100) $$, 'PT152', null, 'an empty price range is refused');
select throws_ok($$ select * from prompty.search_prompts(p_cursor => 'not-a-cursor') $$, 'PT150', null, 'a malformed cursor is refused');
select throws_ok($$ select * from prompty.search_prompts(p_sort => 'popular', p_cursor => '2026-01-01T00:00:00.000000Z|00000000-0000-4000-8000-0000000000a1') $$,
                 'PT150', null, 'a cursor of another sort is refused');
select throws_ok($$ select * from prompty.search_prompts(p_tags => array['a','b','c','d','e','f','g','h','i','j','k']) $$, 'PT115', null,
                 'more than 10 tags are refused');

-- ---------------------------------------------------------------------------------------
-- Sorts, counters, pagination
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('fan');
select prompty.like_prompt('00000000-0000-4000-8000-0000000000a3');
select tests.authenticate_as('inu');
select prompty.like_prompt('00000000-0000-4000-8000-0000000000a1');
select prompty.like_prompt('00000000-0000-4000-8000-0000000000a3');
reset role;
select prompty_private.fold_counters();
select prompty_private.refresh_trending();
select tests.clear_authentication();
select results_eq($$ select id, like_count from prompty.search_prompts(p_sort => 'popular', p_limit => 2) $$,
                  $$ values ('00000000-0000-4000-8000-0000000000a3'::uuid, 2::bigint), ('00000000-0000-4000-8000-0000000000a1', 1) $$,
                  'popular sorts by likes');
select results_eq($$ select id from prompty.search_prompts(p_sort => 'trending', p_limit => 2) $$,
                  $$ values ('00000000-0000-4000-8000-0000000000a3'::uuid), ('00000000-0000-4000-8000-0000000000a1') $$,
                  'trending sorts by recent activity');
select tests.authenticate_as('fan');
select prompty.like_prompt('00000000-0000-4000-8000-0000000000a1');
select is((select like_count from prompty.search_prompts(p_query => '猫　写真')), 2::bigint, 'cards carry exact counters (pending likes included)');
select tests.clear_authentication();

reset role;
insert into prompty.prompts (author_id, title, content, published_at)
select tests.get_supabase_uid('inu'), format('ページング用プロンプト %s', i), 'long enough content', '2026-02-01 00:00+09'::timestamptz + (i % 7) * interval '1 hour'
from generate_series(1, 60) i;
create temporary table pages (page int, id uuid, cursor text) on commit drop;
grant all on pages to anon;
select tests.clear_authentication();
insert into pages select 1, id, cursor from prompty.search_prompts(p_query => 'ページング用', p_limit => 25);
insert into pages select 2, id, cursor from prompty.search_prompts(p_query => 'ページング用', p_limit => 25,
                                                                  p_cursor => (select cursor from pages where page = 1 order by cursor limit 1));
insert into pages select 3, id, cursor from prompty.search_prompts(p_query => 'ページング用', p_limit => 25,
                                                                  p_cursor => (select cursor from pages where page = 2 order by cursor limit 1));
select results_eq($$ select page, count(*) from pages group by page order by page $$, $$ values (1, 25::bigint), (2, 25), (3, 10) $$,
                  'keyset pages of 25, 25 and 10');
select is((select count(distinct id) from pages), 60::bigint, 'pages cover every row once, ties on published_at included');
select is((select count(*) from prompty.search_prompts(p_query => 'ページング用', p_limit => 1000)), 50::bigint, 'the page size is clamped to 50');
select is((select count(*) from prompty.search_prompts(p_query => 'ページング用', p_limit => 0)), 1::bigint, 'and to at least 1');
select is((select count(*) from prompty.search_prompts(p_query => 'ページング用', p_sort => 'popular', p_limit => 50,
                                                       p_cursor => (select cursor from prompty.search_prompts(p_query => 'ページング用', p_sort => 'popular', p_limit => 50) offset 49))),
          10::bigint, 'popular pages through ties of equal like counts');

-- ---------------------------------------------------------------------------------------
-- Following feed and creator page
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('fan');
select prompty.follow_user(tests.get_supabase_uid('neko'));
select results_eq($$ select id from prompty.following_feed() $$,
                  $$ values ('00000000-0000-4000-8000-0000000000a2'::uuid), ('00000000-0000-4000-8000-0000000000a1') $$,
                  'the feed has the followed creators'' public prompts, newest first');
select results_eq($$ select id from prompty.following_feed(p_limit => 1, p_cursor => (select cursor from prompty.following_feed(p_limit => 1))) $$,
                  $$ values ('00000000-0000-4000-8000-0000000000a1'::uuid) $$, 'the feed pages with its cursor');
select tests.clear_authentication();
select throws_ok($$ select * from prompty.following_feed() $$, '42501', null, 'anon has no feed');

select results_eq($$ select (c ->> 'prompt_count')::int, (c ->> 'follower_count')::int, (c ->> 'is_following')::boolean
                     from prompty.get_creator('neko_sensei') c $$,
                  $$ values (2, 1, false) $$, 'the creator page counts public prompts and followers');
select set_eq($$ select id from prompty.search_prompts(p_author_id => tests.get_supabase_uid('neko')) $$,
              $$ values ('00000000-0000-4000-8000-0000000000a1'::uuid), ('00000000-0000-4000-8000-0000000000a2') $$,
              'and lists the creator''s public prompts');
select throws_ok($$ select prompty.get_creator('nobody_here') $$, 'PT122', null, 'an unknown creator is reported');
select tests.authenticate_as('fan');
select is((prompty.get_creator('neko_sensei') ->> 'is_following')::boolean, true, 'is_following for the caller');
reset role;
update prompty.account_settings set show_creator_page = false where user_id = tests.get_supabase_uid('neko');
select tests.clear_authentication();
select throws_ok($$ select prompty.get_creator('neko_sensei') $$, 'PT122', null, 'a hidden creator page is not found');
select tests.authenticate_as('neko');
select is(prompty.get_creator('neko_sensei') ->> 'username', 'neko_sensei', 'the creator still sees their own page');

select * from finish();
rollback;
