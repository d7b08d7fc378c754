-- Parky activity log: an app-logged article_read must name a published article (security review,
-- M2 rest).
--
-- The reader badge counts distinct article ids of article_read events, which apps log
-- themselves: ten made-up ids earned it (and its EXP) in a second. The BEFORE INSERT trigger now
-- refuses an app-logged article_read whose article.id is not a published, not deleted article
-- (PK306, the same rule as the articles' read policy; any spelling of the uuid), stores the
-- article's canonical id and takes its category from the article rather than from the app. Server
-- events are not checked (the server writes what it knows). Apps must therefore not log reads of
-- drafts (an admin's preview) or of articles unpublished since: those are refused. Other app-logged types earn nothing that distinct values could farm: app_open and
-- search count events (capped at 300 an hour, PK305), lot_view earns nothing.
--
-- Objects: parky_private.activity_logs_before_insert() (replaced)
-- Errors: PK306 article_read of an unknown or unpublished article.

create or replace function parky_private.activity_logs_before_insert() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_article parky.articles;
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
    if (select auth.uid()) is not null
       and (select count(*) from (
              select from parky.user_activity_logs l
              where l.user_id = new.user_id and l.activity_type = new.activity_type
                and l.occurred_at > pg_catalog.now() - interval '1 hour' and not l.is_server
              limit 300) recent) >= 300 then
      raise exception using errcode = 'PK305',
        message = format('too many %s events in the last hour', new.activity_type),
        hint = 'apps may log at most 300 events of one type per hour';
    end if;
    if new.activity_type = 'article_read' then
      -- any spelling of a uuid (apps may send upper case); the row keeps the canonical one
      if coalesce(new.metadata #>> '{article,id}' ~* '^[0-9a-f]{8}-?([0-9a-f]{4}-?){3}[0-9a-f]{12}$', false) then
        select * into v_article from parky.articles a
        where a.id = (new.metadata #>> '{article,id}')::uuid
          and a.deleted_at is null and a.published_at <= pg_catalog.now()
          and (a.unpublished_at is null or a.unpublished_at > pg_catalog.now());
      end if;
      if v_article.id is null then
        raise exception using errcode = 'PK306', message = 'article_read needs the id of a published article',
          hint = 'metadata: {"article": {"id": "<articles.id>"}}';
      end if;
      new.metadata := jsonb_set(jsonb_set(new.metadata, '{article,id}', to_jsonb(v_article.id::text)),
                                '{article,category}', to_jsonb(v_article.category));
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
  'be a client_insertable type (PK302) with metadata up to 2 kB (PK303), at most 300 of a type per user and hour when '
  'a signed-in client writes them (PK305), an article_read of a published article (PK306; its category is the '
  'article''s), and get no source and the server''s time.';
