-- Prompty drafts: unfinished prompts, private to their author, published in one step.
--
-- A draft may be new work (prompt_id null) or pending edits of one of the author's prompts.
-- Drafts have no minimum lengths; publishing applies the prompt's rules (PT110-PT115) and
-- either creates the prompt or updates it, sets its tags and deletes the draft, all in one
-- transaction. publish_draft is idempotent on client_request_id (a retry returns the same
-- prompt).
--
-- Objects: prompty.drafts, prompty_private.validate_draft(), prompty.publish_draft()
-- Errors: PT100 sign-in required, PT116 draft not found, PT120 prompt not found,
--         PT110-PT115 from the prompt's rules, PI400/PI409 idempotency.

create table prompty.drafts (
  id uuid primary key default gen_random_uuid(),
  author_id uuid not null default auth.uid() references prompty.profiles (id) on delete cascade,
  prompt_id uuid references prompty.prompts (id) on delete cascade,
  title text,
  description text,
  content text,
  prompt_title text,
  prompt_content text,
  category_id uuid references prompty.categories (id) on delete set null,
  price integer not null default 0,
  is_free boolean not null default true,
  is_premium boolean not null default false,
  preview_lines integer not null default 3,
  ai_model text,
  media_type text not null default 'image',
  thumbnail_url text,
  site_url text,
  tags text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint drafts_title_length check (char_length(title) <= 200),
  constraint drafts_description_length check (char_length(description) <= 2000),
  constraint drafts_content_length check (char_length(content) <= 100000),
  constraint drafts_prompt_title_length check (char_length(prompt_title) <= 200),
  constraint drafts_prompt_content_length check (char_length(prompt_content) <= 100000),
  constraint drafts_price_range check (price between 0 and 1000000),
  constraint drafts_preview_lines_range check (preview_lines between 1 and 20),
  constraint drafts_ai_model_length check (char_length(ai_model) <= 50),
  constraint drafts_media_type_check check (media_type in ('image', 'video', 'text', 'audio')),
  constraint drafts_url_length check (char_length(thumbnail_url) <= 500 and char_length(site_url) <= 500),
  constraint drafts_tags_max check (cardinality(tags) <= 10)
);
comment on table prompty.drafts is 'Unfinished prompts or pending edits of one (prompt_id). Visible to their author only; prompty.publish_draft turns one into a prompt.';
comment on column prompty.drafts.prompt_id is 'The author''s prompt these are edits of; null for a new prompt.';
create index drafts_author_id_updated_at_idx on prompty.drafts (author_id, updated_at desc);
create index drafts_prompt_id_idx on prompty.drafts (prompt_id);
create index drafts_category_id_idx on prompty.drafts (category_id);

alter table prompty.drafts enable row level security;
revoke all on prompty.drafts from anon, authenticated;
grant select, delete on prompty.drafts to authenticated;
grant insert (prompt_id, title, description, content, prompt_title, prompt_content, category_id, price, is_free,
              is_premium, preview_lines, ai_model, media_type, thumbnail_url, site_url, tags),
      update (prompt_id, title, description, content, prompt_title, prompt_content, category_id, price, is_free,
              is_premium, preview_lines, ai_model, media_type, thumbnail_url, site_url, tags)
  on prompty.drafts to authenticated;
grant select, insert, update, delete on prompty.drafts to service_role;

create policy drafts_select_authenticated on prompty.drafts for select to authenticated
  using (author_id = (select auth.uid()));
comment on policy drafts_select_authenticated on prompty.drafts is 'Only the author sees their drafts.';
create policy drafts_insert_authenticated on prompty.drafts for insert to authenticated
  with check (author_id = (select auth.uid()));
comment on policy drafts_insert_authenticated on prompty.drafts is 'Users write drafts as themselves.';
create policy drafts_update_authenticated on prompty.drafts for update to authenticated
  using (author_id = (select auth.uid())) with check (author_id = (select auth.uid()));
comment on policy drafts_update_authenticated on prompty.drafts is 'The author edits their drafts.';
create policy drafts_delete_authenticated on prompty.drafts for delete to authenticated
  using (author_id = (select auth.uid()));
comment on policy drafts_delete_authenticated on prompty.drafts is 'The author deletes their drafts.';

create function prompty_private.validate_draft() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.prompt_id is not null
     and not exists (select 1 from prompty.prompts p where p.id = new.prompt_id and p.author_id = new.author_id) then
    raise exception using errcode = 'PT120', message = 'prompt not found', hint = 'a draft edits one of its author''s prompts';
  end if;
  if cardinality(new.tags) > 10 then
    raise exception using errcode = 'PT115', message = 'a prompt has at most 10 tags';
  end if;
  return new;
end
$$;
comment on function prompty_private.validate_draft() is 'BEFORE INSERT/UPDATE trigger on drafts: PT120 when prompt_id is not the author''s prompt, PT115 more than 10 tags.';

create trigger drafts_before_write_validate before insert or update of prompt_id, tags on prompty.drafts
  for each row execute function prompty_private.validate_draft();
create trigger drafts_before_update_touch before update on prompty.drafts
  for each row execute function prompty_private.touch_updated_at();

create function prompty.publish_draft(p_draft_id uuid, p_client_request_id uuid) returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_replay jsonb;
  v_draft prompty.drafts;
  v_prompt_id uuid;
begin
  if v_uid is null then
    raise exception using errcode = 'PT100', message = 'sign-in required';
  end if;
  v_replay := private.idempotency_begin('prompty.publish_draft', p_client_request_id, jsonb_build_object('draft_id', p_draft_id));
  if v_replay is not null then
    return v_replay;
  end if;

  select * into v_draft from prompty.drafts where id = p_draft_id and author_id = v_uid for update;
  if not found then
    raise exception using errcode = 'PT116', message = 'draft not found';
  end if;

  if v_draft.prompt_id is null then
    insert into prompty.prompts (title, description, content, prompt_title, prompt_content, category_id, price, is_free,
                                 is_premium, preview_lines, ai_model, media_type, thumbnail_url, site_url, published)
    values (coalesce(v_draft.title, ''), v_draft.description, coalesce(v_draft.content, ''), v_draft.prompt_title,
            v_draft.prompt_content, v_draft.category_id, v_draft.price, v_draft.is_free, v_draft.is_premium,
            v_draft.preview_lines, v_draft.ai_model, v_draft.media_type, v_draft.thumbnail_url, v_draft.site_url, true)
    returning id into v_prompt_id;
  else
    update prompty.prompts
    set title = coalesce(v_draft.title, ''), description = v_draft.description, content = coalesce(v_draft.content, ''),
        prompt_title = v_draft.prompt_title, prompt_content = v_draft.prompt_content, category_id = v_draft.category_id,
        price = v_draft.price, is_free = v_draft.is_free, is_premium = v_draft.is_premium,
        preview_lines = v_draft.preview_lines, ai_model = v_draft.ai_model, media_type = v_draft.media_type,
        thumbnail_url = v_draft.thumbnail_url, site_url = v_draft.site_url, published = true
    where id = v_draft.prompt_id and author_id = v_uid
    returning id into v_prompt_id;
    if v_prompt_id is null then
      raise exception using errcode = 'PT120', message = 'prompt not found';
    end if;
  end if;
  perform prompty.set_prompt_tags(v_prompt_id, v_draft.tags);
  delete from prompty.drafts where id = p_draft_id;

  return private.idempotency_finish('prompty.publish_draft', p_client_request_id,
                                    jsonb_build_object('prompt_id', v_prompt_id, 'created', v_draft.prompt_id is null));
end
$$;
comment on function prompty.publish_draft(uuid, uuid) is
  'Publishes a draft: creates the prompt (or applies the edits to draft.prompt_id), sets its tags, deletes the draft. Returns {prompt_id, created} ({..., replayed: true} on a retry with the same client_request_id). Errors: PT100, PT116 draft not found, PT120 edited prompt gone, PT110-PT115 invalid prompt (nothing is written), PI400/PI409.';
grant execute on function prompty.publish_draft(uuid, uuid) to authenticated;
