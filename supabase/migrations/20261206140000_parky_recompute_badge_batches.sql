-- Parky gamification: recompute_badge works in batches of users (one transaction each).
--
-- recompute_badge(badge) replayed the badge for every user in one call, so in one transaction:
-- each user's lock was held until the whole run committed (that user's events — ending a session,
-- an approved review — waited for minutes on a large base), and through the API it ran into the
-- statement timeout and rolled back. It now processes at most p_max_users users (default 500, in
-- user id order) after the cursor p_after_user and returns next_after_user; the caller calls again
-- with it until it is null. Each call is its own transaction: locks are held for one batch. A
-- badge edited between calls is applied from that call on; calling again from the start is safe
-- (idempotent).
--
-- Objects: parky.recompute_badge(bigint) and parky_private.recompute_badge(bigint) replaced by
--          (bigint, uuid, int) versions.
-- Errors: PK107 not an admin, PK310 unknown badge, PK316 p_max_users outside 1..5000.

drop function parky.recompute_badge(bigint);
drop function parky_private.recompute_badge(bigint);

create function parky_private.recompute_badge(p_badge_id bigint, p_after_user uuid default null, p_max_users int default 500)
returns jsonb
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_user uuid;
  v_log parky.user_activity_logs;
  v_users int := 0;
begin
  perform parky_private.assert_gamification_operator();
  if not exists (select from parky.badge_definitions b where b.id = p_badge_id) then
    raise exception using errcode = 'PK310', message = format('badge %s not found', p_badge_id);
  end if;
  if p_max_users is null or p_max_users not between 1 and 5000 then
    raise exception using errcode = 'PK316', message = 'p_max_users must be between 1 and 5000';
  end if;
  -- every user after the cursor, in id order (a user without events of the badge costs a few probes)
  for v_user in select u.id from parky.app_users u where p_after_user is null or u.id > p_after_user
                order by u.id limit p_max_users loop
    perform pg_catalog.pg_advisory_xact_lock(7301, pg_catalog.hashtext(v_user::text));
    delete from parky.user_badge_progress p where p.user_id = v_user and p.badge_id = p_badge_id;
    delete from parky_private.badge_distinct_values d where d.user_id = v_user and d.badge_id = p_badge_id;
    delete from parky_private.badge_day_totals d where d.user_id = v_user and d.badge_id = p_badge_id;
    update parky.user_exp e set completed_badge_ids = array_remove(e.completed_badge_ids, p_badge_id)
    where e.user_id = v_user and p_badge_id = any(e.completed_badge_ids);
    for v_log in select l.* from parky.user_activity_logs l
                 where l.user_id = v_user
                   and l.activity_type in (select r.activity_type from parky_private.badge_rules r where r.badge_id = p_badge_id)
                 order by l.occurred_at, l.id loop
      continue when not parky_private.gam_countable(v_log);
      perform parky_private.gam_process(v_log, p_badge_id, false);
    end loop;
    v_users := v_users + 1;
  end loop;
  return jsonb_build_object('badge_id', p_badge_id, 'users', v_users,
                            'next_after_user', case when v_users = p_max_users then v_user end,
                            'awards', (select count(*) from parky.user_badges a where a.badge_id = p_badge_id));
end
$$;
comment on function parky_private.recompute_badge(bigint, uuid, int) is
  'Rebuilds one badge''s progress from the log (apply an edited definition) for up to p_max_users users after p_after_user, '
  'awarding what is missing; idempotent. Returns next_after_user for the next call, null when every user is done.';

create function parky.recompute_badge(p_badge_id bigint, p_after_user uuid default null, p_max_users int default 500)
returns jsonb
language sql volatile
security invoker
set search_path = ''
as $$
  select parky_private.recompute_badge(p_badge_id, p_after_user, p_max_users)
$$;
comment on function parky.recompute_badge(bigint, uuid, int) is
  'Admins / service role: applies a (changed) badge definition to the whole log, p_max_users users (default 500, in id '
  'order) after p_after_user per call: rebuilds the badge''s progress and awards what is now reached (idempotent; awards are '
  'never revoked). Returns {badge_id, users, next_after_user, awards}; call again with next_after_user until it is null. '
  'Errors PK107, PK310, PK316.';

grant execute on function
  parky_private.recompute_badge(bigint, uuid, int),
  parky.recompute_badge(bigint, uuid, int)
  to authenticated, service_role;
