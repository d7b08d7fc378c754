-- Parky RLS matrix (data model 7.3 + the portal rules), cell by cell for anon, the user, another
-- user, an owner, another owner, an admin and service_role. Deny is 42501 or no rows.
begin;
set search_path = extensions, public;
select plan(124);

select tests.parky_fixture();

-- Rows owned by the cast, written as postgres.
insert into parky.parking_reviews (id, user_id, parking_lot_id, rating, comment, status) values
  ('b0000000-0000-0000-0000-000000000001', tests.get_supabase_uid('pk_other'), 'a0000000-0000-0000-0000-00000000000a', 4, 'approved', 'approved'),
  ('b0000000-0000-0000-0000-000000000002', tests.get_supabase_uid('pk_user'), 'a0000000-0000-0000-0000-00000000000a', 3, 'draft', 'draft'),
  ('b0000000-0000-0000-0000-000000000003', tests.get_supabase_uid('pk_other'), 'a0000000-0000-0000-0000-00000000000b', 2, 'pending', 'pending'),
  ('b0000000-0000-0000-0000-000000000004', tests.get_supabase_uid('pk_user'), 'a0000000-0000-0000-0000-00000000000b', 5, 'pending', 'pending');
insert into parky.user_saved_parkings (user_id, parking_lot_id) values (tests.get_supabase_uid('pk_user'), 'a0000000-0000-0000-0000-00000000000b');
insert into parky.user_push_tokens (user_id, device_id, fcm_token, device_type) values (tests.get_supabase_uid('pk_user'), 'd1', 'tok-user', 'ios');
insert into parky.user_notifications (id, user_id, notif_type, title) values
  ('c0000000-0000-0000-0000-000000000001', tests.get_supabase_uid('pk_user'), 'system', 'Welcome');
insert into parky.subscription_plans (id, name_ja, name_en, price_jpy, billing_period, is_premium) values
  ('test_plus', 'テストPlus', 'Test Plus', 480, 'month', true);
insert into parky.subscription_plans (id, name_ja, name_en, price_jpy, active) values ('test_retired', '旧', 'Old', 0, false);
insert into parky.user_subscriptions (user_id, plan_id, status, store, original_transaction_id) values
  (tests.get_supabase_uid('pk_user'), 'test_plus', 'active', 'app_store', 'test-otx-1');
insert into parky.support_tickets (id, user_id, subject, body) values
  ('d0000000-0000-0000-0000-000000000001', tests.get_supabase_uid('pk_user'), 'Help', 'Please');
insert into parky.support_ticket_replies (ticket_id, author_id, body) values
  ('d0000000-0000-0000-0000-000000000001', tests.get_supabase_uid('pk_admin'), 'On it');
insert into parky.error_reports (id, user_id, parking_lot_id, report_type) values
  ('e0000000-0000-0000-0000-000000000001', tests.get_supabase_uid('pk_user'), 'a0000000-0000-0000-0000-00000000000a', 'wrong_price');
insert into parky.articles (slug, title, published_at) values ('test-live', 'Live', now() - interval '1 day'),
  ('test-scheduled', 'Scheduled', now() + interval '1 day'), ('test-draft', 'Draft', null),
  ('test-ended', 'Ended', now() - interval '2 days');
update parky.articles set unpublished_at = now() - interval '1 day' where slug = 'test-ended';
insert into parky.ads (title, image_url, link_url, placement, published_at) values
  ('test ad live', 'https://images.parky.example/ads/1.png', 'https://parky.example', 'home_banner', now() - interval '1 hour'),
  ('test ad later', 'https://images.parky.example/ads/2.png', 'https://parky.example', 'home_banner', now() + interval '1 hour');

create temp table fixture_lots (id uuid) on commit drop;
insert into fixture_lots values ('a0000000-0000-0000-0000-00000000000a'), ('a0000000-0000-0000-0000-00000000000b'),
  ('a0000000-0000-0000-0000-00000000000c'), ('a0000000-0000-0000-0000-00000000000d');
grant select on fixture_lots to anon, authenticated, service_role;

-- =============================================================================================
-- anon
select tests.clear_authentication();
select is((select count(*) from parky.parking_lots where id in (select id from fixture_lots)), 2::bigint, 'anon: lots A and B (not hidden, not deleted)');
select is((select count(*) from parky.parking_lot_images where parking_lot_id in (select id from fixture_lots)), 1::bigint, 'anon: images of visible lots only');
select is((select count(*) from parky.parking_lot_pricing_rules where parking_lot_id in (select id from fixture_lots)), 2::bigint, 'anon: pricing rules of visible lots');
select ok((select count(*) from parky.codes) > 100, 'anon: reads the codes master');
select ok((select count(*) from parky.tags) >= 2, 'anon: reads the tag master');
select is((select array_agg(id order by id) from parky.parking_reviews where parking_lot_id in (select id from fixture_lots)),
          array['b0000000-0000-0000-0000-000000000001'::uuid], 'anon: approved reviews only');
select is((select array_agg(slug order by slug) from parky.articles where slug like 'test-%'), array['test-live'], 'anon: published articles only');
select is((select count(*) from parky.ads where title like 'test ad%'), 1::bigint, 'anon: published ads only');
select is((select count(*) from parky.subscription_plans where id like 'test_%'), 1::bigint, 'anon: active plans');
select throws_ok($$ select * from parky.app_users $$, '42501', null, 'anon: no app_users');
select throws_ok($$ select * from parky.user_saved_parkings $$, '42501', null, 'anon: no saved lots');
select throws_ok($$ select * from parky.user_push_tokens $$, '42501', null, 'anon: no push tokens');
select throws_ok($$ select * from parky.user_notifications $$, '42501', null, 'anon: no notifications');
select throws_ok($$ select * from parky.support_tickets $$, '42501', null, 'anon: no support tickets');
select throws_ok($$ select * from parky.error_reports $$, '42501', null, 'anon: no error reports');
select throws_ok($$ select * from parky.user_subscriptions $$, '42501', null, 'anon: no subscriptions');
select throws_ok($$ select rejection_reason from parky.parking_reviews $$, '42501', null, 'anon: no moderation columns');
select throws_ok($$ update parky.parking_lots set name = 'x' $$, '42501', null, 'anon: cannot update lots');
select throws_ok($$ insert into parky.codes (category, code, label_ja, label_en) values ('x', 'y', 'z', 'z') $$, '42501', null, 'anon: cannot write codes');
select throws_ok($$ insert into parky.user_activity_logs (activity_type) values ('search') $$, '42501', null, 'anon: cannot log activities');

-- =============================================================================================
-- the user
select tests.authenticate_as('pk_user');
select is((select count(*) from parky.parking_lots where id in (select id from fixture_lots)), 2::bigint, 'user: lots A and B');
select is((select count(*) from parky.parking_lot_images where parking_lot_id in (select id from fixture_lots)), 1::bigint, 'user: images of visible lots');
select is((select array_agg(id order by id) from parky.parking_reviews where parking_lot_id in (select id from fixture_lots)),
          array['b0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000002',
                'b0000000-0000-0000-0000-000000000004']::uuid[], 'user: approved reviews plus their own draft and pending');
select is((select count(*) from parky.app_users), 1::bigint, 'user: only their own app_users row');
select is((select count(*) from parky.admins), 0::bigint, 'user: not in admins');
select is((select count(*) from parky.parking_lot_staff), 0::bigint, 'user: no staff memberships');
select is((select count(*) from parky.user_saved_parkings), 1::bigint, 'user: their saved lot');
select is((select count(*) from parky.user_push_tokens), 1::bigint, 'user: their push token');
select is((select count(*) from parky.user_notifications), 1::bigint, 'user: their notification');
select is((select count(*) from parky.user_subscriptions), 1::bigint, 'user: their subscription');
select is((select count(*) from parky.support_tickets), 1::bigint, 'user: their ticket');
select is((select count(*) from parky.support_ticket_replies), 1::bigint, 'user: replies of their ticket');
select is((select count(*) from parky.error_reports), 1::bigint, 'user: their error report');
select is((select array_agg(slug order by slug) from parky.articles where slug like 'test-%'), array['test-live'], 'user: published articles only');
select throws_ok($$ select * from parky.user_activity_logs $$, '42501', null, 'user: activity logs are write-only');

-- writes: own profile columns only
select is(tests.affected($$ update parky.app_users set display_name = 'Renamed' $$), 1::bigint, 'user: edits their profile');
select throws_ok($$ update parky.app_users set premium = true $$, '42501', null, 'user: premium is server-owned');
select throws_ok($$ update parky.app_users set status = 'active' $$, '42501', null, 'user: status is server-owned');
select throws_ok($$ update parky.app_users set email = 'x@example.com' $$, '42501', null, 'user: email is server-owned');
select throws_ok($$ update parky.app_users set avatar_url = 'https://evil.example/a.png' $$, 'PK106', null, 'user: avatar must be an allowed image URL');
-- lots and sub-tables: read-only for app users
select is(tests.affected($$ update parky.parking_lots set name = 'x' where id = 'a0000000-0000-0000-0000-00000000000a' $$), 0::bigint, 'user: cannot update a lot');
select throws_ok($$ insert into parky.parking_lots (name, prefecture, location) values ('x', 'tokyo', 'SRID=4326;POINT(139 35)') $$,
                 '42501', null, 'user: cannot create a lot');
select throws_ok($$ delete from parky.parking_lots $$, '42501', null, 'user: nobody hard-deletes lots');
select throws_ok($$ update parky.parking_lots set rating_count = 99 $$, '42501', null, 'user: rating counters are server-owned');
select throws_ok($$ insert into parky.parking_lot_images (parking_lot_id, url) values ('a0000000-0000-0000-0000-00000000000a', 'https://images.parky.example/x.jpg') $$,
                 '42501', null, 'user: cannot add lot images');
select is(tests.affected($$ delete from parky.parking_lot_pricing_rules $$), 0::bigint, 'user: cannot delete pricing rules');
select throws_ok($$ insert into parky.codes (category, code, label_ja, label_en) values ('x', 'y', 'z', 'z') $$, '42501', null, 'user: cannot write codes');
select throws_ok($$ insert into parky.admins (user_id) values (auth.uid()) $$, '42501', null, 'user: cannot make themselves admin');
select throws_ok($$ insert into parky.parking_lot_staff (parking_lot_id, user_id) values ('a0000000-0000-0000-0000-00000000000a', auth.uid()) $$,
                 '42501', null, 'user: cannot make themselves staff');
-- saved lots
select lives_ok($$ insert into parky.user_saved_parkings (parking_lot_id) values ('a0000000-0000-0000-0000-00000000000a') $$, 'user: saves a visible lot');
select throws_ok($$ insert into parky.user_saved_parkings (parking_lot_id) values ('a0000000-0000-0000-0000-00000000000c') $$,
                 '42501', null, 'user: cannot save a hidden lot');
select throws_ok(format($$ insert into parky.user_saved_parkings (user_id, parking_lot_id) values (%L, 'a0000000-0000-0000-0000-00000000000a') $$,
                        tests.get_supabase_uid('pk_other')), '42501', null, 'user: cannot save for someone else');
-- notifications: read_at only
select is(tests.affected($$ update parky.user_notifications set read_at = now() $$), 1::bigint, 'user: marks their notification read');
select throws_ok($$ update parky.user_notifications set title = 'x' $$, '42501', null, 'user: only read_at is writable');
select throws_ok(format($$ insert into parky.user_notifications (user_id, notif_type, title) values (%L, 'system', 'x') $$, tests.get_supabase_uid('pk_user')),
                 '42501', null, 'user: cannot create notifications');
-- activity logs: insert own only, server time
select lives_ok($$ insert into parky.user_activity_logs (activity_type, metadata) values ('search', '{"q": "shibuya"}') $$, 'user: logs an activity');
select throws_ok(format($$ insert into parky.user_activity_logs (user_id, activity_type) values (%L, 'search') $$, tests.get_supabase_uid('pk_other')),
                 '42501', null, 'user: cannot log for someone else');
select throws_ok($$ insert into parky.user_activity_logs (activity_type, occurred_at) values ('search', now() - interval '1 day') $$,
                 '42501', null, 'user: occurred_at is the server''s');
-- subscriptions: never written by clients
select throws_ok($$ insert into parky.user_subscriptions (user_id, plan_id, status, store, original_transaction_id) values (auth.uid(), 'test_plus', 'active', 'app_store', 'forged') $$,
                 '42501', null, 'user: cannot write subscriptions');
select throws_ok($$ update parky.user_subscriptions set status = 'active' $$, '42501', null, 'user: cannot update subscriptions');
-- reviews
select throws_ok($$ insert into parky.parking_reviews (parking_lot_id, rating, status) values ('a0000000-0000-0000-0000-00000000000b', 5, 'approved') $$,
                 'PK109', null, 'user: cannot post an approved review');
select is(tests.affected($$ update parky.parking_reviews set comment = 'mine now' where id = 'b0000000-0000-0000-0000-000000000001' $$), 0::bigint,
          'user: cannot edit someone else''s review');
select throws_ok($$ update parky.parking_reviews set deleted_at = now() $$, '42501', null, 'user: deleted_at only through the delete path');
select throws_ok($$ update parky.parking_reviews set status = 'approved' where id = 'b0000000-0000-0000-0000-000000000004' $$,
                 'PK109', null, 'user: cannot approve their own review');
-- support
select is(tests.affected($$ update parky.support_tickets set status = 'closed' $$), 0::bigint, 'user: ticket status belongs to admins');
select throws_ok($$ insert into parky.support_tickets (subject, body, status) values ('s', 'b', 'resolved') $$, '42501', null, 'user: cannot set a ticket''s status');
select throws_ok($$ insert into parky.error_reports (parking_lot_id, report_type, status) values ('a0000000-0000-0000-0000-00000000000a', 'other', 'resolved') $$,
                 '42501', null, 'user: cannot set a report''s status');
select is(tests.affected($$ update parky.error_reports set status = 'resolved' $$), 0::bigint, 'user: cannot triage reports');
select throws_ok($$ insert into parky.articles (slug, title) values ('x', 'x') $$, '42501', null, 'user: cannot write articles');

-- =============================================================================================
-- another user
select tests.authenticate_as('pk_other');
select is((select count(*) from parky.parking_reviews where user_id = tests.get_supabase_uid('pk_user')), 0::bigint,
          'other: none of the user''s draft or pending reviews');
select is((select count(*) from parky.app_users where id = tests.get_supabase_uid('pk_user')), 0::bigint, 'other: not the user''s profile');
select is((select count(*) from parky.user_saved_parkings), 0::bigint, 'other: not the user''s saved lots');
select is((select count(*) from parky.user_push_tokens), 0::bigint, 'other: not the user''s push tokens');
select is((select count(*) from parky.user_notifications where user_id = tests.get_supabase_uid('pk_user')), 0::bigint,
          'other: not the user''s notifications (they have their own: the badge for their approved review)');
select is(tests.affected(format($$ update parky.user_notifications set read_at = now() where user_id = %L $$, tests.get_supabase_uid('pk_user'))),
          0::bigint, 'other: cannot mark the user''s notifications');
select is((select count(*) from parky.user_subscriptions), 0::bigint, 'other: not the user''s subscriptions');
select is((select count(*) from parky.support_tickets), 0::bigint, 'other: not the user''s tickets');
select is((select count(*) from parky.support_ticket_replies), 0::bigint, 'other: nor their replies');
select throws_ok($$ insert into parky.support_ticket_replies (ticket_id, body) values ('d0000000-0000-0000-0000-000000000001', 'hi') $$,
                 '42501', null, 'other: cannot reply to the user''s ticket');
select is((select count(*) from parky.error_reports), 0::bigint, 'other: not the user''s reports');
select is(tests.affected($$ delete from parky.user_saved_parkings $$), 0::bigint, 'other: cannot delete the user''s saved lots');

-- =============================================================================================
-- an owner (staff of A, hidden C, deleted D)
select tests.authenticate_as('pk_owner');
select is((select array_agg(name order by name) from parky.parking_lots where id in (select id from fixture_lots)),
          array['Lot A', 'Lot B', 'Lot C (hidden)'], 'owner: the catalogue plus their hidden lot, not the deleted one');
select is((select count(*) from parky.parking_lot_images where parking_lot_id in (select id from fixture_lots)), 2::bigint, 'owner: images of their hidden lot too');
select is((select count(*) from parky.parking_lot_staff), 3::bigint, 'owner: their memberships (the deleted lot''s row too)');
select is((select array_agg(id order by id) from parky.parking_reviews where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a'),
          array['b0000000-0000-0000-0000-000000000001'::uuid], 'owner: submitted reviews of their lot, not drafts');
select is((select count(*) from parky.error_reports), 1::bigint, 'owner: error reports about their lot');
select is(tests.affected($$ update parky.parking_lots set name = 'Lot A!', status = 'active' where id = 'a0000000-0000-0000-0000-00000000000a' $$), 1::bigint, 'owner: edits their lot');
select is(tests.affected($$ update parky.parking_lots set status = 'active' where id = 'a0000000-0000-0000-0000-00000000000c' $$), 1::bigint, 'owner: publishes their hidden lot');
select is(tests.affected($$ update parky.parking_lots set name = 'mine' where id = 'a0000000-0000-0000-0000-00000000000b' $$), 0::bigint, 'owner: cannot edit another owner''s lot');
select is(tests.affected($$ update parky.parking_lots set name = 'back' where id = 'a0000000-0000-0000-0000-00000000000d' $$), 0::bigint, 'owner: cannot edit a deleted lot');
select throws_ok($$ update parky.parking_lots set deleted_at = now() where id = 'a0000000-0000-0000-0000-00000000000a' $$, 'PK107', null, 'owner: cannot soft-delete a lot');
select throws_ok($$ update parky.parking_lots set status = 'gone' where id = 'a0000000-0000-0000-0000-00000000000a' $$, 'PK101', null, 'owner: status must be a lot_status code');
select lives_ok($$ insert into parky.parking_lot_images (parking_lot_id, url) values ('a0000000-0000-0000-0000-00000000000a', 'https://images.parky.example/lots/a2.jpg') $$, 'owner: adds an image to their lot');
select throws_ok($$ insert into parky.parking_lot_images (parking_lot_id, url) values ('a0000000-0000-0000-0000-00000000000b', 'https://images.parky.example/lots/b2.jpg') $$,
                 '42501', null, 'owner: cannot add images to another owner''s lot');
select lives_ok($$ insert into parky.parking_lot_hours (parking_lot_id, day_of_week, open_time, close_time) values ('a0000000-0000-0000-0000-00000000000a', 7, '09:00', '18:00') $$, 'owner: sets holiday hours');
select lives_ok($$ insert into parky.parking_lot_payment_methods (parking_lot_id, payment_method) values ('a0000000-0000-0000-0000-00000000000a', 'qr_code') $$, 'owner: adds a payment method');
select lives_ok($$ update parky.parking_lot_attributes set value = 'true' where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a' and attribute_key = 'covered' $$, 'owner: edits an attribute');
select is(tests.affected($$ update parky.parking_lot_pricing_rules set unit_price = 300 where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a' $$), 2::bigint, 'owner: edits their tariff');
select throws_ok($$ update parky.parking_lot_pricing_rules set parking_lot_id = 'a0000000-0000-0000-0000-00000000000b' $$, '42501', null, 'owner: cannot move rules to another lot');
select is(tests.affected($$ update parky.parking_reviews set status = 'rejected', rejection_reason = 'no' where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a' $$), 0::bigint,
          'owner: cannot moderate reviews of their lot');
select throws_ok($$ insert into parky.parking_lot_staff (parking_lot_id, user_id) values ('a0000000-0000-0000-0000-00000000000a', auth.uid()) $$,
                 '42501', null, 'owner: staff are assigned by admins');

-- =============================================================================================
-- another owner (staff of B)
select tests.authenticate_as('pk_owner2');
select is((select count(*) from parky.parking_lots where id in (select id from fixture_lots)), 3::bigint, 'owner2: the catalogue (C was published above)');
select is((select array_agg(id order by id) from parky.parking_reviews where parking_lot_id in (select id from fixture_lots)),
          array['b0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000003',
                'b0000000-0000-0000-0000-000000000004']::uuid[], 'owner2: approved reviews plus the submitted ones of lot B');
select is((select count(*) from parky.error_reports), 0::bigint, 'owner2: not reports about another owner''s lot');
select is(tests.affected($$ delete from parky.parking_lot_pricing_rules where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a' $$), 0::bigint,
          'owner2: cannot delete another owner''s tariff');

-- =============================================================================================
-- an admin
select tests.authenticate_as('pk_admin');
select is((select count(*) from parky.parking_lots where id in (select id from fixture_lots)), 4::bigint, 'admin: every lot, deleted included');
select is((select count(*) from parky.parking_reviews where parking_lot_id in (select id from fixture_lots)), 4::bigint, 'admin: every review');
select ok((select count(*) from parky.app_users) >= 5, 'admin: every user');
select is((select count(*) from parky.support_tickets where id = 'd0000000-0000-0000-0000-000000000001'), 1::bigint, 'admin: the user''s ticket');
select is((select count(*) from parky.articles where slug like 'test-%'), 4::bigint, 'admin: every article');
select is((select count(*) from parky.user_saved_parkings), 0::bigint, 'admin: saved lots stay private');
select lives_ok($$ insert into parky.parking_lots (name, prefecture, location, status) values ('Admin lot', 'chiba', 'SRID=4326;POINT(140.1 35.6)', 'new') $$, 'admin: creates a lot');
select is(tests.affected($$ update parky.parking_lots set deleted_at = now() where id = 'a0000000-0000-0000-0000-00000000000b' $$), 1::bigint, 'admin: soft-deletes a lot');
select lives_ok(format($$ insert into parky.parking_lot_staff (parking_lot_id, user_id) values ('a0000000-0000-0000-0000-00000000000a', %L) $$, tests.get_supabase_uid('pk_owner2')),
                'admin: assigns staff');
select is(tests.affected($$ update parky.support_tickets set status = 'in_progress' where id = 'd0000000-0000-0000-0000-000000000001' $$), 1::bigint, 'admin: handles tickets');
select is(tests.affected($$ update parky.error_reports set status = 'triaging' where id = 'e0000000-0000-0000-0000-000000000001' $$), 1::bigint, 'admin: triages reports');
select lives_ok($$ insert into parky.codes (category, code, label_ja, label_en) values ('payment_method', 'test_pay', 'テスト', 'Test') $$, 'admin: adds a code');
select lives_ok($$ insert into parky.articles (slug, title, published_at) values ('test-admin', 'By admin', now()) $$, 'admin: writes articles');
select throws_ok($$ update parky.user_subscriptions set status = 'expired' $$, '42501', null, 'admin: subscriptions are the server''s too');

-- =============================================================================================
-- service_role
select tests.authenticate_as_service_role();
select is((select count(*) from parky.parking_lots where id in (select id from fixture_lots)), 4::bigint, 'service_role: every lot');
select ok((select count(*) from parky.user_activity_logs) >= 1, 'service_role: reads activity logs');
select lives_ok(format($$ insert into parky.user_notifications (user_id, notif_type, title) values (%L, 'promo', 'Sale') $$, tests.get_supabase_uid('pk_user')),
                'service_role: delivers notifications');
select lives_ok($$ update parky.user_subscriptions set status = 'grace' where original_transaction_id = 'test-otx-1' $$, 'service_role: writes subscriptions');
select lives_ok($$ update parky.parking_lots set deleted_at = null where id = 'a0000000-0000-0000-0000-00000000000b' $$, 'service_role: restores a lot');

select * from finish();
rollback;
