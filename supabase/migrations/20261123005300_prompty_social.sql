-- Prompty social features and their counters: likes, bookmarks, follows, threaded comments.
--
-- The rows are the source of truth (likes and bookmarks: primary key (user_id, prompt_id);
-- follows: unique (follower_id, following_id), no self-follow). Counters are slotted so a
-- viral prompt or creator never becomes one hot row: a trigger adds +1/-1 to one of 16 slot
-- rows per prompt (or profile), picked by the backend's pid, in prompty_private.*_counter_slots.
-- The exact count is the rolled-up column (prompts.like_count, ...) plus the sum of the slots:
-- exact after every commit, read through prompty.prompt_stats / prompty.profile_stats and the
-- RPCs. pg_cron folds the slots into the rolled-up columns every minute (the popular sort
-- reads those), skipping slot rows that are in use. A follow bumps two profiles' slots in
-- profile id order so two transactions never deadlock. Clients never write a counter, and
-- there is no increment RPC.
--
-- Objects: prompty.likes, prompty.bookmarks, prompty.follows, prompty.comments,
--          prompty_private.prompt_counter_slots, prompty_private.profile_counter_slots,
--          prompty_private.counter_slot(), prompty_private.bump_prompt_counters(),
--          prompty_private.bump_profile_counters(), prompty_private.prompt_counts(),
--          prompty_private.profile_counts(), prompty_private.fold_counters(),
--          prompty_private.assert_prompt_public(), trigger functions, prompty.prompt_stats,
--          prompty.profile_stats, prompty.like_prompt(), prompty.unlike_prompt(),
--          prompty.bookmark_prompt(), prompty.unbookmark_prompt(), prompty.follow_user(),
--          prompty.unfollow_user(), cron job prompty-fold-counters
-- Errors: PT100 sign-in required, PT105 account suspended, PT120 prompt not found or not
--         published, PT121 self-follow, PT122 user not found, PT130 comment length,
--         PT131 parent comment not on this prompt.

-- ---------------------------------------------------------------------------------------
-- Counter slots (server-only)
-- ---------------------------------------------------------------------------------------
create table prompty_private.prompt_counter_slots (
  prompt_id uuid not null,
  slot smallint not null,
  likes bigint not null default 0,
  comments bigint not null default 0,
  bookmarks bigint not null default 0,
  views bigint not null default 0,
  constraint prompt_counter_slots_pkey primary key (prompt_id, slot)
);
comment on table prompty_private.prompt_counter_slots is
  'Pending counter deltas per prompt, spread over 16 slots (no hot row). Exact count = prompts.<x>_count + sum over slots. No foreign key: a slot of a deleted prompt is dropped by the next fold.';

create table prompty_private.profile_counter_slots (
  profile_id uuid not null,
  slot smallint not null,
  followers bigint not null default 0,
  following bigint not null default 0,
  constraint profile_counter_slots_pkey primary key (profile_id, slot)
);
comment on table prompty_private.profile_counter_slots is
  'Pending follower/following deltas per profile, spread over 16 slots. Exact count = profiles.<x>_count + sum over slots.';

alter table prompty_private.prompt_counter_slots enable row level security;
alter table prompty_private.profile_counter_slots enable row level security;
revoke all on prompty_private.prompt_counter_slots, prompty_private.profile_counter_slots from anon, authenticated, service_role;
-- No policies: only the security-definer functions below (owned by postgres) touch them.

create function prompty_private.counter_slot() returns smallint
language sql volatile
set search_path = ''
as $$
  select (pg_backend_pid() % 16)::smallint
$$;
comment on function prompty_private.counter_slot() is
  'The counter slot of this connection (pid mod 16): concurrent sessions write different rows; one session always the same.';

create function prompty_private.bump_prompt_counters(
  p_prompt_id uuid, p_likes integer default 0, p_comments integer default 0, p_bookmarks integer default 0, p_views integer default 0)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into prompty_private.prompt_counter_slots as s (prompt_id, slot, likes, comments, bookmarks, views)
  values (p_prompt_id, prompty_private.counter_slot(), p_likes, p_comments, p_bookmarks, p_views)
  on conflict (prompt_id, slot) do update
  set likes = s.likes + excluded.likes, comments = s.comments + excluded.comments,
      bookmarks = s.bookmarks + excluded.bookmarks, views = s.views + excluded.views;
end
$$;
comment on function prompty_private.bump_prompt_counters(uuid, integer, integer, integer, integer) is
  'Adds deltas to this connection''s slot of a prompt''s counters. Called by triggers only (not granted to clients).';

create function prompty_private.bump_profile_counters(p_follower_id uuid, p_following_id uuid, p_delta integer)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- Both profiles in id order: two follows between the same people never deadlock.
  insert into prompty_private.profile_counter_slots as s (profile_id, slot, followers, following)
  select v.profile_id, prompty_private.counter_slot(), v.followers, v.following
  from (values (p_following_id, p_delta, 0), (p_follower_id, 0, p_delta)) v (profile_id, followers, following)
  order by v.profile_id
  on conflict (profile_id, slot) do update
  set followers = s.followers + excluded.followers, following = s.following + excluded.following;
end
$$;
comment on function prompty_private.bump_profile_counters(uuid, uuid, integer) is
  'Adds a follow (+1) or unfollow (-1) to the followed profile''s followers and the follower''s following, in profile id order.';

create function prompty_private.prompt_counts(p_prompt_id uuid)
returns table (like_count bigint, comment_count bigint, bookmark_count bigint, view_count bigint)
language plpgsql stable
rows 1
security definer
set search_path = ''
as $$
begin
  return query
  select p.like_count + coalesce(sum(s.likes), 0)::bigint,
         p.comment_count + coalesce(sum(s.comments), 0)::bigint,
         p.bookmark_count + coalesce(sum(s.bookmarks), 0)::bigint,
         p.view_count + coalesce(sum(s.views), 0)::bigint
  from prompty.prompts p
  left join prompty_private.prompt_counter_slots s on s.prompt_id = p.id
  where p.id = p_prompt_id
  group by p.id;
end
$$;
comment on function prompty_private.prompt_counts(uuid) is
  'Exact counters of a prompt: rolled-up columns plus pending slots. Used by prompty.prompt_stats and the list RPCs (which apply visibility).';
grant execute on function prompty_private.prompt_counts(uuid) to anon, authenticated, service_role;

create function prompty_private.profile_counts(p_profile_id uuid)
returns table (follower_count bigint, following_count bigint, prompt_count bigint)
language plpgsql stable
rows 1
security definer
set search_path = ''
as $$
begin
  return query
  select pr.follower_count + coalesce((select sum(s.followers) from prompty_private.profile_counter_slots s
                                       where s.profile_id = pr.id), 0)::bigint,
         pr.following_count + coalesce((select sum(s.following) from prompty_private.profile_counter_slots s
                                        where s.profile_id = pr.id), 0)::bigint,
         (select count(*) from prompty.prompts p
          where p.author_id = pr.id and p.published and p.hidden_at is null and p.deleted_at is null)
  from prompty.profiles pr
  where pr.id = p_profile_id;
end
$$;
comment on function prompty_private.profile_counts(uuid) is
  'Exact follower/following counts of a profile (rolled-up plus slots) and its number of public prompts.';
grant execute on function prompty_private.profile_counts(uuid) to anon, authenticated, service_role;

create function prompty_private.fold_counters() returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_prompts bigint;
  v_profiles bigint;
begin
  -- Slot rows held by an open transaction are skipped (never waited for): the next run takes them.
  with taken as (
    select prompt_id, slot from prompty_private.prompt_counter_slots for update skip locked
  ), moved as (
    delete from prompty_private.prompt_counter_slots s using taken t
    where s.prompt_id = t.prompt_id and s.slot = t.slot
    returning s.prompt_id, s.likes, s.comments, s.bookmarks, s.views
  ), sums as (
    select prompt_id, sum(likes) as likes, sum(comments) as comments, sum(bookmarks) as bookmarks, sum(views) as views
    from moved group by prompt_id
  )
  update prompty.prompts p
  set like_count = p.like_count + s.likes, comment_count = p.comment_count + s.comments,
      bookmark_count = p.bookmark_count + s.bookmarks, view_count = p.view_count + s.views
  from sums s
  where p.id = s.prompt_id and (s.likes, s.comments, s.bookmarks, s.views) <> (0, 0, 0, 0);
  get diagnostics v_prompts = row_count;

  with taken as (
    select profile_id, slot from prompty_private.profile_counter_slots for update skip locked
  ), moved as (
    delete from prompty_private.profile_counter_slots s using taken t
    where s.profile_id = t.profile_id and s.slot = t.slot
    returning s.profile_id, s.followers, s.following
  ), sums as (
    select profile_id, sum(followers) as followers, sum(following) as following from moved group by profile_id
  )
  update prompty.profiles pr
  set follower_count = pr.follower_count + s.followers, following_count = pr.following_count + s.following
  from sums s
  where pr.id = s.profile_id and (s.followers, s.following) <> (0, 0);
  get diagnostics v_profiles = row_count;
  return v_prompts + v_profiles;
end
$$;
comment on function prompty_private.fold_counters() is
  'Moves pending counter slots into prompts/profiles counters (pg_cron every minute). Exact counts do not change; returns the number of rows updated.';

select cron.schedule('prompty-fold-counters', '* * * * *', 'select prompty_private.fold_counters()');

-- Exact counters, for the rows the caller can see (security_invoker: RLS of prompts/profiles).
create view prompty.prompt_stats with (security_invoker = true) as
  select p.id as prompt_id, c.like_count, c.comment_count, c.bookmark_count, c.view_count
  from prompty.prompts p
  cross join lateral prompty_private.prompt_counts(p.id) c;
comment on view prompty.prompt_stats is
  'Exact like/comment/bookmark/view counts of the prompts the caller can see. Filter by prompt_id (e.g. prompt_id=in.(...)).';
revoke all on prompty.prompt_stats from anon, authenticated;
grant select on prompty.prompt_stats to anon, authenticated, service_role;

create view prompty.profile_stats with (security_invoker = true) as
  select pr.id as profile_id, c.follower_count, c.following_count, c.prompt_count
  from prompty.profiles pr
  cross join lateral prompty_private.profile_counts(pr.id) c;
comment on view prompty.profile_stats is 'Exact follower/following counts and public prompt count of profiles. Filter by profile_id.';
revoke all on prompty.profile_stats from anon, authenticated;
grant select on prompty.profile_stats to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- Shared checks
-- ---------------------------------------------------------------------------------------
create function prompty_private.assert_prompt_public(p_prompt_id uuid) returns void
language plpgsql stable
security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from prompty.prompts
                 where id = p_prompt_id and published and hidden_at is null and deleted_at is null) then
    raise exception using errcode = 'PT120', message = 'prompt not found or not published';
  end if;
end
$$;
comment on function prompty_private.assert_prompt_public(uuid) is
  'PT120 unless the prompt is published, not hidden and not deleted (whoever asks, the author included).';
grant execute on function prompty_private.assert_prompt_public(uuid) to authenticated, service_role;

create function prompty_private.assert_not_suspended(p_user_id uuid) returns void
language plpgsql stable
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from prompty.profiles where id = p_user_id and status = 'suspended') then
    raise exception using errcode = 'PT105', message = 'this account is suspended';
  end if;
end
$$;
comment on function prompty_private.assert_not_suspended(uuid) is 'PT105 when the user is suspended.';
grant execute on function prompty_private.assert_not_suspended(uuid) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- likes
-- ---------------------------------------------------------------------------------------
create table prompty.likes (
  user_id uuid not null default auth.uid() references prompty.profiles (id) on delete cascade,
  prompt_id uuid not null references prompty.prompts (id) on delete cascade,
  created_at timestamptz not null default now(),
  constraint likes_pkey primary key (user_id, prompt_id)
);
comment on table prompty.likes is 'A user likes a prompt (once: primary key). Source of truth of the like counters. Private to the user.';
create index likes_prompt_id_created_at_idx on prompty.likes (prompt_id, created_at);
create index likes_created_at_idx on prompty.likes (created_at);

alter table prompty.likes enable row level security;
revoke all on prompty.likes from anon, authenticated;
grant select, delete on prompty.likes to authenticated;
grant insert (prompt_id) on prompty.likes to authenticated;
grant select, insert, update, delete on prompty.likes to service_role;

create policy likes_select_authenticated on prompty.likes for select to authenticated using (user_id = (select auth.uid()));
comment on policy likes_select_authenticated on prompty.likes is 'Users see their own likes.';
create policy likes_insert_authenticated on prompty.likes for insert to authenticated with check (user_id = (select auth.uid()));
comment on policy likes_insert_authenticated on prompty.likes is 'Users like as themselves.';
create policy likes_delete_authenticated on prompty.likes for delete to authenticated using (user_id = (select auth.uid()));
comment on policy likes_delete_authenticated on prompty.likes is 'Users remove their own likes.';

create function prompty_private.check_prompt_reaction() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform prompty_private.assert_prompt_public(new.prompt_id);
  return new;
end
$$;
comment on function prompty_private.check_prompt_reaction() is 'BEFORE INSERT trigger on likes and bookmarks: PT120 unless the prompt is public.';

create function prompty_private.count_like() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform prompty_private.bump_prompt_counters(new.prompt_id, p_likes => 1);
  else
    perform prompty_private.bump_prompt_counters(old.prompt_id, p_likes => -1);
  end if;
  return null;
end
$$;
comment on function prompty_private.count_like() is 'AFTER INSERT/DELETE trigger on likes: +1/-1 on the prompt''s like slot.';

create trigger likes_before_insert_check before insert on prompty.likes
  for each row execute function prompty_private.check_prompt_reaction();
create trigger likes_after_write_count after insert or delete on prompty.likes
  for each row execute function prompty_private.count_like();

-- ---------------------------------------------------------------------------------------
-- bookmarks
-- ---------------------------------------------------------------------------------------
create table prompty.bookmarks (
  user_id uuid not null default auth.uid() references prompty.profiles (id) on delete cascade,
  prompt_id uuid not null references prompty.prompts (id) on delete cascade,
  created_at timestamptz not null default now(),
  constraint bookmarks_pkey primary key (user_id, prompt_id)
);
comment on table prompty.bookmarks is 'A user''s saved prompts (once per prompt). Private to the user; counted on the prompt.';
create index bookmarks_prompt_id_created_at_idx on prompty.bookmarks (prompt_id, created_at);
create index bookmarks_user_id_created_at_idx on prompty.bookmarks (user_id, created_at desc);

alter table prompty.bookmarks enable row level security;
revoke all on prompty.bookmarks from anon, authenticated;
grant select, delete on prompty.bookmarks to authenticated;
grant insert (prompt_id) on prompty.bookmarks to authenticated;
grant select, insert, update, delete on prompty.bookmarks to service_role;

create policy bookmarks_select_authenticated on prompty.bookmarks for select to authenticated using (user_id = (select auth.uid()));
comment on policy bookmarks_select_authenticated on prompty.bookmarks is 'Users see their own bookmarks.';
create policy bookmarks_insert_authenticated on prompty.bookmarks for insert to authenticated with check (user_id = (select auth.uid()));
comment on policy bookmarks_insert_authenticated on prompty.bookmarks is 'Users bookmark as themselves.';
create policy bookmarks_delete_authenticated on prompty.bookmarks for delete to authenticated using (user_id = (select auth.uid()));
comment on policy bookmarks_delete_authenticated on prompty.bookmarks is 'Users remove their own bookmarks.';

create function prompty_private.count_bookmark() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform prompty_private.bump_prompt_counters(new.prompt_id, p_bookmarks => 1);
  else
    perform prompty_private.bump_prompt_counters(old.prompt_id, p_bookmarks => -1);
  end if;
  return null;
end
$$;
comment on function prompty_private.count_bookmark() is 'AFTER INSERT/DELETE trigger on bookmarks: +1/-1 on the prompt''s bookmark slot.';

create trigger bookmarks_before_insert_check before insert on prompty.bookmarks
  for each row execute function prompty_private.check_prompt_reaction();
create trigger bookmarks_after_write_count after insert or delete on prompty.bookmarks
  for each row execute function prompty_private.count_bookmark();

-- ---------------------------------------------------------------------------------------
-- follows
-- ---------------------------------------------------------------------------------------
create table prompty.follows (
  id uuid primary key default gen_random_uuid(),
  follower_id uuid not null default auth.uid() references prompty.profiles (id) on delete cascade,
  following_id uuid not null references prompty.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  constraint follows_follower_id_following_id_key unique (follower_id, following_id),
  constraint follows_no_self_follow check (follower_id <> following_id)
);
comment on table prompty.follows is 'follower_id follows following_id (once; never oneself). Public.';
create index follows_following_id_created_at_idx on prompty.follows (following_id, created_at desc);

alter table prompty.follows enable row level security;
revoke all on prompty.follows from anon, authenticated;
grant select on prompty.follows to anon, authenticated;
grant delete on prompty.follows to authenticated;
grant insert (following_id) on prompty.follows to authenticated;
grant select, insert, update, delete on prompty.follows to service_role;

create policy follows_select_anon on prompty.follows for select to anon using (true);
comment on policy follows_select_anon on prompty.follows is 'Who follows whom is public.';
create policy follows_select_authenticated on prompty.follows for select to authenticated using (true);
comment on policy follows_select_authenticated on prompty.follows is 'Who follows whom is public.';
create policy follows_insert_authenticated on prompty.follows for insert to authenticated
  with check (follower_id = (select auth.uid()));
comment on policy follows_insert_authenticated on prompty.follows is 'Users follow as themselves.';
create policy follows_delete_authenticated on prompty.follows for delete to authenticated
  using (follower_id = (select auth.uid()));
comment on policy follows_delete_authenticated on prompty.follows is 'Users unfollow for themselves.';

create function prompty_private.check_follow() returns trigger
language plpgsql
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
comment on function prompty_private.check_follow() is 'BEFORE INSERT trigger on follows: PT121 self-follow, PT122 unknown user.';

create function prompty_private.count_follow() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform prompty_private.bump_profile_counters(new.follower_id, new.following_id, 1);
  else
    perform prompty_private.bump_profile_counters(old.follower_id, old.following_id, -1);
  end if;
  return null;
end
$$;
comment on function prompty_private.count_follow() is 'AFTER INSERT/DELETE trigger on follows: followers/following slots of both profiles.';

create trigger follows_before_insert_check before insert on prompty.follows
  for each row execute function prompty_private.check_follow();
create trigger follows_after_write_count after insert or delete on prompty.follows
  for each row execute function prompty_private.count_follow();

-- ---------------------------------------------------------------------------------------
-- comments (threaded)
-- ---------------------------------------------------------------------------------------
create table prompty.comments (
  id uuid primary key default gen_random_uuid(),
  prompt_id uuid not null references prompty.prompts (id) on delete cascade,
  user_id uuid not null default auth.uid() references prompty.profiles (id) on delete cascade,
  parent_id uuid references prompty.comments (id) on delete cascade,
  content text not null,
  is_edited boolean not null default false,
  edited_at timestamptz,
  hidden_at timestamptz,
  hidden_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint comments_content_length check (char_length(btrim(content)) between 1 and 2000),
  constraint comments_hidden_reason_length check (char_length(hidden_reason) <= 500),
  constraint comments_not_own_parent check (parent_id <> id)
);
comment on table prompty.comments is
  'Comments on public prompts; parent_id makes replies (same prompt). Edits set is_edited. Hidden comments are seen by their author and admins only.';
comment on column prompty.comments.is_edited is 'Set by the server when the content changes after posting.';
comment on column prompty.comments.hidden_at is 'Set by a moderator (prompty.moderate_comment / resolve_report).';
create index comments_prompt_id_created_at_idx on prompty.comments (prompt_id, created_at);
create index comments_parent_id_idx on prompty.comments (parent_id);
create index comments_user_id_idx on prompty.comments (user_id);

alter table prompty.comments enable row level security;
revoke all on prompty.comments from anon, authenticated;
grant select (id, prompt_id, user_id, parent_id, content, is_edited, edited_at, hidden_at, created_at, updated_at)
  on prompty.comments to anon, authenticated;
grant insert (prompt_id, parent_id, content), update (content), delete on prompty.comments to authenticated;
grant select, insert, update, delete on prompty.comments to service_role;

create policy comments_select_anon on prompty.comments for select to anon
  using (hidden_at is null and exists (select 1 from prompty.prompts p where p.id = prompt_id));
comment on policy comments_select_anon on prompty.comments is 'Visible comments of the prompts a visitor can see.';
create policy comments_select_authenticated on prompty.comments for select to authenticated
  using (exists (select 1 from prompty.prompts p where p.id = prompt_id)
         and (hidden_at is null or user_id = (select auth.uid()) or (select prompty_private.is_admin_user())));
comment on policy comments_select_authenticated on prompty.comments is
  'Comments of the prompts the user can see; hidden ones only for their author and admins.';
create policy comments_insert_authenticated on prompty.comments for insert to authenticated
  with check (user_id = (select auth.uid()));
comment on policy comments_insert_authenticated on prompty.comments is 'Users comment as themselves.';
create policy comments_update_authenticated on prompty.comments for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
comment on policy comments_update_authenticated on prompty.comments is 'Authors edit their comments.';
create policy comments_delete_authenticated on prompty.comments for delete to authenticated
  using (user_id = (select auth.uid()) or (select prompty_private.is_admin_user()));
comment on policy comments_delete_authenticated on prompty.comments is 'Authors and admins delete comments (replies go with them).';

create function prompty_private.prepare_comment() returns trigger
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
       and not exists (select 1 from prompty.comments c where c.id = new.parent_id and c.prompt_id = new.prompt_id) then
      raise exception using errcode = 'PT131', message = 'the parent comment is not on this prompt';
    end if;
  elsif new.content is distinct from old.content then
    new.is_edited := true;
    new.edited_at := now();
  end if;
  return new;
end
$$;
comment on function prompty_private.prepare_comment() is
  'BEFORE INSERT/UPDATE OF content trigger on comments: PT130 length, PT105 suspended, PT120 prompt not public, PT131 parent elsewhere; marks edits (is_edited, edited_at).';

create function prompty_private.count_comment() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_delta integer;
begin
  v_delta := case
    when tg_op = 'INSERT' then case when new.hidden_at is null then 1 else 0 end
    when tg_op = 'DELETE' then case when old.hidden_at is null then -1 else 0 end
    else (case when new.hidden_at is null then 1 else 0 end) - (case when old.hidden_at is null then 1 else 0 end)
  end;
  if v_delta <> 0 then
    perform prompty_private.bump_prompt_counters(coalesce(new.prompt_id, old.prompt_id), p_comments => v_delta);
  end if;
  return null;
end
$$;
comment on function prompty_private.count_comment() is 'AFTER INSERT/DELETE/UPDATE OF hidden_at trigger on comments: counts visible comments.';

create trigger comments_before_write_prepare before insert or update of content on prompty.comments
  for each row execute function prompty_private.prepare_comment();
create trigger comments_before_update_touch before update on prompty.comments
  for each row execute function prompty_private.touch_updated_at();
create trigger comments_after_write_count after insert or delete or update of hidden_at on prompty.comments
  for each row execute function prompty_private.count_comment();

-- ---------------------------------------------------------------------------------------
-- RPCs: set-state, so retries are harmless (liking twice and unliking a missing like are no-ops)
-- ---------------------------------------------------------------------------------------
create function prompty.like_prompt(p_prompt_id uuid) returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    raise exception using errcode = 'PT100', message = 'sign-in required';
  end if;
  insert into prompty.likes (prompt_id) values (p_prompt_id) on conflict do nothing;
  return jsonb_build_object('prompt_id', p_prompt_id, 'liked', true,
                            'like_count', (select c.like_count from prompty_private.prompt_counts(p_prompt_id) c));
end
$$;
comment on function prompty.like_prompt(uuid) is
  'Likes a public prompt; liking twice is a no-op. Returns {prompt_id, liked: true, like_count}. Errors: PT100 sign-in required, PT120 prompt not found or not published.';
grant execute on function prompty.like_prompt(uuid) to authenticated;

create function prompty.unlike_prompt(p_prompt_id uuid) returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    raise exception using errcode = 'PT100', message = 'sign-in required';
  end if;
  delete from prompty.likes where user_id = (select auth.uid()) and prompt_id = p_prompt_id;
  return jsonb_build_object('prompt_id', p_prompt_id, 'liked', false,
                            'like_count', (select c.like_count from prompty_private.prompt_counts(p_prompt_id) c));
end
$$;
comment on function prompty.unlike_prompt(uuid) is
  'Removes one''s like; a missing like is a no-op. Returns {prompt_id, liked: false, like_count}. Errors: PT100.';
grant execute on function prompty.unlike_prompt(uuid) to authenticated;

create function prompty.bookmark_prompt(p_prompt_id uuid) returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    raise exception using errcode = 'PT100', message = 'sign-in required';
  end if;
  insert into prompty.bookmarks (prompt_id) values (p_prompt_id) on conflict do nothing;
  return jsonb_build_object('prompt_id', p_prompt_id, 'bookmarked', true);
end
$$;
comment on function prompty.bookmark_prompt(uuid) is
  'Bookmarks a public prompt; twice is a no-op. Returns {prompt_id, bookmarked: true}. Errors: PT100, PT120.';
grant execute on function prompty.bookmark_prompt(uuid) to authenticated;

create function prompty.unbookmark_prompt(p_prompt_id uuid) returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    raise exception using errcode = 'PT100', message = 'sign-in required';
  end if;
  delete from prompty.bookmarks where user_id = (select auth.uid()) and prompt_id = p_prompt_id;
  return jsonb_build_object('prompt_id', p_prompt_id, 'bookmarked', false);
end
$$;
comment on function prompty.unbookmark_prompt(uuid) is 'Removes a bookmark; a missing one is a no-op. Returns {prompt_id, bookmarked: false}. Errors: PT100.';
grant execute on function prompty.unbookmark_prompt(uuid) to authenticated;

create function prompty.follow_user(p_user_id uuid) returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    raise exception using errcode = 'PT100', message = 'sign-in required';
  end if;
  insert into prompty.follows (following_id) values (p_user_id) on conflict do nothing;
  return jsonb_build_object('user_id', p_user_id, 'following', true,
                            'follower_count', (select c.follower_count from prompty_private.profile_counts(p_user_id) c));
end
$$;
comment on function prompty.follow_user(uuid) is
  'Follows a user; twice is a no-op. Returns {user_id, following: true, follower_count}. Errors: PT100, PT121 oneself, PT122 unknown user.';
grant execute on function prompty.follow_user(uuid) to authenticated;

create function prompty.unfollow_user(p_user_id uuid) returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    raise exception using errcode = 'PT100', message = 'sign-in required';
  end if;
  delete from prompty.follows where follower_id = (select auth.uid()) and following_id = p_user_id;
  return jsonb_build_object('user_id', p_user_id, 'following', false,
                            'follower_count', (select c.follower_count from prompty_private.profile_counts(p_user_id) c));
end
$$;
comment on function prompty.unfollow_user(uuid) is 'Unfollows a user; not following is a no-op. Returns {user_id, following: false, follower_count}. Errors: PT100.';
grant execute on function prompty.unfollow_user(uuid) to authenticated;
