-- Prompty search, feeds and the creator page.
--
-- Full-text search over title, description, content preview and tag names
-- (prompts.search_text, NFKC-lowercased) with a pg_trgm GIN index: every whitespace-separated
-- term must occur (LIKE '%term%'), which works for Japanese without word segmentation (terms
-- of 3+ characters use the index; shorter ones fall back to walking the sort index).
-- Filters: category with its sub-categories, tags (all of them), free/paid, price range, AI
-- model, media type, author. Sorts: new (published_at), popular (likes), trending
-- (recent-activity score refreshed by pg_cron). Keyset pagination: every row carries a cursor;
-- pass the last one as p_cursor for the next page. Page size is clamped to 1-50 (default 20).
--
-- The ranking runs in prompty_private.search_prompt_ids (security definer, public prompts only)
-- because the rolled-up counters it sorts on are not granted to clients; the page is then read
-- back through prompty_private.prompt_cards (security invoker: the caller's RLS) with exact
-- counters.
--
-- Objects: prompty.prompt_card (type), prompty_private.search_hit (type), prompty_private.search_prompt_ids(),
--          prompty_private.prompt_counts_for(), prompty_private.prompt_cards(), prompty.search_prompts(),
--          prompty.following_feed(),
--          prompty_private.creator_page_visible(), prompty.get_creator(),
--          prompty_private.refresh_trending(), cron job prompty-refresh-trending
-- Errors: PT100 sign-in required (feed), PT115 invalid tags, PT122 creator not found,
--         PT150 invalid cursor, PT151 invalid sort, PT152 invalid filter.

create index comments_created_at_idx on prompty.comments (created_at);
create index bookmarks_created_at_idx on prompty.bookmarks (created_at);

create type prompty.prompt_card as (
  id uuid,
  author_id uuid,
  author_username text,
  author_display_name text,
  author_avatar_url text,
  title text,
  description text,
  content_preview text,
  thumbnail_url text,
  category_id uuid,
  price integer,
  is_free boolean,
  is_premium boolean,
  is_featured boolean,
  ai_model text,
  media_type text,
  tag_names text[],
  published_at timestamptz,
  like_count bigint,
  comment_count bigint,
  bookmark_count bigint,
  view_count bigint,
  cursor text
);
comment on type prompty.prompt_card is 'A prompt in a list: public fields, author, exact counters and the keyset cursor of its position.';

create type prompty_private.search_hit as (prompt_id uuid, sort_cursor text);
comment on type prompty_private.search_hit is 'One ranked search result: the prompt and its keyset cursor.';

create function prompty_private.search_prompt_ids(
  p_query text, p_category_id uuid, p_tags text[], p_is_free boolean, p_min_price integer, p_max_price integer,
  p_ai_model text, p_media_type text, p_author_id uuid, p_followed_by uuid, p_sort text, p_limit integer, p_cursor text)
returns setof prompty_private.search_hit
language plpgsql stable
security definer
set search_path = ''
set jit = off
as $$
declare
  v_limit integer := least(greatest(coalesce(p_limit, 20), 1), 50);
  v_sort text := coalesce(p_sort, 'new');
  v_key text;
  v_key_text text;
  v_key_type text;
  v_where text := 'p.published and p.hidden_at is null and p.deleted_at is null';
  v_term text;
  v_tags text[];
  v_categories uuid[];
  v_after_key text;
  v_after_id uuid;
begin
  case v_sort
    when 'new' then
      v_key := 'p.published_at';
      v_key_text := 'to_char(p.published_at at time zone ''UTC'', ''YYYY-MM-DD"T"HH24:MI:SS.US"Z"'')';
      v_key_type := 'timestamptz';
    when 'popular' then
      v_key := 'p.like_count';
      v_key_text := 'p.like_count::text';
      v_key_type := 'bigint';
    when 'trending' then
      v_key := 'p.trending_score';
      v_key_text := 'p.trending_score::text';
      v_key_type := 'double precision';
    else
      raise exception using errcode = 'PT151', message = 'sort must be new, popular or trending';
  end case;

  if p_min_price < 0 or p_max_price < 0 or p_min_price > p_max_price then
    raise exception using errcode = 'PT152', message = 'the price range must be 0 <= min <= max';
  end if;
  if p_media_type is not null and p_media_type not in ('image', 'video', 'text', 'audio') then
    raise exception using errcode = 'PT152', message = 'media_type must be image, video, text or audio';
  end if;

  if p_cursor is not null then
    begin
      v_after_key := split_part(p_cursor, '|', 1);
      v_after_id := split_part(p_cursor, '|', 2)::uuid;
      case v_key_type
        when 'timestamptz' then perform v_after_key::timestamptz;
        when 'bigint' then perform v_after_key::bigint;
        else perform v_after_key::double precision;
      end case;
    exception when invalid_text_representation or invalid_datetime_format or datetime_field_overflow
                   or numeric_value_out_of_range then
      raise exception using errcode = 'PT150', message = 'invalid cursor', hint = 'pass the cursor of the last row of the previous page, with the same sort';
    end;
    v_where := v_where || format(' and (%s, p.id) < ($1::%s, $2)', v_key, v_key_type);
  end if;

  -- Every term must occur; terms are embedded as escaped literals so the trigram index is used.
  for v_term in
    select t from regexp_split_to_table(lower(normalize(left(btrim(coalesce(p_query, '')), 100), nfkc)), '\s+') t
    where t <> '' limit 5
  loop
    v_where := v_where || format(' and p.search_text like %L', '%' || replace(replace(replace(v_term, '\', '\\'), '%', '\%'), '_', '\_') || '%');
  end loop;

  if p_tags is not null and cardinality(p_tags) > 0 then
    v_tags := prompty_private.normalize_tags(p_tags);
    v_where := v_where || ' and p.tag_names @> $3';
  end if;
  if p_category_id is not null then
    v_categories := prompty_private.category_subtree(p_category_id);
    v_where := v_where || ' and p.category_id = any ($4)';
  end if;
  if p_is_free is not null then
    v_where := v_where || ' and p.is_free = $5';
  end if;
  if p_min_price is not null then
    v_where := v_where || ' and p.price >= $6';
  end if;
  if p_max_price is not null then
    v_where := v_where || ' and p.price <= $7';
  end if;
  if p_ai_model is not null then
    v_where := v_where || ' and lower(p.ai_model) = lower($8)';
  end if;
  if p_media_type is not null then
    v_where := v_where || ' and p.media_type = $9';
  end if;
  if p_author_id is not null then
    v_where := v_where || ' and p.author_id = $10';
  end if;
  if p_followed_by is not null then
    v_where := v_where || ' and p.author_id in (select f.following_id from prompty.follows f where f.follower_id = $11)';
  end if;

  return query execute format(
    'select p.id, %s || ''|'' || p.id::text from prompty.prompts p where %s order by %s desc, p.id desc limit %s',
    v_key_text, v_where, v_key, v_limit)
  using v_after_key, v_after_id, v_tags, v_categories, p_is_free, p_min_price, p_max_price, p_ai_model, p_media_type,
        p_author_id, p_followed_by;
end
$$;
comment on function prompty_private.search_prompt_ids(text, uuid, text[], boolean, integer, integer, text, text, uuid, uuid, text, integer, text) is
  'The ordered ids (and cursors) of one page of public prompts matching the filters. Security definer: sorts on server-only counters. Errors PT115, PT150, PT151, PT152.';
grant execute on function prompty_private.search_prompt_ids(text, uuid, text[], boolean, integer, integer, text, text, uuid, uuid, text, integer, text)
  to anon, authenticated, service_role;

create function prompty_private.prompt_counts_for(p_ids uuid[])
returns table (prompt_id uuid, like_count bigint, comment_count bigint, bookmark_count bigint, view_count bigint)
language sql stable
rows 20
security definer
set search_path = ''
as $$
  select p.id,
         p.like_count + coalesce(sum(s.likes), 0)::bigint,
         p.comment_count + coalesce(sum(s.comments), 0)::bigint,
         p.bookmark_count + coalesce(sum(s.bookmarks), 0)::bigint,
         p.view_count + coalesce(sum(s.views), 0)::bigint
  from prompty.prompts p
  left join prompty_private.prompt_counter_slots s on s.prompt_id = p.id
  where p.id = any (p_ids)
  group by p.id
$$;
comment on function prompty_private.prompt_counts_for(uuid[]) is
  'Exact counters of several prompts in one query (a page of a list). Callers apply visibility.';
grant execute on function prompty_private.prompt_counts_for(uuid[]) to anon, authenticated, service_role;

create function prompty_private.prompt_cards(p_hits prompty_private.search_hit[]) returns setof prompty.prompt_card
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
  join prompty.profiles a on a.id = p.author_id
  join prompty_private.prompt_counts_for(array(select x.prompt_id from unnest(p_hits) x)) c on c.prompt_id = p.id
  order by h.ord;
end
$$;
comment on function prompty_private.prompt_cards(prompty_private.search_hit[]) is
  'A page of ranked prompts as list cards, in rank order, read with the caller''s rights (security invoker: RLS hides what the caller cannot see).';
grant execute on function prompty_private.prompt_cards(prompty_private.search_hit[]) to anon, authenticated, service_role;

create function prompty.search_prompts(
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
  return query
  select * from prompty_private.prompt_cards(array(
    select h from prompty_private.search_prompt_ids(p_query, p_category_id, p_tags, p_is_free, p_min_price, p_max_price,
                                                    p_ai_model, p_media_type, p_author_id, null, p_sort, p_limit, p_cursor) h));
end
$$;
comment on function prompty.search_prompts(text, uuid, text[], boolean, integer, integer, text, text, uuid, text, integer, text) is
  'Searches public prompts. p_query: terms that must all occur in title, description, preview or tags (Japanese works; NFKC, case-insensitive). Filters: p_category_id (with sub-categories), p_tags (all), p_is_free, p_min_price/p_max_price (yen), p_ai_model, p_media_type, p_author_id (creator page). p_sort: new | popular | trending. p_limit clamped to 1-50 (default 20); p_cursor: the cursor of the last row of the previous page. Errors: PT115 invalid tags, PT150 invalid cursor, PT151 invalid sort, PT152 invalid filter.';
grant execute on function prompty.search_prompts(text, uuid, text[], boolean, integer, integer, text, text, uuid, text, integer, text)
  to anon, authenticated;

create function prompty.following_feed(p_limit integer default 20, p_cursor text default null)
returns setof prompty.prompt_card
language plpgsql stable
set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    raise exception using errcode = 'PT100', message = 'sign-in required';
  end if;
  return query
  select * from prompty_private.prompt_cards(array(
    select h from prompty_private.search_prompt_ids(null, null, null, null, null, null, null, null, null, (select auth.uid()),
                                                    'new', p_limit, p_cursor) h));
end
$$;
comment on function prompty.following_feed(integer, text) is
  'The newest public prompts of the creators the caller follows. p_limit clamped to 1-50 (default 20); p_cursor from the last row. Errors: PT100 sign-in required, PT150 invalid cursor.';
grant execute on function prompty.following_feed(integer, text) to authenticated;

create function prompty_private.creator_page_visible(p_user_id uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from prompty.profiles pr
    join prompty.account_settings a on a.user_id = pr.id
    where pr.id = p_user_id
      and pr.status <> 'suspended'
      and (a.show_creator_page or pr.id = (select auth.uid()) or (select prompty_private.is_admin_user()))
  )
$$;
comment on function prompty_private.creator_page_visible(uuid) is
  'Whether the caller may open this creator''s page: not suspended, and show_creator_page on (the creator and admins always).';
grant execute on function prompty_private.creator_page_visible(uuid) to anon, authenticated, service_role;

create function prompty.get_creator(p_username text) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_creator jsonb;
begin
  select jsonb_build_object(
           'id', pr.id, 'username', pr.username, 'display_name', pr.display_name, 'bio', pr.bio,
           'avatar_url', pr.avatar_url, 'banner_url', pr.banner_url, 'website', pr.website, 'github', pr.github,
           'location', pr.location, 'is_premium', pr.is_premium, 'is_business', pr.is_business, 'created_at', pr.created_at,
           'follower_count', c.follower_count, 'following_count', c.following_count, 'prompt_count', c.prompt_count,
           'is_following', exists (select 1 from prompty.follows f
                                   where f.follower_id = (select auth.uid()) and f.following_id = pr.id))
  into v_creator
  from prompty.profiles pr
  cross join lateral prompty_private.profile_counts(pr.id) c
  where pr.username = lower(btrim(p_username)) and prompty_private.creator_page_visible(pr.id);
  if v_creator is null then
    raise exception using errcode = 'PT122', message = 'creator not found';
  end if;
  return v_creator;
end
$$;
comment on function prompty.get_creator(text) is
  'A creator page''s header: public profile, exact follower/following/prompt counts, whether the caller follows them. List their prompts with search_prompts(p_author_id => id). Errors: PT122 not found (unknown, suspended, or creator page hidden).';
grant execute on function prompty.get_creator(text) to anon, authenticated;

-- ---------------------------------------------------------------------------------------
-- Trending score
-- ---------------------------------------------------------------------------------------
create function prompty_private.refresh_trending() returns bigint
language sql
security definer
set search_path = ''
as $$
  with events as (
    select prompt_id, 1.0 as weight, created_at as at from prompty.likes where created_at > now() - interval '7 days'
    union all
    select prompt_id, 2.0, created_at from prompty.comments where created_at > now() - interval '7 days' and hidden_at is null
    union all
    select prompt_id, 1.5, created_at from prompty.bookmarks where created_at > now() - interval '7 days'
    union all
    select prompt_id, 0.2, viewed_at from prompty.analytics_views where view_day >= prompty_private.jst_today() - 7
  ), scores as (
    select prompt_id, sum(weight / (1.0 + extract(epoch from now() - at) / 86400.0)) as score
    from events group by prompt_id
  ), target as (
    select p.id, round(coalesce(s.score, 0), 4)::double precision as score
    from prompty.prompts p
    left join scores s on s.prompt_id = p.id
    where p.trending_score <> 0 or s.prompt_id is not null
  ), updated as (
    update prompty.prompts p set trending_score = t.score
    from target t
    where p.id = t.id and p.trending_score is distinct from t.score
    returning 1
  )
  select count(*) from updated
$$;
comment on function prompty_private.refresh_trending() is
  'Recomputes prompts.trending_score: likes (1), comments (2), bookmarks (1.5) and daily unique views (0.2) of the last 7 days, each divided by 1 + its age in days. pg_cron every 10 minutes. Returns the rows changed.';

select cron.schedule('prompty-refresh-trending', '*/10 * * * *', 'select prompty_private.refresh_trending()');
