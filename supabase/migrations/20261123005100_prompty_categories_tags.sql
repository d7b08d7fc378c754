-- Prompty categories (a hierarchy without cycles) and tags.
--
-- Categories are public and maintained by admins (RLS). parent_id builds a tree; a trigger
-- refuses any change that would make a cycle (PT170), serialised by an advisory lock so two
-- concurrent moves cannot make one together. Tags are public; they are created on demand by
-- prompty.set_prompt_tags (20261123005110), never directly by clients.
--
-- Objects: prompty.categories, prompty.tags, prompty_private.check_category_cycle(),
--          prompty_private.category_subtree(), prompty_private.normalize_tag()
-- Errors: PT170 category cycle, PT171 invalid category field.

create table prompty.categories (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  slug text not null,
  description text,
  icon text,
  parent_id uuid references prompty.categories (id) on delete restrict,
  sort_order integer not null default 0,
  created_by uuid default auth.uid() references prompty.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint categories_name_key unique (name),
  constraint categories_slug_key unique (slug),
  constraint categories_name_length check (char_length(btrim(name)) between 1 and 50),
  constraint categories_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 50),
  constraint categories_description_length check (char_length(description) <= 500),
  constraint categories_icon_length check (char_length(icon) <= 50),
  constraint categories_not_own_parent check (parent_id <> id)
);
comment on table prompty.categories is 'Prompt categories, a tree through parent_id (no cycles). Public; admins maintain them.';
comment on column prompty.categories.parent_id is 'Parent category; null for a top-level one. Cycles are refused (PT170).';
create index categories_parent_id_idx on prompty.categories (parent_id);
create index categories_created_by_idx on prompty.categories (created_by);

alter table prompty.categories enable row level security;
revoke all on prompty.categories from anon, authenticated;
grant select on prompty.categories to anon, authenticated;
grant insert (name, slug, description, icon, parent_id, sort_order),
      update (name, slug, description, icon, parent_id, sort_order), delete
  on prompty.categories to authenticated;
grant select, insert, update, delete on prompty.categories to service_role;

create policy categories_select_anon on prompty.categories for select to anon using (true);
comment on policy categories_select_anon on prompty.categories is 'Categories are public.';
create policy categories_select_authenticated on prompty.categories for select to authenticated using (true);
comment on policy categories_select_authenticated on prompty.categories is 'Categories are public.';
create policy categories_insert_authenticated on prompty.categories for insert to authenticated
  with check ((select prompty_private.is_admin_user()));
comment on policy categories_insert_authenticated on prompty.categories is 'Admins add categories.';
create policy categories_update_authenticated on prompty.categories for update to authenticated
  using ((select prompty_private.is_admin_user())) with check ((select prompty_private.is_admin_user()));
comment on policy categories_update_authenticated on prompty.categories is 'Admins edit categories.';
create policy categories_delete_authenticated on prompty.categories for delete to authenticated
  using ((select prompty_private.is_admin_user()));
comment on policy categories_delete_authenticated on prompty.categories is 'Admins delete categories (not one with children: restrict).';

create function prompty_private.check_category_cycle() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.parent_id is null then
    return new;
  end if;
  -- One hierarchy change at a time, so two concurrent moves cannot build a cycle together.
  perform pg_advisory_xact_lock(hashtext('prompty.categories.hierarchy'));
  if new.parent_id = new.id or exists (
    with recursive ancestors (id, parent_id) as (
      select c.id, c.parent_id from prompty.categories c where c.id = new.parent_id
      union
      select c.id, c.parent_id from prompty.categories c join ancestors a on c.id = a.parent_id
    )
    select 1 from ancestors where ancestors.id = new.id
  ) then
    raise exception using errcode = 'PT170',
      message = format('category %s cannot be placed under %s: that would make a cycle', new.id, new.parent_id);
  end if;
  return new;
end
$$;
comment on function prompty_private.check_category_cycle() is
  'BEFORE INSERT/UPDATE OF parent_id trigger on categories: PT170 when the new parent is the category itself or one of its descendants.';

create function prompty_private.validate_category() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.slug is null or new.slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$' or char_length(new.slug) > 50 then
    raise exception using errcode = 'PT171', message = 'slug must be lowercase words of a-z 0-9 joined by -, at most 50 characters';
  end if;
  if new.name is null or char_length(btrim(new.name)) not between 1 and 50 then
    raise exception using errcode = 'PT171', message = 'name must have 1-50 characters';
  end if;
  return new;
end
$$;
comment on function prompty_private.validate_category() is 'BEFORE INSERT/UPDATE trigger on categories: PT171 invalid name or slug.';

create trigger categories_before_write_check_cycle
  before insert or update of parent_id on prompty.categories
  for each row execute function prompty_private.check_category_cycle();
create trigger categories_before_write_validate
  before insert or update of name, slug on prompty.categories
  for each row execute function prompty_private.validate_category();
create trigger categories_before_update_touch before update on prompty.categories
  for each row execute function prompty_private.touch_updated_at();

create function prompty_private.category_subtree(p_category_id uuid) returns uuid[]
language sql stable
set search_path = ''
as $$
  with recursive subtree (id) as (
    select c.id from prompty.categories c where c.id = p_category_id
    union
    select c.id from prompty.categories c join subtree s on c.parent_id = s.id
  )
  select coalesce(array_agg(id), '{}') from subtree
$$;
comment on function prompty_private.category_subtree(uuid) is 'The category and all of its descendants (empty when it does not exist).';
grant execute on function prompty_private.category_subtree(uuid) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- tags
-- ---------------------------------------------------------------------------------------
create table prompty.tags (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  created_at timestamptz not null default now(),
  constraint tags_name_key unique (name),
  constraint tags_name_format check (char_length(name) between 1 and 30 and name = lower(name) and name !~ '[\s,#]')
);
comment on table prompty.tags is
  'Tag names (normalized: NFKC, lowercase, no spaces, commas or #, 1-30 characters). Public; created by prompty.set_prompt_tags.';

alter table prompty.tags enable row level security;
revoke all on prompty.tags from anon, authenticated;
grant select on prompty.tags to anon, authenticated;
grant select, insert, update, delete on prompty.tags to service_role;

create policy tags_select_anon on prompty.tags for select to anon using (true);
comment on policy tags_select_anon on prompty.tags is 'Tags are public.';
create policy tags_select_authenticated on prompty.tags for select to authenticated using (true);
comment on policy tags_select_authenticated on prompty.tags is 'Tags are public.';

create function prompty_private.normalize_tag(p_tag text) returns text
language sql immutable
set search_path = ''
as $$
  select nullif(lower(normalize(btrim(ltrim(btrim(p_tag), '#')), nfkc)), '')
$$;
comment on function prompty_private.normalize_tag(text) is 'A tag as stored: NFKC, lowercase, trimmed, without a leading #. Null when empty.';
grant execute on function prompty_private.normalize_tag(text) to anon, authenticated, service_role;
