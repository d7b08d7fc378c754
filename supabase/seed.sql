-- Local and preview seed data, applied after the migrations by `supabase db reset` /
-- `supabase db push --include-seed`. Each domain appends its own section below.
select 1;
