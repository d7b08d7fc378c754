-- Prompty commerce tables (filled by the payments/Stripe work; no client writes).
--
-- Users read their own rows (buyers their purchases, sellers their sales); Stripe ids are not
-- granted to clients. Amounts are integer yen (JPY has no minor unit); currency is 'jpy'.
-- A completed purchase unlocks a paid prompt (prompty_private.can_read_full_prompt,
-- 20261123005400). Rows outlive deleted users and prompts (set null) for accounting.
--
-- Objects: prompty.payments, prompty.purchases, prompty.subscriptions, prompty.payment_methods,
--          prompty.payout_accounts, prompty.payouts, prompty.price_tiers

-- ---------------------------------------------------------------------------------------
-- payments
-- ---------------------------------------------------------------------------------------
create table prompty.payments (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references prompty.profiles (id) on delete set null,
  amount bigint not null,
  currency text not null default 'jpy',
  intent_id text,
  kind text not null default 'purchase',
  status text not null default 'pending',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint payments_intent_id_key unique (intent_id),
  constraint payments_amount_positive check (amount > 0),
  constraint payments_currency_jpy check (currency = 'jpy'),
  constraint payments_kind_check check (kind in ('purchase', 'tip', 'subscription')),
  constraint payments_status_check check (status in ('pending', 'succeeded', 'failed', 'canceled', 'refunded'))
);
comment on table prompty.payments is 'Payment transactions (Stripe PaymentIntents). Written by the server; users read their own.';
comment on column prompty.payments.amount is 'Amount in the smallest currency unit (yen).';
comment on column prompty.payments.intent_id is 'Stripe PaymentIntent id. Server-only.';
create index payments_user_id_created_at_idx on prompty.payments (user_id, created_at desc);

-- ---------------------------------------------------------------------------------------
-- purchases
-- ---------------------------------------------------------------------------------------
create table prompty.purchases (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references prompty.profiles (id) on delete set null,
  prompt_id uuid references prompty.prompts (id) on delete set null,
  seller_id uuid references prompty.profiles (id) on delete set null,
  payment_id uuid references prompty.payments (id) on delete set null,
  amount integer not null,
  currency text not null default 'jpy',
  status text not null default 'pending',
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint purchases_amount_nonnegative check (amount >= 0),
  constraint purchases_currency_jpy check (currency = 'jpy'),
  constraint purchases_status_check check (status in ('pending', 'completed', 'refunded', 'failed')),
  constraint purchases_completed_at_set check (status <> 'completed' or completed_at is not null)
);
comment on table prompty.purchases is
  'Prompt purchases. status = completed unlocks the prompt for the buyer. Written by the server; buyers and sellers read their own.';
comment on column prompty.purchases.seller_id is 'The prompt''s author at the time of purchase (payouts).';
create unique index purchases_one_completed_per_buyer_idx on prompty.purchases (user_id, prompt_id) where status = 'completed';
create index purchases_user_id_prompt_id_idx on prompty.purchases (user_id, prompt_id);
create index purchases_seller_id_idx on prompty.purchases (seller_id);
create index purchases_prompt_id_completed_at_idx on prompty.purchases (prompt_id, completed_at);
create index purchases_payment_id_idx on prompty.purchases (payment_id);

-- ---------------------------------------------------------------------------------------
-- subscriptions
-- ---------------------------------------------------------------------------------------
create table prompty.subscriptions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references prompty.profiles (id) on delete set null,
  plan text not null default 'premium_monthly',
  status text not null,
  stripe_subscription_id text,
  stripe_customer_id text,
  current_period_start timestamptz,
  current_period_end timestamptz,
  cancel_at_period_end boolean not null default false,
  canceled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint subscriptions_stripe_subscription_id_key unique (stripe_subscription_id),
  constraint subscriptions_plan_check check (plan in ('premium_monthly', 'premium_yearly')),
  constraint subscriptions_status_check
    check (status in ('trialing', 'active', 'past_due', 'canceled', 'incomplete', 'incomplete_expired', 'unpaid', 'paused'))
);
comment on table prompty.subscriptions is 'Premium subscriptions (Stripe Billing). Written by the server; it sets profiles.is_premium/premium_until from them.';
create index subscriptions_user_id_idx on prompty.subscriptions (user_id);

-- ---------------------------------------------------------------------------------------
-- payment_methods
-- ---------------------------------------------------------------------------------------
create table prompty.payment_methods (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references prompty.profiles (id) on delete cascade,
  stripe_payment_method_id text not null,
  brand text,
  last4 text,
  exp_month smallint,
  exp_year smallint,
  is_default boolean not null default false,
  created_at timestamptz not null default now(),
  constraint payment_methods_stripe_id_key unique (stripe_payment_method_id),
  constraint payment_methods_last4_format check (last4 ~ '^[0-9]{4}$'),
  constraint payment_methods_exp_month_range check (exp_month between 1 and 12)
);
comment on table prompty.payment_methods is 'Saved cards (display data only; Stripe holds the card). Written by the server; users read their own.';
create index payment_methods_user_id_idx on prompty.payment_methods (user_id);
create unique index payment_methods_one_default_idx on prompty.payment_methods (user_id) where is_default;

-- ---------------------------------------------------------------------------------------
-- payout_accounts and payouts (creators)
-- ---------------------------------------------------------------------------------------
create table prompty.payout_accounts (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references prompty.profiles (id) on delete cascade,
  stripe_account_id text not null,
  status text not null default 'pending',
  charges_enabled boolean not null default false,
  payouts_enabled boolean not null default false,
  details_submitted boolean not null default false,
  country text not null default 'JP',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint payout_accounts_user_id_key unique (user_id),
  constraint payout_accounts_stripe_account_id_key unique (stripe_account_id),
  constraint payout_accounts_status_check check (status in ('pending', 'active', 'restricted', 'disabled'))
);
comment on table prompty.payout_accounts is 'A creator''s Stripe Connect account. Written by the server; the creator reads their own.';

create table prompty.payouts (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references prompty.profiles (id) on delete set null,
  payout_account_id uuid references prompty.payout_accounts (id) on delete set null,
  amount bigint not null,
  currency text not null default 'jpy',
  status text not null default 'pending',
  stripe_payout_id text,
  period_start date,
  period_end date,
  arrival_date date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint payouts_stripe_payout_id_key unique (stripe_payout_id),
  constraint payouts_amount_positive check (amount > 0),
  constraint payouts_currency_jpy check (currency = 'jpy'),
  constraint payouts_status_check check (status in ('pending', 'in_transit', 'paid', 'failed', 'canceled')),
  constraint payouts_period_order check (period_end >= period_start)
);
comment on table prompty.payouts is 'Payouts to creators (yen). Written by the server; the creator reads their own.';
create index payouts_user_id_created_at_idx on prompty.payouts (user_id, created_at desc);
create index payouts_payout_account_id_idx on prompty.payouts (payout_account_id);

-- ---------------------------------------------------------------------------------------
-- price_tiers: the price points a creator can choose for a paid prompt
-- ---------------------------------------------------------------------------------------
create table prompty.price_tiers (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  amount integer not null,
  description text,
  stripe_price_id text,
  is_active boolean not null default true,
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint price_tiers_name_key unique (name),
  constraint price_tiers_amount_range check (amount between 100 and 1000000)
);
comment on table prompty.price_tiers is 'Price points offered to creators for paid prompts (yen). Public when active; written by the server.';

-- ---------------------------------------------------------------------------------------
-- RLS and grants
-- ---------------------------------------------------------------------------------------
alter table prompty.payments enable row level security;
alter table prompty.purchases enable row level security;
alter table prompty.subscriptions enable row level security;
alter table prompty.payment_methods enable row level security;
alter table prompty.payout_accounts enable row level security;
alter table prompty.payouts enable row level security;
alter table prompty.price_tiers enable row level security;
revoke all on prompty.payments, prompty.purchases, prompty.subscriptions, prompty.payment_methods,
              prompty.payout_accounts, prompty.payouts, prompty.price_tiers from anon, authenticated;

grant select (id, user_id, amount, currency, kind, status, created_at, updated_at) on prompty.payments to authenticated;
grant select (id, user_id, prompt_id, seller_id, payment_id, amount, currency, status, completed_at, created_at, updated_at)
  on prompty.purchases to authenticated;
grant select (id, user_id, plan, status, current_period_start, current_period_end, cancel_at_period_end, canceled_at,
              created_at, updated_at) on prompty.subscriptions to authenticated;
grant select (id, user_id, brand, last4, exp_month, exp_year, is_default, created_at) on prompty.payment_methods to authenticated;
grant select (id, user_id, status, charges_enabled, payouts_enabled, details_submitted, country, created_at, updated_at)
  on prompty.payout_accounts to authenticated;
grant select (id, user_id, payout_account_id, amount, currency, status, period_start, period_end, arrival_date,
              created_at, updated_at) on prompty.payouts to authenticated;
grant select (id, name, amount, description, is_active, sort_order) on prompty.price_tiers to anon, authenticated;
grant select, insert, update, delete on prompty.payments, prompty.purchases, prompty.subscriptions,
  prompty.payment_methods, prompty.payout_accounts, prompty.payouts, prompty.price_tiers to service_role;

create policy payments_select_authenticated on prompty.payments for select to authenticated
  using (user_id = (select auth.uid()));
comment on policy payments_select_authenticated on prompty.payments is 'Users read their own payments.';
create policy purchases_select_authenticated on prompty.purchases for select to authenticated
  using (user_id = (select auth.uid()) or seller_id = (select auth.uid()));
comment on policy purchases_select_authenticated on prompty.purchases is 'Buyers read their purchases, sellers their sales.';
create policy subscriptions_select_authenticated on prompty.subscriptions for select to authenticated
  using (user_id = (select auth.uid()));
comment on policy subscriptions_select_authenticated on prompty.subscriptions is 'Users read their own subscriptions.';
create policy payment_methods_select_authenticated on prompty.payment_methods for select to authenticated
  using (user_id = (select auth.uid()));
comment on policy payment_methods_select_authenticated on prompty.payment_methods is 'Users read their own cards.';
create policy payout_accounts_select_authenticated on prompty.payout_accounts for select to authenticated
  using (user_id = (select auth.uid()));
comment on policy payout_accounts_select_authenticated on prompty.payout_accounts is 'Creators read their own payout account.';
create policy payouts_select_authenticated on prompty.payouts for select to authenticated
  using (user_id = (select auth.uid()));
comment on policy payouts_select_authenticated on prompty.payouts is 'Creators read their own payouts.';
create policy price_tiers_select_anon on prompty.price_tiers for select to anon using (is_active);
comment on policy price_tiers_select_anon on prompty.price_tiers is 'Active price tiers are public.';
create policy price_tiers_select_authenticated on prompty.price_tiers for select to authenticated using (is_active);
comment on policy price_tiers_select_authenticated on prompty.price_tiers is 'Active price tiers are public.';

create trigger payments_before_update_touch before update on prompty.payments
  for each row execute function prompty_private.touch_updated_at();
create trigger purchases_before_update_touch before update on prompty.purchases
  for each row execute function prompty_private.touch_updated_at();
create trigger subscriptions_before_update_touch before update on prompty.subscriptions
  for each row execute function prompty_private.touch_updated_at();
create trigger payout_accounts_before_update_touch before update on prompty.payout_accounts
  for each row execute function prompty_private.touch_updated_at();
create trigger payouts_before_update_touch before update on prompty.payouts
  for each row execute function prompty_private.touch_updated_at();
create trigger price_tiers_before_update_touch before update on prompty.price_tiers
  for each row execute function prompty_private.touch_updated_at();
