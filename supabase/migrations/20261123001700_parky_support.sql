-- Parky: support tickets with replies, and error reports about lot data.
--
-- support_tickets (ticket_status: open → in_progress → waiting_user → resolved → closed):
--   users open tickets and reply to their own while not closed; admins read all, reply, and set
--   status and assignee. A staff reply moves the ticket to waiting_user; a user reply reopens it
--   (open). Clients never write status on insert (column grants).
-- error_reports (error_report_status: submitted → triaging → resolved | rejected):
--   users file reports about visible lots and read their own; staff of the lot read reports about
--   it; admins read all and handle them.
--
-- Objects: parky.support_tickets, parky.support_ticket_replies, parky.error_reports,
--          parky_private.support_replies_before_insert(), parky_private.support_replies_after_insert(),
--          parky_private.support_tickets_before_update(), parky_private.error_reports_before_update().

create table parky.support_tickets (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references parky.app_users (id),
  category text not null default 'other',
  subject text not null check (length(btrim(subject)) between 1 and 200),
  body text not null check (length(btrim(body)) between 1 and 5000),
  parking_lot_id uuid references parky.parking_lots (id) on delete set null,
  status text not null default 'open',
  assigned_to uuid references parky.app_users (id),
  last_activity_at timestamptz not null default now(),
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table parky.support_tickets is 'Support requests from users, handled by admins. Self only for users.';
comment on column parky.support_tickets.category is 'ticket_category code.';
comment on column parky.support_tickets.status is 'ticket_status code; admins set it, replies move it (see the migration header).';
comment on column parky.support_tickets.assigned_to is 'The admin handling the ticket.';
comment on column parky.support_tickets.parking_lot_id is 'The lot the request is about, if any.';
create index support_tickets_user_id_idx on parky.support_tickets (user_id, created_at desc);
create index support_tickets_status_idx on parky.support_tickets (status, last_activity_at);
create index support_tickets_assigned_to_idx on parky.support_tickets (assigned_to);
create index support_tickets_parking_lot_id_idx on parky.support_tickets (parking_lot_id);

create table parky.support_ticket_replies (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references parky.support_tickets (id) on delete cascade,
  author_id uuid not null default auth.uid() references parky.app_users (id),
  from_staff boolean not null default false,
  body text not null check (length(btrim(body)) between 1 and 5000),
  created_at timestamptz not null default now()
);
comment on table parky.support_ticket_replies is 'The conversation of a ticket: replies by the user and by admins (from_staff).';
comment on column parky.support_ticket_replies.from_staff is 'Set by the server: the author replied as an admin.';
create index support_ticket_replies_ticket_id_idx on parky.support_ticket_replies (ticket_id, created_at);
create index support_ticket_replies_author_id_idx on parky.support_ticket_replies (author_id);

create table parky.error_reports (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references parky.app_users (id),
  parking_lot_id uuid not null references parky.parking_lots (id) on delete cascade,
  report_type text not null,
  description text check (length(description) <= 2000),
  status text not null default 'submitted',
  resolution_note text check (length(resolution_note) <= 2000),
  handled_by uuid references parky.app_users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table parky.error_reports is 'Reports of wrong lot data (price, hours, location…) by users; triaged by admins.';
comment on column parky.error_reports.report_type is 'error_report_type code.';
comment on column parky.error_reports.status is 'error_report_status code: submitted, triaging, resolved, rejected. Admins only.';
create index error_reports_user_id_idx on parky.error_reports (user_id, created_at desc);
create index error_reports_parking_lot_id_idx on parky.error_reports (parking_lot_id);
create index error_reports_status_idx on parky.error_reports (status, created_at);
create index error_reports_handled_by_idx on parky.error_reports (handled_by);

create trigger support_tickets_before_update_set_updated_at before update on parky.support_tickets
  for each row execute function parky_private.set_updated_at();
create trigger error_reports_before_update_set_updated_at before update on parky.error_reports
  for each row execute function parky_private.set_updated_at();
create trigger support_tickets_before_write_check_codes before insert or update on parky.support_tickets
  for each row execute function parky_private.check_codes('category', 'ticket_category', 'status', 'ticket_status');
create trigger error_reports_before_write_check_codes before insert or update on parky.error_reports
  for each row execute function parky_private.check_codes('report_type', 'error_report_type', 'status', 'error_report_status');

-- Ticket status bookkeeping on admin updates: closed_at follows the status.
create function parky_private.support_tickets_before_update() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    new.closed_at := case when new.status = 'closed' then pg_catalog.now() end;
    new.last_activity_at := pg_catalog.now();
  end if;
  return new;
end
$$;
comment on function parky_private.support_tickets_before_update() is 'BEFORE UPDATE trigger: closed_at and last_activity_at follow status changes.';
create trigger support_tickets_before_update_status before update on parky.support_tickets
  for each row execute function parky_private.support_tickets_before_update();

-- A reply: from_staff is decided by the server; nobody replies to a closed ticket (PK115).
create function parky_private.support_replies_before_insert() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_ticket parky.support_tickets;
begin
  select * into v_ticket from parky.support_tickets t where t.id = new.ticket_id for update;
  if v_ticket.id is null then
    raise exception using errcode = 'PK115', message = 'support ticket not found';
  end if;
  if v_ticket.status = 'closed' then
    raise exception using errcode = 'PK115', message = 'the ticket is closed', hint = 'open a new ticket';
  end if;
  new.from_staff := new.author_id <> v_ticket.user_id;
  return new;
end
$$;
comment on function parky_private.support_replies_before_insert() is
  'BEFORE INSERT trigger on support_ticket_replies: the ticket exists and is not closed (PK115); sets from_staff.';
create trigger support_ticket_replies_before_insert_check before insert on parky.support_ticket_replies
  for each row execute function parky_private.support_replies_before_insert();

create function parky_private.support_replies_after_insert() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update parky.support_tickets t
  set status = case when new.from_staff then 'waiting_user' else 'open' end,
      last_activity_at = pg_catalog.now()
  where t.id = new.ticket_id;
  return null;
end
$$;
comment on function parky_private.support_replies_after_insert() is
  'AFTER INSERT trigger on support_ticket_replies: a staff reply waits for the user, a user reply reopens the ticket.';
create trigger support_ticket_replies_after_insert_status after insert on parky.support_ticket_replies
  for each row execute function parky_private.support_replies_after_insert();

-- Error reports: the admin who changes the status is recorded.
create function parky_private.error_reports_before_update() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    new.handled_by := coalesce((select auth.uid()), new.handled_by);
  end if;
  return new;
end
$$;
comment on function parky_private.error_reports_before_update() is 'BEFORE UPDATE trigger: handled_by is the admin who changed the status.';
create trigger error_reports_before_update_handled_by before update on parky.error_reports
  for each row execute function parky_private.error_reports_before_update();

-- Grants
alter table parky.support_tickets enable row level security;
alter table parky.support_ticket_replies enable row level security;
alter table parky.error_reports enable row level security;
revoke all on parky.support_tickets, parky.support_ticket_replies, parky.error_reports from anon, authenticated;
grant select on parky.support_tickets, parky.support_ticket_replies, parky.error_reports to authenticated;
grant insert (user_id, category, subject, body, parking_lot_id) on parky.support_tickets to authenticated;
grant update (status, assigned_to) on parky.support_tickets to authenticated;
grant insert (ticket_id, author_id, body) on parky.support_ticket_replies to authenticated;
grant insert (user_id, parking_lot_id, report_type, description) on parky.error_reports to authenticated;
grant update (status, resolution_note) on parky.error_reports to authenticated;
grant select, insert, update, delete on parky.support_tickets, parky.support_ticket_replies, parky.error_reports to service_role;

-- Policies
-- support_tickets_select_authenticated: one's own tickets; admins all.
create policy support_tickets_select_authenticated on parky.support_tickets for select to authenticated
  using ((user_id = (select auth.uid()) and (select parky_private.can_read())) or (select parky_private.is_admin()));
-- support_tickets_insert_authenticated: active users open tickets as themselves.
create policy support_tickets_insert_authenticated on parky.support_tickets for insert to authenticated
  with check (user_id = (select auth.uid()) and (select parky_private.can_write()));
-- support_tickets_update_authenticated: admins set status and assignee.
create policy support_tickets_update_authenticated on parky.support_tickets for update to authenticated
  using ((select parky_private.is_admin())) with check ((select parky_private.is_admin()));

-- support_ticket_replies_select_authenticated: replies of tickets one can see.
create policy support_ticket_replies_select_authenticated on parky.support_ticket_replies for select to authenticated
  using (exists (select from parky.support_tickets t where t.id = ticket_id));
-- support_ticket_replies_insert_authenticated: the ticket's user (active) or an admin, as themselves.
create policy support_ticket_replies_insert_authenticated on parky.support_ticket_replies for insert to authenticated
  with check (author_id = (select auth.uid())
              and ((select parky_private.is_admin())
                   or ((select parky_private.can_write())
                       and exists (select from parky.support_tickets t where t.id = ticket_id and t.user_id = (select auth.uid())))));

-- error_reports_select_authenticated: one's own reports, reports about the lots one manages, all for admins.
create policy error_reports_select_authenticated on parky.error_reports for select to authenticated
  using ((user_id = (select auth.uid()) and (select parky_private.can_read()))
         or parking_lot_id in (select parky_private.managed_lot_ids())
         or (select parky_private.is_admin()));
-- error_reports_insert_authenticated: active users report visible lots, as themselves.
create policy error_reports_insert_authenticated on parky.error_reports for insert to authenticated
  with check (user_id = (select auth.uid()) and (select parky_private.can_write())
              and exists (select from parky.parking_lots l where l.id = parking_lot_id));
-- error_reports_update_authenticated: admins triage.
create policy error_reports_update_authenticated on parky.error_reports for update to authenticated
  using ((select parky_private.is_admin())) with check ((select parky_private.is_admin()));
