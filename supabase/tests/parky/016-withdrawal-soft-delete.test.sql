-- Parky lifecycle: withdrawal (anonymized, owned data removed, history kept, no more access),
-- suspension (read-only), deletion of the auth user, soft-deleted lots leaving every read path.
begin;
set search_path = extensions, public;
select plan(42);

select tests.parky_fixture();

-- The user's data before withdrawal.
update parky.app_users set avatar_url = 'https://images.parky.example/avatars/u.png', vehicle_type = 'suv',
                           notification_prefs = '{"promo": false}' where id = tests.get_supabase_uid('pk_user');
insert into parky.user_saved_parkings (user_id, parking_lot_id) values (tests.get_supabase_uid('pk_user'), 'a0000000-0000-0000-0000-00000000000a');
insert into parky.user_push_tokens (user_id, device_id, fcm_token, device_type) values (tests.get_supabase_uid('pk_user'), 'd1', 'tok', 'android');
insert into parky.user_notifications (user_id, notif_type, title) values (tests.get_supabase_uid('pk_user'), 'system', 'hi');
insert into parky.parking_reviews (user_id, parking_lot_id, rating, status) values (tests.get_supabase_uid('pk_user'), 'a0000000-0000-0000-0000-00000000000a', 5, 'approved');
insert into parky.support_tickets (user_id, subject, body) values (tests.get_supabase_uid('pk_user'), 's', 'b');
insert into parky.user_activity_logs (user_id, activity_type) values (tests.get_supabase_uid('pk_user'), 'search');
insert into parky.subscription_plans (id, name_ja, name_en, price_jpy, billing_period) values ('test_plus', 'P', 'P', 480, 'month');
insert into parky.user_subscriptions (user_id, plan_id, status, store, original_transaction_id)
values (tests.get_supabase_uid('pk_user'), 'test_plus', 'expired', 'google_play', 'otx');

-- =============================================================================================
-- withdrawal
select tests.authenticate_as('pk_user');
select is(parky.withdraw('f3000000-0000-0000-0000-000000000001') ->> 'status', 'withdrawn', 'the user withdraws');
select is(parky.withdraw('f3000000-0000-0000-0000-000000000001') ->> 'replayed', 'true', 'a retry replays');
select throws_ok($$ select parky.withdraw(gen_random_uuid()) $$, 'PK116', null, 'withdrawing twice');
-- no more access to their Parky data
select is((select count(*) from parky.app_users), 0::bigint, 'withdrawn: no profile');
select is((select count(*) from parky.support_tickets), 0::bigint, 'withdrawn: no tickets');
select is((select count(*) from parky.user_subscriptions), 0::bigint, 'withdrawn: no subscriptions');
select is((select count(*) from parky.parking_reviews where status <> 'approved'), 0::bigint, 'withdrawn: no own drafts');
select is(tests.affected($$ update parky.app_users set display_name = 'back' $$), 0::bigint, 'withdrawn: cannot edit the profile');
select throws_ok($$ select parky.save_parking_lot(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a') $$, 'PK105', null, 'withdrawn: cannot save');
select throws_ok($$ select parky.post_review(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000b', 3) $$, 'PK105', null, 'withdrawn: cannot review');
select throws_ok($$ insert into parky.user_activity_logs (activity_type) values ('search') $$, '42501', null, 'withdrawn: cannot log activities');
select is((select count(*) from parky.parking_lots where id = 'a0000000-0000-0000-0000-00000000000a'), 1::bigint, 'withdrawn: the public catalogue stays readable');

reset role;
select results_eq(
  format($$ select display_name, email, avatar_url, vehicle_type, notification_prefs, status, withdrawn_at is not null, deleted_at is not null
            from parky.app_users where id = %L $$, tests.get_supabase_uid('pk_user')),
  $$ values ('退会したユーザー', null::text, null::text, null::text, '{}'::jsonb, 'withdrawn', true, true) $$,
  'the profile is anonymized');
select is((select count(*) from parky.user_push_tokens where user_id = tests.get_supabase_uid('pk_user')), 0::bigint, 'push tokens deleted');
select is((select count(*) from parky.user_saved_parkings where user_id = tests.get_supabase_uid('pk_user')), 0::bigint, 'saved lots deleted');
select is((select count(*) from parky.user_notifications where user_id = tests.get_supabase_uid('pk_user')), 0::bigint, 'inbox deleted');
select is((select count(*) from parky.parking_reviews where user_id = tests.get_supabase_uid('pk_user')), 1::bigint, 'reviews kept (anonymous author)');
select is((select count(*) from parky.support_tickets where user_id = tests.get_supabase_uid('pk_user')), 1::bigint, 'tickets kept');
select is((select count(*) from parky.user_activity_logs where user_id = tests.get_supabase_uid('pk_user')), 3::bigint,
          'activity history kept (the search, and the server''s lot_save and review_post events)');
select is((select count(*) from parky.user_subscriptions where user_id = tests.get_supabase_uid('pk_user')), 1::bigint, 'subscription history kept');
update auth.users set email = 'again@example.com' where id = tests.get_supabase_uid('pk_user');
select is((select email from parky.app_users where id = tests.get_supabase_uid('pk_user')), null, 'an auth e-mail change does not refill it');
select throws_ok(format($$ update parky.app_users set display_name = 'Taro' where id = %L $$, tests.get_supabase_uid('pk_user')),
                 'PK105', null, 'the anonymized row cannot be refilled');
select throws_ok(format($$ update parky.app_users set status = 'active' where id = %L $$, tests.get_supabase_uid('pk_user')),
                 'PK105', null, 'withdrawal is final');

-- an owner who withdraws loses the portal
select tests.authenticate_as('pk_owner');
select lives_ok($$ select parky.withdraw(gen_random_uuid()) $$, 'an owner withdraws');
reset role;
select is((select count(*) from parky.parking_lot_staff where user_id = tests.get_supabase_uid('pk_owner')), 0::bigint, 'their staff memberships are gone');

-- deleting the auth user withdraws the Parky user and keeps the row
select tests.create_supabase_user('pk_gone', 'gone@example.com');
delete from auth.users where id = tests.get_supabase_uid('pk_gone');
select is((select status || '/' || coalesce(email, '-') from parky.app_users u
           where not exists (select from auth.users a where a.id = u.id) and u.withdrawn_at is not null), 'withdrawn/-',
          'deleting the auth user withdraws the Parky user');

-- =============================================================================================
-- suspension (admins)
select tests.authenticate_as('pk_other');
select throws_ok(format($$ select parky.set_user_status(gen_random_uuid(), %L, 'suspended') $$, tests.get_supabase_uid('pk_owner2')),
                 'PK107', null, 'users cannot suspend others');
select tests.authenticate_as('pk_admin');
select is(parky.set_user_status('f3000000-0000-0000-0000-000000000010', tests.get_supabase_uid('pk_other'), 'suspended') ->> 'status',
          'suspended', 'admin suspends a user');
select throws_ok(format($$ select parky.set_user_status(gen_random_uuid(), %L, 'banished') $$, tests.get_supabase_uid('pk_other')),
                 'PK101', null, 'unknown status');
select throws_ok($$ select parky.set_user_status(gen_random_uuid(), gen_random_uuid(), 'suspended') $$, 'PK116', null, 'unknown user');
select tests.authenticate_as('pk_other');
select is((select status from parky.app_users), 'suspended', 'suspended: reads their profile');
select is(tests.affected($$ update parky.app_users set display_name = 'x' $$), 0::bigint, 'suspended: cannot edit it');
select throws_ok($$ select parky.open_support_ticket(gen_random_uuid(), 'other', 's', 'b') $$, 'PK105', null, 'suspended: cannot open tickets');
select throws_ok($$ insert into parky.user_saved_parkings (parking_lot_id) values ('a0000000-0000-0000-0000-00000000000a') $$,
                 '42501', null, 'suspended: table writes are refused too');
select tests.authenticate_as('pk_admin');
select lives_ok(format($$ select parky.set_user_status(gen_random_uuid(), %L, 'active') $$, tests.get_supabase_uid('pk_other')), 'admin reactivates');
select tests.authenticate_as('pk_other');
select lives_ok($$ select parky.save_parking_lot(gen_random_uuid(), 'a0000000-0000-0000-0000-00000000000a') $$, 'active again: writes');

-- =============================================================================================
-- soft-deleted lots leave every read path
select tests.authenticate_as('pk_admin');
select lives_ok($$ update parky.parking_lots set deleted_at = now() where id = 'a0000000-0000-0000-0000-00000000000a' $$, 'admin soft-deletes lot A');
select tests.clear_authentication();
select is((select count(*) from parky.nearby_parking_lots(24.29, 153.98) where name = 'Lot A'), 0::bigint, 'not in search');
select throws_ok($$ select parky.get_parking_lot('a0000000-0000-0000-0000-00000000000a') $$, 'PK102', null, 'no detail');
select is((select count(*) from parky.parking_lot_images where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a'), 0::bigint, 'no sub-rows');
select is((select count(*) from parky.parking_reviews where parking_lot_id = 'a0000000-0000-0000-0000-00000000000a'), 0::bigint, 'no public reviews');
select tests.authenticate_as('pk_other');
select is((select count(*) from parky.user_saved_parkings), 0::bigint, 'gone from saved lists');

select * from finish();
rollback;
