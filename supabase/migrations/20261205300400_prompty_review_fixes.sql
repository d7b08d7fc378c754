-- Prompty: gaps found reviewing issue 5 against the code after the security fixes.
--
--   * A reply could be posted under a hidden comment (and notified its author): the parent
--     must now be a visible comment of the same prompt (PT131).
--   * Creators who hide their creator page (20261205300200) are still followable: the
--     follow check looks the profile up as the server (it no longer depends on the caller
--     being allowed to read the profile row).
--   * Bylines (prompty_private.author_labels) also cover the people a user must be able to
--     name in their own inbox: their followers and the actors of their notifications.
--
-- Objects: prompty_private.prepare_comment(), prompty_private.check_follow(),
--          prompty_private.author_labels() (replaced)
-- Errors: PT105, PT120, PT121, PT122, PT130, PT131 (unchanged codes).

create or replace function prompty_private.prepare_comment() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.content is null or char_length(btrim(new.content)) not between 1 and 2000 then
    raise exception using errcode = 'PT130', message = 'a comment has 1-2000 characters';
  end if;
  if tg_op = 'INSERT' then
    perform prompty_private.assert_not_suspended(new.user_id);
    perform prompty_private.assert_prompt_public(new.prompt_id);
    if new.parent_id is not null
       and not exists (select 1 from prompty.comments c
                       where c.id = new.parent_id and c.prompt_id = new.prompt_id and c.hidden_at is null) then
      raise exception using errcode = 'PT131', message = 'the parent comment is not a visible comment on this prompt';
    end if;
  elsif new.content is distinct from old.content then
    new.is_edited := true;
    new.edited_at := now();
  end if;
  return new;
end
$$;
comment on function prompty_private.prepare_comment() is
  'BEFORE INSERT/UPDATE OF content trigger on comments: PT130 length, PT105 suspended, PT120 prompt not public, PT131 parent elsewhere or hidden; marks edits (is_edited, edited_at).';

create or replace function prompty_private.check_follow() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.follower_id = new.following_id then
    raise exception using errcode = 'PT121', message = 'you cannot follow yourself';
  end if;
  if not exists (select 1 from prompty.profiles where id = new.following_id) then
    raise exception using errcode = 'PT122', message = 'user not found';
  end if;
  return new;
end
$$;
comment on function prompty_private.check_follow() is
  'BEFORE INSERT trigger on follows: PT121 self-follow, PT122 unknown user. Security definer: a creator who hides their page can still be followed.';

create or replace function prompty_private.author_labels(p_ids uuid[])
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
                      and p.published and p.hidden_at is null and p.deleted_at is null)
         or exists (select 1 from prompty.follows f where f.follower_id = pr.id and f.following_id = (select auth.uid()))
         or exists (select 1 from prompty.notifications n where n.actor_id = pr.id and n.user_id = (select auth.uid())))
$$;
comment on function prompty_private.author_labels(uuid[]) is
  'Name and avatar of the given users, for attribution: listed users, the caller, anyone with a public prompt or a visible comment on one, and the caller''s followers and notification actors (admins: all). Hidden creators keep their byline.';
