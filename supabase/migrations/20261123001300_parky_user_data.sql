-- Parky: a user's own data: saved lots, push tokens, the notification inbox, activity logs.
--
-- All self-only (RLS on user_id = auth.uid()): suspended users read but do not write, withdrawn
-- users neither (parky_private.can_read() / can_write()).
--   user_saved_parkings   read, insert (visible lots only), delete
--   user_push_tokens      read, insert, update, delete (upsert on boot; see parky.upsert_push_token)
--   user_notifications    read; update of read_at only; rows are inserted by the server
--   user_activity_logs    insert only; occurred_at is set by the server (now()), never in the future
--
-- Objects: parky.user_saved_parkings, parky.user_push_tokens, parky.user_notifications,
--          parky.user_activity_logs, parky_private.activity_logs_before_insert().

-- ---------------------------------------------------------------------------------------------
-- user_saved_parkings
create table parky.user_saved_parkings (
  user_id uuid not null default auth.uid() references parky.app_users (id) on delete cascade,
  parking_lot_id uuid not null references parky.parking_lots (id) on delete cascade,
  created_at timestamptz not null default now(),
  constraint user_saved_parkings_pkey primary key (user_id, parking_lot_id)
);
comment on table parky.user_saved_parkings is 'Lots a user saved (favourites). Self only.';
create index user_saved_parkings_parking_lot_id_idx on parky.user_saved_parkings (parking_lot_id);
alter table parky.user_saved_parkings enable row level security;
revoke all on parky.user_saved_parkings from anon, authenticated;
grant select, delete on parky.user_saved_parkings to authenticated;
grant insert (user_id, parking_lot_id) on parky.user_saved_parkings to authenticated;
grant select, insert, update, delete on parky.user_saved_parkings to service_role;

-- user_saved_parkings_select_authenticated: one's own saved lots, while the lot is visible (a hidden
-- or deleted lot drops out of the list).
create policy user_saved_parkings_select_authenticated on parky.user_saved_parkings for select to authenticated
  using (user_id = (select auth.uid()) and (select parky_private.can_read())
         and exists (select from parky.parking_lots l where l.id = parking_lot_id));
-- user_saved_parkings_insert_authenticated: save a lot one can see, as oneself.
create policy user_saved_parkings_insert_authenticated on parky.user_saved_parkings for insert to authenticated
  with check (user_id = (select auth.uid()) and (select parky_private.can_write())
              and exists (select from parky.parking_lots l where l.id = parking_lot_id));
-- user_saved_parkings_delete_authenticated: unsave.
create policy user_saved_parkings_delete_authenticated on parky.user_saved_parkings for delete to authenticated
  using (user_id = (select auth.uid()) and (select parky_private.can_write()));

-- ---------------------------------------------------------------------------------------------
-- user_push_tokens
create table parky.user_push_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references parky.app_users (id) on delete cascade,
  device_id text not null check (length(device_id) between 1 and 200),
  fcm_token text not null check (length(fcm_token) between 1 and 4096),
  device_type text not null,
  app_version text check (length(app_version) <= 50),
  last_seen_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint user_push_tokens_user_device_key unique (user_id, device_id)
);
comment on table parky.user_push_tokens is
  'FCM tokens per (user, device), upserted on app boot (last_seen_at). Deleted after 30 idle days and on withdrawal.';
comment on column parky.user_push_tokens.device_type is 'device_type code: ios, android, web.';
create index user_push_tokens_fcm_token_idx on parky.user_push_tokens (fcm_token);
create index user_push_tokens_last_seen_at_idx on parky.user_push_tokens (last_seen_at);
alter table parky.user_push_tokens enable row level security;
revoke all on parky.user_push_tokens from anon, authenticated;
grant select (id, user_id, device_id, device_type, app_version, last_seen_at, created_at, updated_at, fcm_token)
  on parky.user_push_tokens to authenticated;
grant insert (user_id, device_id, fcm_token, device_type, app_version) on parky.user_push_tokens to authenticated;
grant update (fcm_token, device_type, app_version, last_seen_at) on parky.user_push_tokens to authenticated;
grant delete on parky.user_push_tokens to authenticated;
grant select, insert, update, delete on parky.user_push_tokens to service_role;
create trigger user_push_tokens_before_update_set_updated_at before update on parky.user_push_tokens
  for each row execute function parky_private.set_updated_at();
create trigger user_push_tokens_before_write_check_codes before insert or update on parky.user_push_tokens
  for each row execute function parky_private.check_codes('device_type', 'device_type');

-- user_push_tokens_select/insert/update/delete_authenticated: one's own devices.
create policy user_push_tokens_select_authenticated on parky.user_push_tokens for select to authenticated
  using (user_id = (select auth.uid()) and (select parky_private.can_read()));
create policy user_push_tokens_insert_authenticated on parky.user_push_tokens for insert to authenticated
  with check (user_id = (select auth.uid()) and (select parky_private.can_write()));
create policy user_push_tokens_update_authenticated on parky.user_push_tokens for update to authenticated
  using (user_id = (select auth.uid()) and (select parky_private.can_write()))
  with check (user_id = (select auth.uid()));
create policy user_push_tokens_delete_authenticated on parky.user_push_tokens for delete to authenticated
  using (user_id = (select auth.uid()) and (select parky_private.can_write()));

-- ---------------------------------------------------------------------------------------------
-- user_notifications
create table parky.user_notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references parky.app_users (id) on delete cascade,
  notif_type text not null,
  notif_category text not null default 'info',
  title text not null check (length(title) between 1 and 200),
  body text check (length(body) <= 2000),
  deep_link text check (deep_link ~ '^parky://'),
  payload jsonb not null default '{}'::jsonb check (jsonb_typeof(payload) = 'object'),
  status text not null default 'queued',
  sent_at timestamptz,
  delivered_at timestamptz,
  read_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table parky.user_notifications is
  'In-app inbox: one row per notification to a user (the same record backs the push). Inserted by the server; users only set read_at.';
comment on column parky.user_notifications.notif_type is 'notif_type code.';
comment on column parky.user_notifications.notif_category is 'notif_category code: the UI tab.';
comment on column parky.user_notifications.deep_link is 'Screen opened on tap (parky://…).';
comment on column parky.user_notifications.status is 'notif_status code: queued, sent, delivered, failed (push delivery).';
comment on column parky.user_notifications.read_at is 'Null while unread; the only column users may write.';
create index user_notifications_user_id_created_at_idx on parky.user_notifications (user_id, created_at desc);
alter table parky.user_notifications enable row level security;
revoke all on parky.user_notifications from anon, authenticated;
grant select on parky.user_notifications to authenticated;
grant update (read_at) on parky.user_notifications to authenticated;
grant select, insert, update, delete on parky.user_notifications to service_role;
create trigger user_notifications_before_write_check_codes before insert or update on parky.user_notifications
  for each row execute function parky_private.check_codes('notif_type', 'notif_type', 'notif_category', 'notif_category',
                                                          'status', 'notif_status');

-- user_notifications_select_authenticated: one's own inbox.
create policy user_notifications_select_authenticated on parky.user_notifications for select to authenticated
  using (user_id = (select auth.uid()) and (select parky_private.can_read()));
-- user_notifications_update_authenticated: mark one's own notifications read (column grant: read_at only).
create policy user_notifications_update_authenticated on parky.user_notifications for update to authenticated
  using (user_id = (select auth.uid()) and (select parky_private.can_write()))
  with check (user_id = (select auth.uid()));

-- ---------------------------------------------------------------------------------------------
-- user_activity_logs
create table parky.user_activity_logs (
  id bigint generated always as identity primary key,
  user_id uuid not null default auth.uid() references parky.app_users (id) on delete cascade,
  activity_type text not null,
  metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
  occurred_at timestamptz not null default now(),
  source_type text check (source_type ~ '^[a-z][a-z0-9_]*$'),
  source_id text check (length(source_id) between 1 and 200),
  created_at timestamptz not null default now(),
  constraint user_activity_logs_source_pair check ((source_type is null) = (source_id is null))
);
comment on table parky.user_activity_logs is
  'Every activity event of a user; the gamification engine evaluates metadata by dot path. Clients insert their own events only and never read.';
comment on column parky.user_activity_logs.activity_type is 'activity_type code.';
comment on column parky.user_activity_logs.occurred_at is 'Set by the server (now()) for client inserts; never in the future.';
comment on column parky.user_activity_logs.source_type is 'With source_id: the object the event is about (e.g. parking_session + id); one event per (user, type, source).';
create index user_activity_logs_user_type_occurred_idx on parky.user_activity_logs (user_id, activity_type, occurred_at);
create unique index user_activity_logs_source_key on parky.user_activity_logs (user_id, activity_type, source_type, source_id)
  where source_type is not null;
alter table parky.user_activity_logs enable row level security;
revoke all on parky.user_activity_logs from anon, authenticated;
grant insert (user_id, activity_type, metadata, source_type, source_id) on parky.user_activity_logs to authenticated;
grant select, insert, update, delete on parky.user_activity_logs to service_role;
create trigger user_activity_logs_before_write_check_codes before insert or update on parky.user_activity_logs
  for each row execute function parky_private.check_codes('activity_type', 'activity_type');

create function parky_private.activity_logs_before_insert() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.occurred_at > pg_catalog.now() then
    raise exception using errcode = 'PK108', message = 'occurred_at cannot be in the future',
      hint = 'omit occurred_at: the server sets it';
  end if;
  return new;
end
$$;
comment on function parky_private.activity_logs_before_insert() is
  'BEFORE INSERT trigger on user_activity_logs: rejects future occurred_at (PK108).';
create trigger user_activity_logs_before_insert_check_time before insert on parky.user_activity_logs
  for each row execute function parky_private.activity_logs_before_insert();

-- user_activity_logs_insert_authenticated: log one's own events (occurred_at is the server's now()).
create policy user_activity_logs_insert_authenticated on parky.user_activity_logs for insert to authenticated
  with check (user_id = (select auth.uid()) and (select parky_private.can_write()));
