-- Prompty paid content: who reads the full text of a prompt.
--
-- prompts.content and prompts.prompt_content are granted to no client role. The only client
-- path to them is prompty.get_prompt (security invoker: RLS of prompts applies), whose body
-- comes from prompty_private.prompt_body (security definer): the full article and prompt for
-- a free prompt, and for a paid one (not is_free, price > 0) to its author, buyers with a
-- completed purchase, premium members (profiles.is_premium, premium_until not past) when the
-- prompt is_premium, and admins. Everyone else gets content_preview (the first preview_lines
-- lines) and no prompt_content. Unpublished prompts: the author only.
--
-- Objects: prompty_private.can_read_full_prompt(), prompty_private.prompt_body(),
--          prompty_private.caller_reactions(), prompty.get_prompt()
-- Errors: PT120 prompt not found (or not visible to the caller).

create function prompty_private.can_read_full_prompt(p_prompt_id uuid) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from prompty.prompts p
    where p.id = p_prompt_id
      and p.deleted_at is null
      and (
        p.author_id = (select auth.uid())
        or (p.published and (select prompty_private.is_admin_user()))
        or (p.published and p.hidden_at is null and (
              p.is_free
              or exists (select 1 from prompty.purchases pu
                         where pu.user_id = (select auth.uid()) and pu.prompt_id = p.id and pu.status = 'completed')
              or (p.is_premium and exists (select 1 from prompty.profiles pr
                                           where pr.id = (select auth.uid()) and pr.is_premium
                                             and (pr.premium_until is null or pr.premium_until > now())))))
      )
  )
$$;
comment on function prompty_private.can_read_full_prompt(uuid) is
  'True when the caller may read the prompt''s full content and prompt_content: free and visible, or the author, an admin, a buyer (completed purchase) or a premium member for an is_premium prompt.';
grant execute on function prompty_private.can_read_full_prompt(uuid) to anon, authenticated, service_role;

create function prompty_private.prompt_body(p_prompt_id uuid)
returns table (content text, prompt_content text, is_unlocked boolean)
language sql stable
rows 1
security definer
set search_path = ''
as $$
  select case when f.full then p.content else p.content_preview end,
         case when f.full then p.prompt_content end,
         f.full
  from prompty.prompts p
  cross join lateral (select prompty_private.can_read_full_prompt(p.id) as full) f
  where p.id = p_prompt_id
    and p.deleted_at is null
    and ((p.published and p.hidden_at is null)
         or p.author_id = (select auth.uid())
         or (p.published and (select prompty_private.is_admin_user())))
$$;
comment on function prompty_private.prompt_body(uuid) is
  'The text of a prompt the caller can see: full (content, prompt_content) when unlocked, else (content_preview, null). No row when the caller cannot see the prompt.';
grant execute on function prompty_private.prompt_body(uuid) to anon, authenticated, service_role;

create function prompty_private.caller_reactions(p_prompt_id uuid)
returns table (liked boolean, bookmarked boolean)
language sql stable
rows 1
security definer
set search_path = ''
as $$
  select exists (select 1 from prompty.likes where user_id = (select auth.uid()) and prompt_id = p_prompt_id),
         exists (select 1 from prompty.bookmarks where user_id = (select auth.uid()) and prompt_id = p_prompt_id)
$$;
comment on function prompty_private.caller_reactions(uuid) is 'Whether the caller likes / bookmarked the prompt (false for anon).';
grant execute on function prompty_private.caller_reactions(uuid) to anon, authenticated, service_role;

create function prompty.get_prompt(p_prompt_id uuid)
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
  join prompty.profiles a on a.id = p.author_id
  cross join lateral prompty_private.prompt_body(p.id) b
  cross join lateral prompty_private.prompt_counts(p.id) c
  cross join lateral prompty_private.caller_reactions(p.id) r
  where p.id = p_prompt_id;
  if not found then
    raise exception using errcode = 'PT120', message = 'prompt not found';
  end if;
end
$$;
comment on function prompty.get_prompt(uuid) is
  'One prompt as the caller may see it: full content and prompt_content when unlocked (free, author, buyer, premium member for is_premium, admin), otherwise the first preview_lines lines and prompt_content null (is_unlocked false). Exact counters; liked/bookmarked for the caller. Errors: PT120 not found or not visible.';
grant execute on function prompty.get_prompt(uuid) to anon, authenticated;
