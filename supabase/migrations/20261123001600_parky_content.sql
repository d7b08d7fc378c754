-- Parky: media articles and ads (read-only for the app, maintained by admins).
--
-- Published = published_at <= now() and (no end, or the end is still ahead) and not soft-deleted.
-- anon and app users read published rows; admins read and write everything.
--
-- Objects: parky.articles, parky.ads, parky_private.content_check_images().

create table parky.articles (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
  title text not null check (length(title) between 1 and 200),
  summary text check (length(summary) <= 500),
  body text not null default '' check (length(body) <= 100000),
  cover_image_url text,
  category text not null default 'news',
  author_name text check (length(author_name) <= 100),
  published_at timestamptz,
  unpublished_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  constraint articles_unpublished_after_published check (unpublished_at is null or published_at is null or unpublished_at > published_at)
);
comment on table parky.articles is 'Media articles shown in the app; visible once published_at <= now() and until unpublished_at.';
comment on column parky.articles.category is 'article_category code.';
comment on column parky.articles.published_at is 'Null: draft. A future time schedules the article.';
comment on column parky.articles.unpublished_at is 'Optional end of publication.';
create index articles_published_at_idx on parky.articles (published_at desc) where deleted_at is null;

create table parky.ads (
  id uuid primary key default gen_random_uuid(),
  title text not null check (length(title) between 1 and 200),
  image_url text not null,
  link_url text not null check (link_url ~ '^(https|parky)://'),
  placement text not null,
  priority int not null default 0,
  published_at timestamptz,
  ends_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  constraint ads_ends_after_published check (ends_at is null or published_at is null or ends_at > published_at)
);
comment on table parky.ads is 'Ads by placement; visible once published_at <= now() and until ends_at.';
comment on column parky.ads.placement is 'ad_placement code: home_banner, search_list, lot_detail.';
comment on column parky.ads.link_url is 'https:// page or parky:// deep link opened on tap.';
create index ads_placement_published_at_idx on parky.ads (placement, published_at desc) where deleted_at is null;

create trigger articles_before_update_set_updated_at before update on parky.articles
  for each row execute function parky_private.set_updated_at();
create trigger ads_before_update_set_updated_at before update on parky.ads
  for each row execute function parky_private.set_updated_at();
create trigger articles_before_write_check_codes before insert or update on parky.articles
  for each row execute function parky_private.check_codes('category', 'article_category');
create trigger ads_before_write_check_codes before insert or update on parky.ads
  for each row execute function parky_private.check_codes('placement', 'ad_placement');

create function parky_private.content_check_images() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform parky_private.check_image_urls(array_remove(array[(pg_catalog.to_jsonb(new) ->> tg_argv[0])], null));
  return new;
end
$$;
comment on function parky_private.content_check_images() is
  'BEFORE INSERT/UPDATE trigger: the image column named by the argument is null or an allowed image URL (PK106).';
create trigger articles_before_write_check_images before insert or update of cover_image_url on parky.articles
  for each row execute function parky_private.content_check_images('cover_image_url');
create trigger ads_before_write_check_images before insert or update of image_url on parky.ads
  for each row execute function parky_private.content_check_images('image_url');

alter table parky.articles enable row level security;
alter table parky.ads enable row level security;
revoke all on parky.articles, parky.ads from anon, authenticated;
grant select (id, slug, title, summary, body, cover_image_url, category, author_name, published_at, unpublished_at,
              created_at, updated_at) on parky.articles to anon;
grant select on parky.articles to authenticated;
grant insert (slug, title, summary, body, cover_image_url, category, author_name, published_at, unpublished_at)
  on parky.articles to authenticated;
grant update (slug, title, summary, body, cover_image_url, category, author_name, published_at, unpublished_at, deleted_at)
  on parky.articles to authenticated;
grant select (id, title, image_url, link_url, placement, priority, published_at, ends_at) on parky.ads to anon;
grant select on parky.ads to authenticated;
grant insert (title, image_url, link_url, placement, priority, published_at, ends_at) on parky.ads to authenticated;
grant update (title, image_url, link_url, placement, priority, published_at, ends_at, deleted_at) on parky.ads to authenticated;
grant select, insert, update, delete on parky.articles, parky.ads to service_role;

-- articles_select_anon / ads_select_anon: published rows.
create policy articles_select_anon on parky.articles for select to anon
  using (deleted_at is null and published_at <= now() and (unpublished_at is null or unpublished_at > now()));
create policy ads_select_anon on parky.ads for select to anon
  using (deleted_at is null and published_at <= now() and (ends_at is null or ends_at > now()));
-- articles_select_authenticated / ads_select_authenticated: published rows; admins see all.
create policy articles_select_authenticated on parky.articles for select to authenticated
  using ((deleted_at is null and published_at <= now() and (unpublished_at is null or unpublished_at > now()))
         or (select parky_private.is_admin()));
create policy ads_select_authenticated on parky.ads for select to authenticated
  using ((deleted_at is null and published_at <= now() and (ends_at is null or ends_at > now()))
         or (select parky_private.is_admin()));
-- articles/ads insert and update: admins (soft delete = setting deleted_at).
create policy articles_insert_authenticated on parky.articles for insert to authenticated
  with check ((select parky_private.is_admin()));
create policy articles_update_authenticated on parky.articles for update to authenticated
  using ((select parky_private.is_admin())) with check ((select parky_private.is_admin()));
create policy ads_insert_authenticated on parky.ads for insert to authenticated
  with check ((select parky_private.is_admin()));
create policy ads_update_authenticated on parky.ads for update to authenticated
  using ((select parky_private.is_admin())) with check ((select parky_private.is_admin()));
