-- Prompty settings: typed tables are the source of truth, user_settings holds the JSON view.
--
-- account_settings (typed), notification_preferences (which events notify, one row per
-- profile), notification_settings (channels) are edited by their owner. user_settings keeps
-- the seed's JSONB document: its account_settings and notification_settings keys are written
-- through from the typed tables by triggers (clients cannot write them), so the two stores
-- never disagree; reaction_settings and comment_settings are free-form client preferences.
-- All rows are created at sign-up (20261123005020) and deleted with the profile.
--
-- Seed overlaps, mapped: use_mincho_font = use_serif_font, accept_tip_payments = accept_tips,
-- restrict_ai_learning = opt_out_ai_training, display_account_on_creator_page = show_creator_page.
--
-- Objects: prompty.account_settings, prompty.notification_preferences,
--          prompty.notification_settings, prompty.user_settings,
--          prompty_private.settings_json(), prompty_private.mirror_settings_json(),
--          prompty_private.sync_settings_json()

-- ---------------------------------------------------------------------------------------
-- account_settings
-- ---------------------------------------------------------------------------------------
create table prompty.account_settings (
  user_id uuid primary key references prompty.profiles (id) on delete cascade,
  show_creator_page boolean not null default true,
  add_mentions_on_share boolean not null default true,
  allow_reposts boolean not null default true,
  show_recommended_creators boolean not null default true,
  use_serif_font boolean not null default false,
  accept_tips boolean not null default true,
  allow_anonymous_purchase boolean not null default true,
  opt_out_ai_training boolean not null default false,
  updated_at timestamptz not null default now()
);
comment on table prompty.account_settings is
  'Account-level settings (typed, source of truth; mirrored into user_settings.account_settings). One row per profile.';
comment on column prompty.account_settings.show_creator_page is 'false hides the creator page (prompty.get_creator) from others.';

-- ---------------------------------------------------------------------------------------
-- notification_preferences: which events create notifications
-- ---------------------------------------------------------------------------------------
create table prompty.notification_preferences (
  user_id uuid primary key references prompty.profiles (id) on delete cascade,
  likes boolean not null default true,
  comments boolean not null default true,
  replies boolean not null default true,
  follows boolean not null default true,
  updated_at timestamptz not null default now()
);
comment on table prompty.notification_preferences is
  'Which events create a notification for this user (likes on their prompts, comments, replies to their comments, new followers). One row per profile; read by the notification triggers.';

-- ---------------------------------------------------------------------------------------
-- notification_settings: delivery channels
-- ---------------------------------------------------------------------------------------
create table prompty.notification_settings (
  user_id uuid primary key references prompty.profiles (id) on delete cascade,
  push_enabled boolean not null default true,
  email_enabled boolean not null default true,
  email_newsletter boolean not null default true,
  email_promotions boolean not null default true,
  updated_at timestamptz not null default now()
);
comment on table prompty.notification_settings is
  'Delivery channels: push and e-mail switches, newsletter and promotions. One row per profile; read by the push/e-mail delivery side.';

-- ---------------------------------------------------------------------------------------
-- user_settings: the JSON document
-- ---------------------------------------------------------------------------------------
create table prompty.user_settings (
  user_id uuid primary key references prompty.profiles (id) on delete cascade,
  account_settings jsonb not null default '{}'::jsonb,
  notification_settings jsonb not null default '{}'::jsonb,
  reaction_settings jsonb not null default '{}'::jsonb,
  comment_settings jsonb not null default '{}'::jsonb,
  updated_at timestamptz not null default now(),
  constraint user_settings_reaction_settings_object
    check (jsonb_typeof(reaction_settings) = 'object' and octet_length(reaction_settings::text) <= 4096),
  constraint user_settings_comment_settings_object
    check (jsonb_typeof(comment_settings) = 'object' and octet_length(comment_settings::text) <= 4096)
);
comment on table prompty.user_settings is
  'The seed''s JSONB settings document. account_settings and notification_settings are computed from the typed tables (server-written); reaction_settings and comment_settings are client preferences (objects up to 4 KB).';
comment on column prompty.user_settings.account_settings is
  'Mirror of account_settings: {use_mincho_font, accept_tip_payments, restrict_ai_learning, display_account_on_creator_page, ...}. Read-only for clients.';
comment on column prompty.user_settings.notification_settings is
  'Mirror of notification_preferences + notification_settings: {push_notifications: {likes, comments, replies, follows}, email_notifications: {newsletter, promotions}, push_enabled, email_enabled}. Read-only for clients.';

-- Grants: the owner reads all of their rows and edits the typed settings.
alter table prompty.account_settings enable row level security;
alter table prompty.notification_preferences enable row level security;
alter table prompty.notification_settings enable row level security;
alter table prompty.user_settings enable row level security;
revoke all on prompty.account_settings, prompty.notification_preferences, prompty.notification_settings,
              prompty.user_settings from anon, authenticated;
grant select on prompty.account_settings, prompty.notification_preferences, prompty.notification_settings,
                prompty.user_settings to authenticated;
grant update (show_creator_page, add_mentions_on_share, allow_reposts, show_recommended_creators, use_serif_font,
              accept_tips, allow_anonymous_purchase, opt_out_ai_training) on prompty.account_settings to authenticated;
grant update (likes, comments, replies, follows) on prompty.notification_preferences to authenticated;
grant update (push_enabled, email_enabled, email_newsletter, email_promotions) on prompty.notification_settings to authenticated;
grant update (reaction_settings, comment_settings) on prompty.user_settings to authenticated;
grant select, insert, update, delete on prompty.account_settings, prompty.notification_preferences,
                                        prompty.notification_settings, prompty.user_settings to service_role;

create policy account_settings_select_authenticated on prompty.account_settings for select to authenticated
  using (user_id = (select auth.uid()));
comment on policy account_settings_select_authenticated on prompty.account_settings is 'The owner reads their settings.';
create policy account_settings_update_authenticated on prompty.account_settings for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
comment on policy account_settings_update_authenticated on prompty.account_settings is 'The owner edits their settings.';

create policy notification_preferences_select_authenticated on prompty.notification_preferences for select to authenticated
  using (user_id = (select auth.uid()));
comment on policy notification_preferences_select_authenticated on prompty.notification_preferences is 'The owner reads their preferences.';
create policy notification_preferences_update_authenticated on prompty.notification_preferences for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
comment on policy notification_preferences_update_authenticated on prompty.notification_preferences is 'The owner edits their preferences.';

create policy notification_settings_select_authenticated on prompty.notification_settings for select to authenticated
  using (user_id = (select auth.uid()));
comment on policy notification_settings_select_authenticated on prompty.notification_settings is 'The owner reads their channels.';
create policy notification_settings_update_authenticated on prompty.notification_settings for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
comment on policy notification_settings_update_authenticated on prompty.notification_settings is 'The owner edits their channels.';

create policy user_settings_select_authenticated on prompty.user_settings for select to authenticated
  using (user_id = (select auth.uid()));
comment on policy user_settings_select_authenticated on prompty.user_settings is 'The owner reads their settings document.';
create policy user_settings_update_authenticated on prompty.user_settings for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
comment on policy user_settings_update_authenticated on prompty.user_settings is 'The owner edits the client preference keys.';

-- ---------------------------------------------------------------------------------------
-- The JSON mirror
-- ---------------------------------------------------------------------------------------
create function prompty_private.settings_json(p_user_id uuid)
returns table (account_settings jsonb, notification_settings jsonb)
language sql stable
rows 1
set search_path = ''
as $$
  select
    (select jsonb_build_object(
       'use_mincho_font', a.use_serif_font,
       'accept_tip_payments', a.accept_tips,
       'restrict_ai_learning', a.opt_out_ai_training,
       'display_account_on_creator_page', a.show_creator_page,
       'add_mentions_on_share', a.add_mentions_on_share,
       'allow_reposts', a.allow_reposts,
       'show_recommended_creators', a.show_recommended_creators,
       'allow_anonymous_purchase', a.allow_anonymous_purchase)
     from prompty.account_settings a where a.user_id = p_user_id),
    (select jsonb_build_object(
       'push_notifications', jsonb_build_object('likes', np.likes, 'comments', np.comments,
                                                'replies', np.replies, 'follows', np.follows),
       'email_notifications', jsonb_build_object('newsletter', ns.email_newsletter, 'promotions', ns.email_promotions),
       'push_enabled', ns.push_enabled,
       'email_enabled', ns.email_enabled)
     from prompty.notification_preferences np
     join prompty.notification_settings ns on ns.user_id = np.user_id
     where np.user_id = p_user_id)
$$;
comment on function prompty_private.settings_json(uuid) is
  'The JSON view of a user''s typed settings (user_settings.account_settings and notification_settings keys).';
grant execute on function prompty_private.settings_json(uuid) to authenticated, service_role;

create function prompty_private.mirror_settings_json() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  select coalesce(j.account_settings, '{}'::jsonb), coalesce(j.notification_settings, '{}'::jsonb)
  into new.account_settings, new.notification_settings
  from prompty_private.settings_json(new.user_id) j;
  return new;
end
$$;
comment on function prompty_private.mirror_settings_json() is
  'BEFORE INSERT/UPDATE trigger on user_settings: the account_settings and notification_settings keys are always recomputed from the typed tables, whoever writes the row.';

create trigger user_settings_before_write_mirror before insert or update on prompty.user_settings
  for each row execute function prompty_private.mirror_settings_json();

create function prompty_private.sync_settings_json() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update prompty.user_settings set updated_at = now() where user_id = new.user_id;
  return null;
end
$$;
comment on function prompty_private.sync_settings_json() is
  'AFTER INSERT/UPDATE trigger on the typed settings tables: rewrites the user''s user_settings row so its BEFORE trigger recomputes the JSON mirror. Security definer: clients cannot write user_settings.updated_at.';

create trigger account_settings_after_write_sync_json
  after insert or update on prompty.account_settings
  for each row execute function prompty_private.sync_settings_json();
create trigger notification_preferences_after_write_sync_json
  after insert or update on prompty.notification_preferences
  for each row execute function prompty_private.sync_settings_json();
create trigger notification_settings_after_write_sync_json
  after insert or update on prompty.notification_settings
  for each row execute function prompty_private.sync_settings_json();

create trigger account_settings_before_update_touch before update on prompty.account_settings
  for each row execute function prompty_private.touch_updated_at();
create trigger notification_preferences_before_update_touch before update on prompty.notification_preferences
  for each row execute function prompty_private.touch_updated_at();
create trigger notification_settings_before_update_touch before update on prompty.notification_settings
  for each row execute function prompty_private.touch_updated_at();
create trigger user_settings_before_update_touch before update on prompty.user_settings
  for each row execute function prompty_private.touch_updated_at();
