-- Prompty storage buckets: avatars, banners, thumbnails (public images, per-user folders).
--
-- Files live at <bucket>/<auth.uid()>/<file>. The buckets are public: files are served by
-- their public URL without RLS. A signed-in user uploads, replaces, lists and deletes only
-- inside their own folder; anonymous clients cannot list or write.
--
-- Objects: storage.buckets rows avatars, banners, thumbnails; policies prompty_media_* on
--          storage.objects

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values
  ('avatars', 'avatars', true, 2 * 1024 * 1024, array['image/png', 'image/jpeg', 'image/webp', 'image/gif']),
  ('banners', 'banners', true, 5 * 1024 * 1024, array['image/png', 'image/jpeg', 'image/webp']),
  ('thumbnails', 'thumbnails', true, 5 * 1024 * 1024, array['image/png', 'image/jpeg', 'image/webp', 'image/gif'])
on conflict (id) do nothing;

create policy prompty_media_select_authenticated on storage.objects for select to authenticated
  using (bucket_id in ('avatars', 'banners', 'thumbnails')
         and (storage.foldername(name))[1] = (select auth.uid())::text);
comment on policy prompty_media_select_authenticated on storage.objects is
  'Prompty images: a user lists their own folder (public URLs serve the files to everyone).';

create policy prompty_media_insert_authenticated on storage.objects for insert to authenticated
  with check (bucket_id in ('avatars', 'banners', 'thumbnails')
              and (storage.foldername(name))[1] = (select auth.uid())::text);
comment on policy prompty_media_insert_authenticated on storage.objects is 'Prompty images: uploads only into one''s own folder.';

create policy prompty_media_update_authenticated on storage.objects for update to authenticated
  using (bucket_id in ('avatars', 'banners', 'thumbnails')
         and (storage.foldername(name))[1] = (select auth.uid())::text)
  with check (bucket_id in ('avatars', 'banners', 'thumbnails')
              and (storage.foldername(name))[1] = (select auth.uid())::text);
comment on policy prompty_media_update_authenticated on storage.objects is 'Prompty images: replace only one''s own files, and keep them in one''s folder.';

create policy prompty_media_delete_authenticated on storage.objects for delete to authenticated
  using (bucket_id in ('avatars', 'banners', 'thumbnails')
         and (storage.foldername(name))[1] = (select auth.uid())::text);
comment on policy prompty_media_delete_authenticated on storage.objects is 'Prompty images: delete only one''s own files.';
