-- Prompty: hidden creator pages stay hidden, admin ids are not exposed (security review finding F6).
--
-- show_creator_page = false (the seed's display_account_on_creator_page) used to hide only
-- prompty.get_creator: the profile row (bio, website, GitHub, location, banner) stayed
-- readable in prompty.profiles, prompty.profile_stats and the follow lists. Decision: the
-- setting hides the creator's page and listing, not their authorship:
--   * prompty.profiles rows of a hidden creator are read only by the creator and admins
--     (RLS through prompty_private.profile_listed); profile_stats follows;
--   * their follow relations are read only by the two people involved and admins;
--   * search_prompts(p_author_id => them) (their creator-page listing) is empty for others;
--   * attribution stays: get_prompt, the list cards and the new prompty.get_author_labels
--     (for comment authors) give username, display_name and avatar_url of anyone who has a
--     public prompt or a visible comment on one. Their public prompts stay in search.
-- Admin ids (categories / announcements / contests.created_by, user_badges.awarded_by,
-- reports.reviewed_by) are no longer granted to clients: column grants list the other
-- columns. The service role reads them.
--
-- Objects: prompty_private.profile_listed(), prompty_private.author_labels(),
--          prompty.get_author_labels(), policies profiles_select_*, follows_select_*,
--          prompty.get_prompt(), prompty_private.prompt_cards(), prompty.search_prompts() (replaced),
--          column grants of categories, announcements, contests, user_badges, reports

create function prompty_private.profile_listed(p_user_id uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select coalesce((select a.show_creator_page from prompty.account_settings a where a.user_id = p_user_id), true)
$$;
comment on function prompty_private.profile_listed(uuid) is
  'Whether the user shows their creator page (account_settings.show_creator_page; true when no settings row).';
grant execute on function prompty_private.profile_listed(uuid) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- profiles and follows: hidden creators are not listed
-- ---------------------------------------------------------------------------------------
drop policy profiles_select_anon on prompty.profiles;
drop policy profiles_select_authenticated on prompty.profiles;
create policy profiles_select_anon on prompty.profiles for select to anon
  using (prompty_private.profile_listed(id));
comment on policy profiles_select_anon on prompty.profiles is
  'Profiles (the granted columns) of users who show their creator page.';
create policy profiles_select_authenticated on prompty.profiles for select to authenticated
  using (id = (select auth.uid()) or (select prompty_private.is_admin_user()) or prompty_private.profile_listed(id));
comment on policy profiles_select_authenticated on prompty.profiles is
  'Profiles of users who show their creator page; one''s own; admins all.';

drop policy follows_select_anon on prompty.follows;
drop policy follows_select_authenticated on prompty.follows;
create policy follows_select_anon on prompty.follows for select to anon
  using (prompty_private.profile_listed(follower_id) and prompty_private.profile_listed(following_id));
comment on policy follows_select_anon on prompty.follows is 'Who follows whom, between users who show their creator page.';
create policy follows_select_authenticated on prompty.follows for select to authenticated
  using (follower_id = (select auth.uid()) or following_id = (select auth.uid()) or (select prompty_private.is_admin_user())
         or (prompty_private.profile_listed(follower_id) and prompty_private.profile_listed(following_id)));
comment on policy follows_select_authenticated on prompty.follows is
  'Follows between listed users; one''s own followers and followings; admins all.';

-- ---------------------------------------------------------------------------------------
-- Attribution
-- ---------------------------------------------------------------------------------------
create function prompty_private.author_labels(p_ids uuid[])
returns table (id uuid, username text, display_name text, avatar_url text)
language sql stable
rows 20
security definer
set search_path = ''
as $$
  select pr.id, pr.username, pr.display_name, pr.avatar_url
  from prompty.profiles pr
  where pr.id = any (p_ids)
    and (pr.id = (select auth.uid())
         or (select prompty_private.is_admin_user())
         or prompty_private.profile_listed(pr.id)
         or exists (select 1 from prompty.prompts p
                    where p.author_id = pr.id and p.published and p.hidden_at is null and p.deleted_at is null)
         or exists (select 1 from prompty.comments c join prompty.prompts p on p.id = c.prompt_id
                    where c.user_id = pr.id and c.hidden_at is null
                      and p.published and p.hidden_at is null and p.deleted_at is null))
$$;
comment on function prompty_private.author_labels(uuid[]) is
  'Name and avatar of the given users, for attribution: listed users, the caller, and anyone with a public prompt or a visible comment on one (admins: all). Hidden creators keep their byline.';
grant execute on function prompty_private.author_labels(uuid[]) to anon, authenticated, service_role;

create function prompty.get_author_labels(p_user_ids uuid[])
returns table (id uuid, username text, display_name text, avatar_url text)
language plpgsql stable
set search_path = ''
as $$
begin
  if cardinality(p_user_ids) > 100 then
    raise exception using errcode = 'PT152', message = 'at most 100 user ids';
  end if;
  return query select l.id, l.username, l.display_name, l.avatar_url from prompty_private.author_labels(p_user_ids) l;
end
$$;
comment on function prompty.get_author_labels(uuid[]) is
  'Bylines (username, display_name, avatar_url) of up to 100 users, e.g. the authors of a page of comments: works for creators who hide their page as long as they have a public prompt or visible comment. Errors: PT152 more than 100 ids.';
grant execute on function prompty.get_author_labels(uuid[]) to anon, authenticated;

create or replace function prompty.get_prompt(p_prompt_id uuid)
returns table (
  id uuid, author_id uuid, author_username text, author_display_name text, author_avatar_url text,
  title text, description text, content text, prompt_title text, prompt_content text, is_unlocked boolean,
  preview_lines integer, thumbnail_url text, category_id uuid, price integer, currency text, is_free boolean,
  is_premium boolean, is_featured boolean, published boolean, published_at timestamptz, ai_model text,
  media_type text, site_url text, tag_names text[], like_count bigint, comment_count bigint, bookmark_count bigint,
  view_count bigint, liked boolean, bookmarked boolean, created_at timestamptz, updated_at timestamptz)
language plpgsql stable
set search_path = ''
as $$
begin
  return query
  select p.id, p.author_id, a.username, a.display_name, a.avatar_url,
         p.title, p.description, b.content, p.prompt_title, b.prompt_content, b.is_unlocked,
         p.preview_lines, p.thumbnail_url, p.category_id, p.price, p.currency, p.is_free,
         p.is_premium, p.is_featured, p.published, p.published_at, p.ai_model,
         p.media_type, p.site_url, p.tag_names, c.like_count, c.comment_count, c.bookmark_count,
         c.view_count, r.liked, r.bookmarked, p.created_at, p.updated_at
  from prompty.prompts p
  left join lateral prompty_private.author_labels(array[p.author_id]) a on true
  cross join lateral prompty_private.prompt_body(p.id) b
  cross join lateral prompty_private.prompt_counts(p.id) c
  cross join lateral prompty_private.caller_reactions(p.id) r
  where p.id = p_prompt_id;
  if not found then
    raise exception using errcode = 'PT120', message = 'prompt not found';
  end if;
end
$$;

create or replace function prompty_private.prompt_cards(p_hits prompty_private.search_hit[]) returns setof prompty.prompt_card
language plpgsql stable
set search_path = ''
as $$
begin
  return query
  select p.id, p.author_id, a.username, a.display_name, a.avatar_url, p.title, p.description, p.content_preview,
         p.thumbnail_url, p.category_id, p.price, p.is_free, p.is_premium, p.is_featured, p.ai_model, p.media_type,
         p.tag_names, p.published_at, c.like_count, c.comment_count, c.bookmark_count, c.view_count, h.sort_cursor
  from unnest(p_hits) with ordinality h (prompt_id, sort_cursor, ord)
  join prompty.prompts p on p.id = h.prompt_id
  join prompty_private.prompt_counts_for(array(select x.prompt_id from unnest(p_hits) x)) c on c.prompt_id = p.id
  left join prompty_private.author_labels(array(select p2.author_id from prompty.prompts p2
                                                where p2.id = any (array(select x.prompt_id from unnest(p_hits) x)))) a
    on a.id = p.author_id
  order by h.ord;
end
$$;

create or replace function prompty.search_prompts(
  p_query text default null,
  p_category_id uuid default null,
  p_tags text[] default null,
  p_is_free boolean default null,
  p_min_price integer default null,
  p_max_price integer default null,
  p_ai_model text default null,
  p_media_type text default null,
  p_author_id uuid default null,
  p_sort text default 'new',
  p_limit integer default 20,
  p_cursor text default null)
returns setof prompty.prompt_card
language plpgsql stable
set search_path = ''
as $$
begin
  -- A creator page that is hidden (or suspended) lists nothing for others.
  if p_author_id is not null and not prompty_private.creator_page_visible(p_author_id) then
    return;
  end if;
  return query
  select * from prompty_private.prompt_cards(array(
    select h from prompty_private.search_prompt_ids(p_query, p_category_id, p_tags, p_is_free, p_min_price, p_max_price,
                                                    p_ai_model, p_media_type, p_author_id, null, p_sort, p_limit, p_cursor) h));
end
$$;
comment on function prompty.search_prompts(text, uuid, text[], boolean, integer, integer, text, text, uuid, text, integer, text) is
  'Searches public prompts. p_query: terms that must all occur in title, description, preview or tags (Japanese works; NFKC, case-insensitive). Filters: p_category_id (with sub-categories), p_tags (all), p_is_free, p_min_price/p_max_price (yen), p_ai_model, p_media_type, p_author_id (creator page: empty when that page is hidden from the caller). p_sort: new | popular | trending. p_limit clamped to 1-50 (default 20); p_cursor: the cursor of the last row of the previous page. Errors: PT115 invalid tags, PT150 invalid cursor, PT151 invalid sort, PT152 invalid filter.';

-- ---------------------------------------------------------------------------------------
-- Admin ids: column grants without them
-- ---------------------------------------------------------------------------------------
revoke select on prompty.categories, prompty.announcements, prompty.contests, prompty.user_badges from anon, authenticated;
revoke select on prompty.reports from authenticated;
grant select (id, name, slug, description, icon, parent_id, sort_order, created_at, updated_at)
  on prompty.categories to anon, authenticated;
grant select (id, title, content, icon, icon_color, start_date, end_date, is_active, created_at, updated_at)
  on prompty.announcements to anon, authenticated;
grant select (id, title, description, theme, prize, start_at, end_at, is_active, created_at, updated_at)
  on prompty.contests to anon, authenticated;
grant select (id, user_id, badge_id, reason, awarded_at) on prompty.user_badges to anon, authenticated;
grant select (id, reporter_id, target_type, target_id, prompt_id, reason, details, status, action, resolution_note,
              reviewed_at, created_at, updated_at)
  on prompty.reports to authenticated;
comment on column prompty.categories.created_by is 'The admin who created the category. Server-only (not granted to clients).';
comment on column prompty.announcements.created_by is 'The admin who wrote the announcement. Server-only.';
comment on column prompty.contests.created_by is 'The admin who created the contest. Server-only.';
comment on column prompty.user_badges.awarded_by is 'The admin who awarded the badge (set from auth.uid()). Server-only.';
comment on column prompty.reports.reviewed_by is 'The admin who resolved the report. Server-only.';
