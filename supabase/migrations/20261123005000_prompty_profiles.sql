-- Prompty profiles and the admin role.
--
-- One profile per auth user (created by the sign-up trigger, 20261123005020). The public
-- columns are readable by everyone; the owner edits a few of them (column grants); status
-- ('active' | 'admin' | 'suspended'), premium flags, counters, e-mail and Stripe ids are
-- server-owned. follower_count / following_count are the rolled-up part of slotted counters
-- (20261123005300): the exact values are read through prompty.profile_stats.
--
-- Objects: prompty.profiles, prompty_private.touch_updated_at(), prompty_private.is_admin_user(),
--          prompty_private.username_problem(), prompty_private.validate_profile(),
--          prompty.get_my_account(), prompty_private.my_account(), prompty.set_user_status(),
--          prompty_private.set_user_status()
-- Errors: PT100 sign-in required, PT101 invalid username, PT102 username taken,
--         PT103 invalid profile field, PT180 admin only, PT122 user not found.

grant usage on schema prompty_private to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- Shared trigger function: updated_at
-- ---------------------------------------------------------------------------------------
create function prompty_private.touch_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;
comment on function prompty_private.touch_updated_at() is 'BEFORE UPDATE trigger: sets updated_at to now().';

-- ---------------------------------------------------------------------------------------
-- profiles
-- ---------------------------------------------------------------------------------------
create table prompty.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  username text not null,
  display_name text,
  email text,
  bio text,
  avatar_url text,
  banner_url text,
  website text,
  github text,
  location text,
  is_premium boolean not null default false,
  premium_until timestamptz,
  is_business boolean not null default false,
  stripe_account_id text,
  status text not null default 'active',
  follower_count bigint not null default 0,
  following_count bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint profiles_username_key unique (username),
  constraint profiles_username_format check (username ~ '^[a-z0-9_]{3,30}$'),
  constraint profiles_display_name_length check (char_length(display_name) between 1 and 50),
  constraint profiles_bio_length check (char_length(bio) <= 1000),
  constraint profiles_avatar_url_format check (avatar_url ~ '^https://' and char_length(avatar_url) <= 500),
  constraint profiles_banner_url_format check (banner_url ~ '^https://' and char_length(banner_url) <= 500),
  constraint profiles_website_format check (website ~ '^https?://[^\s]+$' and char_length(website) <= 200),
  constraint profiles_github_format check (github ~ '^[A-Za-z0-9](-?[A-Za-z0-9]){0,38}$'),
  constraint profiles_location_length check (char_length(location) <= 100),
  constraint profiles_status_check check (status in ('active', 'admin', 'suspended')),
  constraint profiles_counters_nonnegative check (follower_count >= 0 and following_count >= 0)
);
comment on table prompty.profiles is
  'Public profile of an auth user (1:1). Created by the sign-up trigger; the owner edits the profile fields, the server owns status, premium, counters, email and Stripe ids.';
comment on column prompty.profiles.username is 'Unique handle: 3-30 of a-z, 0-9, _ (PT101 / PT102).';
comment on column prompty.profiles.email is
  'Copy of auth.users.email (kept in sync). Server-only: never granted to anon/authenticated. Not unique: auth.users owns uniqueness (SSO users may share an address).';
comment on column prompty.profiles.status is
  'active | admin | suspended. Server-owned: only an admin (prompty.set_user_status) or the service role changes it. admin grants the moderation rights (prompty_private.is_admin_user).';
comment on column prompty.profiles.is_premium is 'Premium membership (set by the payments side from subscriptions). Server-owned.';
comment on column prompty.profiles.premium_until is 'End of the paid premium period; null while is_premium means no end. Server-owned.';
comment on column prompty.profiles.stripe_account_id is 'Stripe Connect account of a creator. Server-only.';
comment on column prompty.profiles.follower_count is
  'Rolled-up part of the follower counter (bigint, not the seed''s small type). Exact value = this + pending slots: read prompty.profile_stats. Server-only.';
comment on column prompty.profiles.following_count is 'Rolled-up part of the following counter; exact value in prompty.profile_stats. Server-only.';

alter table prompty.profiles enable row level security;
revoke all on prompty.profiles from anon, authenticated;
grant select (id, username, display_name, bio, avatar_url, banner_url, website, github, location,
              is_premium, is_business, created_at, updated_at)
  on prompty.profiles to anon, authenticated;
grant update (username, display_name, bio, avatar_url, banner_url, website, github, location)
  on prompty.profiles to authenticated;
grant select, insert, update, delete on prompty.profiles to service_role;

create index profiles_status_idx on prompty.profiles (status) where status <> 'active';

-- ---------------------------------------------------------------------------------------
-- Admins
-- ---------------------------------------------------------------------------------------
create function prompty_private.is_admin_user() returns boolean
language sql stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from prompty.profiles
    where id = (select auth.uid()) and status = 'admin'
  )
$$;
comment on function prompty_private.is_admin_user() is
  'True when the caller (auth.uid()) is a Prompty admin (profiles.status = ''admin''). Call as (select prompty_private.is_admin_user()) in policies.';
grant execute on function prompty_private.is_admin_user() to anon, authenticated, service_role;

-- Policies
create policy profiles_select_anon on prompty.profiles for select to anon using (true);
comment on policy profiles_select_anon on prompty.profiles is 'Profiles are public (only the granted columns).';
create policy profiles_select_authenticated on prompty.profiles for select to authenticated using (true);
comment on policy profiles_select_authenticated on prompty.profiles is 'Profiles are public (only the granted columns).';
create policy profiles_update_authenticated on prompty.profiles for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));
comment on policy profiles_update_authenticated on prompty.profiles is 'The owner edits their own profile fields.';

-- ---------------------------------------------------------------------------------------
-- Validation (clear errors before the check constraints fire)
-- ---------------------------------------------------------------------------------------
create function prompty_private.username_problem(p_username text) returns text
language sql immutable
set search_path = ''
as $$
  select case
    when p_username is null then 'username is required'
    when char_length(p_username) < 3 then 'username must have at least 3 characters'
    when char_length(p_username) > 30 then 'username must have at most 30 characters'
    when p_username !~ '^[a-z0-9_]+$' then 'username may contain only a-z, 0-9 and _'
    when p_username in ('admin', 'administrator', 'root', 'system', 'support', 'prompty', 'api', 'me',
                        'settings', 'help', 'about', 'login', 'signup', 'null', 'undefined')
      then 'username is reserved'
  end
$$;
comment on function prompty_private.username_problem(text) is
  'Why a username is invalid (format 3-30 of a-z 0-9 _, not reserved), or null when it is valid.';
grant execute on function prompty_private.username_problem(text) to authenticated, service_role;

create function prompty_private.validate_profile() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_problem text;
begin
  if tg_op = 'INSERT' or new.username is distinct from old.username then
    v_problem := prompty_private.username_problem(new.username);
    if v_problem is not null then
      raise exception using errcode = 'PT101', message = v_problem,
        hint = 'choose 3-30 characters from a-z, 0-9 and _';
    end if;
    if exists (select 1 from prompty.profiles where username = new.username and id <> new.id) then
      raise exception using errcode = 'PT102', message = format('username %s is already taken', new.username),
        hint = 'choose another username';
    end if;
  end if;
  if new.display_name is not null and char_length(new.display_name) not between 1 and 50 then
    raise exception using errcode = 'PT103', message = 'display_name must have 1-50 characters';
  end if;
  if char_length(new.bio) > 1000 then
    raise exception using errcode = 'PT103', message = 'bio must have at most 1000 characters';
  end if;
  if new.website is not null and (new.website !~ '^https?://[^\s]+$' or char_length(new.website) > 200) then
    raise exception using errcode = 'PT103', message = 'website must be an http(s) URL of at most 200 characters';
  end if;
  if (new.avatar_url is not null and (new.avatar_url !~ '^https://' or char_length(new.avatar_url) > 500))
     or (new.banner_url is not null and (new.banner_url !~ '^https://' or char_length(new.banner_url) > 500)) then
    raise exception using errcode = 'PT103', message = 'avatar_url and banner_url must be https URLs of at most 500 characters';
  end if;
  if new.github is not null and new.github !~ '^[A-Za-z0-9](-?[A-Za-z0-9]){0,38}$' then
    raise exception using errcode = 'PT103', message = 'github must be a GitHub user name';
  end if;
  if char_length(new.location) > 100 then
    raise exception using errcode = 'PT103', message = 'location must have at most 100 characters';
  end if;
  return new;
end
$$;
comment on function prompty_private.validate_profile() is
  'BEFORE INSERT/UPDATE trigger on profiles: PT101 invalid username, PT102 username taken, PT103 invalid profile field.';

create trigger profiles_before_write_validate
  before insert or update of username, display_name, bio, website, avatar_url, banner_url, github, location
  on prompty.profiles for each row execute function prompty_private.validate_profile();
create trigger profiles_before_update_touch
  before update of username, display_name, bio, website, avatar_url, banner_url, github, location,
                   is_premium, premium_until, is_business, status
  on prompty.profiles for each row execute function prompty_private.touch_updated_at();

-- ---------------------------------------------------------------------------------------
-- RPCs: the caller's own account; admins set a user's status
-- ---------------------------------------------------------------------------------------
create function prompty_private.my_account() returns jsonb
language sql stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'id', p.id, 'username', p.username, 'email', p.email, 'status', p.status,
    'is_admin', p.status = 'admin', 'is_premium', p.is_premium, 'premium_until', p.premium_until,
    'premium_active', p.is_premium and (p.premium_until is null or p.premium_until > now()),
    'is_business', p.is_business)
  from prompty.profiles p
  where p.id = (select auth.uid())
$$;
comment on function prompty_private.my_account() is 'The caller''s own server-owned account fields (e-mail, status, premium). Null when signed out.';
grant execute on function prompty_private.my_account() to authenticated;

create function prompty.get_my_account() returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_account jsonb;
begin
  if (select auth.uid()) is null then
    raise exception using errcode = 'PT100', message = 'sign-in required';
  end if;
  v_account := prompty_private.my_account();
  return v_account;
end
$$;
comment on function prompty.get_my_account() is
  'The signed-in user''s account: {id, username, email, status, is_admin, is_premium, premium_until, premium_active, is_business}. Errors: PT100 sign-in required.';
grant execute on function prompty.get_my_account() to authenticated;

create function prompty_private.set_user_status(p_user_id uuid, p_status text) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  if not (select prompty_private.is_admin_user()) then
    raise exception using errcode = 'PT180', message = 'admin only';
  end if;
  if p_status is null or p_status not in ('active', 'admin', 'suspended') then
    raise exception using errcode = 'PT103', message = 'status must be active, admin or suspended';
  end if;
  if p_user_id = (select auth.uid()) then
    raise exception using errcode = 'PT103', message = 'admins cannot change their own status',
      hint = 'ask another admin';
  end if;
  update prompty.profiles set status = p_status where id = p_user_id returning id into v_id;
  if v_id is null then
    raise exception using errcode = 'PT122', message = 'user not found';
  end if;
  return jsonb_build_object('user_id', v_id, 'status', p_status);
end
$$;
comment on function prompty_private.set_user_status(uuid, text) is 'Admin only: sets profiles.status. Errors PT180, PT103, PT122.';
grant execute on function prompty_private.set_user_status(uuid, text) to authenticated;

create function prompty.set_user_status(p_user_id uuid, p_status text) returns jsonb
language sql
set search_path = ''
as $$
  select prompty_private.set_user_status(p_user_id, p_status)
$$;
comment on function prompty.set_user_status(uuid, text) is
  'Admin only: sets a user''s status (active | admin | suspended), not one''s own. Returns {user_id, status}. Errors: PT180 admin only, PT103 invalid status or own account, PT122 user not found.';
grant execute on function prompty.set_user_status(uuid, text) to authenticated;
