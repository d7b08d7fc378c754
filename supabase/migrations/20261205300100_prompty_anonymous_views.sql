-- Prompty: anonymous views cannot dominate view counts and trending (security review finding F5).
--
-- A signed-out client chooses its visitor id, so rotating ids made every request a new
-- "unique daily view": view_count, analytics and the trending score could be inflated at
-- will. Anonymous views still count (the spec counts visitors), but bounded:
--   * visitor ids keep their format check (PT140: 8-64 of A-Z a-z 0-9 _ -);
--   * at most anon_view_limit() (100) new anonymous visitors are counted per prompt in any
--     anon_view_window() (10 minutes); beyond that a new anonymous view is neither counted
--     nor logged (no analytics row: storage stays bounded too) and the answer says
--     throttled: true. A visitor already seen today is not throttled. The limit is soft under
--     concurrency (sessions that check at the same moment may pass it together); it needs no
--     lock, so a viral prompt does not get a hot row;
--   * the page views of one visitor-day stop at 100 (analytics_views.views);
--   * trending: a signed-in user's daily view weighs 0.2 as before, anonymous views weigh
--     0.05 each and count at most 50 per prompt and day (at most 2.5, like 2.5 likes).
-- Signed-in views are unchanged (one per user, prompt and JST day). An edge rate limit per IP
-- is still recommended (the database does not see a trustworthy client address).
--
-- Objects: prompty_private.anon_view_limit(), prompty_private.anon_view_window(),
--          index analytics_views_anon_recent_idx, prompty_private.record_view() (replaced),
--          prompty_private.refresh_trending() (replaced)
-- Errors: PT120 prompt not found, PT140 invalid visitor id.

create function prompty_private.anon_view_limit() returns integer
language sql immutable
set search_path = ''
as $$ select 100 $$;
comment on function prompty_private.anon_view_limit() is
  'How many new anonymous visitors are counted per prompt within prompty_private.anon_view_window().';
grant execute on function prompty_private.anon_view_limit() to anon, authenticated, service_role;

create function prompty_private.anon_view_window() returns interval
language sql immutable
set search_path = ''
as $$ select interval '10 minutes' $$;
comment on function prompty_private.anon_view_window() is 'The sliding window of prompty_private.anon_view_limit().';
grant execute on function prompty_private.anon_view_window() to anon, authenticated, service_role;

create index analytics_views_anon_recent_idx on prompty.analytics_views (prompt_id, viewed_at) where visitor_id like 'v:%';

create or replace function prompty_private.record_view(p_prompt_id uuid, p_visitor_id text) returns jsonb
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
  v_throttled boolean := false;
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
    update prompty.analytics_views set views = views + 1, last_viewed_at = now()
    where prompt_id = p_prompt_id and view_day = v_day and visitor_id = v_visitor and views < 100;
    if not found and not exists (select 1 from prompty.analytics_views
                                 where prompt_id = p_prompt_id and view_day = v_day and visitor_id = v_visitor) then
      -- A new visitor today. Anonymous ones are counted up to the limit per window.
      if v_uid is null then
        v_throttled := (select count(*) from (
                          select 1 from prompty.analytics_views a
                          where a.prompt_id = p_prompt_id and a.visitor_id like 'v:%'
                            and a.viewed_at > now() - prompty_private.anon_view_window()
                          limit prompty_private.anon_view_limit()) recent) >= prompty_private.anon_view_limit();
      end if;
      if not v_throttled then
        insert into prompty.analytics_views (prompt_id, visitor_id, user_id, view_day)
        values (p_prompt_id, v_visitor, v_uid, v_day)
        on conflict (prompt_id, view_day, visitor_id) do nothing
        returning true into v_new;
        if v_new then
          perform prompty_private.bump_prompt_counters(p_prompt_id, p_views => 1);
          v_counted := true;
        end if;
      end if;
    end if;
  end if;

  return jsonb_build_object('prompt_id', p_prompt_id, 'counted', v_counted, 'throttled', v_throttled,
                            'view_count', (select c.view_count from prompty_private.prompt_counts(p_prompt_id) c));
end
$$;
comment on function prompty_private.record_view(uuid, text) is
  'Records a view for the caller (see prompty.record_prompt_view): once per visitor, prompt and JST day; new anonymous visitors at most anon_view_limit() per prompt per anon_view_window() (throttled: true beyond). Security definer: writes analytics and counters clients cannot write.';

comment on function prompty.record_prompt_view(uuid, text) is
  'Records that the caller opened a prompt: counts at most once per visitor (the user, or p_visitor_id when signed out) per prompt per JST day, adds to recently_viewed_prompts for users (latest 50), logs analytics_views. New anonymous visitors count at most 100 per prompt per 10 minutes (beyond: throttled, not counted, not logged). The author''s own views and non-public prompts are not counted. Returns {prompt_id, counted, throttled, view_count}. Errors: PT140 missing/invalid visitor id when signed out, PT120 prompt not found.';

create or replace function prompty_private.refresh_trending() returns bigint
language sql
security definer
set search_path = ''
as $$
  with events as (
    select prompt_id, 1.0 as weight, created_at as at from prompty.likes where created_at > now() - interval '7 days'
    union all
    select prompt_id, 2.0, created_at from prompty.comments where created_at > now() - interval '7 days' and hidden_at is null
    union all
    select prompt_id, 1.5, created_at from prompty.bookmarks where created_at > now() - interval '7 days'
    union all
    select prompt_id, 0.2, viewed_at from prompty.analytics_views
    where view_day >= prompty_private.jst_today() - 7 and visitor_id like 'u:%'
    union all
    -- Anonymous views: 0.05 each, at most 50 per prompt and day.
    select prompt_id, 0.05 * least(count(*), 50), min(viewed_at) from prompty.analytics_views
    where view_day >= prompty_private.jst_today() - 7 and visitor_id like 'v:%'
    group by prompt_id, view_day
  ), scores as (
    select prompt_id, sum(weight / (1.0 + extract(epoch from now() - at) / 86400.0)) as score
    from events group by prompt_id
  ), target as (
    select p.id, round(coalesce(s.score, 0), 4)::double precision as score
    from prompty.prompts p
    left join scores s on s.prompt_id = p.id
    where p.trending_score <> 0 or s.prompt_id is not null
  ), updated as (
    update prompty.prompts p set trending_score = t.score
    from target t
    where p.id = t.id and p.trending_score is distinct from t.score
    returning 1
  )
  select count(*) from updated
$$;
comment on function prompty_private.refresh_trending() is
  'Recomputes prompts.trending_score over the last 7 days, each event divided by 1 + its age in days: likes 1, comments 2, bookmarks 1.5, signed-in daily views 0.2, anonymous daily views 0.05 (at most 50 per prompt and day). pg_cron every 10 minutes. Returns the rows changed.';
