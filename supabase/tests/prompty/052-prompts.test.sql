-- Prompty prompts: categories (hierarchy without cycles), the prompts' validation codes and
-- constraints, the visibility matrix (published / unpublished / hidden / deleted), column
-- grants, tags, drafts and publish_draft.
begin;
set search_path = extensions, public;
select plan(79);
-- Start from an empty Prompty; the sample data (seeds/prompty.sql) comes back with the rollback.
set local client_min_messages = warning;
truncate prompty.profiles, prompty.categories, prompty.tags, prompty.price_tiers, prompty.announcements, prompty.badges,
         prompty.contests, prompty.feedback, prompty.contacts cascade;
reset client_min_messages;

select tests.create_supabase_user('aki', 'aki@example.com', null, '{"username": "aki"}');
select tests.create_supabase_user('ben', 'ben@example.com', null, '{"username": "ben"}');
select tests.create_supabase_user('adm', 'adm@example.com', null, '{"username": "adm"}');
select tests.create_supabase_user('sus', 'sus@example.com', null, '{"username": "sus"}');
update prompty.profiles set status = 'admin' where id = tests.get_supabase_uid('adm');
update prompty.profiles set status = 'suspended' where id = tests.get_supabase_uid('sus');

-- ---------------------------------------------------------------------------------------
-- Categories
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('adm');
select lives_ok($$ insert into prompty.categories (name, slug) values ('画像生成', 'image'), ('写真風', 'photo'),
                     ('ポートレート', 'portrait'), ('文章生成', 'text') $$, 'an admin adds categories');
reset role;
-- fixed ids make the rest readable
update prompty.categories set id = ('00000000-0000-4000-8000-00000000c00' ||
  case slug when 'image' then '1' when 'photo' then '2' when 'portrait' then '3' else '4' end)::uuid;
select tests.authenticate_as('adm');
select lives_ok($$ update prompty.categories set parent_id = '00000000-0000-4000-8000-00000000c001' where slug = 'photo';
                   update prompty.categories set parent_id = '00000000-0000-4000-8000-00000000c002' where slug = 'portrait' $$,
                'an admin builds a hierarchy');
select throws_ok($$ update prompty.categories set parent_id = '00000000-0000-4000-8000-00000000c003' where slug = 'image' $$,
                 'PT170', null, 'a category cannot move under its own descendant');
select throws_ok($$ update prompty.categories set parent_id = id where slug = 'text' $$, 'PT170', null, 'nor under itself');
select throws_ok($$ insert into prompty.categories (name, slug) values ('Bad', 'Bad Slug') $$, 'PT171', null, 'an invalid slug is refused');
select throws_ok($$ delete from prompty.categories where slug = 'image' $$, '23503', null, 'a category with children cannot be deleted');
select set_eq($$ select unnest(prompty_private.category_subtree('00000000-0000-4000-8000-00000000c001')) $$,
              $$ values ('00000000-0000-4000-8000-00000000c001'::uuid), ('00000000-0000-4000-8000-00000000c002'), ('00000000-0000-4000-8000-00000000c003') $$,
              'category_subtree has the category and all its descendants');
select tests.authenticate_as('ben');
select throws_ok($$ insert into prompty.categories (name, slug) values ('Mine', 'mine') $$, '42501', null, 'a user cannot add categories');
with u as (update prompty.categories set name = 'x' returning 1) select is(count(*), 0::bigint, 'nor edit them') from u;
select tests.clear_authentication();
select is((select count(*) from prompty.categories), 4::bigint, 'anon reads categories');

-- ---------------------------------------------------------------------------------------
-- Prompt validation: a clear code for each bad input, nothing written
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('aki');
select lives_ok($$ insert into prompty.prompts (title, content, category_id, ai_model) values
  ('猫のポートレート', e'一行目の説明です\n二行目\n三行目\n四行目は有料部分', '00000000-0000-4000-8000-00000000c003', 'Midjourney') $$,
  'the author creates a free prompt');
reset role;
update prompty.prompts set id = '00000000-0000-4000-8000-0000000000a1' where title = '猫のポートレート';
select tests.authenticate_as('aki');
select throws_ok($$ insert into prompty.prompts (title, content) values ('abcd', 'long enough content') $$, 'PT110', null, 'a 4-character title is refused');
select throws_ok($$ insert into prompty.prompts (title, content) values ('     ', 'long enough content') $$, 'PT110', null, 'a blank title is refused');
select throws_ok($$ insert into prompty.prompts (title, content) values ('A good title', 'too short') $$, 'PT111', null, 'a 9-character content is refused');
select throws_ok($$ insert into prompty.prompts (title, content, preview_lines) values ('A good title', 'long enough content', 50) $$,
                 'PT112', null, 'preview_lines 50 is refused');
select throws_ok($$ insert into prompty.prompts (title, content, preview_lines) values ('A good title', 'long enough content', 0) $$,
                 'PT112', null, 'preview_lines 0 is refused');
select throws_ok($$ insert into prompty.prompts (title, content, is_free, price) values ('A good title', 'long enough content', true, 500) $$,
                 'PT113', null, 'a free prompt with a price is refused');
select throws_ok($$ insert into prompty.prompts (title, content, is_free, price) values ('A good title', 'long enough content', false, 0) $$,
                 'PT113', null, 'a paid prompt without a price is refused');
select throws_ok($$ insert into prompty.prompts (title, content, media_type) values ('A good title', 'long enough content', 'hologram') $$,
                 'PT114', null, 'an unknown media type is refused');
select throws_ok($$ insert into prompty.prompts (title, content, thumbnail_url) values ('A good title', 'long enough content', 'http://x/a.png') $$,
                 'PT114', null, 'a non-https thumbnail is refused');
select is((select count(*) from prompty.prompts), 1::bigint, 'no refused prompt was written');
select throws_ok(format('insert into prompty.prompts (author_id, title, content) values (%L, %L, %L)',
                        tests.get_supabase_uid('ben'), 'Posing as Ben', 'long enough content'), '42501', null,
                 'the author cannot be chosen');
select throws_ok($$ insert into prompty.prompts (title, content, is_featured) values ('Featured me', 'long enough content', true) $$,
                 '42501', null, 'is_featured is server-owned');
select throws_ok($$ insert into prompty.prompts (title, content, like_count) values ('Many likes', 'long enough content', 999) $$,
                 '42501', null, 'counters are server-owned');
select lives_ok($$ insert into prompty.prompts (title, content, published, is_free, price) values
  ('Unpublished work', 'long enough content', false, false, 300),
  ('To be hidden', 'long enough content', true, true, 0),
  ('To be deleted', 'long enough content', true, true, 0) $$, 'the author creates more prompts');
reset role;
update prompty.prompts set id = case title when 'Unpublished work' then '00000000-0000-4000-8000-0000000000a2'::uuid
  when 'To be hidden' then '00000000-0000-4000-8000-0000000000a3' else '00000000-0000-4000-8000-0000000000a4' end
where title in ('Unpublished work', 'To be hidden', 'To be deleted');
select tests.authenticate_as('aki');
select is((select content_preview from prompty.prompts where id = '00000000-0000-4000-8000-0000000000a1'),
          e'一行目の説明です\n二行目\n三行目', 'content_preview is the first preview_lines lines');
select isnt((select published_at from prompty.prompts where id = '00000000-0000-4000-8000-0000000000a1'), null,
            'published_at is set on publication');
select is((select published_at from prompty.prompts where id = '00000000-0000-4000-8000-0000000000a2'), null,
          'an unpublished prompt has no published_at');
select tests.authenticate_as('sus');
select throws_ok($$ insert into prompty.prompts (title, content) values ('Suspended post', 'long enough content') $$, 'PT105', null,
                 'a suspended user cannot post');
select tests.clear_authentication();
select throws_ok($$ insert into prompty.prompts (title, content) values ('Anon post here', 'long enough content') $$, '42501', null,
                 'anon cannot post');

reset role;
alter table prompty.prompts disable trigger prompts_before_write_prepare;
select throws_ok($$ update prompty.prompts set preview_lines = 50 where id = '00000000-0000-4000-8000-0000000000a1' $$, '23514', null,
                 'prompts_preview_lines_range holds without the trigger');
select throws_ok($$ update prompty.prompts set title = 'abc' where id = '00000000-0000-4000-8000-0000000000a1' $$, '23514', null,
                 'prompts_title_length holds without the trigger');
select throws_ok($$ update prompty.prompts set content = 'short' where id = '00000000-0000-4000-8000-0000000000a1' $$, '23514', null,
                 'prompts_content_length holds without the trigger');
select throws_ok($$ update prompty.prompts set price = 10 where id = '00000000-0000-4000-8000-0000000000a1' $$, '23514', null,
                 'prompts_price_matches_is_free holds without the trigger');
alter table prompty.prompts enable trigger prompts_before_write_prepare;

-- ---------------------------------------------------------------------------------------
-- Visibility
-- ---------------------------------------------------------------------------------------
update prompty.prompts set hidden_at = now(), hidden_reason = 'spam' where id = '00000000-0000-4000-8000-0000000000a3';
select tests.authenticate_as('aki');
select lives_ok($$ select prompty.delete_prompt('00000000-0000-4000-8000-0000000000a4') $$, 'the author soft-deletes a prompt');
select set_eq($$ select id from prompty.prompts $$,
              $$ values ('00000000-0000-4000-8000-0000000000a1'::uuid), ('00000000-0000-4000-8000-0000000000a2'), ('00000000-0000-4000-8000-0000000000a3') $$,
              'the author sees their published, unpublished and hidden prompts, not the deleted one');
select tests.clear_authentication();
select set_eq($$ select id from prompty.prompts $$, $$ values ('00000000-0000-4000-8000-0000000000a1'::uuid) $$,
              'anon sees only the published, visible prompt');
select tests.authenticate_as('ben');
select set_eq($$ select id from prompty.prompts $$, $$ values ('00000000-0000-4000-8000-0000000000a1'::uuid) $$,
              'another user sees only the published, visible prompt');
select tests.authenticate_as('adm');
select set_eq($$ select id from prompty.prompts $$,
              $$ values ('00000000-0000-4000-8000-0000000000a1'::uuid), ('00000000-0000-4000-8000-0000000000a3') $$,
              'an admin also sees the hidden prompt, not the unpublished one');
select tests.authenticate_as_service_role();
select is((select count(*) from prompty.prompts where author_id = tests.get_supabase_uid('aki')), 4::bigint, 'the service role sees everything');

-- ---------------------------------------------------------------------------------------
-- Writes and column grants
-- ---------------------------------------------------------------------------------------
select tests.clear_authentication();
select throws_ok($$ select content from prompty.prompts $$, '42501', null, 'anon cannot read content');
select tests.authenticate_as('ben');
select throws_ok($$ select prompt_content from prompty.prompts $$, '42501', null, 'users cannot read prompt_content');
select throws_ok($$ select content from prompty.prompts $$, '42501', null, 'users cannot read content');
with u as (update prompty.prompts set title = 'Stolen title' where id = '00000000-0000-4000-8000-0000000000a1' returning 1)
select is(count(*), 0::bigint, 'another user cannot edit the prompt') from u;
select throws_ok($$ select prompty.delete_prompt('00000000-0000-4000-8000-0000000000a1') $$, 'PT120', null, 'nor delete it');
select tests.authenticate_as('aki');
select throws_ok($$ select content from prompty.prompts $$, '42501', null, 'not even the author reads content directly (get_prompt does)');
select lives_ok($$ update prompty.prompts set title = '猫のポートレート改', preview_lines = 2 where id = '00000000-0000-4000-8000-0000000000a1' $$,
                'the author edits the prompt');
select is((select content_preview from prompty.prompts where id = '00000000-0000-4000-8000-0000000000a1'),
          e'一行目の説明です\n二行目', 'the preview follows preview_lines');
select throws_ok($$ update prompty.prompts set hidden_at = null $$, '42501', null, 'the author cannot unhide a prompt');
select throws_ok($$ update prompty.prompts set deleted_at = null $$, '42501', null, 'nor undelete one');
select throws_ok($$ update prompty.prompts set is_featured = true $$, '42501', null, 'nor feature one');
select throws_ok(format('update prompty.prompts set author_id = %L', tests.get_supabase_uid('ben')), '42501', null,
                 'nor give one to another user');
select throws_ok($$ delete from prompty.prompts $$, '42501', null, 'prompts are not hard-deleted by clients');
select throws_ok($$ update prompty.prompts set preview_lines = 21 where id = '00000000-0000-4000-8000-0000000000a1' $$, 'PT112', null,
                 'updates are validated too');

-- ---------------------------------------------------------------------------------------
-- Tags
-- ---------------------------------------------------------------------------------------
select is(prompty.set_prompt_tags('00000000-0000-4000-8000-0000000000a1', array['#AI', 'ai', ' ＡＩアート ', '猫']),
          array['ai', 'aiアート', '猫'], 'set_prompt_tags normalizes (NFKC, lowercase, no #) and dedupes');
select lives_ok($$ select prompty.set_prompt_tags('00000000-0000-4000-8000-0000000000a2', array['secret-tag']) $$, 'tags on an unpublished prompt');
select throws_ok($$ select prompty.set_prompt_tags('00000000-0000-4000-8000-0000000000a1', array['a','b','c','d','e','f','g','h','i','j','k']) $$,
                 'PT115', null, 'more than 10 tags are refused');
select throws_ok($$ select prompty.set_prompt_tags('00000000-0000-4000-8000-0000000000a1', array['two words']) $$,
                 'PT115', null, 'a tag with a space is refused');
select is(prompty.set_prompt_tags('00000000-0000-4000-8000-0000000000a1', array['猫', 'portrait']), array['portrait', '猫'],
          'set_prompt_tags replaces the tags');
select throws_ok($$ insert into prompty.tags (name) values ('direct') $$, '42501', null, 'clients cannot create tags directly');
reset role;
select is((select tag_names from prompty.prompts where id = '00000000-0000-4000-8000-0000000000a1'), array['portrait', '猫'],
          'tag_names mirrors prompt_tags');
select ok((select search_text like '%portrait%' and search_text like '%猫のポートレート改%' from prompty.prompts
           where id = '00000000-0000-4000-8000-0000000000a1'), 'search_text holds the title and the tags');
select tests.authenticate_as('ben');
select throws_ok($$ select prompty.set_prompt_tags('00000000-0000-4000-8000-0000000000a1', array['mine']) $$, 'PT120', null,
                 'another user cannot tag the prompt');
select throws_ok($$ insert into prompty.prompt_tags (prompt_id, tag_id) select '00000000-0000-4000-8000-0000000000a1', id from prompty.tags limit 1 $$,
                 '42501', null, 'not even directly');
select tests.clear_authentication();
select is((select count(*) from prompty.prompt_tags), 2::bigint, 'anon sees the tags of visible prompts only');
select throws_ok($$ select prompty.set_prompt_tags('00000000-0000-4000-8000-0000000000a1', array['x']) $$, '42501', null, 'anon cannot tag');

-- ---------------------------------------------------------------------------------------
-- Drafts
-- ---------------------------------------------------------------------------------------
select tests.authenticate_as('aki');
insert into prompty.drafts (title, content, tags, is_free, price) values ('Shrt', 'draft content here', array['draft'], false, 800);
insert into prompty.drafts (prompt_id, title, content) values
  ('00000000-0000-4000-8000-0000000000a2', 'Unpublished work v2', 'long enough content, edited');
reset role;
update prompty.drafts set id = case title when 'Shrt' then '00000000-0000-4000-8000-0000000000d1'::uuid
                                          else '00000000-0000-4000-8000-0000000000d2' end;
select tests.authenticate_as('aki');
select throws_ok($$ select prompty.publish_draft('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-000000000101') $$,
                 'PT110', null, 'publishing an invalid draft fails with the prompt''s code');
select is((select count(*) from prompty.drafts where id = '00000000-0000-4000-8000-0000000000d1'), 1::bigint, 'and keeps the draft');
update prompty.drafts set title = 'Long enough title' where id = '00000000-0000-4000-8000-0000000000d1';
select is((prompty.publish_draft('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-000000000102')) ->> 'created', 'true',
          'publish_draft creates the prompt');
select is((select tag_names from prompty.prompts where title = 'Long enough title'), array['draft'], 'with the draft''s tags');
select is((select count(*) from prompty.drafts where id = '00000000-0000-4000-8000-0000000000d1'), 0::bigint, 'and removes the draft');
select is((prompty.publish_draft('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-000000000102')) ->> 'replayed', 'true',
          'a retry with the same client_request_id replays the answer');
select throws_ok($$ select prompty.publish_draft('00000000-0000-4000-8000-0000000000d2', null) $$, 'PI400', null, 'client_request_id is required');
select is((prompty.publish_draft('00000000-0000-4000-8000-0000000000d2', '00000000-0000-4000-8000-000000000103')) ->> 'prompt_id',
          '00000000-0000-4000-8000-0000000000a2', 'a draft of an existing prompt updates it');
select ok((select published from prompty.prompts where id = '00000000-0000-4000-8000-0000000000a2'), 'and publishes it');
select tests.authenticate_as('ben');
select throws_ok($$ insert into prompty.drafts (prompt_id, title) values ('00000000-0000-4000-8000-0000000000a1', 'hijack') $$,
                 'PT120', null, 'a draft cannot edit another user''s prompt');
insert into prompty.drafts (title) values ('ben''s idea');
reset role;
update prompty.drafts set id = '00000000-0000-4000-8000-0000000000d3' where title = 'ben''s idea';
select tests.authenticate_as('aki');
select is((select count(*) from prompty.drafts), 0::bigint, 'drafts are private to their author');
select throws_ok($$ select prompty.publish_draft('00000000-0000-4000-8000-0000000000d3', gen_random_uuid()) $$, 'PT116', null,
                 'another user''s draft cannot be published');
select tests.clear_authentication();
select throws_ok($$ select * from prompty.drafts $$, '42501', null, 'anon cannot read drafts');

select * from finish();
rollback;
