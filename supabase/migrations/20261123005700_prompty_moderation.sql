-- Prompty moderation and operations: reports, feedback, contact form, admin actions.
--
-- Users report a prompt or a comment they can see (one report per user and target; reasons
-- and statuses of the seed). Admins read all reports and resolve them: dismiss, mark reviewed,
-- or hide the target (every pending report on it is then reviewed). Admins can also hide or
-- unhide a prompt or comment directly and feature a prompt. Feedback and contact messages may
-- be sent by anonymous visitors (length-limited); senders who are signed in read their own,
-- admins read and triage all.
--
-- Objects: prompty.reports, prompty.feedback, prompty.contacts,
--          prompty_private.prepare_report(), prompty_private.validate_feedback(),
--          prompty_private.validate_contact(), prompty_private.resolve_report(),
--          prompty.resolve_report(), prompty_private.moderate_prompt(), prompty.moderate_prompt(),
--          prompty_private.moderate_comment(), prompty.moderate_comment(),
--          prompty_private.set_prompt_featured(), prompty.set_prompt_featured()
-- Errors: PT100, PT120 prompt not found, PT132 comment not found, PT160 unknown reason,
--         PT161 unknown target type, PT162 target not found, PT163 already reported,
--         PT164 report details too long, PT165 invalid feedback/contact field,
--         PT166 invalid e-mail, PT167 invalid moderation action, PT168 report not found or
--         already resolved, PT180 admin only.

-- ---------------------------------------------------------------------------------------
-- reports
-- ---------------------------------------------------------------------------------------
create table prompty.reports (
  id uuid primary key default gen_random_uuid(),
  reporter_id uuid not null default auth.uid() references prompty.profiles (id) on delete cascade,
  target_type text not null,
  target_id uuid not null,
  prompt_id uuid not null references prompty.prompts (id) on delete cascade,
  reason text not null,
  details text,
  status text not null default 'pending',
  action text,
  resolution_note text,
  reviewed_by uuid references prompty.profiles (id) on delete set null,
  reviewed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reports_reporter_target_key unique (reporter_id, target_type, target_id),
  constraint reports_target_type_check check (target_type in ('comment', 'prompt')),
  constraint reports_reason_check check (reason in ('inappropriate', 'spam', 'harassment', 'misinformation', 'other')),
  constraint reports_status_check check (status in ('pending', 'reviewed', 'dismissed')),
  constraint reports_action_check check (action in ('none', 'hidden')),
  constraint reports_details_length check (char_length(details) <= 2000),
  constraint reports_resolution_note_length check (char_length(resolution_note) <= 1000),
  constraint reports_resolved_fields check ((status = 'pending') = (reviewed_at is null))
);
comment on table prompty.reports is
  'Reports of prompts and comments. One per user and target. Reporters read their own; admins read and resolve all (prompty.resolve_report).';
comment on column prompty.reports.target_id is 'The reported prompt or comment (target_type).';
comment on column prompty.reports.prompt_id is 'The prompt concerned: the target itself, or the commented prompt (server-set).';
comment on column prompty.reports.action is 'What the admin did when resolving: none or hidden.';
create index reports_status_created_at_idx on prompty.reports (status, created_at);
create index reports_target_idx on prompty.reports (target_type, target_id);
create index reports_prompt_id_idx on prompty.reports (prompt_id);
create index reports_reviewed_by_idx on prompty.reports (reviewed_by);

alter table prompty.reports enable row level security;
revoke all on prompty.reports from anon, authenticated;
grant select on prompty.reports to authenticated;
grant insert (target_type, target_id, reason, details) on prompty.reports to authenticated;
grant select, insert, update, delete on prompty.reports to service_role;

create policy reports_select_authenticated on prompty.reports for select to authenticated
  using (reporter_id = (select auth.uid()) or (select prompty_private.is_admin_user()));
comment on policy reports_select_authenticated on prompty.reports is 'Reporters read their reports; admins all.';
create policy reports_insert_authenticated on prompty.reports for insert to authenticated
  with check (reporter_id = (select auth.uid()));
comment on policy reports_insert_authenticated on prompty.reports is 'Users report as themselves.';

create function prompty_private.prepare_report() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.target_type is null or new.target_type not in ('comment', 'prompt') then
    raise exception using errcode = 'PT161', message = 'target_type must be prompt or comment';
  end if;
  if new.reason is null or new.reason not in ('inappropriate', 'spam', 'harassment', 'misinformation', 'other') then
    raise exception using errcode = 'PT160', message = 'reason must be inappropriate, spam, harassment, misinformation or other';
  end if;
  if char_length(new.details) > 2000 then
    raise exception using errcode = 'PT164', message = 'details have at most 2000 characters';
  end if;
  if new.target_type = 'prompt' then
    new.prompt_id := (select p.id from prompty.prompts p
                      where p.id = new.target_id and p.published and p.hidden_at is null and p.deleted_at is null);
  else
    new.prompt_id := (select c.prompt_id from prompty.comments c
                      join prompty.prompts p on p.id = c.prompt_id
                      where c.id = new.target_id and c.hidden_at is null
                        and p.published and p.hidden_at is null and p.deleted_at is null);
  end if;
  if new.prompt_id is null then
    raise exception using errcode = 'PT162', message = format('%s not found', new.target_type);
  end if;
  if exists (select 1 from prompty.reports r
             where r.reporter_id = new.reporter_id and r.target_type = new.target_type and r.target_id = new.target_id) then
    raise exception using errcode = 'PT163', message = 'you already reported this';
  end if;
  return new;
end
$$;
comment on function prompty_private.prepare_report() is
  'BEFORE INSERT trigger on reports: PT161 target type, PT160 reason, PT164 details, PT162 target not visible, PT163 duplicate; sets prompt_id. Security definer: looks at the target without the reporter''s RLS.';

create trigger reports_before_insert_prepare before insert on prompty.reports
  for each row execute function prompty_private.prepare_report();
create trigger reports_before_update_touch before update on prompty.reports
  for each row execute function prompty_private.touch_updated_at();

-- ---------------------------------------------------------------------------------------
-- Admin actions
-- ---------------------------------------------------------------------------------------
create function prompty_private.assert_admin() returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if not (select prompty_private.is_admin_user()) then
    raise exception using errcode = 'PT180', message = 'admin only';
  end if;
end
$$;
comment on function prompty_private.assert_admin() is 'PT180 unless the caller is an admin.';
grant execute on function prompty_private.assert_admin() to authenticated, service_role;

create function prompty_private.moderate_prompt(p_prompt_id uuid, p_hidden boolean, p_reason text) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform prompty_private.assert_admin();
  if p_hidden is null or char_length(p_reason) > 500 then
    raise exception using errcode = 'PT167', message = 'hidden is required; the reason has at most 500 characters';
  end if;
  update prompty.prompts
  set hidden_at = case when p_hidden then coalesce(hidden_at, now()) end,
      hidden_reason = case when p_hidden then p_reason end
  where id = p_prompt_id and deleted_at is null;
  if not found then
    raise exception using errcode = 'PT120', message = 'prompt not found';
  end if;
  return jsonb_build_object('prompt_id', p_prompt_id, 'hidden', p_hidden);
end
$$;
comment on function prompty_private.moderate_prompt(uuid, boolean, text) is 'Admin only: hides or unhides a prompt. Errors PT180, PT167, PT120.';
grant execute on function prompty_private.moderate_prompt(uuid, boolean, text) to authenticated;

create function prompty_private.moderate_comment(p_comment_id uuid, p_hidden boolean, p_reason text) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform prompty_private.assert_admin();
  if p_hidden is null or char_length(p_reason) > 500 then
    raise exception using errcode = 'PT167', message = 'hidden is required; the reason has at most 500 characters';
  end if;
  update prompty.comments
  set hidden_at = case when p_hidden then coalesce(hidden_at, now()) end,
      hidden_reason = case when p_hidden then p_reason end
  where id = p_comment_id;
  if not found then
    raise exception using errcode = 'PT132', message = 'comment not found';
  end if;
  return jsonb_build_object('comment_id', p_comment_id, 'hidden', p_hidden);
end
$$;
comment on function prompty_private.moderate_comment(uuid, boolean, text) is 'Admin only: hides or unhides a comment. Errors PT180, PT167, PT132.';
grant execute on function prompty_private.moderate_comment(uuid, boolean, text) to authenticated;

create function prompty_private.resolve_report(p_report_id uuid, p_action text, p_note text) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_report prompty.reports;
  v_resolved integer;
begin
  perform prompty_private.assert_admin();
  if p_action is null or p_action not in ('dismiss', 'review', 'hide') or char_length(p_note) > 1000 then
    raise exception using errcode = 'PT167', message = 'action must be dismiss, review or hide; the note has at most 1000 characters';
  end if;
  select * into v_report from prompty.reports where id = p_report_id and status = 'pending' for update;
  if not found then
    raise exception using errcode = 'PT168', message = 'report not found or already resolved';
  end if;

  if p_action = 'hide' then
    if v_report.target_type = 'prompt' then
      perform prompty_private.moderate_prompt(v_report.target_id, true, coalesce(p_note, v_report.reason));
    else
      perform prompty_private.moderate_comment(v_report.target_id, true, coalesce(p_note, v_report.reason));
    end if;
  end if;

  update prompty.reports
  set status = case p_action when 'dismiss' then 'dismissed' else 'reviewed' end,
      action = case p_action when 'hide' then 'hidden' else 'none' end,
      resolution_note = p_note, reviewed_by = (select auth.uid()), reviewed_at = now()
  where status = 'pending'
    and (id = p_report_id
         or (p_action = 'hide' and target_type = v_report.target_type and target_id = v_report.target_id));
  get diagnostics v_resolved = row_count;
  return jsonb_build_object('report_id', p_report_id,
                            'status', case p_action when 'dismiss' then 'dismissed' else 'reviewed' end,
                            'action', case p_action when 'hide' then 'hidden' else 'none' end,
                            'resolved_reports', v_resolved);
end
$$;
comment on function prompty_private.resolve_report(uuid, text, text) is 'Admin only: resolves a pending report (see prompty.resolve_report).';
grant execute on function prompty_private.resolve_report(uuid, text, text) to authenticated;

create function prompty.resolve_report(p_report_id uuid, p_action text, p_note text default null) returns jsonb
language sql
set search_path = ''
as $$
  select prompty_private.resolve_report(p_report_id, p_action, p_note)
$$;
comment on function prompty.resolve_report(uuid, text, text) is
  'Admin only. p_action: dismiss (status dismissed), review (reviewed, no action) or hide (hides the prompt or comment and marks every pending report on it reviewed). Returns {report_id, status, action, resolved_reports}. Errors: PT180 admin only, PT167 invalid action or note, PT168 report not found or already resolved.';
grant execute on function prompty.resolve_report(uuid, text, text) to authenticated;

create function prompty.moderate_prompt(p_prompt_id uuid, p_hidden boolean, p_reason text default null) returns jsonb
language sql
set search_path = ''
as $$
  select prompty_private.moderate_prompt(p_prompt_id, p_hidden, p_reason)
$$;
comment on function prompty.moderate_prompt(uuid, boolean, text) is
  'Admin only: hides (p_hidden true, with a reason shown to the author) or unhides a prompt. Returns {prompt_id, hidden}. Errors: PT180, PT167, PT120.';
grant execute on function prompty.moderate_prompt(uuid, boolean, text) to authenticated;

create function prompty.moderate_comment(p_comment_id uuid, p_hidden boolean, p_reason text default null) returns jsonb
language sql
set search_path = ''
as $$
  select prompty_private.moderate_comment(p_comment_id, p_hidden, p_reason)
$$;
comment on function prompty.moderate_comment(uuid, boolean, text) is
  'Admin only: hides or unhides a comment. Returns {comment_id, hidden}. Errors: PT180, PT167, PT132.';
grant execute on function prompty.moderate_comment(uuid, boolean, text) to authenticated;

create function prompty_private.set_prompt_featured(p_prompt_id uuid, p_featured boolean) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform prompty_private.assert_admin();
  update prompty.prompts set is_featured = coalesce(p_featured, false) where id = p_prompt_id and deleted_at is null;
  if not found then
    raise exception using errcode = 'PT120', message = 'prompt not found';
  end if;
  return jsonb_build_object('prompt_id', p_prompt_id, 'is_featured', coalesce(p_featured, false));
end
$$;
comment on function prompty_private.set_prompt_featured(uuid, boolean) is 'Admin only: sets prompts.is_featured. Errors PT180, PT120.';
grant execute on function prompty_private.set_prompt_featured(uuid, boolean) to authenticated;

create function prompty.set_prompt_featured(p_prompt_id uuid, p_featured boolean) returns jsonb
language sql
set search_path = ''
as $$
  select prompty_private.set_prompt_featured(p_prompt_id, p_featured)
$$;
comment on function prompty.set_prompt_featured(uuid, boolean) is 'Admin only: features a prompt (editor''s pick) or not. Returns {prompt_id, is_featured}. Errors: PT180, PT120.';
grant execute on function prompty.set_prompt_featured(uuid, boolean) to authenticated;

-- ---------------------------------------------------------------------------------------
-- feedback and contacts (anonymous visitors may send)
-- ---------------------------------------------------------------------------------------
create table prompty.feedback (
  id uuid primary key default gen_random_uuid(),
  user_id uuid default auth.uid() references prompty.profiles (id) on delete set null,
  category text not null default 'other',
  message text not null,
  email text,
  page_url text,
  status text not null default 'new',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint feedback_category_check check (category in ('bug', 'feature', 'content', 'other')),
  constraint feedback_message_length check (char_length(btrim(message)) between 1 and 2000),
  constraint feedback_email_format check (char_length(email) <= 254 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  constraint feedback_page_url_length check (char_length(page_url) <= 500),
  constraint feedback_status_check check (status in ('new', 'read', 'closed'))
);
comment on table prompty.feedback is 'Product feedback, also from anonymous visitors (message up to 2000 characters). Senders read their own; admins triage.';
comment on column prompty.feedback.user_id is 'The signed-in sender (server-set); null for visitors.';
create index feedback_user_id_idx on prompty.feedback (user_id);
create index feedback_status_created_at_idx on prompty.feedback (status, created_at);

create table prompty.contacts (
  id uuid primary key default gen_random_uuid(),
  user_id uuid default auth.uid() references prompty.profiles (id) on delete set null,
  name text not null,
  email text not null,
  category text not null default 'general',
  subject text not null,
  message text not null,
  status text not null default 'open',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint contacts_name_length check (char_length(btrim(name)) between 1 and 100),
  constraint contacts_email_format check (char_length(email) <= 254 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  constraint contacts_category_check check (category in ('general', 'account', 'payment', 'bug', 'business', 'other')),
  constraint contacts_subject_length check (char_length(btrim(subject)) between 1 and 200),
  constraint contacts_message_length check (char_length(btrim(message)) between 1 and 5000),
  constraint contacts_status_check check (status in ('open', 'in_progress', 'closed'))
);
comment on table prompty.contacts is 'Contact form messages, also from anonymous visitors (message up to 5000 characters). Senders read their own; admins handle them.';
create index contacts_user_id_idx on prompty.contacts (user_id);
create index contacts_status_created_at_idx on prompty.contacts (status, created_at);

alter table prompty.feedback enable row level security;
alter table prompty.contacts enable row level security;
revoke all on prompty.feedback, prompty.contacts from anon, authenticated;
grant insert (category, message, email, page_url) on prompty.feedback to anon, authenticated;
grant select, update (status) on prompty.feedback to authenticated;
grant insert (name, email, category, subject, message) on prompty.contacts to anon, authenticated;
grant select, update (status) on prompty.contacts to authenticated;
grant select, insert, update, delete on prompty.feedback, prompty.contacts to service_role;

create policy feedback_insert_anon on prompty.feedback for insert to anon with check (user_id is null);
comment on policy feedback_insert_anon on prompty.feedback is 'Visitors send feedback anonymously.';
create policy feedback_insert_authenticated on prompty.feedback for insert to authenticated with check (user_id = (select auth.uid()));
comment on policy feedback_insert_authenticated on prompty.feedback is 'Users send feedback as themselves.';
create policy feedback_select_authenticated on prompty.feedback for select to authenticated
  using (user_id = (select auth.uid()) or (select prompty_private.is_admin_user()));
comment on policy feedback_select_authenticated on prompty.feedback is 'Senders read their feedback; admins all.';
create policy feedback_update_authenticated on prompty.feedback for update to authenticated
  using ((select prompty_private.is_admin_user())) with check ((select prompty_private.is_admin_user()));
comment on policy feedback_update_authenticated on prompty.feedback is 'Admins set the status.';

create policy contacts_insert_anon on prompty.contacts for insert to anon with check (user_id is null);
comment on policy contacts_insert_anon on prompty.contacts is 'Visitors use the contact form.';
create policy contacts_insert_authenticated on prompty.contacts for insert to authenticated with check (user_id = (select auth.uid()));
comment on policy contacts_insert_authenticated on prompty.contacts is 'Users use the contact form as themselves.';
create policy contacts_select_authenticated on prompty.contacts for select to authenticated
  using (user_id = (select auth.uid()) or (select prompty_private.is_admin_user()));
comment on policy contacts_select_authenticated on prompty.contacts is 'Senders read their messages; admins all.';
create policy contacts_update_authenticated on prompty.contacts for update to authenticated
  using ((select prompty_private.is_admin_user())) with check ((select prompty_private.is_admin_user()));
comment on policy contacts_update_authenticated on prompty.contacts is 'Admins set the status.';

create function prompty_private.validate_feedback() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.message is null or char_length(btrim(new.message)) not between 1 and 2000 then
    raise exception using errcode = 'PT165', message = 'message must have 1-2000 characters';
  end if;
  if new.category is null or new.category not in ('bug', 'feature', 'content', 'other') then
    raise exception using errcode = 'PT165', message = 'category must be bug, feature, content or other';
  end if;
  if char_length(new.page_url) > 500 then
    raise exception using errcode = 'PT165', message = 'page_url has at most 500 characters';
  end if;
  if new.email is not null and (char_length(new.email) > 254 or new.email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$') then
    raise exception using errcode = 'PT166', message = 'invalid e-mail address';
  end if;
  return new;
end
$$;
comment on function prompty_private.validate_feedback() is 'BEFORE INSERT trigger on feedback: PT165 message/category/page_url, PT166 e-mail.';

create function prompty_private.validate_contact() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.name is null or char_length(btrim(new.name)) not between 1 and 100 then
    raise exception using errcode = 'PT165', message = 'name must have 1-100 characters';
  end if;
  if new.subject is null or char_length(btrim(new.subject)) not between 1 and 200 then
    raise exception using errcode = 'PT165', message = 'subject must have 1-200 characters';
  end if;
  if new.message is null or char_length(btrim(new.message)) not between 1 and 5000 then
    raise exception using errcode = 'PT165', message = 'message must have 1-5000 characters';
  end if;
  if new.category is null or new.category not in ('general', 'account', 'payment', 'bug', 'business', 'other') then
    raise exception using errcode = 'PT165', message = 'category must be general, account, payment, bug, business or other';
  end if;
  if new.email is null or char_length(new.email) > 254 or new.email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception using errcode = 'PT166', message = 'invalid e-mail address';
  end if;
  return new;
end
$$;
comment on function prompty_private.validate_contact() is 'BEFORE INSERT trigger on contacts: PT165 name/subject/message/category, PT166 e-mail.';

create trigger feedback_before_insert_validate before insert on prompty.feedback
  for each row execute function prompty_private.validate_feedback();
create trigger feedback_before_update_touch before update on prompty.feedback
  for each row execute function prompty_private.touch_updated_at();
create trigger contacts_before_insert_validate before insert on prompty.contacts
  for each row execute function prompty_private.validate_contact();
create trigger contacts_before_update_touch before update on prompty.contacts
  for each row execute function prompty_private.touch_updated_at();
