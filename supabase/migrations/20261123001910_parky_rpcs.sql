-- Parky: the app's and the admin portal's RPCs that change data.
--
-- Every one takes p_client_request_id (uuid) and is idempotent through private.idempotency_*:
-- a retry with the same id and arguments returns the first response with "replayed": true and
-- changes nothing; the same id with other arguments is PI409; a null id is PI400.
-- They are security invoker: the caller's RLS and column grants apply; the few privileged steps
-- (soft delete, withdrawal, status changes, releasing a push token held by another account) are
-- security-definer helpers in parky_private that check auth.uid() themselves.
-- Errors raised here or by the triggers they fire are listed in each function's comment and in
-- docs/parky.md; nothing is partly written when one is raised (one transaction).
--
-- Objects: parky.save_parking_lot, parky.unsave_parking_lot, parky.post_review, parky.edit_review,
--          parky.delete_review, parky.moderate_review, parky.open_support_ticket,
--          parky.reply_support_ticket, parky.file_error_report, parky.upsert_push_token,
--          parky.mark_notifications_read, parky.withdraw, parky.set_user_status,
--          parky_private.release_push_token(text, text), parky_private.review_json(parky.parking_reviews),
--          parky_private.assert_lot_visible(uuid).

-- Raises PK102 unless the caller can see the live lot.
create function parky_private.assert_lot_visible(p_lot_id uuid) returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if p_lot_id is null or not exists (select from parky.parking_lots l where l.id = p_lot_id and l.deleted_at is null) then
    raise exception using errcode = 'PK102', message = 'parking lot not found',
      hint = 'the lot does not exist, is hidden or was removed';
  end if;
end
$$;
comment on function parky_private.assert_lot_visible(uuid) is
  'Security invoker: raises PK102 unless the live lot is visible to the caller under RLS.';
grant execute on function parky_private.assert_lot_visible(uuid) to authenticated, service_role;

create function parky_private.review_json(p_review parky.parking_reviews) returns jsonb
language sql immutable
set search_path = ''
as $$
  select jsonb_build_object('id', p_review.id, 'parking_lot_id', p_review.parking_lot_id, 'session_id', p_review.session_id,
                            'rating', p_review.rating, 'comment', p_review.comment, 'image_urls', to_jsonb(p_review.image_urls),
                            'status', p_review.status, 'rejection_reason', p_review.rejection_reason,
                            'submitted_at', p_review.submitted_at, 'created_at', p_review.created_at,
                            'updated_at', p_review.updated_at, 'deleted_at', p_review.deleted_at)
$$;
comment on function parky_private.review_json(parky.parking_reviews) is 'The review as RPCs return it.';
grant execute on function parky_private.review_json(parky.parking_reviews) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Saved lots

create function parky.save_parking_lot(p_client_request_id uuid, p_lot_id uuid) returns jsonb
language plpgsql volatile
security invoker
set search_path = ''
as $$
declare
  v_uid uuid := parky_private.assert_can_write();
  v_replay jsonb;
  v_created boolean;
begin
  v_replay := private.idempotency_begin('parky.save_parking_lot', p_client_request_id, jsonb_build_object('lot_id', p_lot_id));
  if v_replay is not null then
    return v_replay;
  end if;
  perform parky_private.assert_lot_visible(p_lot_id);
  insert into parky.user_saved_parkings (user_id, parking_lot_id) values (v_uid, p_lot_id) on conflict do nothing;
  v_created := found;
  return private.idempotency_finish('parky.save_parking_lot', p_client_request_id,
    jsonb_build_object('parking_lot_id', p_lot_id, 'saved', true, 'created', v_created));
end
$$;
comment on function parky.save_parking_lot(uuid, uuid) is
  'Saves a lot for the caller (no-op when already saved). Returns {parking_lot_id, saved, created}. '
  'Errors: PK105 not signed in / suspended / withdrawn, PK102 lot not found or hidden, PI400, PI409.';

create function parky.unsave_parking_lot(p_client_request_id uuid, p_lot_id uuid) returns jsonb
language plpgsql volatile
security invoker
set search_path = ''
as $$
declare
  v_uid uuid := parky_private.assert_can_write();
  v_replay jsonb;
  v_removed boolean;
begin
  v_replay := private.idempotency_begin('parky.unsave_parking_lot', p_client_request_id, jsonb_build_object('lot_id', p_lot_id));
  if v_replay is not null then
    return v_replay;
  end if;
  delete from parky.user_saved_parkings s where s.user_id = v_uid and s.parking_lot_id = p_lot_id;
  v_removed := found;
  return private.idempotency_finish('parky.unsave_parking_lot', p_client_request_id,
    jsonb_build_object('parking_lot_id', p_lot_id, 'saved', false, 'removed', v_removed));
end
$$;
comment on function parky.unsave_parking_lot(uuid, uuid) is
  'Removes a saved lot of the caller (no-op when not saved). Returns {parking_lot_id, saved, removed}. Errors: PK105, PI400, PI409.';

-- ---------------------------------------------------------------------------------------------
-- Reviews

create function parky.post_review(
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
  returning * into v_review;
  return private.idempotency_finish('parky.post_review', p_client_request_id, parky_private.review_json(v_review));
end
$$;
comment on function parky.post_review(uuid, uuid, int, text, text[], uuid, boolean) is
  'Posts a review of a visible lot: pending (submitted for moderation) or, with p_draft, a draft. Returns the review. '
  'Errors: PK105, PK102 lot not found or hidden, PK112 already reviewed, PK114 rating not 1–5, PK113 more than 4 images, '
  'PK106 image URL not allowed, PI400, PI409.';

create function parky.edit_review(
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
  returning * into v_review;
  if v_review.id is null then
    raise exception using errcode = 'PK111', message = 'review not found', hint = 'only the author can edit a live review';
  end if;
  return private.idempotency_finish('parky.edit_review', p_client_request_id, parky_private.review_json(v_review));
end
$$;
comment on function parky.edit_review(uuid, uuid, int, text, text[], boolean) is
  'Replaces the rating, comment and images of the caller''s review; p_submit moves a draft to pending. An edited approved or '
  'rejected review goes back to pending. Submitted reviews are editable for 7 days. Returns the review. '
  'Errors: PK105, PK111 not found / not the author, PK110 edit window closed, PK114, PK113, PK106, PI400, PI409.';

create function parky.delete_review(p_client_request_id uuid, p_review_id uuid) returns jsonb
language plpgsql volatile
security invoker
set search_path = ''
as $$
declare
  v_replay jsonb;
  v_review parky.parking_reviews;
begin
  perform parky_private.assert_can_write();
  v_replay := private.idempotency_begin('parky.delete_review', p_client_request_id, jsonb_build_object('review_id', p_review_id));
  if v_replay is not null then
    return v_replay;
  end if;
  v_review := parky_private.soft_delete_review(p_review_id);
  return private.idempotency_finish('parky.delete_review', p_client_request_id,
    jsonb_build_object('id', v_review.id, 'deleted_at', v_review.deleted_at));
end
$$;
comment on function parky.delete_review(uuid, uuid) is
  'Soft-deletes the caller''s review (it leaves every read path and the lot''s rating). Returns {id, deleted_at}. '
  'Errors: PK105, PK111 not found / not the author / already deleted, PI400, PI409.';

create function parky.moderate_review(p_client_request_id uuid, p_review_id uuid, p_decision text, p_reason text default null)
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
  returning * into v_review;
  if v_review.id is null then
    raise exception using errcode = 'PK111', message = 'review not found';
  end if;
  return private.idempotency_finish('parky.moderate_review', p_client_request_id, parky_private.review_json(v_review));
end
$$;
comment on function parky.moderate_review(uuid, uuid, text, text) is
  'Admins: approves or rejects (with a reason) a review. Returns the review. Errors: PK107 not an admin, PK109 bad decision, '
  'transition (e.g. a draft) or missing reason, PK111 not found, PI400, PI409.';

-- ---------------------------------------------------------------------------------------------
-- Support and error reports

create function parky.open_support_ticket(
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
  returning * into v_ticket;
  return private.idempotency_finish('parky.open_support_ticket', p_client_request_id, jsonb_build_object(
    'id', v_ticket.id, 'status', v_ticket.status, 'category', v_ticket.category, 'created_at', v_ticket.created_at));
end
$$;
comment on function parky.open_support_ticket(uuid, text, text, text, uuid) is
  'Opens a support ticket for the caller. Returns {id, status, category, created_at}. '
  'Errors: PK105, PK101 unknown ticket_category, PK117 empty or too long subject/message, PK102 lot not found, PI400, PI409.';

create function parky.reply_support_ticket(p_client_request_id uuid, p_ticket_id uuid, p_body text) returns jsonb
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
  returning * into v_reply;
  return private.idempotency_finish('parky.reply_support_ticket', p_client_request_id, jsonb_build_object(
    'id', v_reply.id, 'ticket_id', v_reply.ticket_id, 'from_staff', v_reply.from_staff, 'created_at', v_reply.created_at,
    'ticket_status', (select t.status from parky.support_tickets t where t.id = p_ticket_id)));
end
$$;
comment on function parky.reply_support_ticket(uuid, uuid, text) is
  'Adds a reply to one''s own ticket, or as an admin to any ticket (a staff reply moves it to waiting_user, a user reply reopens it). '
  'Returns {id, ticket_id, from_staff, created_at, ticket_status}. Errors: PK105, PK115 ticket not found or closed, PK117, PI400, PI409.';

create function parky.file_error_report(
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
  returning * into v_report;
  return private.idempotency_finish('parky.file_error_report', p_client_request_id, jsonb_build_object(
    'id', v_report.id, 'parking_lot_id', v_report.parking_lot_id, 'report_type', v_report.report_type,
    'status', v_report.status, 'created_at', v_report.created_at));
end
$$;
comment on function parky.file_error_report(uuid, uuid, text, text) is
  'Reports wrong data about a visible lot. Returns {id, parking_lot_id, report_type, status, created_at}. '
  'Errors: PK105, PK102 lot not found or hidden, PK101 unknown error_report_type, PK117 description too long, PI400, PI409.';

-- ---------------------------------------------------------------------------------------------
-- Push tokens and the inbox

-- An FCM token identifies one app install: when it shows up for another (user, device), the old
-- row goes, so a signed-out account never receives the new account's pushes.
create function parky_private.release_push_token(p_fcm_token text, p_device_id text) returns void
language sql volatile
security definer
set search_path = ''
as $$
  delete from parky.user_push_tokens t
  where t.fcm_token = p_fcm_token and not (t.user_id = (select auth.uid()) and t.device_id = p_device_id)
$$;
comment on function parky_private.release_push_token(text, text) is
  'Deletes rows holding the FCM token for another (user, device) than the caller''s.';
grant execute on function parky_private.release_push_token(text, text) to authenticated;

create function parky.upsert_push_token(
  p_client_request_id uuid, p_device_id text, p_fcm_token text, p_device_type text, p_app_version text default null)
returns jsonb
language plpgsql volatile
security invoker
set search_path = ''
as $$
declare
  v_uid uuid := parky_private.assert_can_write();
  v_replay jsonb;
  v_token parky.user_push_tokens;
begin
  v_replay := private.idempotency_begin('parky.upsert_push_token', p_client_request_id, jsonb_build_object(
    'device_id', p_device_id, 'fcm_token', p_fcm_token, 'device_type', p_device_type, 'app_version', p_app_version));
  if v_replay is not null then
    return v_replay;
  end if;
  if coalesce(length(p_device_id), 0) not between 1 and 200 or coalesce(length(p_fcm_token), 0) not between 1 and 4096 then
    raise exception using errcode = 'PK117', message = 'device id and FCM token are required';
  end if;
  perform parky_private.release_push_token(p_fcm_token, p_device_id);
  insert into parky.user_push_tokens as t (user_id, device_id, fcm_token, device_type, app_version)
  values (v_uid, p_device_id, p_fcm_token, p_device_type, p_app_version)
  on conflict on constraint user_push_tokens_user_device_key do update
    set fcm_token = excluded.fcm_token, device_type = excluded.device_type, app_version = excluded.app_version,
        last_seen_at = now()
  returning * into v_token;
  return private.idempotency_finish('parky.upsert_push_token', p_client_request_id, jsonb_build_object(
    'id', v_token.id, 'device_id', v_token.device_id, 'device_type', v_token.device_type, 'last_seen_at', v_token.last_seen_at));
end
$$;
comment on function parky.upsert_push_token(uuid, text, text, text, text) is
  'Registers or refreshes the caller''s FCM token for a device (app boot): last_seen_at = now(). Returns {id, device_id, device_type, last_seen_at}. '
  'Errors: PK105, PK101 unknown device_type, PK117 missing device id or token, PI400, PI409.';

create function parky.mark_notifications_read(p_client_request_id uuid, p_notification_ids uuid[] default null) returns jsonb
language plpgsql volatile
security invoker
set search_path = ''
as $$
declare
  v_uid uuid := parky_private.assert_can_write();
  v_replay jsonb;
  v_count int;
begin
  v_replay := private.idempotency_begin('parky.mark_notifications_read', p_client_request_id, jsonb_build_object(
    'ids', p_notification_ids));
  if v_replay is not null then
    return v_replay;
  end if;
  update parky.user_notifications n set read_at = now()
  where n.user_id = v_uid and n.read_at is null and (p_notification_ids is null or n.id = any (p_notification_ids));
  get diagnostics v_count = row_count;
  return private.idempotency_finish('parky.mark_notifications_read', p_client_request_id, jsonb_build_object('marked', v_count));
end
$$;
comment on function parky.mark_notifications_read(uuid, uuid[]) is
  'Marks the given (or, with null, all) unread notifications of the caller read. Returns {marked}. Errors: PK105, PI400, PI409.';

-- ---------------------------------------------------------------------------------------------
-- Accounts

create function parky.withdraw(p_client_request_id uuid) returns jsonb
language plpgsql volatile
security invoker
set search_path = ''
as $$
declare
  v_replay jsonb;
  v_user parky.app_users;
begin
  if (select auth.uid()) is null then
    raise exception using errcode = 'PK105', message = 'sign in first';
  end if;
  v_replay := private.idempotency_begin('parky.withdraw', p_client_request_id, '{}'::jsonb);
  if v_replay is not null then
    return v_replay;
  end if;
  v_user := parky_private.withdraw_self();
  return private.idempotency_finish('parky.withdraw', p_client_request_id, jsonb_build_object(
    'status', v_user.status, 'withdrawn_at', v_user.withdrawn_at));
end
$$;
comment on function parky.withdraw(uuid) is
  'Withdraws the caller from Parky: profile anonymized, push tokens, saved lots and inbox deleted, history kept; their Parky data '
  'is closed to them afterwards. Suspended users may withdraw. Returns {status, withdrawn_at}. Errors: PK105 not signed in, '
  'PK116 already withdrawn, PI400, PI409.';

create function parky.set_user_status(p_client_request_id uuid, p_user_id uuid, p_status text) returns jsonb
language plpgsql volatile
security invoker
set search_path = ''
as $$
declare
  v_replay jsonb;
  v_user parky.app_users;
begin
  if not (select parky_private.is_admin()) then
    raise exception using errcode = 'PK107', message = 'only admins change a user''s status';
  end if;
  v_replay := private.idempotency_begin('parky.set_user_status', p_client_request_id, jsonb_build_object(
    'user_id', p_user_id, 'status', p_status));
  if v_replay is not null then
    return v_replay;
  end if;
  v_user := parky_private.set_user_status(p_user_id, p_status);
  return private.idempotency_finish('parky.set_user_status', p_client_request_id, jsonb_build_object(
    'user_id', v_user.id, 'status', v_user.status));
end
$$;
comment on function parky.set_user_status(uuid, uuid, text) is
  'Admins: suspends (read-only), reactivates or withdraws a user. Returns {user_id, status}. '
  'Errors: PK107 not an admin, PK116 unknown user, PK101 unknown status, PK105 a withdrawn user cannot be reactivated, PI400, PI409.';

grant execute on function
  parky.save_parking_lot(uuid, uuid), parky.unsave_parking_lot(uuid, uuid),
  parky.post_review(uuid, uuid, int, text, text[], uuid, boolean), parky.edit_review(uuid, uuid, int, text, text[], boolean),
  parky.delete_review(uuid, uuid), parky.moderate_review(uuid, uuid, text, text),
  parky.open_support_ticket(uuid, text, text, text, uuid), parky.reply_support_ticket(uuid, uuid, text),
  parky.file_error_report(uuid, uuid, text, text), parky.upsert_push_token(uuid, text, text, text, text),
  parky.mark_notifications_read(uuid, uuid[]), parky.withdraw(uuid), parky.set_user_status(uuid, uuid, text)
to authenticated;
