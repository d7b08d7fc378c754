-- Prompty: a suspended account can read but not write (security review finding F3).
--
-- Before this migration PT105 was raised only when a suspended user inserted a prompt or a
-- comment; they could still edit prompts and comments, publish drafts, tag, like, follow,
-- edit their profile, create magazines, upload images and so on. Every client write now goes
-- through one guard: prompty_private.assert_caller_writable() raises PT105 when the caller
-- (auth.uid(), whatever the current role: security-definer RPCs are covered too) is a
-- suspended profile. It runs
--   * in a BEFORE INSERT/UPDATE/DELETE statement trigger on every client-writable table, so
--     the direct PostgREST writes and every RPC that writes those tables are covered, and
--   * in the write policies of the Prompty storage buckets (avatars, banners, thumbnails).
-- Service-role and cron writes (no auth.uid()) and admins are not affected.
--
-- Deliberately still open to a suspended account (they change nothing others see):
-- its own private settings (account_settings, notification_preferences, notification_settings,
-- user_settings: e.g. switching e-mails off), marking read and deleting its notifications,
-- clearing its viewing history, recording views (reading), and the contact form (the appeal
-- channel; rate-limited in 20261205300300). The catalog test in 060 keeps this list exact.
--
-- Objects: prompty_private.caller_is_suspended(), prompty_private.assert_caller_writable(),
--          prompty_private.guard_suspended_writer(), triggers <table>_before_write_guard_suspended,
--          storage policies prompty_media_{insert,update,delete}_authenticated (replaced)
-- Errors: PT105 the account is suspended.

create function prompty_private.caller_is_suspended() returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (select 1 from prompty.profiles where id = (select auth.uid()) and status = 'suspended')
$$;
comment on function prompty_private.caller_is_suspended() is
  'True when the caller (auth.uid()) is a suspended Prompty profile. False for anon, the service role and cron.';
grant execute on function prompty_private.caller_is_suspended() to anon, authenticated, service_role;

create function prompty_private.assert_caller_writable() returns boolean
language plpgsql stable
set search_path = ''
as $$
begin
  if prompty_private.caller_is_suspended() then
    raise exception using errcode = 'PT105', message = 'this account is suspended',
      hint = 'a suspended account can read but not write; use the contact form to appeal';
  end if;
  return true;
end
$$;
comment on function prompty_private.assert_caller_writable() is
  'The shared suspension guard: PT105 when the caller is suspended, else true (usable in policies and triggers).';
grant execute on function prompty_private.assert_caller_writable() to anon, authenticated, service_role;

create function prompty_private.guard_suspended_writer() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform prompty_private.assert_caller_writable();
  return null;
end
$$;
comment on function prompty_private.guard_suspended_writer() is
  'BEFORE INSERT/UPDATE/DELETE statement trigger: PT105 when the caller is suspended (see prompty_private.assert_caller_writable).';

-- One statement trigger per client-writable table (once per statement, not per row).
do $$
declare
  v_table text;
begin
  foreach v_table in array array[
    'profiles', 'prompts', 'prompt_tags', 'tags', 'drafts', 'categories', 'likes', 'bookmarks', 'follows', 'comments',
    'reports', 'feedback', 'announcements', 'announcement_reads', 'badges', 'user_badges', 'contests', 'contest_entries',
    'magazines', 'magazine_prompts', 'prompt_executions']
  loop
    execute format('create trigger %I before insert or update or delete on prompty.%I '
                   'for each statement execute function prompty_private.guard_suspended_writer()',
                   v_table || '_before_write_guard_suspended', v_table);
  end loop;
end
$$;

-- Storage: the same guard in the write policies of the Prompty buckets.
drop policy prompty_media_insert_authenticated on storage.objects;
drop policy prompty_media_update_authenticated on storage.objects;
drop policy prompty_media_delete_authenticated on storage.objects;

create policy prompty_media_insert_authenticated on storage.objects for insert to authenticated
  with check (bucket_id in ('avatars', 'banners', 'thumbnails')
              and (storage.foldername(name))[1] = (select auth.uid())::text
              and (select prompty_private.assert_caller_writable()));
comment on policy prompty_media_insert_authenticated on storage.objects is
  'Prompty images: uploads only into one''s own folder; PT105 for a suspended account.';

create policy prompty_media_update_authenticated on storage.objects for update to authenticated
  using (bucket_id in ('avatars', 'banners', 'thumbnails')
         and (storage.foldername(name))[1] = (select auth.uid())::text
         and (select prompty_private.assert_caller_writable()))
  with check (bucket_id in ('avatars', 'banners', 'thumbnails')
              and (storage.foldername(name))[1] = (select auth.uid())::text);
comment on policy prompty_media_update_authenticated on storage.objects is
  'Prompty images: replace only one''s own files, and keep them in one''s folder; PT105 for a suspended account.';

create policy prompty_media_delete_authenticated on storage.objects for delete to authenticated
  using (bucket_id in ('avatars', 'banners', 'thumbnails')
         and (storage.foldername(name))[1] = (select auth.uid())::text
         and (select prompty_private.assert_caller_writable()));
comment on policy prompty_media_delete_authenticated on storage.objects is
  'Prompty images: delete only one''s own files; PT105 for a suspended account.';
