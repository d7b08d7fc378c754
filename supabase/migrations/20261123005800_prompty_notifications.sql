-- Prompty notifications: rows in the recipient's inbox for likes, comments, replies and
-- follows.
--
-- Triggers on likes, comments and follows insert a notification for the recipient (the
-- prompt's author, the parent comment's author, the followed user), never for oneself, and
-- only when the recipient's notification_preferences allow that event. A like or a follow
-- notifies once per actor and target (liking again after unliking does not notify twice).
-- Recipients read, mark read and delete their own notifications; nobody else writes them.
-- Delivery (push, e-mail) belongs to the push work, which reads notification_settings.
--
-- Objects: prompty.notifications, prompty_private.notify(), prompty_private.notify_like(),
--          prompty_private.notify_comment(), prompty_private.notify_follow(),
--          prompty.mark_notifications_read()
-- Errors: PT100 sign-in required.

create table prompty.notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references prompty.profiles (id) on delete cascade,
  actor_id uuid references prompty.profiles (id) on delete cascade,
  type text not null,
  prompt_id uuid references prompty.prompts (id) on delete cascade,
  comment_id uuid references prompty.comments (id) on delete cascade,
  body text,
  read_at timestamptz,
  created_at timestamptz not null default now(),
  constraint notifications_type_check check (type in ('like', 'comment', 'reply', 'follow')),
  constraint notifications_not_to_self check (actor_id is distinct from user_id),
  constraint notifications_body_length check (char_length(body) <= 200)
);
comment on table prompty.notifications is
  'In-app notifications (like, comment, reply, follow) for user_id, created by triggers. The recipient reads, marks read and deletes them.';
comment on column prompty.notifications.user_id is 'The recipient.';
comment on column prompty.notifications.actor_id is 'Who liked, commented, replied or followed.';
comment on column prompty.notifications.body is 'Excerpt of the comment or reply (first 200 characters).';
create index notifications_user_id_created_at_idx on prompty.notifications (user_id, created_at desc);
create index notifications_actor_id_idx on prompty.notifications (actor_id);
create index notifications_prompt_id_idx on prompty.notifications (prompt_id);
create index notifications_comment_id_idx on prompty.notifications (comment_id);
create unique index notifications_like_once_idx on prompty.notifications (user_id, actor_id, prompt_id) where type = 'like';
create unique index notifications_follow_once_idx on prompty.notifications (user_id, actor_id) where type = 'follow';

alter table prompty.notifications enable row level security;
revoke all on prompty.notifications from anon, authenticated;
grant select, delete on prompty.notifications to authenticated;
grant update (read_at) on prompty.notifications to authenticated;
grant select, insert, update, delete on prompty.notifications to service_role;

create policy notifications_select_authenticated on prompty.notifications for select to authenticated
  using (user_id = (select auth.uid()));
comment on policy notifications_select_authenticated on prompty.notifications is 'Recipients read their notifications.';
create policy notifications_update_authenticated on prompty.notifications for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
comment on policy notifications_update_authenticated on prompty.notifications is 'Recipients mark their notifications read.';
create policy notifications_delete_authenticated on prompty.notifications for delete to authenticated
  using (user_id = (select auth.uid()));
comment on policy notifications_delete_authenticated on prompty.notifications is 'Recipients delete their notifications.';

create function prompty_private.notify(
  p_recipient uuid, p_actor uuid, p_type text, p_prompt_id uuid, p_comment_id uuid, p_body text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if p_recipient is null or p_recipient = p_actor then
    return;
  end if;
  if not exists (select 1 from prompty.notification_preferences np
                 where np.user_id = p_recipient
                   and case p_type when 'like' then np.likes when 'comment' then np.comments
                                   when 'reply' then np.replies when 'follow' then np.follows end) then
    return;
  end if;
  insert into prompty.notifications (user_id, actor_id, type, prompt_id, comment_id, body)
  values (p_recipient, p_actor, p_type, p_prompt_id, p_comment_id, left(p_body, 200))
  on conflict do nothing;
end
$$;
comment on function prompty_private.notify(uuid, uuid, text, uuid, uuid, text) is
  'Inserts a notification unless the recipient is the actor or turned the event off in notification_preferences; a repeated like/follow is ignored.';

create function prompty_private.notify_like() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform prompty_private.notify((select p.author_id from prompty.prompts p where p.id = new.prompt_id),
                                 new.user_id, 'like', new.prompt_id, null, null);
  return null;
end
$$;
comment on function prompty_private.notify_like() is 'AFTER INSERT trigger on likes: notifies the prompt''s author.';

create function prompty_private.notify_comment() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_author uuid := (select p.author_id from prompty.prompts p where p.id = new.prompt_id);
  v_parent_author uuid := (select c.user_id from prompty.comments c where c.id = new.parent_id);
begin
  if v_parent_author is not null then
    perform prompty_private.notify(v_parent_author, new.user_id, 'reply', new.prompt_id, new.id, new.content);
  end if;
  if v_author is distinct from v_parent_author then
    perform prompty_private.notify(v_author, new.user_id, 'comment', new.prompt_id, new.id, new.content);
  end if;
  return null;
end
$$;
comment on function prompty_private.notify_comment() is
  'AFTER INSERT trigger on comments: a reply notifies the parent comment''s author; the prompt''s author gets a comment notification (once, if not already the replied-to author).';

create function prompty_private.notify_follow() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform prompty_private.notify(new.following_id, new.follower_id, 'follow', null, null, null);
  return null;
end
$$;
comment on function prompty_private.notify_follow() is 'AFTER INSERT trigger on follows: notifies the followed user.';

create trigger likes_after_insert_notify after insert on prompty.likes
  for each row execute function prompty_private.notify_like();
create trigger comments_after_insert_notify after insert on prompty.comments
  for each row execute function prompty_private.notify_comment();
create trigger follows_after_insert_notify after insert on prompty.follows
  for each row execute function prompty_private.notify_follow();

create function prompty.mark_notifications_read(p_ids uuid[] default null) returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_count integer;
begin
  if (select auth.uid()) is null then
    raise exception using errcode = 'PT100', message = 'sign-in required';
  end if;
  update prompty.notifications set read_at = now()
  where user_id = (select auth.uid()) and read_at is null and (p_ids is null or id = any (p_ids));
  get diagnostics v_count = row_count;
  return v_count;
end
$$;
comment on function prompty.mark_notifications_read(uuid[]) is
  'Marks the caller''s unread notifications read: the given ids, or all when p_ids is null. Returns how many changed. Errors: PT100.';
grant execute on function prompty.mark_notifications_read(uuid[]) to authenticated;
