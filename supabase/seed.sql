-- Local and preview seed data, applied after the migrations (`supabase db reset`, or
-- `supabase db push --include-seed` locally). Each domain has its own file in seeds/, applied
-- after this one in name order (see [db.seed] in config.toml).
set statement_timeout = 0;
