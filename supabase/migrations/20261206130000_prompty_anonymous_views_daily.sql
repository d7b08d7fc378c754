-- Prompty: anonymous views are also limited per day (security review L2).
--
-- 20261205300100 counts at most 100 new anonymous visitors per prompt in any 10 minutes, which
-- still let a bot rotating visitor ids add 14,400 views a day to one prompt's view_count (trending
-- was already capped). New anonymous visitors now count at most anon_view_daily_limit() (1,000)
-- per prompt and JST day; beyond, a new anonymous view is throttled like beyond the window limit
-- (not counted, not logged). Signed-in views are unchanged.
--
-- Objects: prompty_private.anon_view_daily_limit(), index analytics_views_anon_day_idx,
--          prompty_private.record_view() (replaced)

create function prompty_private.anon_view_daily_limit() returns integer
language sql immutable
set search_path = ''
as $$ select 1000 $$;
comment on function prompty_private.anon_view_daily_limit() is
  'How many new anonymous visitors are counted per prompt and JST day.';
grant execute on function prompty_private.anon_view_daily_limit() to anon, authenticated, service_role;

create index analytics_views_anon_day_idx on prompty.analytics_views (prompt_id, view_day) where visitor_id like 'v:%';

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
      -- A new visitor today. Anonymous ones are counted up to the limit per window and per day.
      if v_uid is null then
        v_throttled := (select count(*) from (
                          select 1 from prompty.analytics_views a
                          where a.prompt_id = p_prompt_id and a.visitor_id like 'v:%'
                            and a.viewed_at > now() - prompty_private.anon_view_window()
                          limit prompty_private.anon_view_limit()) recent) >= prompty_private.anon_view_limit()
                    or (select count(*) from (
                          select 1 from prompty.analytics_views a
                          where a.prompt_id = p_prompt_id and a.view_day = v_day and a.visitor_id like 'v:%'
                          limit prompty_private.anon_view_daily_limit()) today) >= prompty_private.anon_view_daily_limit();
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
  'Records a view for the caller (see prompty.record_prompt_view): once per visitor, prompt and JST day; new anonymous visitors at most anon_view_limit() per prompt per anon_view_window() and anon_view_daily_limit() per prompt and JST day (throttled: true beyond). Security definer: writes analytics and counters clients cannot write.';

comment on function prompty.record_prompt_view(uuid, text) is
  'Records that the caller opened a prompt: counts at most once per visitor (the user, or p_visitor_id when signed out) per prompt per JST day, adds to recently_viewed_prompts for users (latest 50), logs analytics_views. New anonymous visitors count at most 100 per prompt per 10 minutes and 1,000 per prompt per JST day (beyond: throttled, not counted, not logged). The author''s own views and non-public prompts are not counted. Returns {prompt_id, counted, throttled, view_count}. Errors: PT140 missing/invalid visitor id when signed out, PT120 prompt not found.';
