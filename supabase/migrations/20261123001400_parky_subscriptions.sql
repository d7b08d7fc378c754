-- Parky: subscription plans and users' subscriptions (tables only: store verification and the
-- premium snapshot belong to the subscriptions work).
--
-- subscription_plans   master, readable by everyone (active plans for anon and users)
-- user_subscriptions   read own; written by the server only (after store receipt verification)
--
-- Objects: parky.subscription_plans, parky.user_subscriptions.

create table parky.subscription_plans (
  id text primary key check (id ~ '^[a-z0-9][a-z0-9_]*$'),
  name_ja text not null check (length(name_ja) between 1 and 100),
  name_en text not null check (length(name_en) between 1 and 100),
  description text check (length(description) <= 2000),
  price_jpy int not null check (price_jpy >= 0),
  billing_period text,
  app_store_product_id text unique,
  google_play_product_id text unique,
  features jsonb not null default '{}'::jsonb check (jsonb_typeof(features) = 'object'),
  is_premium boolean not null default false,
  active boolean not null default true,
  sort_order int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint subscription_plans_paid_has_period check (price_jpy = 0 or billing_period is not null)
);
comment on table parky.subscription_plans is 'Plans (Free, Plus…). Master, read by everyone; written by the service role.';
comment on column parky.subscription_plans.billing_period is 'billing_period code (month, year); null for the free plan.';
comment on column parky.subscription_plans.is_premium is 'An active subscription to this plan makes the user premium.';
comment on column parky.subscription_plans.features is 'Feature flags of the plan, e.g. {"ad_free": true, "fee_alerts": true}.';
alter table parky.subscription_plans enable row level security;
revoke all on parky.subscription_plans from anon, authenticated;
grant select on parky.subscription_plans to anon, authenticated;
grant select, insert, update, delete on parky.subscription_plans to service_role;
create trigger subscription_plans_before_update_set_updated_at before update on parky.subscription_plans
  for each row execute function parky_private.set_updated_at();
create trigger subscription_plans_before_write_check_codes before insert or update on parky.subscription_plans
  for each row execute function parky_private.check_codes('billing_period', 'billing_period');

-- subscription_plans_select_anon / _authenticated: the active plans.
create policy subscription_plans_select_anon on parky.subscription_plans for select to anon using (active);
create policy subscription_plans_select_authenticated on parky.subscription_plans for select to authenticated using (active);

create table parky.user_subscriptions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references parky.app_users (id) on delete cascade,
  plan_id text not null references parky.subscription_plans (id),
  status text not null,
  store text not null,
  original_transaction_id text not null check (length(original_transaction_id) between 1 and 200),
  current_period_start timestamptz,
  current_period_end timestamptz,
  auto_renew boolean not null default true,
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint user_subscriptions_store_transaction_key unique (store, original_transaction_id),
  constraint user_subscriptions_period_order check (current_period_end is null or current_period_start is null
                                                    or current_period_end >= current_period_start)
);
comment on table parky.user_subscriptions is
  'A user''s store subscription, written by the server after receipt verification. Users read their own.';
comment on column parky.user_subscriptions.status is 'subscription_status code: trial, active, grace, cancelled, expired.';
comment on column parky.user_subscriptions.store is 'subscription_store code: app_store, google_play.';
comment on column parky.user_subscriptions.original_transaction_id is 'The store''s id of the subscription chain (App Store original transaction id, Play purchase token).';
create index user_subscriptions_user_id_idx on parky.user_subscriptions (user_id);
create index user_subscriptions_plan_id_idx on parky.user_subscriptions (plan_id);
alter table parky.user_subscriptions enable row level security;
revoke all on parky.user_subscriptions from anon, authenticated;
grant select on parky.user_subscriptions to authenticated;
grant select, insert, update, delete on parky.user_subscriptions to service_role;
create trigger user_subscriptions_before_update_set_updated_at before update on parky.user_subscriptions
  for each row execute function parky_private.set_updated_at();
create trigger user_subscriptions_before_write_check_codes before insert or update on parky.user_subscriptions
  for each row execute function parky_private.check_codes('status', 'subscription_status', 'store', 'subscription_store');

-- user_subscriptions_select_authenticated: one's own subscriptions.
create policy user_subscriptions_select_authenticated on parky.user_subscriptions for select to authenticated
  using (user_id = (select auth.uid()) and (select parky_private.can_read()));
