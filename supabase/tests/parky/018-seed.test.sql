-- The Parky sample data (supabase/seeds/parky.sql) is what the issue asks for and is consistent
-- with the model's own rules.
begin;
set search_path = extensions, public;
select plan(9);

select ok((select count(*) from parky.parking_lots where deleted_at is null and status <> 'hidden') >= 200, 'at least 200 visible lots');
select ok((select count(distinct city) from parky.parking_lots where prefecture = 'tokyo') >= 23, 'the 23 wards (and more) of Tokyo');
select ok((select count(distinct prefecture) from parky.parking_lots) >= 5, 'lots in five prefectures or more');
select is((select count(*) from parky.parking_lots l where not exists (select from parky.parking_lot_hours h where h.parking_lot_id = l.id)),
          0::bigint, 'every lot has hours');
select is((select count(*) from parky.parking_lots l
           where not exists (select from parky.parking_lot_pricing_rules r where r.parking_lot_id = l.id and r.unit_minutes is not null)),
          0::bigint, 'every lot has a rate rule');
select is((select count(*) from parky.parking_lots l
           where (l.rating_count, l.rating_sum) <> (select count(*)::int, coalesce(sum(r.rating), 0)::int from parky.parking_reviews r
                                                    where r.parking_lot_id = l.id and r.status = 'approved' and r.deleted_at is null)),
          0::bigint, 'rating summaries match the approved, live reviews');
select results_eq($$ select count(*) filter (where a.user_id is not null), count(distinct s.user_id) from parky.app_users u
                     left join parky.admins a on a.user_id = u.id left join parky.parking_lot_staff s on s.user_id = u.id
                     where u.email like '%@parky.example' $$,
                  $$ values (1::bigint, 2::bigint) $$, 'one admin and two owners');
select is((select count(*) from parky.app_users where id::text like 'fa120000-%'), 20::bigint, 'twenty sample users');
select ok((select count(*) from parky.articles where published_at <= now()) >= 3 and (select count(*) from parky.ads) >= 3, 'articles and ads');

select * from finish();
rollback;
