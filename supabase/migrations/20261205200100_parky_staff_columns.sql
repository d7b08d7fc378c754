-- Parky: staff identities are not readable by clients (security review F6).
--
-- Purpose
--   Ordinary clients could read which admin moderated their review (parking_reviews.moderated_by),
--   handled their error report (error_reports.handled_by), is assigned to their ticket
--   (support_tickets.assigned_to) or wrote a staff reply (support_ticket_replies.author_id).
--   These columns leave the `authenticated` column grants; clients read what the apps show
--   (statuses, moderated_at, rejection_reason, resolution_note, from_staff). Admins read them
--   through parky.admin_staff_fields (their portal path); owners never needed them.
--   The RPCs that returned `returning *` into a row of these tables return the row without the
--   hidden column (their JSON results never contained it).
--
-- Objects
--   column grants on parky.parking_reviews, error_reports, support_tickets, support_ticket_replies
--   parky_private.admin_staff_fields(text, uuid[]) security definer; parky.admin_staff_fields wrapper
--   create or replace: parky.post_review, edit_review, moderate_review, open_support_ticket,
--   reply_support_ticket, file_error_report (same signatures and results)
--
-- Errors
--   PK107  admin_staff_fields: not an admin
--   PK118  admin_staff_fields: unknown kind, or more than 500 ids
--
-- Nothing destructive.

-- Column grants: every column but the staff identity. (Table-level SELECT cannot exclude a column.)
revoke select on parky.parking_reviews from authenticated;
grant select (id, user_id, parking_lot_id, session_id, rating, comment, image_urls, status, rejection_reason, submitted_at,
              moderated_at, created_at, updated_at, deleted_at) on parky.parking_reviews to authenticated;
revoke select on parky.error_reports from authenticated;
grant select (id, user_id, parking_lot_id, report_type, description, status, resolution_note, created_at, updated_at)
  on parky.error_reports to authenticated;
revoke select on parky.support_tickets from authenticated;
grant select (id, user_id, category, subject, body, parking_lot_id, status, last_activity_at, closed_at, created_at, updated_at)
  on parky.support_tickets to authenticated;
revoke select on parky.support_ticket_replies from authenticated;
grant select (id, ticket_id, from_staff, body, created_at) on parky.support_ticket_replies to authenticated;

comment on column parky.parking_reviews.moderated_by is
  'Admin who moderated last. Not readable by clients (admins: parky.admin_staff_fields(''review_moderator'', ids)).';
comment on column parky.error_reports.handled_by is
  'Admin handling the report. Not readable by clients (admins: parky.admin_staff_fields(''report_handler'', ids)).';
comment on column parky.support_tickets.assigned_to is
  'Admin assigned to the ticket; admins set it by update. Not readable by clients (admins: parky.admin_staff_fields(''ticket_assignee'', ids)).';
comment on column parky.support_ticket_replies.author_id is
  'Who wrote the reply. Not readable by clients (from_staff says whether staff wrote it; admins: parky.admin_staff_fields(''reply_author'', ids)).';

-- ---------------------------------------------------------------------------------------------
-- The admin portal's path to those columns

create function parky_private.admin_staff_fields(p_kind text, p_ids uuid[])
returns table (id uuid, staff_user_id uuid)
language plpgsql stable
security definer
set search_path = ''
as $$
begin
  if not (select parky_private.is_admin()) then
    raise exception using errcode = 'PK107', message = 'only admins read staff assignments';
  end if;
  if coalesce(cardinality(p_ids), 0) > 500 then
    raise exception using errcode = 'PK118', message = 'at most 500 ids per call';
  end if;
  if p_kind = 'review_moderator' then
    return query select r.id, r.moderated_by from parky.parking_reviews r where r.id = any (p_ids);
  elsif p_kind = 'report_handler' then
    return query select e.id, e.handled_by from parky.error_reports e where e.id = any (p_ids);
  elsif p_kind = 'ticket_assignee' then
    return query select t.id, t.assigned_to from parky.support_tickets t where t.id = any (p_ids);
  elsif p_kind = 'reply_author' then
    return query select r.id, r.author_id from parky.support_ticket_replies r where r.id = any (p_ids);
  else
    raise exception using errcode = 'PK118',
      message = pg_catalog.format('unknown kind %L', p_kind),
      hint = 'review_moderator, report_handler, ticket_assignee or reply_author';
  end if;
end
$$;
comment on function parky_private.admin_staff_fields(text, uuid[]) is
  'Admins: the staff user id behind rows (review_moderator, report_handler, ticket_assignee, reply_author). '
  'Errors: PK107 not an admin, PK118 unknown kind or more than 500 ids.';
revoke execute on function parky_private.admin_staff_fields(text, uuid[]) from public, anon;
grant execute on function parky_private.admin_staff_fields(text, uuid[]) to authenticated, service_role;

create function parky.admin_staff_fields(p_kind text, p_ids uuid[])
returns table (id uuid, staff_user_id uuid)
language sql stable
security invoker
set search_path = ''
as $$
  select f.id, f.staff_user_id from parky_private.admin_staff_fields(p_kind, p_ids) f
$$;
comment on function parky.admin_staff_fields(text, uuid[]) is
  'Admin portal: which admin moderated reviews (p_kind review_moderator), handles error reports (report_handler), is '
  'assigned to tickets (ticket_assignee) or wrote replies (reply_author), for up to 500 ids. Rows: {id, staff_user_id}. '
  'Errors: PK107 not an admin, PK118 unknown kind or too many ids.';
revoke execute on function parky.admin_staff_fields(text, uuid[]) from public, anon;
grant execute on function parky.admin_staff_fields(text, uuid[]) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- RPCs that read a whole row back (as in 20261123001910, without the hidden column)

create or replace function parky.post_review(
  p_client_request_id uuid,
  p_lot_id uuid,
  p_rating int,
  p_comment text default null,
  p_image_urls text[] default '{}',
  p_session_id uuid default null,
  p_draft boolean default false)
returns jsonb
language plpgsql volatile
security invoker
set search_path = ''
as $$
declare
  v_uid uuid := parky_private.assert_can_write();
  v_replay jsonb;
  v_review parky.parking_reviews;
begin
  v_replay := private.idempotency_begin('parky.post_review', p_client_request_id, jsonb_build_object(
    'lot_id', p_lot_id, 'rating', p_rating, 'comment', p_comment, 'image_urls', p_image_urls,
    'session_id', p_session_id, 'draft', p_draft));
  if v_replay is not null then
    return v_replay;
  end if;
  perform parky_private.assert_lot_visible(p_lot_id);
  if exists (select from parky.parking_reviews r
             where r.user_id = v_uid and r.parking_lot_id = p_lot_id and r.deleted_at is null) then
    raise exception using errcode = 'PK112', message = 'you already reviewed this lot',
      hint = 'edit or delete your review instead';
  end if;
  insert into parky.parking_reviews (user_id, parking_lot_id, session_id, rating, comment, image_urls, status)
  values (v_uid, p_lot_id, p_session_id, p_rating, nullif(btrim(p_comment), ''), coalesce(p_image_urls, '{}'),
          case when p_draft then 'draft' else 'pending' end)
  -- moderated_by is not readable by clients: the row without it
  returning id, user_id, parking_lot_id, session_id, rating, comment, image_urls, status, rejection_reason, submitted_at,
            null::uuid, moderated_at, created_at, updated_at, deleted_at
  into v_review;
  return private.idempotency_finish('parky.post_review', p_client_request_id, parky_private.review_json(v_review));
end
$$;

create or replace function parky.edit_review(
  p_client_request_id uuid,
  p_review_id uuid,
  p_rating int,
  p_comment text default null,
  p_image_urls text[] default '{}',
  p_submit boolean default false)
returns jsonb
language plpgsql volatile
security invoker
set search_path = ''
as $$
declare
  v_uid uuid := parky_private.assert_can_write();
  v_replay jsonb;
  v_review parky.parking_reviews;
begin
  v_replay := private.idempotency_begin('parky.edit_review', p_client_request_id, jsonb_build_object(
    'review_id', p_review_id, 'rating', p_rating, 'comment', p_comment, 'image_urls', p_image_urls, 'submit', p_submit));
  if v_replay is not null then
    return v_replay;
  end if;
  update parky.parking_reviews r
  set rating = p_rating, comment = nullif(btrim(p_comment), ''), image_urls = coalesce(p_image_urls, '{}'),
      status = case when p_submit and r.status = 'draft' then 'pending' else r.status end
  where r.id = p_review_id and r.user_id = v_uid and r.deleted_at is null
  returning r.id, r.user_id, r.parking_lot_id, r.session_id, r.rating, r.comment, r.image_urls, r.status, r.rejection_reason,
            r.submitted_at, null::uuid, r.moderated_at, r.created_at, r.updated_at, r.deleted_at
  into v_review;
  if v_review.id is null then
    raise exception using errcode = 'PK111', message = 'review not found', hint = 'only the author can edit a live review';
  end if;
  return private.idempotency_finish('parky.edit_review', p_client_request_id, parky_private.review_json(v_review));
end
$$;

create or replace function parky.moderate_review(p_client_request_id uuid, p_review_id uuid, p_decision text, p_reason text default null)
returns jsonb
language plpgsql volatile
security invoker
set search_path = ''
as $$
declare
  v_replay jsonb;
  v_review parky.parking_reviews;
begin
  if not (select parky_private.is_admin()) then
    raise exception using errcode = 'PK107', message = 'only admins moderate reviews';
  end if;
  if p_decision is null or p_decision not in ('approved', 'rejected') then
    raise exception using errcode = 'PK109', message = format('decision must be approved or rejected, got %L', p_decision);
  end if;
  v_replay := private.idempotency_begin('parky.moderate_review', p_client_request_id, jsonb_build_object(
    'review_id', p_review_id, 'decision', p_decision, 'reason', p_reason));
  if v_replay is not null then
    return v_replay;
  end if;
  update parky.parking_reviews r
  set status = p_decision, rejection_reason = case when p_decision = 'rejected' then nullif(btrim(p_reason), '') end
  where r.id = p_review_id and r.deleted_at is null
  returning r.id, r.user_id, r.parking_lot_id, r.session_id, r.rating, r.comment, r.image_urls, r.status, r.rejection_reason,
            r.submitted_at, null::uuid, r.moderated_at, r.created_at, r.updated_at, r.deleted_at
  into v_review;
  if v_review.id is null then
    raise exception using errcode = 'PK111', message = 'review not found';
  end if;
  return private.idempotency_finish('parky.moderate_review', p_client_request_id, parky_private.review_json(v_review));
end
$$;

create or replace function parky.open_support_ticket(
  p_client_request_id uuid, p_category text, p_subject text, p_body text, p_lot_id uuid default null)
returns jsonb
language plpgsql volatile
security invoker
set search_path = ''
as $$
declare
  v_uid uuid := parky_private.assert_can_write();
  v_replay jsonb;
  v_ticket parky.support_tickets;
begin
  v_replay := private.idempotency_begin('parky.open_support_ticket', p_client_request_id, jsonb_build_object(
    'category', p_category, 'subject', p_subject, 'body', p_body, 'lot_id', p_lot_id));
  if v_replay is not null then
    return v_replay;
  end if;
  if coalesce(length(btrim(p_subject)), 0) not between 1 and 200 or coalesce(length(btrim(p_body)), 0) not between 1 and 5000 then
    raise exception using errcode = 'PK117', message = 'subject (1–200 characters) and message (1–5,000) are required';
  end if;
  if p_lot_id is not null then
    perform parky_private.assert_lot_visible(p_lot_id);
  end if;
  insert into parky.support_tickets (user_id, category, subject, body, parking_lot_id)
  values (v_uid, p_category, btrim(p_subject), btrim(p_body), p_lot_id)
  -- assigned_to is not readable by clients
  returning id, user_id, category, subject, body, parking_lot_id, status, null::uuid, last_activity_at, closed_at,
            created_at, updated_at
  into v_ticket;
  return private.idempotency_finish('parky.open_support_ticket', p_client_request_id, jsonb_build_object(
    'id', v_ticket.id, 'status', v_ticket.status, 'category', v_ticket.category, 'created_at', v_ticket.created_at));
end
$$;

create or replace function parky.reply_support_ticket(p_client_request_id uuid, p_ticket_id uuid, p_body text) returns jsonb
language plpgsql volatile
security invoker
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_replay jsonb;
  v_reply parky.support_ticket_replies;
begin
  if not (select parky_private.is_admin()) then
    v_uid := parky_private.assert_can_write();
  end if;
  v_replay := private.idempotency_begin('parky.reply_support_ticket', p_client_request_id, jsonb_build_object(
    'ticket_id', p_ticket_id, 'body', p_body));
  if v_replay is not null then
    return v_replay;
  end if;
  if coalesce(length(btrim(p_body)), 0) not between 1 and 5000 then
    raise exception using errcode = 'PK117', message = 'the message must have 1 to 5,000 characters';
  end if;
  if not exists (select from parky.support_tickets t where t.id = p_ticket_id) then
    raise exception using errcode = 'PK115', message = 'support ticket not found';
  end if;
  insert into parky.support_ticket_replies (ticket_id, author_id, body) values (p_ticket_id, v_uid, btrim(p_body))
  -- author_id is not readable by clients (from_staff tells who wrote)
  returning id, ticket_id, null::uuid, from_staff, body, created_at
  into v_reply;
  return private.idempotency_finish('parky.reply_support_ticket', p_client_request_id, jsonb_build_object(
    'id', v_reply.id, 'ticket_id', v_reply.ticket_id, 'from_staff', v_reply.from_staff, 'created_at', v_reply.created_at,
    'ticket_status', (select t.status from parky.support_tickets t where t.id = p_ticket_id)));
end
$$;

create or replace function parky.file_error_report(
  p_client_request_id uuid, p_lot_id uuid, p_report_type text, p_description text default null)
returns jsonb
language plpgsql volatile
security invoker
set search_path = ''
as $$
declare
  v_uid uuid := parky_private.assert_can_write();
  v_replay jsonb;
  v_report parky.error_reports;
begin
  v_replay := private.idempotency_begin('parky.file_error_report', p_client_request_id, jsonb_build_object(
    'lot_id', p_lot_id, 'report_type', p_report_type, 'description', p_description));
  if v_replay is not null then
    return v_replay;
  end if;
  if length(p_description) > 2000 then
    raise exception using errcode = 'PK117', message = 'the description is limited to 2,000 characters';
  end if;
  perform parky_private.assert_lot_visible(p_lot_id);
  insert into parky.error_reports (user_id, parking_lot_id, report_type, description)
  values (v_uid, p_lot_id, p_report_type, nullif(btrim(p_description), ''))
  -- handled_by is not readable by clients
  returning id, user_id, parking_lot_id, report_type, description, status, resolution_note, null::uuid, created_at,
            updated_at
  into v_report;
  return private.idempotency_finish('parky.file_error_report', p_client_request_id, jsonb_build_object(
    'id', v_report.id, 'parking_lot_id', v_report.parking_lot_id, 'report_type', v_report.report_type,
    'status', v_report.status, 'created_at', v_report.created_at));
end
$$;
