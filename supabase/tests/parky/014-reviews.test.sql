-- Parky reviews: post_review, edit_review, delete_review, moderate_review; the workflow, the
-- edit window, the constraints and the lot's rating summary.
begin;
set search_path = extensions, public;
select plan(44);

select tests.parky_fixture();
select tests.create_supabase_user('pk_suspended', 'pk_suspended@example.com');
update parky.app_users set status = 'suspended' where id = tests.get_supabase_uid('pk_suspended');

-- The rating summary equals the approved, live reviews (called as postgres: rating_sum is not granted).
create function pg_temp.summary_ok(p_lot uuid) returns boolean language sql as $$
  select (l.rating_count, l.rating_sum) = (select count(*)::int, coalesce(sum(r.rating), 0)::int from parky.parking_reviews r
                                           where r.parking_lot_id = p_lot and r.status = 'approved' and r.deleted_at is null)
  from parky.parking_lots l where l.id = p_lot
$$;

-- =============================================================================================
-- posting
select tests.authenticate_as('pk_user');
select is((select r - 'id' - 'created_at' - 'updated_at' - 'submitted_at'
           from parky.post_review('f1000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-00000000000a', 4, '  Easy to enter  ',
                                  array['https://images.parky.example/reviews/1.jpg']) r),
          '{"parking_lot_id": "a0000000-0000-0000-0000-00000000000a", "session_id": null, "rating": 4, "comment": "Easy to enter",
            "image_urls": ["https://images.parky.example/reviews/1.jpg"], "status": "pending", "rejection_reason": null,
            "deleted_at": null}'::jsonb, 'posts a pending review');
select is(parky.post_review('f1000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-00000000000a', 4, '  Easy to enter  ',
                            array['https://images.parky.example/reviews/1.jpg']) ->> 'replayed', 'true', 'a retry replays');
select throws_ok($$ select parky.post_review(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a', 5) $$, 'PK112', null, 'one live review per lot');
select throws_ok($$ select parky.post_review('f1000000-0000-0000-0000-000000000002', 'a0000000-0000-0000-0000-00000000000b', 6) $$, 'PK114', null, 'rating 6');
select throws_ok($$ select parky.post_review(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000b', 0) $$, 'PK114', null, 'rating 0');
select throws_ok($$ select parky.post_review(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000b', 3, null,
                     array['https://images.parky.example/1.jpg', 'https://images.parky.example/2.jpg', 'https://images.parky.example/3.jpg',
                           'https://images.parky.example/4.jpg', 'https://images.parky.example/5.jpg']) $$, 'PK113', null, 'five images');
select throws_ok($$ select parky.post_review(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000b', 3, null, array['https://evil.example/1.jpg']) $$,
                 'PK106', null, 'an image on another host');
select throws_ok($$ select parky.post_review(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000c', 3) $$, 'PK102', null, 'a hidden lot');
select throws_ok($$ select parky.post_review(gen_random_uuid(), 'a0000000-0000-0000-0000-0000000000ff', 3) $$, 'PK102', null, 'a lot that does not exist');
select is((select count(*) from parky.parking_reviews where user_id = auth.uid()), 1::bigint, 'failed calls wrote nothing');
select is(parky.post_review('f1000000-0000-0000-0000-000000000002', 'a0000000-0000-0000-0000-00000000000b', 3, null, '{}', null, true) ->> 'status',
          'draft', 'the request id of a failed call is free again; a draft');
select is((select submitted_at from parky.parking_reviews where user_id = auth.uid() and parking_lot_id = 'a0000000-0000-0000-0000-00000000000b'),
          null, 'a draft is not submitted');
select is(parky.edit_review(gen_random_uuid(), (select id from parky.parking_reviews where user_id = auth.uid() and status = 'draft'), 4, 'ok', '{}', true) ->> 'status',
          'pending', 'submitting a draft');
select tests.authenticate_as('pk_suspended');
select throws_ok($$ select parky.post_review(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a', 3) $$, 'PK105', null, 'suspended users cannot post');

-- the review is the author's and the owner's to see until approved
select tests.clear_authentication();
select is((select count(*) from parky.parking_reviews where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a'), 0::bigint, 'anon: pending reviews are not public');
select tests.authenticate_as('pk_owner');
select is((select count(*) from parky.parking_reviews where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a'), 1::bigint, 'owner: sees the pending review of their lot');

-- =============================================================================================
-- moderation and the rating summary
select tests.authenticate_as('pk_other');
select lives_ok($$ select parky.post_review(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a', 2, 'narrow') $$, 'another review of A');
select throws_ok(format($$ select parky.moderate_review(gen_random_uuid(), %L, 'approved') $$,
                        (select id from parky.parking_reviews where user_id = auth.uid())), 'PK107', null, 'users cannot moderate');
select tests.authenticate_as('pk_owner');
select throws_ok(format($$ select parky.moderate_review(gen_random_uuid(), %L, 'approved') $$,
                        (select id from parky.parking_reviews where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a' limit 1)),
                 'PK107', null, 'owners cannot moderate');

select tests.authenticate_as('pk_admin');
select is(parky.moderate_review('f1000000-0000-0000-0000-000000000010',
                                (select id from parky.parking_reviews where user_id = tests.get_supabase_uid('pk_user') and parking_lot_id = 'a0000000-0000-0000-0000-00000000000a'),
                                'approved') ->> 'status', 'approved', 'admin approves');
select is((select array[rating_count::numeric, rating_average] from parky.parking_lots where id = 'a0000000-0000-0000-0000-00000000000a'),
          array[1, 4.00], 'the summary counts the approved review');
select lives_ok(format($$ select parky.moderate_review(gen_random_uuid(), %L, 'approved') $$,
                       (select id from parky.parking_reviews where user_id = tests.get_supabase_uid('pk_other'))), 'admin approves the second');
select is((select array[rating_count::numeric, rating_average] from parky.parking_lots where id = 'a0000000-0000-0000-0000-00000000000a'),
          array[2, 3.00], 'count 2, average 3.00');
select throws_ok(format($$ select parky.moderate_review(gen_random_uuid(), %L, 'rejected') $$,
                        (select id from parky.parking_reviews where user_id = tests.get_supabase_uid('pk_other'))), 'PK109', null, 'a rejection needs a reason');
select throws_ok(format($$ select parky.moderate_review(gen_random_uuid(), %L, 'maybe') $$,
                        (select id from parky.parking_reviews where user_id = tests.get_supabase_uid('pk_other'))), 'PK109', null, 'decisions are approved or rejected');
select is(parky.moderate_review(gen_random_uuid(), (select id from parky.parking_reviews where user_id = tests.get_supabase_uid('pk_other')),
                                'rejected', 'Offensive language') ->> 'rejection_reason', 'Offensive language', 'admin rejects with a reason');
select is((select array[rating_count::numeric, rating_average] from parky.parking_lots where id = 'a0000000-0000-0000-0000-00000000000a'),
          array[1, 4.00], 'a rejected review leaves the summary');
select is((select f.staff_user_id from parky.admin_staff_fields('review_moderator', array(select id from parky.parking_reviews where user_id = tests.get_supabase_uid('pk_other'))) f),
          tests.get_supabase_uid('pk_admin'), 'the moderator is recorded (admins read it through admin_staff_fields)');
select throws_ok($$ select parky.moderate_review(gen_random_uuid(), gen_random_uuid(), 'approved') $$, 'PK111', null, 'an unknown review');
select throws_ok($$ update parky.parking_reviews set comment = 'censored' where user_id <> auth.uid() $$, 'PK109', null, 'moderators do not edit content');

-- =============================================================================================
-- editing
select tests.authenticate_as('pk_user');
select is(parky.edit_review(gen_random_uuid(), (select id from parky.parking_reviews where user_id = auth.uid() and parking_lot_id = 'a0000000-0000-0000-0000-00000000000a'),
                            5, 'Even better') ->> 'status', 'pending', 'editing an approved review sends it back to moderation');
select is((select rating_count from parky.parking_lots where id = 'a0000000-0000-0000-0000-00000000000a'), 0, 'and out of the summary');
reset role;
select ok(pg_temp.summary_ok('a0000000-0000-0000-0000-00000000000a'), 'the summary matches the approved, live reviews');
select tests.authenticate_as('pk_user');
select throws_ok(format($$ select parky.edit_review(gen_random_uuid(), %L, 1) $$,
                        (select id from parky.parking_reviews where user_id = tests.get_supabase_uid('pk_other'))), 'PK111', null, 'cannot edit another user''s review');
select throws_ok(format($$ select parky.edit_review(gen_random_uuid(), %L, 9) $$,
                        (select id from parky.parking_reviews where user_id = auth.uid() and parking_lot_id = 'a0000000-0000-0000-0000-00000000000a')),
                 'PK114', null, 'edits are checked too');
reset role;
update parky.parking_reviews set submitted_at = now() - interval '8 days'
where user_id = tests.get_supabase_uid('pk_user') and parking_lot_id = 'a0000000-0000-0000-0000-00000000000b';
select tests.authenticate_as('pk_user');
select throws_ok(format($$ select parky.edit_review(gen_random_uuid(), %L, 1) $$,
                        (select id from parky.parking_reviews where user_id = auth.uid() and parking_lot_id = 'a0000000-0000-0000-0000-00000000000b')),
                 'PK110', null, 'the 7-day edit window');

-- =============================================================================================
-- soft delete
select tests.authenticate_as('pk_admin');
select lives_ok(format($$ select parky.moderate_review(gen_random_uuid(), %L, 'approved') $$,
                       (select id from parky.parking_reviews where user_id = tests.get_supabase_uid('pk_user') and parking_lot_id = 'a0000000-0000-0000-0000-00000000000a')),
                'approved again');
select tests.authenticate_as('pk_user');
select ok((parky.delete_review('f1000000-0000-0000-0000-000000000020',
                               (select id from parky.parking_reviews where user_id = auth.uid() and parking_lot_id = 'a0000000-0000-0000-0000-00000000000a'))
           ->> 'deleted_at') is not null, 'the author deletes their review');
select is((select rating_count from parky.parking_lots where id = 'a0000000-0000-0000-0000-00000000000a'), 0, 'a deleted review leaves the summary');
select is((select count(*) from parky.parking_reviews where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a' and user_id = auth.uid()), 0::bigint,
          'the author no longer sees it');
select throws_ok($$ select parky.delete_review(gen_random_uuid(), (select id from parky.parking_reviews where user_id = tests.get_supabase_uid('pk_other'))) $$,
                 'PK111', null, 'cannot delete another user''s review');
select lives_ok($$ select parky.post_review(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a', 3) $$, 'a new review after deleting the old one');
select tests.clear_authentication();
select is((select count(*) from parky.parking_reviews where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a'), 0::bigint,
          'anon: nothing (deleted, rejected, pending)');
reset role;
select ok(pg_temp.summary_ok('a0000000-0000-0000-0000-00000000000a') and pg_temp.summary_ok('a0000000-0000-0000-0000-00000000000b'),
          'summaries are exact after the whole story');

select * from finish();
rollback;
