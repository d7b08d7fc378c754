-- Prompty community: announcements with read marks, admin-awarded badges, contests with
-- entries, user magazines curating prompts, and prompt execution history.
--
-- Announcements are public between start_date and end_date while active; users mark them read
-- (composite key). Badges and awards, contests and announcements are written by admins (RLS).
-- A contest entry is the entrant's own public prompt, once per contest, while the contest
-- runs; it can be withdrawn while the contest runs. Magazines are a user's curated lists of
-- public prompts, public or private. prompt_executions records a user's runs of prompts they
-- have unlocked.
--
-- Objects: prompty.announcements, prompty.announcement_reads, prompty.mark_announcement_read(),
--          prompty.badges, prompty.user_badges, prompty.contests, prompty.contest_entries,
--          prompty_private.check_contest_entry(), prompty.magazines, prompty.magazine_prompts,
--          prompty_private.check_magazine_prompt(), prompty.prompt_executions,
--          prompty_private.check_prompt_execution()
-- Errors: PT100, PT117 prompt locked, PT120 prompt not found or not public, PT172 contest
--         not open, PT173 not one's own public prompt, PT174 announcement not found,
--         PT175 already entered.

-- ---------------------------------------------------------------------------------------
-- announcements and announcement_reads
-- ---------------------------------------------------------------------------------------
create table prompty.announcements (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  content text not null,
  icon text,
  icon_color text,
  start_date timestamptz not null default now(),
  end_date timestamptz,
  is_active boolean not null default true,
  created_by uuid default auth.uid() references prompty.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint announcements_title_length check (char_length(btrim(title)) between 1 and 200),
  constraint announcements_content_length check (char_length(btrim(content)) between 1 and 10000),
  constraint announcements_icon_length check (char_length(icon) <= 50),
  constraint announcements_icon_color_format check (icon_color ~ '^(#[0-9A-Fa-f]{6}|[a-z]{1,20})$'),
  constraint announcements_dates_order check (end_date is null or end_date > start_date)
);
comment on table prompty.announcements is 'Site announcements, shown while active between start_date and end_date. Admins write them.';
create index announcements_start_date_idx on prompty.announcements (start_date desc) where is_active;
create index announcements_created_by_idx on prompty.announcements (created_by);

alter table prompty.announcements enable row level security;
revoke all on prompty.announcements from anon, authenticated;
grant select on prompty.announcements to anon, authenticated;
grant insert (title, content, icon, icon_color, start_date, end_date, is_active),
      update (title, content, icon, icon_color, start_date, end_date, is_active), delete
  on prompty.announcements to authenticated;
grant select, insert, update, delete on prompty.announcements to service_role;

create policy announcements_select_anon on prompty.announcements for select to anon
  using (is_active and start_date <= now() and (end_date is null or end_date > now()));
comment on policy announcements_select_anon on prompty.announcements is 'Current announcements are public.';
create policy announcements_select_authenticated on prompty.announcements for select to authenticated
  using ((is_active and start_date <= now() and (end_date is null or end_date > now()))
         or (select prompty_private.is_admin_user()));
comment on policy announcements_select_authenticated on prompty.announcements is 'Current announcements; admins see all.';
create policy announcements_insert_authenticated on prompty.announcements for insert to authenticated
  with check ((select prompty_private.is_admin_user()));
comment on policy announcements_insert_authenticated on prompty.announcements is 'Admins publish announcements.';
create policy announcements_update_authenticated on prompty.announcements for update to authenticated
  using ((select prompty_private.is_admin_user())) with check ((select prompty_private.is_admin_user()));
comment on policy announcements_update_authenticated on prompty.announcements is 'Admins edit announcements.';
create policy announcements_delete_authenticated on prompty.announcements for delete to authenticated
  using ((select prompty_private.is_admin_user()));
comment on policy announcements_delete_authenticated on prompty.announcements is 'Admins delete announcements.';
create trigger announcements_before_update_touch before update on prompty.announcements
  for each row execute function prompty_private.touch_updated_at();

create table prompty.announcement_reads (
  user_id uuid not null default auth.uid() references prompty.profiles (id) on delete cascade,
  announcement_id uuid not null references prompty.announcements (id) on delete cascade,
  read_at timestamptz not null default now(),
  constraint announcement_reads_pkey primary key (user_id, announcement_id)
);
comment on table prompty.announcement_reads is 'Which announcements a user has read (composite key). Private to the user.';
create index announcement_reads_announcement_id_idx on prompty.announcement_reads (announcement_id);

alter table prompty.announcement_reads enable row level security;
revoke all on prompty.announcement_reads from anon, authenticated;
grant select on prompty.announcement_reads to authenticated;
grant insert (announcement_id) on prompty.announcement_reads to authenticated;
grant select, insert, update, delete on prompty.announcement_reads to service_role;

create policy announcement_reads_select_authenticated on prompty.announcement_reads for select to authenticated
  using (user_id = (select auth.uid()));
comment on policy announcement_reads_select_authenticated on prompty.announcement_reads is 'Users read their own read marks.';
create policy announcement_reads_insert_authenticated on prompty.announcement_reads for insert to authenticated
  with check (user_id = (select auth.uid())
              and exists (select 1 from prompty.announcements a where a.id = announcement_id));
comment on policy announcement_reads_insert_authenticated on prompty.announcement_reads is 'Users mark announcements they can see as read.';

create function prompty.mark_announcement_read(p_announcement_id uuid) returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    raise exception using errcode = 'PT100', message = 'sign-in required';
  end if;
  if not exists (select 1 from prompty.announcements where id = p_announcement_id) then
    raise exception using errcode = 'PT174', message = 'announcement not found';
  end if;
  insert into prompty.announcement_reads (announcement_id) values (p_announcement_id) on conflict do nothing;
  return jsonb_build_object('announcement_id', p_announcement_id, 'read', true);
end
$$;
comment on function prompty.mark_announcement_read(uuid) is
  'Marks a current announcement read for the caller (again: no-op). Returns {announcement_id, read: true}. Errors: PT100, PT174 not found or not current.';
grant execute on function prompty.mark_announcement_read(uuid) to authenticated;

-- ---------------------------------------------------------------------------------------
-- badges and user_badges
-- ---------------------------------------------------------------------------------------
create table prompty.badges (
  id uuid primary key default gen_random_uuid(),
  slug text not null,
  name text not null,
  description text,
  icon text,
  created_at timestamptz not null default now(),
  constraint badges_slug_key unique (slug),
  constraint badges_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 50),
  constraint badges_name_length check (char_length(btrim(name)) between 1 and 50),
  constraint badges_description_length check (char_length(description) <= 500),
  constraint badges_icon_length check (char_length(icon) <= 100)
);
comment on table prompty.badges is 'Badges admins award to users. Public.';

create table prompty.user_badges (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references prompty.profiles (id) on delete cascade,
  badge_id uuid not null references prompty.badges (id) on delete cascade,
  awarded_by uuid default auth.uid() references prompty.profiles (id) on delete set null,
  reason text,
  awarded_at timestamptz not null default now(),
  constraint user_badges_user_id_badge_id_key unique (user_id, badge_id),
  constraint user_badges_reason_length check (char_length(reason) <= 500)
);
comment on table prompty.user_badges is 'Badges awarded to users (once each), by an admin. Public.';
create index user_badges_badge_id_idx on prompty.user_badges (badge_id);
create index user_badges_awarded_by_idx on prompty.user_badges (awarded_by);

alter table prompty.badges enable row level security;
alter table prompty.user_badges enable row level security;
revoke all on prompty.badges, prompty.user_badges from anon, authenticated;
grant select on prompty.badges, prompty.user_badges to anon, authenticated;
grant insert (slug, name, description, icon), update (slug, name, description, icon), delete on prompty.badges to authenticated;
grant insert (user_id, badge_id, reason), delete on prompty.user_badges to authenticated;
grant select, insert, update, delete on prompty.badges, prompty.user_badges to service_role;

create policy badges_select_anon on prompty.badges for select to anon using (true);
comment on policy badges_select_anon on prompty.badges is 'Badges are public.';
create policy badges_select_authenticated on prompty.badges for select to authenticated using (true);
comment on policy badges_select_authenticated on prompty.badges is 'Badges are public.';
create policy badges_insert_authenticated on prompty.badges for insert to authenticated
  with check ((select prompty_private.is_admin_user()));
comment on policy badges_insert_authenticated on prompty.badges is 'Admins create badges.';
create policy badges_update_authenticated on prompty.badges for update to authenticated
  using ((select prompty_private.is_admin_user())) with check ((select prompty_private.is_admin_user()));
comment on policy badges_update_authenticated on prompty.badges is 'Admins edit badges.';
create policy badges_delete_authenticated on prompty.badges for delete to authenticated
  using ((select prompty_private.is_admin_user()));
comment on policy badges_delete_authenticated on prompty.badges is 'Admins delete badges.';

create policy user_badges_select_anon on prompty.user_badges for select to anon using (true);
comment on policy user_badges_select_anon on prompty.user_badges is 'Awarded badges are public.';
create policy user_badges_select_authenticated on prompty.user_badges for select to authenticated using (true);
comment on policy user_badges_select_authenticated on prompty.user_badges is 'Awarded badges are public.';
create policy user_badges_insert_authenticated on prompty.user_badges for insert to authenticated
  with check ((select prompty_private.is_admin_user()) and awarded_by = (select auth.uid()));
comment on policy user_badges_insert_authenticated on prompty.user_badges is 'Admins award badges, in their own name.';
create policy user_badges_delete_authenticated on prompty.user_badges for delete to authenticated
  using ((select prompty_private.is_admin_user()));
comment on policy user_badges_delete_authenticated on prompty.user_badges is 'Admins take badges back.';

-- ---------------------------------------------------------------------------------------
-- contests and contest_entries
-- ---------------------------------------------------------------------------------------
create table prompty.contests (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  description text,
  theme text,
  prize text,
  start_at timestamptz not null,
  end_at timestamptz not null,
  is_active boolean not null default true,
  created_by uuid default auth.uid() references prompty.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint contests_title_length check (char_length(btrim(title)) between 1 and 200),
  constraint contests_description_length check (char_length(description) <= 5000),
  constraint contests_theme_length check (char_length(theme) <= 200),
  constraint contests_prize_length check (char_length(prize) <= 500),
  constraint contests_dates_order check (end_at > start_at)
);
comment on table prompty.contests is 'Prompt contests: entries are accepted between start_at and end_at while active. Admins write them; active ones are public.';
create index contests_start_at_idx on prompty.contests (start_at desc);
create index contests_created_by_idx on prompty.contests (created_by);

create table prompty.contest_entries (
  id uuid primary key default gen_random_uuid(),
  contest_id uuid not null references prompty.contests (id) on delete cascade,
  prompt_id uuid not null references prompty.prompts (id) on delete cascade,
  user_id uuid not null default auth.uid() references prompty.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  constraint contest_entries_contest_id_prompt_id_key unique (contest_id, prompt_id)
);
comment on table prompty.contest_entries is 'A prompt entered into a contest by its author (once per contest, while it runs). Public with the prompt.';
create index contest_entries_prompt_id_idx on prompty.contest_entries (prompt_id);
create index contest_entries_user_id_idx on prompty.contest_entries (user_id);

alter table prompty.contests enable row level security;
alter table prompty.contest_entries enable row level security;
revoke all on prompty.contests, prompty.contest_entries from anon, authenticated;
grant select on prompty.contests, prompty.contest_entries to anon, authenticated;
grant insert (title, description, theme, prize, start_at, end_at, is_active),
      update (title, description, theme, prize, start_at, end_at, is_active), delete on prompty.contests to authenticated;
grant insert (contest_id, prompt_id), delete on prompty.contest_entries to authenticated;
grant select, insert, update, delete on prompty.contests, prompty.contest_entries to service_role;

create policy contests_select_anon on prompty.contests for select to anon using (is_active);
comment on policy contests_select_anon on prompty.contests is 'Active contests are public.';
create policy contests_select_authenticated on prompty.contests for select to authenticated
  using (is_active or (select prompty_private.is_admin_user()));
comment on policy contests_select_authenticated on prompty.contests is 'Active contests; admins see all.';
create policy contests_insert_authenticated on prompty.contests for insert to authenticated
  with check ((select prompty_private.is_admin_user()));
comment on policy contests_insert_authenticated on prompty.contests is 'Admins create contests.';
create policy contests_update_authenticated on prompty.contests for update to authenticated
  using ((select prompty_private.is_admin_user())) with check ((select prompty_private.is_admin_user()));
comment on policy contests_update_authenticated on prompty.contests is 'Admins edit contests.';
create policy contests_delete_authenticated on prompty.contests for delete to authenticated
  using ((select prompty_private.is_admin_user()));
comment on policy contests_delete_authenticated on prompty.contests is 'Admins delete contests.';

create policy contest_entries_select_anon on prompty.contest_entries for select to anon
  using (exists (select 1 from prompty.prompts p where p.id = prompt_id)
         and exists (select 1 from prompty.contests c where c.id = contest_id));
comment on policy contest_entries_select_anon on prompty.contest_entries is 'Entries of visible contests with visible prompts.';
create policy contest_entries_select_authenticated on prompty.contest_entries for select to authenticated
  using (exists (select 1 from prompty.prompts p where p.id = prompt_id)
         and exists (select 1 from prompty.contests c where c.id = contest_id));
comment on policy contest_entries_select_authenticated on prompty.contest_entries is 'Entries of visible contests with visible prompts.';
create policy contest_entries_insert_authenticated on prompty.contest_entries for insert to authenticated
  with check (user_id = (select auth.uid()));
comment on policy contest_entries_insert_authenticated on prompty.contest_entries is 'Authors enter their own prompts.';
create policy contest_entries_delete_authenticated on prompty.contest_entries for delete to authenticated
  using (user_id = (select auth.uid()) or (select prompty_private.is_admin_user()));
comment on policy contest_entries_delete_authenticated on prompty.contest_entries is 'Authors withdraw their entries; admins remove any.';

create function prompty_private.check_contest_entry() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_contest_id uuid := case when tg_op = 'DELETE' then old.contest_id else new.contest_id end;
begin
  if tg_op = 'DELETE' and (select prompty_private.is_admin_user()) then
    return old;
  end if;
  if not exists (select 1 from prompty.contests c
                 where c.id = v_contest_id and c.is_active and c.start_at <= now() and c.end_at > now()) then
    raise exception using errcode = 'PT172', message = 'the contest is not open';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  if not exists (select 1 from prompty.prompts p
                 where p.id = new.prompt_id and p.author_id = new.user_id
                   and p.published and p.hidden_at is null and p.deleted_at is null) then
    raise exception using errcode = 'PT173', message = 'only your own public prompts can be entered';
  end if;
  if exists (select 1 from prompty.contest_entries e where e.contest_id = new.contest_id and e.prompt_id = new.prompt_id) then
    raise exception using errcode = 'PT175', message = 'this prompt is already entered in the contest';
  end if;
  return new;
end
$$;
comment on function prompty_private.check_contest_entry() is
  'BEFORE INSERT/DELETE trigger on contest_entries: PT172 contest not open (admins may remove entries any time), PT173 not the entrant''s public prompt, PT175 already entered.';

create trigger contest_entries_before_write_check before insert or delete on prompty.contest_entries
  for each row execute function prompty_private.check_contest_entry();
create trigger contests_before_update_touch before update on prompty.contests
  for each row execute function prompty_private.touch_updated_at();

-- ---------------------------------------------------------------------------------------
-- magazines and magazine_prompts
-- ---------------------------------------------------------------------------------------
create table prompty.magazines (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null default auth.uid() references prompty.profiles (id) on delete cascade,
  title text not null,
  description text,
  is_public boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint magazines_title_length check (char_length(btrim(title)) between 1 and 100),
  constraint magazines_description_length check (char_length(description) <= 1000)
);
comment on table prompty.magazines is 'A user''s curated list of prompts, public or private.';
create index magazines_owner_id_idx on prompty.magazines (owner_id);

create table prompty.magazine_prompts (
  magazine_id uuid not null references prompty.magazines (id) on delete cascade,
  prompt_id uuid not null references prompty.prompts (id) on delete cascade,
  position integer not null default 0,
  added_at timestamptz not null default now(),
  constraint magazine_prompts_pkey primary key (magazine_id, prompt_id)
);
comment on table prompty.magazine_prompts is 'Prompts in a magazine, ordered by position. Readable with the magazine; hidden prompts drop out by RLS.';
create index magazine_prompts_prompt_id_idx on prompty.magazine_prompts (prompt_id);

alter table prompty.magazines enable row level security;
alter table prompty.magazine_prompts enable row level security;
revoke all on prompty.magazines, prompty.magazine_prompts from anon, authenticated;
grant select on prompty.magazines, prompty.magazine_prompts to anon, authenticated;
grant insert (title, description, is_public), update (title, description, is_public), delete on prompty.magazines to authenticated;
grant insert (magazine_id, prompt_id, position), update (position), delete on prompty.magazine_prompts to authenticated;
grant select, insert, update, delete on prompty.magazines, prompty.magazine_prompts to service_role;

create policy magazines_select_anon on prompty.magazines for select to anon using (is_public);
comment on policy magazines_select_anon on prompty.magazines is 'Public magazines.';
create policy magazines_select_authenticated on prompty.magazines for select to authenticated
  using (is_public or owner_id = (select auth.uid()));
comment on policy magazines_select_authenticated on prompty.magazines is 'Public magazines and one''s own.';
create policy magazines_insert_authenticated on prompty.magazines for insert to authenticated
  with check (owner_id = (select auth.uid()));
comment on policy magazines_insert_authenticated on prompty.magazines is 'Users create magazines as themselves.';
create policy magazines_update_authenticated on prompty.magazines for update to authenticated
  using (owner_id = (select auth.uid())) with check (owner_id = (select auth.uid()));
comment on policy magazines_update_authenticated on prompty.magazines is 'Owners edit their magazines.';
create policy magazines_delete_authenticated on prompty.magazines for delete to authenticated
  using (owner_id = (select auth.uid()));
comment on policy magazines_delete_authenticated on prompty.magazines is 'Owners delete their magazines.';

create policy magazine_prompts_select_anon on prompty.magazine_prompts for select to anon
  using (exists (select 1 from prompty.magazines m where m.id = magazine_id)
         and exists (select 1 from prompty.prompts p where p.id = prompt_id));
comment on policy magazine_prompts_select_anon on prompty.magazine_prompts is 'Visible prompts of visible magazines.';
create policy magazine_prompts_select_authenticated on prompty.magazine_prompts for select to authenticated
  using (exists (select 1 from prompty.magazines m where m.id = magazine_id)
         and exists (select 1 from prompty.prompts p where p.id = prompt_id));
comment on policy magazine_prompts_select_authenticated on prompty.magazine_prompts is 'Visible prompts of visible magazines.';
create policy magazine_prompts_insert_authenticated on prompty.magazine_prompts for insert to authenticated
  with check (exists (select 1 from prompty.magazines m where m.id = magazine_id and m.owner_id = (select auth.uid())));
comment on policy magazine_prompts_insert_authenticated on prompty.magazine_prompts is 'Owners add prompts to their magazines.';
create policy magazine_prompts_update_authenticated on prompty.magazine_prompts for update to authenticated
  using (exists (select 1 from prompty.magazines m where m.id = magazine_id and m.owner_id = (select auth.uid())))
  with check (exists (select 1 from prompty.magazines m where m.id = magazine_id and m.owner_id = (select auth.uid())));
comment on policy magazine_prompts_update_authenticated on prompty.magazine_prompts is 'Owners reorder their magazines.';
create policy magazine_prompts_delete_authenticated on prompty.magazine_prompts for delete to authenticated
  using (exists (select 1 from prompty.magazines m where m.id = magazine_id and m.owner_id = (select auth.uid())));
comment on policy magazine_prompts_delete_authenticated on prompty.magazine_prompts is 'Owners remove prompts from their magazines.';

create function prompty_private.check_magazine_prompt() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform prompty_private.assert_prompt_public(new.prompt_id);
  return new;
end
$$;
comment on function prompty_private.check_magazine_prompt() is 'BEFORE INSERT trigger on magazine_prompts: PT120 unless the prompt is public.';

create trigger magazine_prompts_before_insert_check before insert on prompty.magazine_prompts
  for each row execute function prompty_private.check_magazine_prompt();
create trigger magazines_before_update_touch before update on prompty.magazines
  for each row execute function prompty_private.touch_updated_at();

-- ---------------------------------------------------------------------------------------
-- prompt_executions
-- ---------------------------------------------------------------------------------------
create table prompty.prompt_executions (
  id uuid primary key default gen_random_uuid(),
  prompt_id uuid not null references prompty.prompts (id) on delete cascade,
  user_id uuid not null default auth.uid() references prompty.profiles (id) on delete cascade,
  model text,
  input text,
  output text,
  status text not null default 'succeeded',
  tokens_used integer,
  duration_ms integer,
  created_at timestamptz not null default now(),
  constraint prompt_executions_model_length check (char_length(model) <= 50),
  constraint prompt_executions_input_length check (char_length(input) <= 20000),
  constraint prompt_executions_output_length check (char_length(output) <= 100000),
  constraint prompt_executions_status_check check (status in ('succeeded', 'failed')),
  constraint prompt_executions_tokens_nonnegative check (tokens_used >= 0),
  constraint prompt_executions_duration_nonnegative check (duration_ms >= 0)
);
comment on table prompty.prompt_executions is 'A user''s runs of a prompt they have unlocked (input, output, model). Private to the user.';
create index prompt_executions_user_id_created_at_idx on prompty.prompt_executions (user_id, created_at desc);
create index prompt_executions_prompt_id_idx on prompty.prompt_executions (prompt_id);

alter table prompty.prompt_executions enable row level security;
revoke all on prompty.prompt_executions from anon, authenticated;
grant select, delete on prompty.prompt_executions to authenticated;
grant insert (prompt_id, model, input, output, status, tokens_used, duration_ms) on prompty.prompt_executions to authenticated;
grant select, insert, update, delete on prompty.prompt_executions to service_role;

create policy prompt_executions_select_authenticated on prompty.prompt_executions for select to authenticated
  using (user_id = (select auth.uid()));
comment on policy prompt_executions_select_authenticated on prompty.prompt_executions is 'Users read their own runs.';
create policy prompt_executions_insert_authenticated on prompty.prompt_executions for insert to authenticated
  with check (user_id = (select auth.uid()));
comment on policy prompt_executions_insert_authenticated on prompty.prompt_executions is 'Users record their own runs.';
create policy prompt_executions_delete_authenticated on prompty.prompt_executions for delete to authenticated
  using (user_id = (select auth.uid()));
comment on policy prompt_executions_delete_authenticated on prompty.prompt_executions is 'Users delete their own runs.';

create function prompty_private.check_prompt_execution() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not exists (select 1 from prompty_private.prompt_body(new.prompt_id)) then
    raise exception using errcode = 'PT120', message = 'prompt not found';
  end if;
  if not prompty_private.can_read_full_prompt(new.prompt_id) then
    raise exception using errcode = 'PT117', message = 'this prompt is locked', hint = 'buy it (or join premium for premium prompts) to run it';
  end if;
  return new;
end
$$;
comment on function prompty_private.check_prompt_execution() is 'BEFORE INSERT trigger on prompt_executions: PT120 prompt not visible, PT117 prompt locked for the caller.';

create trigger prompt_executions_before_insert_check before insert on prompty.prompt_executions
  for each row execute function prompty_private.check_prompt_execution();
