-- Prompty prompts and their tags.
--
-- A prompt has an article (content) and the prompt itself (prompt_title, prompt_content).
-- content and prompt_content are never granted to anon/authenticated: the full text is read
-- through prompty.get_prompt (20261123005400), which unlocks paid prompts for the author,
-- buyers, premium members (is_premium prompts) and admins. content_preview (the first
-- preview_lines lines of content) is public. Counters (like_count, comment_count,
-- bookmark_count, view_count) are the rolled-up part of slotted counters (20261123005300),
-- server-only: exact values come from prompty.prompt_stats and the list RPCs.
--
-- Visibility: published, not hidden by a moderator, not soft-deleted: everyone. Unpublished:
-- the author only. Hidden: the author and admins. Soft-deleted: no client.
--
-- Objects: prompty.prompts, prompty.prompt_tags, prompty_private.prepare_prompt(),
--          prompty_private.sync_prompt_tag_names(), prompty_private.ensure_tags(),
--          prompty_private.normalize_tags(), prompty.set_prompt_tags(),
--          prompty_private.soft_delete_prompt(), prompty.delete_prompt()
-- Errors: PT100 sign-in required, PT105 account suspended, PT110 title, PT111 content,
--         PT112 preview_lines, PT113 price / is_free, PT114 other prompt field, PT115 tags,
--         PT120 prompt not found.

create table prompty.prompts (
  id uuid primary key default gen_random_uuid(),
  author_id uuid not null default auth.uid() references prompty.profiles (id) on delete cascade,
  title text not null,
  description text,
  content text not null,
  content_preview text not null default '',
  thumbnail_url text,
  category_id uuid references prompty.categories (id) on delete set null,
  price integer not null default 0,
  currency text not null default 'jpy',
  is_free boolean not null default true,
  is_featured boolean not null default false,
  is_premium boolean not null default false,
  published boolean not null default true,
  published_at timestamptz,
  preview_lines integer not null default 3,
  ai_model text,
  media_type text not null default 'image',
  stripe_product_id text,
  stripe_price_id text,
  stripe_error text,
  site_url text,
  prompt_title text,
  prompt_content text,
  tag_names text[] not null default '{}',
  search_text text not null default '',
  view_count bigint not null default 0,
  like_count bigint not null default 0,
  comment_count bigint not null default 0,
  bookmark_count bigint not null default 0,
  trending_score double precision not null default 0,
  hidden_at timestamptz,
  hidden_reason text,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint prompts_title_length check (char_length(btrim(title)) between 5 and 200),
  constraint prompts_content_length check (char_length(btrim(content)) between 10 and 100000),
  constraint prompts_preview_lines_range check (preview_lines between 1 and 20),
  constraint prompts_price_matches_is_free
    check ((is_free and price = 0) or (not is_free and price between 100 and 1000000)),
  constraint prompts_currency_jpy check (currency = 'jpy'),
  constraint prompts_media_type_check check (media_type in ('image', 'video', 'text', 'audio')),
  constraint prompts_description_length check (char_length(description) <= 2000),
  constraint prompts_prompt_title_length check (char_length(prompt_title) <= 200),
  constraint prompts_prompt_content_length check (char_length(prompt_content) <= 100000),
  constraint prompts_ai_model_length check (char_length(ai_model) between 1 and 50),
  constraint prompts_thumbnail_url_format check (thumbnail_url ~ '^https://' and char_length(thumbnail_url) <= 500),
  constraint prompts_site_url_format check (site_url ~ '^https?://' and char_length(site_url) <= 500),
  constraint prompts_hidden_reason_length check (char_length(hidden_reason) <= 500),
  constraint prompts_tag_names_max check (cardinality(tag_names) <= 10),
  constraint prompts_published_at_set check (not published or published_at is not null),
  constraint prompts_counters_nonnegative
    check (view_count >= 0 and like_count >= 0 and comment_count >= 0 and bookmark_count >= 0)
);
comment on table prompty.prompts is
  'Prompts for sale or free. content/prompt_content are readable only through prompty.get_prompt; counters are derived (prompty.prompt_stats).';
comment on column prompty.prompts.content is 'The article: how to use the prompt, examples, results. Not granted to clients: read it with prompty.get_prompt.';
comment on column prompty.prompts.content_preview is 'First preview_lines lines of content (server-computed). Public.';
comment on column prompty.prompts.price is 'Price in yen (integer; the seed''s numeric holds whole yen). 0 when is_free, 100-1,000,000 otherwise.';
comment on column prompty.prompts.is_premium is 'Also open to premium members (profiles.is_premium) without a purchase.';
comment on column prompty.prompts.is_featured is 'Editor''s pick. Server-owned.';
comment on column prompty.prompts.published_at is 'First time the prompt was published (server-set); the "new" sort key.';
comment on column prompty.prompts.preview_lines is 'How many lines of content a paid prompt shows before purchase (1-20).';
comment on column prompty.prompts.prompt_content is 'The prompt text itself: unlocked with the article. Not granted to clients.';
comment on column prompty.prompts.tag_names is 'The prompt''s tag names, sorted (kept by triggers on prompt_tags). Filter key of search.';
comment on column prompty.prompts.search_text is 'NFKC-lowercased title, description, content_preview and tags: the trigram-indexed search document. Server-owned.';
comment on column prompty.prompts.view_count is 'Rolled-up unique daily views (bigint). Exact value: prompty.prompt_stats. Server-only.';
comment on column prompty.prompts.like_count is
  'Rolled-up likes: bigint, not the seed''s smallint (which overflows at 32,767). The exact count adds pending counter slots: prompty.prompt_stats. Server-only.';
comment on column prompty.prompts.comment_count is 'Rolled-up visible comments. Exact value: prompty.prompt_stats. Server-only.';
comment on column prompty.prompts.bookmark_count is 'Rolled-up bookmarks. Exact value: prompty.prompt_stats. Server-only.';
comment on column prompty.prompts.trending_score is 'Recent activity score (refreshed by pg_cron); the "trending" sort key. Server-only.';
comment on column prompty.prompts.hidden_at is 'Set when a moderator hides the prompt; hidden prompts are visible to the author and admins only.';
comment on column prompty.prompts.deleted_at is 'Soft delete (prompty.delete_prompt): invisible to every client.';
comment on column prompty.prompts.stripe_product_id is 'Stripe product of a paid prompt. Server-only.';

create index prompts_author_id_published_at_idx on prompty.prompts (author_id, published_at desc, id desc);
create index prompts_category_id_idx on prompty.prompts (category_id);
create index prompts_public_new_idx on prompty.prompts (published_at desc, id desc)
  where published and hidden_at is null and deleted_at is null;
create index prompts_public_popular_idx on prompty.prompts (like_count desc, id desc)
  where published and hidden_at is null and deleted_at is null;
create index prompts_public_trending_idx on prompty.prompts (trending_score desc, id desc)
  where published and hidden_at is null and deleted_at is null;
create index prompts_tag_names_idx on prompty.prompts using gin (tag_names);
create index prompts_search_text_trgm_idx on prompty.prompts using gin (search_text extensions.gin_trgm_ops);

alter table prompty.prompts enable row level security;
revoke all on prompty.prompts from anon, authenticated;
grant select (id, author_id, title, description, content_preview, thumbnail_url, category_id, price, currency,
              is_free, is_featured, is_premium, published, published_at, preview_lines, ai_model, media_type,
              site_url, prompt_title, tag_names, hidden_at, hidden_reason, created_at, updated_at)
  on prompty.prompts to anon, authenticated;
grant insert (title, description, content, thumbnail_url, category_id, price, is_free, is_premium, published,
              preview_lines, ai_model, media_type, site_url, prompt_title, prompt_content),
      update (title, description, content, thumbnail_url, category_id, price, is_free, is_premium, published,
              preview_lines, ai_model, media_type, site_url, prompt_title, prompt_content)
  on prompty.prompts to authenticated;
grant select, insert, update, delete on prompty.prompts to service_role;

create policy prompts_select_anon on prompty.prompts for select to anon
  using (published and hidden_at is null and deleted_at is null);
comment on policy prompts_select_anon on prompty.prompts is 'Visitors see published prompts that are neither hidden nor deleted.';
create policy prompts_select_authenticated on prompty.prompts for select to authenticated
  using (deleted_at is null and (
    (published and hidden_at is null)
    or author_id = (select auth.uid())
    or (published and (select prompty_private.is_admin_user()))));
comment on policy prompts_select_authenticated on prompty.prompts is
  'Published and visible prompts; the author''s own (unpublished or hidden too); admins also see hidden ones. Never soft-deleted ones.';
create policy prompts_insert_authenticated on prompty.prompts for insert to authenticated
  with check (author_id = (select auth.uid()));
comment on policy prompts_insert_authenticated on prompty.prompts is 'Users create prompts as themselves.';
create policy prompts_update_authenticated on prompty.prompts for update to authenticated
  using (author_id = (select auth.uid()) and deleted_at is null)
  with check (author_id = (select auth.uid()));
comment on policy prompts_update_authenticated on prompty.prompts is 'The author edits their prompt (the granted columns).';

-- ---------------------------------------------------------------------------------------
-- Validation and derived columns
-- ---------------------------------------------------------------------------------------
create function prompty_private.prepare_prompt() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' and exists (select 1 from prompty.profiles where id = new.author_id and status = 'suspended') then
    raise exception using errcode = 'PT105', message = 'this account is suspended';
  end if;
  if new.title is null or char_length(btrim(new.title)) not between 5 and 200 then
    raise exception using errcode = 'PT110', message = 'title must have 5-200 characters';
  end if;
  if new.content is null or char_length(btrim(new.content)) not between 10 and 100000 then
    raise exception using errcode = 'PT111', message = 'content must have 10-100000 characters';
  end if;
  if new.preview_lines is null or new.preview_lines not between 1 and 20 then
    raise exception using errcode = 'PT112', message = 'preview_lines must be between 1 and 20';
  end if;
  if new.is_free is null or new.price is null
     or not ((new.is_free and new.price = 0) or (not new.is_free and new.price between 100 and 1000000)) then
    raise exception using errcode = 'PT113', message = 'a free prompt costs 0 yen; a paid prompt 100-1,000,000 yen',
      hint = 'set is_free and price together';
  end if;
  if new.media_type is null or new.media_type not in ('image', 'video', 'text', 'audio') then
    raise exception using errcode = 'PT114', message = 'media_type must be image, video, text or audio';
  end if;
  if char_length(new.description) > 2000 or char_length(new.prompt_title) > 200
     or char_length(new.prompt_content) > 100000 or char_length(new.ai_model) not between 1 and 50 then
    raise exception using errcode = 'PT114',
      message = 'description (2000), prompt_title (200), prompt_content (100000) or ai_model (1-50) has a bad length';
  end if;
  if (new.thumbnail_url is not null and (new.thumbnail_url !~ '^https://' or char_length(new.thumbnail_url) > 500))
     or (new.site_url is not null and (new.site_url !~ '^https?://' or char_length(new.site_url) > 500)) then
    raise exception using errcode = 'PT114', message = 'thumbnail_url must be https, site_url http(s), at most 500 characters';
  end if;

  new.content_preview := array_to_string((regexp_split_to_array(new.content, '\r?\n'))[1:new.preview_lines], e'\n');
  new.search_text := lower(normalize(concat_ws(' ', new.title, new.description, new.content_preview,
                                               array_to_string(new.tag_names, ' ')), nfkc));
  if new.published and new.published_at is null then
    new.published_at := now();
  end if;
  return new;
end
$$;
comment on function prompty_private.prepare_prompt() is
  'BEFORE INSERT/UPDATE trigger on prompts: validates (PT105 suspended author, PT110 title, PT111 content, PT112 preview_lines, PT113 price/is_free, PT114 other fields) and computes content_preview, search_text and published_at.';

create trigger prompts_before_write_prepare
  before insert or update of title, description, content, preview_lines, price, is_free, media_type, ai_model,
                             thumbnail_url, site_url, prompt_title, prompt_content, published, tag_names
  on prompty.prompts for each row execute function prompty_private.prepare_prompt();
create trigger prompts_before_update_touch
  before update of title, description, content, thumbnail_url, category_id, price, is_free, is_premium, published,
                   preview_lines, ai_model, media_type, site_url, prompt_title, prompt_content, tag_names,
                   is_featured, hidden_at, deleted_at
  on prompty.prompts for each row execute function prompty_private.touch_updated_at();

-- ---------------------------------------------------------------------------------------
-- prompt_tags
-- ---------------------------------------------------------------------------------------
create table prompty.prompt_tags (
  prompt_id uuid not null references prompty.prompts (id) on delete cascade,
  tag_id uuid not null references prompty.tags (id) on delete cascade,
  created_at timestamptz not null default now(),
  constraint prompt_tags_pkey primary key (prompt_id, tag_id)
);
comment on table prompty.prompt_tags is 'Tags of a prompt (at most 10). Written by the author (prompty.set_prompt_tags); mirrored into prompts.tag_names.';
create index prompt_tags_tag_id_idx on prompty.prompt_tags (tag_id);

alter table prompty.prompt_tags enable row level security;
revoke all on prompty.prompt_tags from anon, authenticated;
grant select on prompty.prompt_tags to anon, authenticated;
grant insert (prompt_id, tag_id), delete on prompty.prompt_tags to authenticated;
grant select, insert, update, delete on prompty.prompt_tags to service_role;

create policy prompt_tags_select_anon on prompty.prompt_tags for select to anon
  using (exists (select 1 from prompty.prompts p where p.id = prompt_id));
comment on policy prompt_tags_select_anon on prompty.prompt_tags is 'Tags of prompts the visitor can see.';
create policy prompt_tags_select_authenticated on prompty.prompt_tags for select to authenticated
  using (exists (select 1 from prompty.prompts p where p.id = prompt_id));
comment on policy prompt_tags_select_authenticated on prompty.prompt_tags is 'Tags of prompts the user can see.';
create policy prompt_tags_insert_authenticated on prompty.prompt_tags for insert to authenticated
  with check (exists (select 1 from prompty.prompts p where p.id = prompt_id and p.author_id = (select auth.uid())));
comment on policy prompt_tags_insert_authenticated on prompty.prompt_tags is 'The author tags their prompt.';
create policy prompt_tags_delete_authenticated on prompty.prompt_tags for delete to authenticated
  using (exists (select 1 from prompty.prompts p where p.id = prompt_id and p.author_id = (select auth.uid())));
comment on policy prompt_tags_delete_authenticated on prompty.prompt_tags is 'The author untags their prompt.';

create function prompty_private.sync_prompt_tag_names() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_prompt_id uuid := case when tg_op = 'DELETE' then old.prompt_id else new.prompt_id end;
begin
  if tg_op = 'INSERT' and (select count(*) from prompty.prompt_tags where prompt_id = v_prompt_id) > 10 then
    raise exception using errcode = 'PT115', message = 'a prompt has at most 10 tags';
  end if;
  update prompty.prompts p
  set tag_names = coalesce((select array_agg(t.name order by t.name)
                            from prompty.prompt_tags pt join prompty.tags t on t.id = pt.tag_id
                            where pt.prompt_id = p.id), '{}')
  where p.id = v_prompt_id;
  return null;
end
$$;
comment on function prompty_private.sync_prompt_tag_names() is
  'AFTER INSERT/DELETE trigger on prompt_tags: PT115 beyond 10 tags; rewrites prompts.tag_names (and so search_text). Security definer: tag_names is server-owned.';

create trigger prompt_tags_after_write_sync_names
  after insert or delete on prompty.prompt_tags
  for each row execute function prompty_private.sync_prompt_tag_names();

create function prompty_private.normalize_tags(p_tags text[]) returns text[]
language plpgsql immutable
set search_path = ''
as $$
declare
  v_names text[];
begin
  select coalesce(array_agg(distinct n order by n), '{}') into v_names
  from (select prompty_private.normalize_tag(t) as n from unnest(coalesce(p_tags, '{}')) t) s
  where n is not null;
  if cardinality(v_names) > 10 then
    raise exception using errcode = 'PT115', message = 'a prompt has at most 10 tags';
  end if;
  if exists (select 1 from unnest(v_names) n where char_length(n) > 30 or n ~ '[\s,#]') then
    raise exception using errcode = 'PT115', message = 'a tag has 1-30 characters without spaces, commas or #';
  end if;
  return v_names;
end
$$;
comment on function prompty_private.normalize_tags(text[]) is 'Normalized, distinct, sorted tag names; PT115 when more than 10 or one is invalid.';
grant execute on function prompty_private.normalize_tags(text[]) to authenticated, service_role;

create function prompty_private.ensure_tags(p_names text[]) returns void
language sql
security definer
set search_path = ''
as $$
  insert into prompty.tags (name)
  select n from unnest(p_names) n
  order by n
  on conflict (name) do nothing
$$;
comment on function prompty_private.ensure_tags(text[]) is 'Creates the missing tags among already-normalized names. Security definer: clients cannot insert tags.';
grant execute on function prompty_private.ensure_tags(text[]) to authenticated;

create function prompty.set_prompt_tags(p_prompt_id uuid, p_tags text[]) returns text[]
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_names text[];
begin
  if v_uid is null then
    raise exception using errcode = 'PT100', message = 'sign-in required';
  end if;
  if not exists (select 1 from prompty.prompts where id = p_prompt_id and author_id = v_uid) then
    raise exception using errcode = 'PT120', message = 'prompt not found', hint = 'only the author tags a prompt';
  end if;
  v_names := prompty_private.normalize_tags(p_tags);
  perform prompty_private.ensure_tags(v_names);
  delete from prompty.prompt_tags pt
  using prompty.tags t
  where pt.prompt_id = p_prompt_id and t.id = pt.tag_id and t.name <> all (v_names);
  insert into prompty.prompt_tags (prompt_id, tag_id)
  select p_prompt_id, t.id from prompty.tags t where t.name = any (v_names)
  on conflict do nothing;
  return v_names;
end
$$;
comment on function prompty.set_prompt_tags(uuid, text[]) is
  'The author replaces the tags of their prompt (normalized: NFKC, lowercase, no leading #; at most 10). Returns the stored names. Errors: PT100 sign-in required, PT120 not the author''s prompt, PT115 invalid or too many tags.';
grant execute on function prompty.set_prompt_tags(uuid, text[]) to authenticated;

-- ---------------------------------------------------------------------------------------
-- Soft delete
-- ---------------------------------------------------------------------------------------
create function prompty_private.soft_delete_prompt(p_prompt_id uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  update prompty.prompts set deleted_at = now()
  where id = p_prompt_id and deleted_at is null
    and (author_id = (select auth.uid()) or (select prompty_private.is_admin_user()));
  if not found then
    raise exception using errcode = 'PT120', message = 'prompt not found', hint = 'only the author or an admin deletes a prompt';
  end if;
end
$$;
comment on function prompty_private.soft_delete_prompt(uuid) is 'Sets deleted_at for the author or an admin; PT120 otherwise.';
grant execute on function prompty_private.soft_delete_prompt(uuid) to authenticated;

create function prompty.delete_prompt(p_prompt_id uuid) returns void
language plpgsql
set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    raise exception using errcode = 'PT100', message = 'sign-in required';
  end if;
  perform prompty_private.soft_delete_prompt(p_prompt_id);
end
$$;
comment on function prompty.delete_prompt(uuid) is
  'Soft-deletes a prompt (author or admin): it disappears from every client read path; purchases keep their record. Errors: PT100 sign-in required, PT120 not found or not yours.';
grant execute on function prompty.delete_prompt(uuid) to authenticated;
