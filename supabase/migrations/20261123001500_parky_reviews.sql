-- Parky: reviews of lots, their moderation workflow and the lot's rating summary.
--
-- Workflow (review_status): draft → pending (submitted) → approved | rejected (admins, reason
-- required for rejected). The author may edit a draft at any time and a submitted review within
-- 7 days of its first submission; editing an approved or rejected review sends it back to pending.
-- Soft delete (deleted_at) only through parky.delete_review (parky_private.soft_delete_review).
-- One live review per (user, lot). rating 1–5 (PK114), at most 4 images (PK113) on allowed hosts
-- (PK106).
-- parking_lots.rating_count / rating_sum count approved, live reviews only (triggers).
--
-- Read (RLS): approved reviews of visible lots for everyone; the author's own reviews (any
-- status); non-draft reviews of the lots one manages (owner portal); everything for admins.
--
-- Objects: parky.parking_reviews, parky_private.reviews_before_write(),
--          parky_private.reviews_after_write_rating(), parky_private.soft_delete_review(uuid).

create table parky.parking_reviews (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references parky.app_users (id),
  parking_lot_id uuid not null references parky.parking_lots (id) on delete cascade,
  session_id uuid,
  rating int not null check (rating between 1 and 5),
  comment text check (length(comment) <= 2000),
  image_urls text[] not null default '{}'::text[]
    check (cardinality(image_urls) <= 4 and array_position(image_urls, null) is null),
  status text not null default 'pending',
  rejection_reason text check (length(rejection_reason) <= 500),
  submitted_at timestamptz,
  moderated_by uuid references parky.app_users (id),
  moderated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  constraint parking_reviews_rejected_has_reason check (status <> 'rejected' or rejection_reason is not null)
);
comment on table parky.parking_reviews is
  'Reviews of lots: rating 1–5, comment, up to 4 image URLs; moderated by admins (draft → pending → approved | rejected).';
comment on column parky.parking_reviews.session_id is 'The parking session the review is about (optional); the sessions work adds its foreign key.';
comment on column parky.parking_reviews.status is 'review_status code. Authors move draft ↔ pending; admins approve or reject.';
comment on column parky.parking_reviews.rejection_reason is 'Required when rejected; written by admins.';
comment on column parky.parking_reviews.submitted_at is 'First submission (draft → pending): starts the 7-day edit window.';
comment on column parky.parking_reviews.deleted_at is 'Soft delete (parky.delete_review): hidden from every client read path and from the rating.';
create index parking_reviews_lot_idx on parky.parking_reviews (parking_lot_id, created_at desc) where deleted_at is null;
create index parking_reviews_user_id_idx on parky.parking_reviews (user_id);
create index parking_reviews_pending_idx on parky.parking_reviews (created_at) where status = 'pending' and deleted_at is null;
create index parking_reviews_moderated_by_idx on parky.parking_reviews (moderated_by);
create unique index parking_reviews_one_live_per_user_lot on parky.parking_reviews (user_id, parking_lot_id)
  where deleted_at is null;

alter table parky.parking_reviews enable row level security;
revoke all on parky.parking_reviews from anon, authenticated;
grant select (id, user_id, parking_lot_id, session_id, rating, comment, image_urls, status, created_at, updated_at)
  on parky.parking_reviews to anon;
grant select on parky.parking_reviews to authenticated;
grant insert (user_id, parking_lot_id, session_id, rating, comment, image_urls, status) on parky.parking_reviews to authenticated;
grant update (rating, comment, image_urls, status, rejection_reason) on parky.parking_reviews to authenticated;
grant select, insert, update, delete on parky.parking_reviews to service_role;

create trigger parking_reviews_before_update_set_updated_at before update on parky.parking_reviews
  for each row execute function parky_private.set_updated_at();
create trigger parking_reviews_before_write_check_codes before insert or update on parky.parking_reviews
  for each row execute function parky_private.check_codes('status', 'review_status');

-- The workflow. Client paths (a signed-in caller, also inside RPCs) are checked by role;
-- service-role and maintenance paths (no auth.uid()) only by the content rules.
create function parky_private.reviews_before_write() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_admin boolean;
  v_content_changed boolean;
begin
  if new.rating is null or new.rating not between 1 and 5 then
    raise exception using errcode = 'PK114', message = format('rating must be 1 to 5, got %s', coalesce(new.rating::text, 'null'));
  end if;
  if cardinality(new.image_urls) > 4 then
    raise exception using errcode = 'PK113', message = format('at most 4 images per review, got %s', cardinality(new.image_urls));
  end if;

  if tg_op = 'INSERT' then
    perform parky_private.check_image_urls(new.image_urls);
    if v_uid is not null then
      if new.status not in ('draft', 'pending') then
        raise exception using errcode = 'PK109', message = format('a new review is draft or pending, not %s', new.status);
      end if;
      new.rejection_reason := null;
      new.moderated_by := null;
      new.moderated_at := null;
    end if;
    if new.status <> 'draft' then
      new.submitted_at := coalesce(new.submitted_at, pg_catalog.now());
    end if;
    return new;
  end if;

  -- UPDATE
  if new.image_urls is distinct from old.image_urls then
    perform parky_private.check_image_urls(new.image_urls);
  end if;
  v_content_changed := (new.rating, new.comment, new.image_urls) is distinct from (old.rating, old.comment, old.image_urls);

  if v_uid is not null and old.user_id = v_uid then
    -- the author
    if new.rejection_reason is distinct from old.rejection_reason then
      raise exception using errcode = 'PK109', message = 'only moderators write the rejection reason';
    end if;
    if old.status <> 'draft' and pg_catalog.now() > coalesce(old.submitted_at, old.created_at) + interval '7 days'
       and (v_content_changed or new.status is distinct from old.status) then
      raise exception using errcode = 'PK110', message = 'the review can no longer be edited',
        hint = 'reviews can be edited for 7 days after they are submitted';
    end if;
    if new.status is distinct from old.status
       and not (old.status, new.status) in (('draft', 'pending'), ('pending', 'draft')) then
      raise exception using errcode = 'PK109', message = format('a review cannot go from %s to %s', old.status, new.status);
    end if;
    if v_content_changed and old.status in ('approved', 'rejected') then
      new.status := 'pending';
      new.rejection_reason := null;
    end if;
    if new.status = 'pending' and old.submitted_at is null then
      new.submitted_at := pg_catalog.now();
    end if;
  elsif v_uid is not null then
    -- a moderator (the update policy lets only admins reach other users' reviews)
    v_admin := (select parky_private.is_admin());
    if not v_admin then
      raise exception using errcode = 'PK107', message = 'only admins moderate reviews';
    end if;
    if v_content_changed then
      raise exception using errcode = 'PK109', message = 'moderators cannot change a review''s content',
        hint = 'reject it with a reason instead';
    end if;
    if new.status is distinct from old.status then
      if not (old.status, new.status) in (('pending', 'approved'), ('pending', 'rejected'), ('approved', 'rejected'),
                                          ('rejected', 'approved')) then
        raise exception using errcode = 'PK109', message = format('a review cannot be moderated from %s to %s', old.status, new.status);
      end if;
      if new.status = 'approved' then
        new.rejection_reason := null;
      elsif nullif(btrim(new.rejection_reason), '') is null then
        raise exception using errcode = 'PK109', message = 'a rejection needs a reason';
      end if;
      new.moderated_by := v_uid;
      new.moderated_at := pg_catalog.now();
    end if;
  end if;
  return new;
end
$$;
comment on function parky_private.reviews_before_write() is
  'BEFORE INSERT/UPDATE trigger on parking_reviews: rating (PK114), images (PK113, PK106), the draft/pending/approved/rejected '
  'workflow by role (PK109), the 7-day edit window (PK110).';
create trigger parking_reviews_before_write_workflow before insert or update on parky.parking_reviews
  for each row execute function parky_private.reviews_before_write();

-- Rating summary: approved, live reviews only. Deltas, so concurrent reviews of one lot serialize
-- only on the lot row, and the summary is exact after every commit.
create function parky_private.reviews_after_write_rating() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_old_counts boolean := tg_op in ('UPDATE', 'DELETE') and old.status = 'approved' and old.deleted_at is null;
  v_new_counts boolean := tg_op in ('INSERT', 'UPDATE') and new.status = 'approved' and new.deleted_at is null;
begin
  if v_old_counts and v_new_counts and old.parking_lot_id = new.parking_lot_id then
    if new.rating <> old.rating then
      update parky.parking_lots set rating_sum = rating_sum + new.rating - old.rating where id = new.parking_lot_id;
    end if;
    return null;
  end if;
  if v_old_counts then
    update parky.parking_lots set rating_count = rating_count - 1, rating_sum = rating_sum - old.rating
    where id = old.parking_lot_id;
  end if;
  if v_new_counts then
    update parky.parking_lots set rating_count = rating_count + 1, rating_sum = rating_sum + new.rating
    where id = new.parking_lot_id;
  end if;
  return null;
end
$$;
comment on function parky_private.reviews_after_write_rating() is
  'AFTER INSERT/UPDATE/DELETE trigger on parking_reviews: keeps parking_lots.rating_count/rating_sum equal to its approved, live reviews.';
create trigger parking_reviews_after_write_rating after insert or update or delete on parky.parking_reviews
  for each row execute function parky_private.reviews_after_write_rating();

-- The delete path: the author soft-deletes their review (RLS would hide the deleted row from the
-- UPDATE's own check, and clients hold no privilege on deleted_at).
create function parky_private.soft_delete_review(p_review_id uuid) returns parky.parking_reviews
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_review parky.parking_reviews;
begin
  update parky.parking_reviews r set deleted_at = pg_catalog.now()
  where r.id = p_review_id and r.user_id = (select auth.uid()) and r.deleted_at is null
  returning * into v_review;
  if v_review.id is null then
    raise exception using errcode = 'PK111', message = 'review not found', hint = 'only the author can delete a live review';
  end if;
  return v_review;
end
$$;
comment on function parky_private.soft_delete_review(uuid) is
  'Soft-deletes the caller''s own live review. Error PK111 when there is none.';
grant execute on function parky_private.soft_delete_review(uuid) to authenticated;

-- Policies
-- parking_reviews_select_anon: approved, live reviews of visible lots.
create policy parking_reviews_select_anon on parky.parking_reviews for select to anon
  using (status = 'approved' and deleted_at is null
         and exists (select from parky.parking_lots l where l.id = parking_lot_id));
-- parking_reviews_select_authenticated: the same, plus one's own reviews, plus submitted reviews
-- of the lots one manages, plus everything for admins.
create policy parking_reviews_select_authenticated on parky.parking_reviews for select to authenticated
  using ((deleted_at is null and (
            (status = 'approved' and exists (select from parky.parking_lots l where l.id = parking_lot_id))
            or (user_id = (select auth.uid()) and (select parky_private.can_read()))
            or (status <> 'draft' and parking_lot_id in (select parky_private.managed_lot_ids()))))
         or (select parky_private.is_admin()));
-- parking_reviews_insert_authenticated: active users review lots they can see, as themselves.
create policy parking_reviews_insert_authenticated on parky.parking_reviews for insert to authenticated
  with check (user_id = (select auth.uid()) and (select parky_private.can_write())
              and exists (select from parky.parking_lots l where l.id = parking_lot_id));
-- parking_reviews_update_authenticated: the author edits a live review; admins moderate.
create policy parking_reviews_update_authenticated on parky.parking_reviews for update to authenticated
  using ((user_id = (select auth.uid()) and (select parky_private.can_write()) and deleted_at is null)
         or (select parky_private.is_admin()))
  with check (user_id = (select auth.uid()) or (select parky_private.is_admin()));
