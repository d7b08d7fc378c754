-- Prompty: tags do not pile up (issue 5 review, unbounded growth).
--
-- prompty.set_prompt_tags creates missing tags on demand, so a user re-tagging a prompt with
-- random words could grow prompty.tags without bound (nothing ever removed a tag). A daily
-- pg_cron job deletes tags that no prompt uses and that are older than a day. It skips tag
-- rows that a concurrent tagging holds (for update skip locked); a tagging that reaches a tag
-- just pruned fails with 23503 and succeeds when retried (the tag is created again).
--
-- Objects: prompty_private.prune_tags(), cron job prompty-prune-tags

create function prompty_private.prune_tags() returns bigint
language sql
security definer
set search_path = ''
as $$
  with unused as (
    select t.id from prompty.tags t
    where t.created_at < now() - interval '1 day'
      and not exists (select 1 from prompty.prompt_tags pt where pt.tag_id = t.id)
    for update skip locked
  ), pruned as (
    delete from prompty.tags t using unused u where t.id = u.id
    returning 1
  )
  select count(*) from pruned
$$;
comment on function prompty_private.prune_tags() is
  'Deletes tags no prompt uses that are older than a day (pg_cron daily). Returns how many.';

select cron.schedule('prompty-prune-tags', '17 3 * * *', 'select prompty_private.prune_tags()');
