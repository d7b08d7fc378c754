-- Prompty views and analytics.
--
-- prompty.record_prompt_view(prompt, visitor id) is called when a prompt page opens, by
-- visitors (with a client-generated visitor id) and signed-in users (their user id is the
-- visitor). analytics_views holds one row per prompt, visitor and JST day (unique), with the
-- page views of that day: the first view of the day counts once in the prompt's view counter
-- (a slotted counter, 20261123005300); later ones only add to the row. Signed-in users get
-- the prompt in recently_viewed_prompts (upserted, latest 50 kept). The author's own views and
-- views of prompts that are not public are not counted. A pg_cron job fills
-- analytics_summary per prompt and JST day (views, unique viewers, likes, comments,
-- bookmarks, completed purchases) by recomputing the day: running it again gives the same
-- rows. Authors (and admins) read their prompts' analytics.
--
-- Objects: prompty.analytics_views, prompty.recently_viewed_prompts, prompty.analytics_summary,
--          prompty_private.jst_today(), prompty_private.record_view(),
--          prompty.record_prompt_view(), prompty_private.summarize_analytics(),
--          prompty_private.summarize_recent_analytics(), cron job prompty-analytics-summary
-- Errors: PT120 prompt not found, PT140 invalid visitor id.

create function prompty_private.jst_today() returns date
language sql stable
set search_path = ''
as $$
  select (now() at time zone 'Asia/Tokyo')::date
$$;
comment on function prompty_private.jst_today() is 'Today in Asia/Tokyo: the day of views, summaries and trending windows.';
grant execute on function prompty_private.jst_today() to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- analytics_views
-- ---------------------------------------------------------------------------------------
create table prompty.analytics_views (
  id uuid primary key default gen_random_uuid(),
  prompt_id uuid not null references prompty.prompts (id) on delete cascade,
  visitor_id text not null,
  user_id uuid references prompty.profiles (id) on delete set null,
  view_day date not null,
  views integer not null default 1,
  viewed_at timestamptz not null default now(),
  last_viewed_at timestamptz not null default now(),
  constraint analytics_views_prompt_day_visitor_key unique (prompt_id, view_day, visitor_id),
  constraint analytics_views_views_positive check (views >= 1)
);
comment on table prompty.analytics_views is
  'One row per prompt, visitor and JST day: when the visitor first opened the prompt that day and how many times. Written by prompty.record_prompt_view; the prompt''s author reads it (without visitor ids).';
comment on column prompty.analytics_views.visitor_id is 'u:<user id> for signed-in users, v:<client visitor id> for visitors. Not granted to clients.';
comment on column prompty.analytics_views.view_day is 'The JST day of the views.';
comment on column prompty.analytics_views.views is 'Page views by this visitor on this day (the first one is counted in prompts.view_count).';
create index analytics_views_view_day_idx on prompty.analytics_views (view_day);
create index analytics_views_user_id_idx on prompty.analytics_views (user_id);

alter table prompty.analytics_views enable row level security;
revoke all on prompty.analytics_views from anon, authenticated;
grant select (id, prompt_id, view_day, views, viewed_at, last_viewed_at) on prompty.analytics_views to authenticated;
grant select, insert, update, delete on prompty.analytics_views to service_role;

create policy analytics_views_select_authenticated on prompty.analytics_views for select to authenticated
  using (exists (select 1 from prompty.prompts p where p.id = prompt_id and p.author_id = (select auth.uid()))
         or (select prompty_private.is_admin_user()));
comment on policy analytics_views_select_authenticated on prompty.analytics_views is 'Authors read the views of their prompts; admins all.';

-- ---------------------------------------------------------------------------------------
-- recently_viewed_prompts
-- ---------------------------------------------------------------------------------------
create table prompty.recently_viewed_prompts (
  user_id uuid not null references prompty.profiles (id) on delete cascade,
  prompt_id uuid not null references prompty.prompts (id) on delete cascade,
  viewed_at timestamptz not null default now(),
  constraint recently_viewed_prompts_pkey primary key (user_id, prompt_id)
);
comment on table prompty.recently_viewed_prompts is
  'A user''s recently opened prompts (latest 50 kept, one row per prompt). Written by prompty.record_prompt_view; the user reads and clears it.';
create index recently_viewed_prompts_user_id_viewed_at_idx on prompty.recently_viewed_prompts (user_id, viewed_at desc);
create index recently_viewed_prompts_prompt_id_idx on prompty.recently_viewed_prompts (prompt_id);

alter table prompty.recently_viewed_prompts enable row level security;
revoke all on prompty.recently_viewed_prompts from anon, authenticated;
grant select, delete on prompty.recently_viewed_prompts to authenticated;
grant select, insert, update, delete on prompty.recently_viewed_prompts to service_role;

create policy recently_viewed_prompts_select_authenticated on prompty.recently_viewed_prompts for select to authenticated
  using (user_id = (select auth.uid()));
comment on policy recently_viewed_prompts_select_authenticated on prompty.recently_viewed_prompts is 'Users read their own history.';
create policy recently_viewed_prompts_delete_authenticated on prompty.recently_viewed_prompts for delete to authenticated
  using (user_id = (select auth.uid()));
comment on policy recently_viewed_prompts_delete_authenticated on prompty.recently_viewed_prompts is 'Users clear their own history.';

-- ---------------------------------------------------------------------------------------
-- analytics_summary
-- ---------------------------------------------------------------------------------------
create table prompty.analytics_summary (
  prompt_id uuid not null references prompty.prompts (id) on delete cascade,
  date date not null,
  view_count integer not null default 0,
  unique_viewer_count integer not null default 0,
  like_count integer not null default 0,
  comment_count integer not null default 0,
  bookmark_count integer not null default 0,
  purchase_count integer not null default 0,
  updated_at timestamptz not null default now(),
  constraint analytics_summary_pkey primary key (prompt_id, date)
);
comment on table prompty.analytics_summary is
  'Daily activity per prompt and JST day: page views, unique viewers, and likes, comments, bookmarks and completed purchases made that day (still present). Filled by pg_cron; authors read their prompts'' rows.';
create index analytics_summary_date_idx on prompty.analytics_summary (date);

alter table prompty.analytics_summary enable row level security;
revoke all on prompty.analytics_summary from anon, authenticated;
grant select on prompty.analytics_summary to authenticated;
grant select, insert, update, delete on prompty.analytics_summary to service_role;

create policy analytics_summary_select_authenticated on prompty.analytics_summary for select to authenticated
  using (exists (select 1 from prompty.prompts p where p.id = prompt_id and p.author_id = (select auth.uid()))
         or (select prompty_private.is_admin_user()));
comment on policy analytics_summary_select_authenticated on prompty.analytics_summary is 'Authors read their prompts'' analytics; admins all.';

-- ---------------------------------------------------------------------------------------
-- Recording a view
-- ---------------------------------------------------------------------------------------
create function prompty_private.record_view(p_prompt_id uuid, p_visitor_id text) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_prompt record;
  v_visitor text;
  v_day date := prompty_private.jst_today();
  v_new boolean;
  v_counted boolean := false;
begin
  if v_uid is null and (p_visitor_id is null or p_visitor_id !~ '^[A-Za-z0-9_-]{8,64}$') then
    raise exception using errcode = 'PT140', message = 'a visitor id of 8-64 characters (A-Z a-z 0-9 _ -) is required when signed out';
  end if;
  select p.author_id, (p.published and p.hidden_at is null) as public into v_prompt
  from prompty.prompts p
  where p.id = p_prompt_id and p.deleted_at is null
    and ((p.published and p.hidden_at is null) or p.author_id = v_uid
         or (p.published and (select prompty_private.is_admin_user())));
  if not found then
    raise exception using errcode = 'PT120', message = 'prompt not found';
  end if;

  if v_uid is not null then
    insert into prompty.recently_viewed_prompts as r (user_id, prompt_id, viewed_at)
    values (v_uid, p_prompt_id, clock_timestamp())
    on conflict (user_id, prompt_id) do update set viewed_at = excluded.viewed_at;
    delete from prompty.recently_viewed_prompts
    where user_id = v_uid
      and viewed_at < (select r.viewed_at from prompty.recently_viewed_prompts r
                       where r.user_id = v_uid order by r.viewed_at desc offset 49 limit 1);
  end if;

  if v_prompt.public and v_prompt.author_id is distinct from v_uid then
    v_visitor := case when v_uid is not null then 'u:' || v_uid::text else 'v:' || p_visitor_id end;
    insert into prompty.analytics_views (prompt_id, visitor_id, user_id, view_day)
    values (p_prompt_id, v_visitor, v_uid, v_day)
    on conflict (prompt_id, view_day, visitor_id) do nothing
    returning true into v_new;
    if v_new then
      perform prompty_private.bump_prompt_counters(p_prompt_id, p_views => 1);
      v_counted := true;
    else
      update prompty.analytics_views set views = views + 1, last_viewed_at = now()
      where prompt_id = p_prompt_id and view_day = v_day and visitor_id = v_visitor;
    end if;
  end if;

  return jsonb_build_object('prompt_id', p_prompt_id, 'counted', v_counted,
                            'view_count', (select c.view_count from prompty_private.prompt_counts(p_prompt_id) c));
end
$$;
comment on function prompty_private.record_view(uuid, text) is
  'Records a view for the caller (see prompty.record_prompt_view). Security definer: writes analytics and counters clients cannot write.';
grant execute on function prompty_private.record_view(uuid, text) to anon, authenticated;

create function prompty.record_prompt_view(p_prompt_id uuid, p_visitor_id text default null) returns jsonb
language sql
set search_path = ''
as $$
  select prompty_private.record_view(p_prompt_id, p_visitor_id)
$$;
comment on function prompty.record_prompt_view(uuid, text) is
  'Records that the caller opened a prompt: counts at most once per visitor (the user, or p_visitor_id when signed out) per prompt per JST day, adds to recently_viewed_prompts for users (latest 50), logs analytics_views. The author''s own views and non-public prompts are not counted. Returns {prompt_id, counted, view_count}. Errors: PT140 missing/invalid visitor id when signed out, PT120 prompt not found.';
grant execute on function prompty.record_prompt_view(uuid, text) to anon, authenticated;

-- ---------------------------------------------------------------------------------------
-- Daily summary
-- ---------------------------------------------------------------------------------------
create function prompty_private.summarize_analytics(p_day date) returns bigint
language sql
security definer
set search_path = ''
as $$
  with bounds as (
    select p_day::timestamp at time zone 'Asia/Tokyo' as t0, (p_day + 1)::timestamp at time zone 'Asia/Tokyo' as t1
  ), v as (
    select prompt_id, sum(views) as views, count(*) as uniques from prompty.analytics_views where view_day = p_day group by prompt_id
  ), l as (
    select prompt_id, count(*) as n from prompty.likes, bounds where created_at >= t0 and created_at < t1 group by prompt_id
  ), c as (
    select prompt_id, count(*) as n from prompty.comments, bounds
    where created_at >= t0 and created_at < t1 and hidden_at is null group by prompt_id
  ), b as (
    select prompt_id, count(*) as n from prompty.bookmarks, bounds where created_at >= t0 and created_at < t1 group by prompt_id
  ), pu as (
    select prompt_id, count(*) as n from prompty.purchases, bounds
    where status = 'completed' and completed_at >= t0 and completed_at < t1 and prompt_id is not null group by prompt_id
  ), activity as (
    select i.prompt_id, coalesce(v.views, 0) as views, coalesce(v.uniques, 0) as uniques, coalesce(l.n, 0) as likes,
           coalesce(c.n, 0) as comments, coalesce(b.n, 0) as bookmarks, coalesce(pu.n, 0) as purchases
    from (select prompt_id from v union select prompt_id from l union select prompt_id from c
          union select prompt_id from b union select prompt_id from pu) i
    join prompty.prompts p on p.id = i.prompt_id
    left join v on v.prompt_id = i.prompt_id
    left join l on l.prompt_id = i.prompt_id
    left join c on c.prompt_id = i.prompt_id
    left join b on b.prompt_id = i.prompt_id
    left join pu on pu.prompt_id = i.prompt_id
  ), removed as (
    delete from prompty.analytics_summary s
    where s.date = p_day and not exists (select 1 from activity a where a.prompt_id = s.prompt_id)
    returning 1
  ), upserted as (
    insert into prompty.analytics_summary as s (prompt_id, date, view_count, unique_viewer_count, like_count, comment_count,
                                                bookmark_count, purchase_count, updated_at)
    select a.prompt_id, p_day, a.views, a.uniques, a.likes, a.comments, a.bookmarks, a.purchases, now()
    from activity a
    on conflict (prompt_id, date) do update
    set view_count = excluded.view_count, unique_viewer_count = excluded.unique_viewer_count,
        like_count = excluded.like_count, comment_count = excluded.comment_count,
        bookmark_count = excluded.bookmark_count, purchase_count = excluded.purchase_count, updated_at = excluded.updated_at
    where (s.view_count, s.unique_viewer_count, s.like_count, s.comment_count, s.bookmark_count, s.purchase_count)
          is distinct from (excluded.view_count, excluded.unique_viewer_count, excluded.like_count, excluded.comment_count,
                            excluded.bookmark_count, excluded.purchase_count)
    returning 1
  )
  select (select count(*) from activity)
$$;
comment on function prompty_private.summarize_analytics(date) is
  'Recomputes analytics_summary for one JST day from analytics_views, likes, comments, bookmarks and purchases (idempotent upsert; rows of prompts without activity that day are removed). Returns the number of prompts with activity that day.';

create function prompty_private.summarize_recent_analytics() returns bigint
language sql
security definer
set search_path = ''
as $$
  select prompty_private.summarize_analytics(prompty_private.jst_today() - 1)
       + prompty_private.summarize_analytics(prompty_private.jst_today())
$$;
comment on function prompty_private.summarize_recent_analytics() is 'Summarizes yesterday and today (JST). Run by pg_cron every hour.';

select cron.schedule('prompty-analytics-summary', '10 * * * *', 'select prompty_private.summarize_recent_analytics()');
