-- Parky gamification: the tables (activity registry, catalogue, per-user state) and the
-- client rules of the activity log (security findings F1).
--
-- Activity log (F1): rewarding activity types are written only by server code through
-- parky_private.log_activity (security definer; is_server = true, a source key that is unique
-- among server rows). Clients insert only the types parky.activity_types marks client_insertable
-- (PK302 otherwise), with at most 2 kB of metadata (PK303), for themselves; they have no
-- privilege on occurred_at, source_type, source_id or is_server, and the trigger clears the source
-- of client rows and stamps occurred_at = now(). A client row (older ones included) never takes a
-- server source key, so it can never block or replace the real server event.
--
-- Catalogue (master data; anyone reads, the service role writes): activity_types (client
-- allow-list, metadata paths and types that conditions may use, an eligibility condition),
-- themes, level_definitions, exp_cap_groups, activity_exp_rules, badge_definitions.
-- Per user (the owner reads, only the engine writes): user_exp, user_exp_ledger,
-- user_level_ups, user_badges, user_badge_progress, user_themes, user_active_themes.
-- Engine state (parky_private, nobody reads): badge_rules and badge_tiers (compiled badge
-- definitions), badge_distinct_values, badge_day_totals, exp_daily_usage.
--
-- Errors: PK302 activity type not client-insertable, PK303 client metadata too large, PK108
-- future occurred_at (kept).
--
-- Objects: the tables above, parky_private.activity_logs_before_insert() (replaced).

-- ---------------------------------------------------------------------------------------------
-- Activity registry
create table parky.activity_types (
  activity_type text primary key,
  client_insertable boolean not null default false,
  metadata_paths jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata_paths) = 'object'),
  eligibility jsonb,
  eligibility_path jsonpath,
  description text check (length(description) <= 500),
  updated_at timestamptz not null default now()
);
comment on table parky.activity_types is
  'Gamification settings per activity_type code: whether apps may log it, the metadata paths (and JSON types) rules may read, '
  'and an eligibility condition an event must meet to earn anything.';
comment on column parky.activity_types.client_insertable is 'The client allow-list: apps may insert these (non-rewarding or capped EXP).';
comment on column parky.activity_types.metadata_paths is 'Dot path → JSON type (string, number, boolean, array) that conditions may use.';
comment on column parky.activity_types.eligibility is 'Condition (badge condition language) an event must meet to earn EXP or badge progress; null = always.';
comment on column parky.activity_types.eligibility_path is 'eligibility compiled to a strict jsonpath predicate (server-set).';
alter table parky.activity_types enable row level security;
revoke all on parky.activity_types from anon, authenticated;
grant select on parky.activity_types to anon, authenticated;
grant select, insert, update, delete on parky.activity_types to service_role;
create trigger activity_types_before_write_check_codes before insert or update on parky.activity_types
  for each row execute function parky_private.check_codes('activity_type', 'activity_type');
-- activity_types_select_all: the catalogue is public.
create policy activity_types_select_all on parky.activity_types for select to anon, authenticated using (true);

-- ---------------------------------------------------------------------------------------------
-- F1: the activity log's client rules
alter table parky.user_activity_logs add column is_server boolean not null default false;
comment on column parky.user_activity_logs.is_server is
  'True for events written by server code (parky_private.log_activity); only those may carry a source key or a rewarding type.';
drop index parky.user_activity_logs_source_key;
create unique index user_activity_logs_server_source_key on parky.user_activity_logs (user_id, activity_type, source_type, source_id)
  where is_server and source_type is not null;
revoke insert on parky.user_activity_logs from authenticated;
grant insert (user_id, activity_type, metadata) on parky.user_activity_logs to authenticated;

create or replace function parky_private.activity_logs_before_insert() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.occurred_at > pg_catalog.now() then
    raise exception using errcode = 'PK108', message = 'occurred_at cannot be in the future',
      hint = 'omit occurred_at: the server sets it';
  end if;
  if not new.is_server then
    if not coalesce((select t.client_insertable from parky.activity_types t where t.activity_type = new.activity_type), false) then
      raise exception using errcode = 'PK302',
        message = format('activity type %s cannot be logged by the app', new.activity_type),
        hint = 'the server records it when the real event happens; apps may log app_open, search, lot_view and article_read';
    end if;
    if pg_catalog.octet_length(new.metadata::text) > 2048 then
      raise exception using errcode = 'PK303', message = 'activity metadata is larger than 2 kB';
    end if;
    new.source_type := null;
    new.source_id := null;
    new.occurred_at := pg_catalog.now();
  end if;
  return new;
end
$$;
comment on function parky_private.activity_logs_before_insert() is
  'BEFORE INSERT trigger on user_activity_logs: rejects future occurred_at (PK108); rows not written by the server logger must '
  'be a client_insertable type (PK302) with metadata up to 2 kB (PK303), get no source and the server''s time.';

-- ---------------------------------------------------------------------------------------------
-- Catalogue
create table parky.themes (
  code text primary key check (code ~ '^[a-z][a-z0-9_]*$'),
  slot text not null check (slot in ('app', 'map_pin', 'profile_frame')),
  name_ja text not null check (length(name_ja) between 1 and 100),
  name_en text not null check (length(name_en) between 1 and 100),
  sort_order int not null default 0
);
comment on table parky.themes is 'Unlockable cosmetic themes; a user activates at most one per slot (user_active_themes).';
alter table parky.themes enable row level security;
revoke all on parky.themes from anon, authenticated;
grant select on parky.themes to anon, authenticated;
grant select, insert, update, delete on parky.themes to service_role;
-- themes_select_all: the catalogue is public.
create policy themes_select_all on parky.themes for select to anon, authenticated using (true);

create table parky.level_definitions (
  level int primary key check (level between 1 and 999),
  exp_required bigint not null unique check (exp_required >= 0),
  title_ja text not null check (length(title_ja) between 1 and 100),
  title_en text not null check (length(title_en) between 1 and 100),
  theme_code text references parky.themes (code),
  constraint level_definitions_first_is_free check (level <> 1 or exp_required = 0)
);
comment on table parky.level_definitions is 'Levels: the total EXP each needs (level 1 at 0) and an optional theme it unlocks.';
create index level_definitions_theme_code_idx on parky.level_definitions (theme_code);
alter table parky.level_definitions enable row level security;
revoke all on parky.level_definitions from anon, authenticated;
grant select on parky.level_definitions to anon, authenticated;
grant select, insert, update, delete on parky.level_definitions to service_role;
-- level_definitions_select_all: the catalogue is public.
create policy level_definitions_select_all on parky.level_definitions for select to anon, authenticated using (true);

create table parky.exp_cap_groups (
  code text primary key check (code ~ '^[a-z][a-z0-9_]*$'),
  daily_cap int not null check (daily_cap > 0),
  description text check (length(description) <= 500)
);
comment on table parky.exp_cap_groups is 'A daily EXP cap (JST day) shared by the EXP rules of the group.';
alter table parky.exp_cap_groups enable row level security;
revoke all on parky.exp_cap_groups from anon, authenticated;
grant select on parky.exp_cap_groups to anon, authenticated;
grant select, insert, update, delete on parky.exp_cap_groups to service_role;
-- exp_cap_groups_select_all: the catalogue is public.
create policy exp_cap_groups_select_all on parky.exp_cap_groups for select to anon, authenticated using (true);

create table parky.activity_exp_rules (
  id bigint generated always as identity primary key,
  code text not null unique check (code ~ '^[a-z][a-z0-9_]*$'),
  activity_type text not null references parky.activity_types (activity_type),
  condition jsonb,
  amount int check (amount > 0),
  amount_path text,
  amount_factor numeric not null default 1 check (amount_factor > 0),
  amount_max int check (amount_max > 0),
  daily_cap int check (daily_cap > 0),
  cap_group text references parky.exp_cap_groups (code),
  valid_from timestamptz,
  valid_to timestamptz,
  active boolean not null default true,
  compiled_condition jsonpath,
  compiled_amount_path text[],
  compiled_cap_key text,
  compiled_cap int,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint activity_exp_rules_one_amount check ((amount is null) <> (amount_path is null)),
  constraint activity_exp_rules_one_cap check (daily_cap is null or cap_group is null),
  constraint activity_exp_rules_validity check (valid_to is null or valid_from is null or valid_from < valid_to)
);
comment on table parky.activity_exp_rules is
  'EXP per activity: a constant amount or floor(metadata number × factor) up to amount_max, an optional condition, a JST daily '
  'cap of its own or of a cap group, a validity period.';
comment on column parky.activity_exp_rules.condition is 'Optional predicate (badge condition language: all/any/not, path/op/value).';
comment on column parky.activity_exp_rules.compiled_condition is 'condition compiled to a strict jsonpath (server-set on save).';
comment on column parky.activity_exp_rules.compiled_cap_key is 'The cap the rule charges (group:<code> or rule:<id>) and its daily amount (server-set on save).';
create index activity_exp_rules_activity_type_idx on parky.activity_exp_rules (activity_type, id) where active;
create index activity_exp_rules_cap_group_idx on parky.activity_exp_rules (cap_group);
alter table parky.activity_exp_rules enable row level security;
revoke all on parky.activity_exp_rules from anon, authenticated;
grant select on parky.activity_exp_rules to anon, authenticated;
grant select, insert, update, delete on parky.activity_exp_rules to service_role;
create trigger activity_exp_rules_before_update_set_updated_at before update on parky.activity_exp_rules
  for each row execute function parky_private.set_updated_at();
-- activity_exp_rules_select_all: the catalogue is public.
create policy activity_exp_rules_select_all on parky.activity_exp_rules for select to anon, authenticated using (true);

create table parky.badge_definitions (
  id bigint generated always as identity primary key,
  code text not null unique check (code ~ '^[a-z][a-z0-9_]*$'),
  name_ja text not null check (length(name_ja) between 1 and 100),
  name_en text not null check (length(name_en) between 1 and 100),
  description_ja text check (length(description_ja) <= 500),
  description_en text check (length(description_en) <= 500),
  condition jsonb not null,
  tiers jsonb not null default '[{"name": "standard", "threshold": 1}]'::jsonb,
  repeatable boolean not null default false,
  hidden boolean not null default false,
  valid_from timestamptz,
  valid_to timestamptz,
  active boolean not null default true,
  sort_order int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table parky.badge_definitions is
  'Badges: a condition (activity types, metadata predicate, time filters, aggregate, window) and tiers '
  '[{name, threshold, exp, theme}]; validated and compiled on save (PK310–PK314). Hidden badges show once earned.';
comment on column parky.badge_definitions.repeatable is 'Awarded again each window period (day, week, month).';
comment on column parky.badge_definitions.valid_from is 'Seasonal badges: events outside [valid_from, valid_to) do not count.';
alter table parky.badge_definitions enable row level security;
revoke all on parky.badge_definitions from anon, authenticated;
grant select on parky.badge_definitions to anon, authenticated;
grant select, insert, update, delete on parky.badge_definitions to service_role;
create trigger badge_definitions_before_update_set_updated_at before update on parky.badge_definitions
  for each row execute function parky_private.set_updated_at();

-- Compiled form (hot path): one row per (activity type, active badge), visited in badge id order.
create table parky_private.badge_rules (
  activity_type text not null,
  badge_id bigint not null references parky.badge_definitions (id) on delete cascade,
  predicate jsonpath,
  minute_from int,
  minute_to int,
  day_kind text,
  agg text not null,
  agg_path text[],
  window_kind text not null,
  window_days int,
  thresholds numeric[] not null,
  valid_from timestamptz,
  valid_to timestamptz,
  constraint badge_rules_pkey primary key (activity_type, badge_id)
);
comment on table parky_private.badge_rules is
  'Compiled badge conditions by activity type (written by the badge_definitions trigger). Badges are deactivated, not deleted: '
  'the engine tables have no badge_id index.';
create index badge_rules_badge_id_idx on parky_private.badge_rules (badge_id);
alter table parky_private.badge_rules enable row level security;

create table parky_private.badge_tiers (
  badge_id bigint not null references parky.badge_definitions (id) on delete cascade,
  tier int not null,
  name text not null,
  threshold numeric not null,
  exp int not null default 0,
  theme_code text references parky.themes (code),
  constraint badge_tiers_pkey primary key (badge_id, tier)
);
comment on table parky_private.badge_tiers is 'Compiled badge tiers (1 = lowest threshold).';
create index badge_tiers_theme_code_idx on parky_private.badge_tiers (theme_code);
alter table parky_private.badge_tiers enable row level security;

-- ---------------------------------------------------------------------------------------------
-- Per user (read own; written by the engine only)
create table parky.user_exp (
  user_id uuid primary key references parky.app_users (id) on delete cascade,
  total_exp bigint not null default 0 check (total_exp >= 0),
  level int not null default 1,
  next_level_exp bigint default 0,
  updated_at timestamptz not null default now()
) with (fillfactor = 80);
comment on table parky.user_exp is 'A user''s EXP total and level (levels never go down). Written by the engine.';
comment on column parky.user_exp.next_level_exp is 'EXP at which the next level check runs; null at the top level.';

create table parky.user_level_ups (
  user_id uuid not null references parky.app_users (id) on delete cascade,
  level int not null,
  reached_at timestamptz not null default now(),
  constraint user_level_ups_pkey primary key (user_id, level)
);
comment on table parky.user_level_ups is 'Every level a user reached (a grant crossing several levels records each).';

create table parky.user_badges (
  id bigint generated always as identity primary key,
  user_id uuid not null references parky.app_users (id) on delete cascade,
  badge_id bigint not null references parky.badge_definitions (id),
  period_key text not null default '',
  tier int not null default 1,
  activity_log_id bigint,
  awarded_at timestamptz not null default now(),
  constraint user_badges_award_key unique (user_id, badge_id, period_key, tier)
);
comment on table parky.user_badges is
  'Awards, exactly once per (user, badge, period, tier); period_key is '''' unless the badge is repeatable (D/W/M + date).';
create index user_badges_badge_id_idx on parky.user_badges (badge_id);

create table parky.user_badge_progress (
  user_id uuid not null references parky.app_users (id) on delete cascade,
  badge_id bigint not null references parky.badge_definitions (id),
  period_key text not null default '',
  value numeric not null default 0,
  best numeric,
  last_day date,
  awarded_tier int not null default 0,
  updated_at timestamptz not null default now(),
  constraint user_badge_progress_pkey primary key (user_id, badge_id, period_key)
) with (fillfactor = 80);
comment on table parky.user_badge_progress is
  'Progress per (user, badge, window period): value (count, sum, distinct count, current streak or rolling total), the highest '
  'tier awarded in the period, the last JST day counted; best (longest run) for streaks, null otherwise.';

create table parky.user_exp_ledger (
  id bigint generated always as identity,
  user_id uuid not null references parky.app_users (id) on delete cascade,
  activity_log_id bigint,
  user_badge_id bigint references parky.user_badges (id) on delete cascade,
  requested int not null check (requested >= 0),
  granted int not null check (granted between 0 and requested),
  detail jsonb,
  jst_day date not null,
  created_at timestamptz not null default now(),
  constraint user_exp_ledger_pkey primary key (user_id, id),
  constraint user_exp_ledger_one_source check ((activity_log_id is null) <> (user_badge_id is null))
);
comment on table parky.user_exp_ledger is
  'Every EXP grant, once per source: an activity event (detail: [{rule_id, requested, granted}] per EXP rule, granted after '
  'the JST daily caps) or a badge award.';
create unique index user_exp_ledger_activity_key on parky.user_exp_ledger (activity_log_id) where activity_log_id is not null;
create unique index user_exp_ledger_badge_key on parky.user_exp_ledger (user_badge_id) where user_badge_id is not null;

create table parky.user_themes (
  user_id uuid not null references parky.app_users (id) on delete cascade,
  theme_code text not null references parky.themes (code),
  source text not null,
  acquired_at timestamptz not null default now(),
  constraint user_themes_pkey primary key (user_id, theme_code)
);
comment on table parky.user_themes is 'Themes a user owns (unlocked by a badge tier or a level; source says which).';
create index user_themes_theme_code_idx on parky.user_themes (theme_code);

create table parky.user_active_themes (
  user_id uuid not null references parky.app_users (id) on delete cascade,
  slot text not null,
  theme_code text not null,
  activated_at timestamptz not null default now(),
  constraint user_active_themes_pkey primary key (user_id, slot),
  constraint user_active_themes_owned_fkey foreign key (user_id, theme_code) references parky.user_themes (user_id, theme_code)
    on delete cascade
);
comment on table parky.user_active_themes is 'The theme active per slot; only an owned theme (FK to user_themes), set by parky.activate_theme.';

do $$
declare
  v_table text;
begin
  foreach v_table in array array['user_exp', 'user_level_ups', 'user_badges', 'user_badge_progress', 'user_exp_ledger',
                                 'user_themes', 'user_active_themes'] loop
    execute format('alter table parky.%I enable row level security', v_table);
    execute format('revoke all on parky.%I from anon, authenticated, service_role', v_table);
    execute format('grant select on parky.%I to authenticated, service_role', v_table);
  end loop;
end
$$;

-- *_select_authenticated: a user reads their own gamification state (suspended users too).
create policy user_exp_select_authenticated on parky.user_exp for select to authenticated
  using (user_id = (select auth.uid()) and (select parky_private.can_read()));
create policy user_level_ups_select_authenticated on parky.user_level_ups for select to authenticated
  using (user_id = (select auth.uid()) and (select parky_private.can_read()));
create policy user_badges_select_authenticated on parky.user_badges for select to authenticated
  using (user_id = (select auth.uid()) and (select parky_private.can_read()));
create policy user_exp_ledger_select_authenticated on parky.user_exp_ledger for select to authenticated
  using (user_id = (select auth.uid()) and (select parky_private.can_read()));
create policy user_themes_select_authenticated on parky.user_themes for select to authenticated
  using (user_id = (select auth.uid()) and (select parky_private.can_read()));
create policy user_active_themes_select_authenticated on parky.user_active_themes for select to authenticated
  using (user_id = (select auth.uid()) and (select parky_private.can_read()));
-- user_badge_progress_select_authenticated: own progress, except of hidden badges not yet earned.
create policy user_badge_progress_select_authenticated on parky.user_badge_progress for select to authenticated
  using (user_id = (select auth.uid()) and (select parky_private.can_read())
         and (awarded_tier > 0 or exists (select from parky.badge_definitions b where b.id = user_badge_progress.badge_id and not b.hidden)));
-- *_select_service_role: the service role reads everything (support, analytics).
create policy user_exp_select_service_role on parky.user_exp for select to service_role using (true);
create policy user_level_ups_select_service_role on parky.user_level_ups for select to service_role using (true);
create policy user_badges_select_service_role on parky.user_badges for select to service_role using (true);
create policy user_badge_progress_select_service_role on parky.user_badge_progress for select to service_role using (true);
create policy user_exp_ledger_select_service_role on parky.user_exp_ledger for select to service_role using (true);
create policy user_themes_select_service_role on parky.user_themes for select to service_role using (true);
create policy user_active_themes_select_service_role on parky.user_active_themes for select to service_role using (true);

-- badge_definitions_select_anon: active badges that are not hidden.
create policy badge_definitions_select_anon on parky.badge_definitions for select to anon
  using (active and not hidden);
-- badge_definitions_select_authenticated: the same, plus hidden badges the caller earned.
create policy badge_definitions_select_authenticated on parky.badge_definitions for select to authenticated
  using (active and (not hidden or exists (select from parky.user_badges a
                                           where a.badge_id = badge_definitions.id and a.user_id = (select auth.uid()))));

-- ---------------------------------------------------------------------------------------------
-- Engine state (never exposed)
create table parky_private.badge_distinct_values (
  user_id uuid not null references parky.app_users (id) on delete cascade,
  badge_id bigint not null references parky.badge_definitions (id) on delete cascade,
  period_key text not null,
  value text not null,
  constraint badge_distinct_values_pkey primary key (user_id, badge_id, period_key, value)
);
comment on table parky_private.badge_distinct_values is 'Distinct metadata values seen per (user, count_distinct badge, period).';
alter table parky_private.badge_distinct_values enable row level security;

create table parky_private.badge_day_totals (
  user_id uuid not null references parky.app_users (id) on delete cascade,
  badge_id bigint not null references parky.badge_definitions (id) on delete cascade,
  day date not null,
  value numeric not null,
  constraint badge_day_totals_pkey primary key (user_id, badge_id, day)
);
comment on table parky_private.badge_day_totals is 'Per-JST-day totals of rolling-window badges (the window sums at most N rows).';
create index badge_day_totals_badge_id_idx on parky_private.badge_day_totals (badge_id);
alter table parky_private.badge_day_totals enable row level security;

create table parky_private.exp_daily_usage (
  user_id uuid not null references parky.app_users (id) on delete cascade,
  cap_key text not null,
  jst_day date not null,
  granted int not null,
  last_grant int not null,
  cap int not null,
  constraint exp_daily_usage_pkey primary key (user_id, cap_key, jst_day)
) with (fillfactor = 80);
comment on table parky_private.exp_daily_usage is
  'EXP granted per (user, cap: rule:<id> or group:<code>, JST day) under cap; last_grant is what the latest event got.';
alter table parky_private.exp_daily_usage enable row level security;

revoke all on parky_private.badge_rules, parky_private.badge_tiers, parky_private.badge_distinct_values,
  parky_private.badge_day_totals, parky_private.exp_daily_usage from anon, authenticated, service_role;
