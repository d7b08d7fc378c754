-- Parky: app users, platform admins, and the helpers RLS policies call.
--
-- parky.app_users has one row per auth.users row, created by a trigger on auth.users (sign-up)
-- and kept in step with the auth e-mail. status (user_status code) is server-owned:
--   active     reads and writes
--   suspended  reads only (parky_private.can_write() is false)
--   withdrawn  neither (parky_private.can_read() is false); personal data anonymized
-- Platform admins are rows of parky.admins, written by the service role only; roles never come
-- from user-editable JWT metadata.
-- Image URLs (avatars, lot and review images) must be https on a host of
-- parky_private.allowed_image_hosts (configuration; a placeholder R2 domain is seeded).
--
-- Objects: parky.app_users, parky.admins, parky_private.allowed_image_hosts,
--          parky_private.is_admin(), can_read(), can_write(), check_image_url(), check_image_urls(),
--          handle_new_auth_user(), sync_auth_user_email(), app_users_protect(),
--          triggers on auth.users and parky.app_users, admin policies on parky.codes.

-- ---------------------------------------------------------------------------------------------
-- Image hosts (configuration)
create table parky_private.allowed_image_hosts (
  host text primary key check (host ~ '^[a-z0-9.-]+$'),
  note text,
  created_at timestamptz not null default now()
);
comment on table parky_private.allowed_image_hosts is
  'Hosts image URLs (avatars, lot and review images) may point at: the R2 public bucket domains. Server configuration.';
alter table parky_private.allowed_image_hosts enable row level security;
revoke all on parky_private.allowed_image_hosts from anon, authenticated;
grant select, insert, update, delete on parky_private.allowed_image_hosts to service_role;

insert into parky_private.allowed_image_hosts (host, note)
values ('images.parky.example', 'placeholder for the production R2 public bucket domain (Cloudflare R2 custom domain)');

-- True when p_url is an https URL on an allowed host (without credentials or port tricks).
create function parky_private.check_image_url(p_url text) returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select p_url is not null
     and length(p_url) <= 2048
     and p_url ~ '^https://[a-z0-9.-]+/[^\s]*$'
     and exists (select from parky_private.allowed_image_hosts h
                 where h.host = pg_catalog.substring(p_url, '^https://([a-z0-9.-]+)/'))
$$;
comment on function parky_private.check_image_url(text) is
  'True when the URL is https on a host of parky_private.allowed_image_hosts.';

-- Raises PK106 unless every URL of the array is allowed.
create function parky_private.check_image_urls(p_urls text[]) returns void
language plpgsql stable
set search_path = ''
as $$
declare
  v_url text;
begin
  foreach v_url in array coalesce(p_urls, '{}'::text[]) loop
    if not parky_private.check_image_url(v_url) then
      raise exception using errcode = 'PK106', message = format('image URL not allowed: %s', left(v_url, 200)),
        hint = 'upload the image to the Parky image bucket and use its https URL';
    end if;
  end loop;
end
$$;
comment on function parky_private.check_image_urls(text[]) is 'Raises PK106 unless every URL is https on an allowed host.';

-- ---------------------------------------------------------------------------------------------
-- app_users
create table parky.app_users (
  id uuid primary key,
  display_name text not null default 'Parky user' check (length(display_name) between 1 and 50),
  email text check (length(email) <= 320),
  avatar_url text,
  vehicle_type text,
  premium boolean not null default false,
  status text not null default 'active',
  notification_prefs jsonb not null default '{}'::jsonb check (jsonb_typeof(notification_prefs) = 'object'),
  locale text not null default 'ja',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  deleted_at timestamptz,
  constraint app_users_withdrawn_consistent check ((status = 'withdrawn') = (withdrawn_at is not null))
);
comment on table parky.app_users is
  'Parky profile of an auth user (same id), created at sign-up. Users read and edit their own row; status, premium, email are server-owned.';
comment on column parky.app_users.id is
  'The auth.users id. No foreign key on purpose: the row (anonymized) outlives a deleted auth user, for accounting history.';
comment on column parky.app_users.email is 'Copy of auth.users.email for the portals; null once withdrawn.';
comment on column parky.app_users.premium is 'Snapshot: an active premium subscription exists. Server-owned.';
comment on column parky.app_users.status is 'user_status code: active, suspended (read-only), withdrawn (anonymized, no access). Server-owned.';
comment on column parky.app_users.notification_prefs is 'Per notif_type on/off flags, e.g. {"promo": false}.';
comment on column parky.app_users.deleted_at is 'Set with withdrawn_at: the profile is gone for clients; the row stays for accounting history.';

alter table parky.app_users enable row level security;
revoke all on parky.app_users from anon, authenticated;
grant select (id, display_name, email, avatar_url, vehicle_type, premium, status, notification_prefs, locale,
              created_at, updated_at, withdrawn_at, deleted_at) on parky.app_users to authenticated;
grant update (display_name, avatar_url, vehicle_type, notification_prefs, locale) on parky.app_users to authenticated;
grant select, insert, update on parky.app_users to service_role;

create index app_users_status_idx on parky.app_users (status);

create trigger app_users_before_update_set_updated_at before update on parky.app_users
  for each row execute function parky_private.set_updated_at();
create trigger app_users_before_write_check_codes before insert or update on parky.app_users
  for each row execute function parky_private.check_codes('vehicle_type', 'vehicle_type', 'status', 'user_status', 'locale', 'locale');

-- Avatar: an allowed image URL; withdrawn rows stay anonymized.
create function parky_private.app_users_protect() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.avatar_url is distinct from old.avatar_url and new.avatar_url is not null then
    perform parky_private.check_image_urls(array[new.avatar_url]);
  end if;
  if old.status = 'withdrawn' and new.status = 'withdrawn'
     and (new.display_name, new.email, new.avatar_url) is distinct from (old.display_name, old.email, old.avatar_url) then
    raise exception using errcode = 'PK105', message = 'a withdrawn user cannot be edited';
  end if;
  return new;
end
$$;
comment on function parky_private.app_users_protect() is
  'BEFORE UPDATE trigger on app_users: avatar URL allowed (PK106); withdrawn rows stay anonymized (PK105).';
create trigger app_users_before_update_protect before update on parky.app_users
  for each row execute function parky_private.app_users_protect();

-- ---------------------------------------------------------------------------------------------
-- admins
create table parky.admins (
  user_id uuid primary key references parky.app_users (id) on delete cascade,
  note text,
  created_at timestamptz not null default now()
);
comment on table parky.admins is
  'Platform admins of the Parky admin portal. Written by the service role only; admins read the list, a user reads whether they are one.';
alter table parky.admins enable row level security;
revoke all on parky.admins from anon, authenticated;
grant select on parky.admins to authenticated;
grant select, insert, update, delete on parky.admins to service_role;

-- ---------------------------------------------------------------------------------------------
-- Helpers for policies and RPCs. Security definer (they read tables the caller may not see),
-- stable, and call auth.uid() once through a scalar subquery.

create function parky_private.is_admin() returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select from parky.admins a join parky.app_users u on u.id = a.user_id
    where a.user_id = (select auth.uid()) and u.status = 'active')
$$;
comment on function parky_private.is_admin() is 'True when the caller is an active platform admin (parky.admins).';

create function parky_private.can_read() returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (select from parky.app_users u
                 where u.id = (select auth.uid()) and u.status in ('active', 'suspended'))
$$;
comment on function parky_private.can_read() is 'True when the caller may read their own data: status active or suspended.';

create function parky_private.can_write() returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (select from parky.app_users u where u.id = (select auth.uid()) and u.status = 'active')
$$;
comment on function parky_private.can_write() is 'True when the caller may write: status active (not suspended, not withdrawn).';

grant execute on function parky_private.is_admin(), parky_private.can_read(), parky_private.can_write()
  to anon, authenticated, service_role;
grant execute on function parky_private.check_image_url(text), parky_private.check_image_urls(text[])
  to authenticated, service_role;

-- Raises PK105 unless the caller is a signed-in, active user. For RPCs.
create function parky_private.assert_can_write() returns uuid
language plpgsql stable
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
begin
  if v_uid is null then
    raise exception using errcode = 'PK105', message = 'sign in first';
  end if;
  if not (select parky_private.can_write()) then
    raise exception using errcode = 'PK105', message = 'this account cannot make changes',
      hint = 'suspended and withdrawn accounts are read-only or closed';
  end if;
  return v_uid;
end
$$;
comment on function parky_private.assert_can_write() is
  'Returns auth.uid() when the caller may write; raises PK105 when not signed in, suspended or withdrawn.';
grant execute on function parky_private.assert_can_write() to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Policies
-- app_users_select_authenticated: one's own row while not withdrawn; admins read everyone.
create policy app_users_select_authenticated on parky.app_users for select to authenticated
  using ((id = (select auth.uid()) and (select parky_private.can_read())) or (select parky_private.is_admin()));
-- app_users_update_authenticated: one's own profile columns (column grants), active users only.
create policy app_users_update_authenticated on parky.app_users for update to authenticated
  using (id = (select auth.uid()) and (select parky_private.can_write()))
  with check (id = (select auth.uid()));

-- admins_select_authenticated: a user sees whether they are an admin; admins see the list.
create policy admins_select_authenticated on parky.admins for select to authenticated
  using (user_id = (select auth.uid()) or (select parky_private.is_admin()));

-- codes_insert_authenticated / codes_update_authenticated: admins maintain the code master.
create policy codes_insert_authenticated on parky.codes for insert to authenticated
  with check ((select parky_private.is_admin()));
create policy codes_update_authenticated on parky.codes for update to authenticated
  using ((select parky_private.is_admin())) with check ((select parky_private.is_admin()));

-- ---------------------------------------------------------------------------------------------
-- Sign-up: every new auth user gets an app_users row.
create function parky_private.handle_new_auth_user() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_name text := nullif(btrim(coalesce(new.raw_user_meta_data ->> 'display_name', new.raw_user_meta_data ->> 'name')), '');
  v_locale text := new.raw_user_meta_data ->> 'locale';
begin
  insert into parky.app_users (id, email, display_name, locale)
  values (new.id, new.email, coalesce(left(v_name, 50), 'Parky user'),
          case when v_locale in ('ja', 'en') then v_locale else 'ja' end)
  on conflict (id) do nothing;
  return new;
end
$$;
comment on function parky_private.handle_new_auth_user() is
  'AFTER INSERT trigger on auth.users: creates the parky.app_users row (display name and locale from the sign-up metadata).';

create trigger users_after_insert_create_parky_app_user after insert on auth.users
  for each row execute function parky_private.handle_new_auth_user();

create function parky_private.sync_auth_user_email() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update parky.app_users set email = new.email where id = new.id and status <> 'withdrawn';
  return new;
end
$$;
comment on function parky_private.sync_auth_user_email() is
  'AFTER UPDATE OF email trigger on auth.users: keeps parky.app_users.email in step (not for withdrawn users).';

create trigger users_after_update_sync_parky_email after update of email on auth.users
  for each row when (new.email is distinct from old.email)
  execute function parky_private.sync_auth_user_email();
