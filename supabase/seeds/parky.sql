-- Parky sample data: a Tokyo-centred catalogue of 231 lots (the 23 wards, Tama, and lots in
-- Kanagawa, Saitama, Chiba, Ibaraki, Osaka and Kyoto), 20 users (one admin, two lot owners, a
-- suspended and a withdrawn user), reviews, saved lots, plans and subscriptions, articles, ads,
-- support tickets, error reports, notifications and push tokens. The codes master is master data
-- and lives in the migrations.
--
-- Generated, not listed: every "random" choice is a deterministic hash of the row number
-- (pg_temp.rnd), so every reset gives the same data. Images point at the placeholder image host
-- (images.parky.example). Sample accounts: admin@parky.example, owner1@parky.example,
-- owner2@parky.example, user01…user17@parky.example (ids fa120000-0000-4000-8000-0000000000NN).

-- A number in [0, 1) from a text key: stable across runs and machines.
create function pg_temp.rnd(p_key text) returns double precision
language sql immutable
as $$ select (('x' || substr(md5(p_key), 1, 8))::bit(32)::bigint & 2147483647) / 2147483648.0 $$;

-- Picks one element of an array by a key.
create function pg_temp.pick(p_options text[], p_key text) returns text
language sql immutable
as $$ select p_options[1 + floor(pg_temp.rnd(p_key) * cardinality(p_options))::int] $$;

-- ---------------------------------------------------------------------------------------------
-- Users (the sign-up trigger creates their parky.app_users rows)
insert into auth.users (id, aud, role, email, raw_user_meta_data, raw_app_meta_data, created_at, updated_at, email_confirmed_at)
select ('fa120000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'authenticated', 'authenticated', u.email,
       jsonb_build_object('display_name', u.display_name, 'locale', u.locale),
       '{"provider": "email", "providers": ["email"]}'::jsonb,
       timestamptz '2026-01-05 09:00+09' + (n * interval '3 days'), timestamptz '2026-01-05 09:00+09' + (n * interval '3 days'),
       timestamptz '2026-01-05 09:00+09' + (n * interval '3 days')
from (values
  (1, 'admin@parky.example', 'Parky運営', 'ja'),
  (2, 'owner1@parky.example', '渋谷パーキング管理', 'ja'),
  (3, 'owner2@parky.example', 'Yokohama Parking Co.', 'en'),
  (4, 'user01@parky.example', 'たろう', 'ja'),
  (5, 'user02@parky.example', 'Hanako', 'ja'),
  (6, 'user03@parky.example', 'ケンタ', 'ja'),
  (7, 'user04@parky.example', 'Mika', 'en'),
  (8, 'user05@parky.example', 'ドライバー佐藤', 'ja'),
  (9, 'user06@parky.example', 'ゆき', 'ja'),
  (10, 'user07@parky.example', 'Alex', 'en'),
  (11, 'user08@parky.example', 'しょうた', 'ja'),
  (12, 'user09@parky.example', 'なつみ', 'ja'),
  (13, 'user10@parky.example', '週末ドライバー', 'ja'),
  (14, 'user11@parky.example', 'リョウ', 'ja'),
  (15, 'user12@parky.example', 'Chris', 'en'),
  (16, 'user13@parky.example', 'まゆ', 'ja'),
  (17, 'user14@parky.example', '軽自動車乗り', 'ja'),
  (18, 'user15@parky.example', 'だいち', 'ja'),
  (19, 'user16@parky.example', 'さくら', 'ja'),
  (20, 'user17@parky.example', 'Ken', 'en')
) as u(n, email, display_name, locale);

update parky.app_users u
set vehicle_type = pg_temp.pick(array['kei', 'compact', 'sedan', 'minivan', 'suv', 'sedan', 'compact'], u.id::text),
    avatar_url = case when pg_temp.rnd('avatar' || u.id) < 0.6 then 'https://images.parky.example/avatars/' || u.id || '.jpg' end,
    notification_prefs = jsonb_build_object('promo', pg_temp.rnd('promo' || u.id) < 0.5, 'fee_alert', true, 'review', true)
where u.email like '%@parky.example';

insert into parky.admins (user_id, note) values ('fa120000-0000-4000-8000-000000000001', 'sample platform admin');

-- ---------------------------------------------------------------------------------------------
-- Tags
insert into parky.tags (slug, name_ja, name_en, kind, sort_order) values
  ('near_station', '駅近', 'Near a station', 'area', 1),
  ('open_24h', '24時間', 'Open 24 hours', 'feature', 2),
  ('ev_charging', 'EV充電', 'EV charging', 'feature', 3),
  ('large_car_ok', '大型車OK', 'Large cars OK', 'feature', 4),
  ('wide_spaces', '広い区画', 'Wide spaces', 'feature', 5),
  ('covered', '屋根付き', 'Covered', 'feature', 6),
  ('reservable', '予約できる', 'Reservable', 'feature', 7),
  ('shopping', '買い物に便利', 'Good for shopping', 'purpose', 8),
  ('sightseeing', '観光に便利', 'Good for sightseeing', 'purpose', 9),
  ('hospital', '病院近く', 'Near a hospital', 'purpose', 10),
  ('event_venue', 'イベント会場近く', 'Near an event venue', 'purpose', 11),
  ('cheap_daily_max', '最大料金が安い', 'Low daily maximum', 'feature', 12);

-- ---------------------------------------------------------------------------------------------
-- Lots: areas (centre, how many lots, spread in degrees, price level 1 = suburban … 3 = central)
create temp table seed_areas (area_no int, prefecture text, city text, label text, lat numeric, lng numeric,
                              lots int, spread numeric, price_level int);
insert into seed_areas values
  (1, 'tokyo', '千代田区', '丸の内', 35.6812, 139.7671, 9, 0.008, 3),
  (2, 'tokyo', '中央区', '銀座', 35.6717, 139.7650, 9, 0.007, 3),
  (3, 'tokyo', '港区', '六本木', 35.6627, 139.7313, 9, 0.009, 3),
  (4, 'tokyo', '新宿区', '新宿', 35.6909, 139.7003, 9, 0.009, 3),
  (5, 'tokyo', '文京区', '後楽園', 35.7077, 139.7517, 8, 0.007, 2),
  (6, 'tokyo', '台東区', '上野', 35.7138, 139.7773, 8, 0.008, 2),
  (7, 'tokyo', '墨田区', '押上', 35.7101, 139.8134, 8, 0.008, 2),
  (8, 'tokyo', '江東区', '豊洲', 35.6550, 139.7963, 8, 0.010, 2),
  (9, 'tokyo', '品川区', '大崎', 35.6197, 139.7286, 8, 0.008, 2),
  (10, 'tokyo', '目黒区', '中目黒', 35.6441, 139.6989, 8, 0.007, 2),
  (11, 'tokyo', '大田区', '蒲田', 35.5625, 139.7161, 8, 0.010, 1),
  (12, 'tokyo', '世田谷区', '三軒茶屋', 35.6436, 139.6709, 8, 0.012, 2),
  (13, 'tokyo', '渋谷区', '渋谷', 35.6580, 139.7016, 9, 0.008, 3),
  (14, 'tokyo', '中野区', '中野', 35.7074, 139.6659, 8, 0.008, 2),
  (15, 'tokyo', '杉並区', '荻窪', 35.7047, 139.6201, 8, 0.010, 1),
  (16, 'tokyo', '豊島区', '池袋', 35.7295, 139.7109, 8, 0.008, 3),
  (17, 'tokyo', '北区', '赤羽', 35.7778, 139.7209, 8, 0.009, 1),
  (18, 'tokyo', '荒川区', '日暮里', 35.7281, 139.7707, 7, 0.007, 1),
  (19, 'tokyo', '板橋区', '成増', 35.7779, 139.6310, 7, 0.010, 1),
  (20, 'tokyo', '練馬区', '練馬', 35.7375, 139.6540, 7, 0.012, 1),
  (21, 'tokyo', '足立区', '北千住', 35.7497, 139.8049, 7, 0.010, 1),
  (22, 'tokyo', '葛飾区', '亀有', 35.7666, 139.8477, 7, 0.010, 1),
  (23, 'tokyo', '江戸川区', '葛西', 35.6636, 139.8727, 7, 0.012, 1),
  (24, 'tokyo', '武蔵野市', '吉祥寺', 35.7030, 139.5797, 4, 0.006, 2),
  (25, 'tokyo', '立川市', '立川', 35.6980, 139.4137, 4, 0.008, 1),
  (26, 'tokyo', '八王子市', '八王子', 35.6557, 139.3389, 4, 0.010, 1),
  (27, 'kanagawa', '横浜市西区', 'みなとみらい', 35.4575, 139.6326, 6, 0.008, 2),
  (28, 'kanagawa', '川崎市川崎区', '川崎', 35.5313, 139.6969, 4, 0.008, 1),
  (29, 'saitama', 'さいたま市大宮区', '大宮', 35.9064, 139.6240, 5, 0.008, 1),
  (30, 'saitama', '川口市', '川口', 35.8021, 139.7177, 3, 0.008, 1),
  (31, 'chiba', '千葉市中央区', '千葉', 35.6130, 140.1134, 4, 0.008, 1),
  (32, 'chiba', '浦安市', '舞浜', 35.6363, 139.8842, 4, 0.008, 2),
  (33, 'ibaraki', 'つくば市', 'つくば', 36.0827, 140.1114, 3, 0.010, 1),
  (34, 'osaka', '大阪市北区', '梅田', 34.7025, 135.4959, 4, 0.007, 3),
  (35, 'kyoto', '京都市下京区', '京都駅', 34.9858, 135.7588, 3, 0.007, 2);

create temp table seed_lots as
select md5('parky-seed-lot-' || a.area_no || '-' || i)::uuid as id,
       row_number() over (order by a.area_no, i) as n,
       a.area_no, a.prefecture, a.city, a.label, a.price_level, i,
       a.lat + (pg_temp.rnd('lat' || a.area_no || '-' || i)::numeric - 0.5) * 2 * a.spread as lat,
       a.lng + (pg_temp.rnd('lng' || a.area_no || '-' || i)::numeric - 0.5) * 2 * a.spread * 1.2 as lng,
       pg_temp.rnd('kind' || a.area_no || '-' || i) as kind_r,
       pg_temp.rnd('tariff' || a.area_no || '-' || i) as tariff_r,
       pg_temp.rnd('hours' || a.area_no || '-' || i) as hours_r
from seed_areas a, generate_series(1, a.lots) i;

insert into parky.parking_lots (id, name, address, prefecture, city, location, total_spaces, operating_hours, structure,
                                entry_method, max_height_m, max_width_m, max_length_m, max_weight_t, min_clearance_cm,
                                description, status, source, grace, created_at)
select l.id,
       pg_temp.pick(array['パークスポット', 'コインパークみどり', 'ひまわりパーキング', 'Parky Station', 'スマートパーク', 'タウンパーキング'],
                    'brand' || l.n) || ' ' || l.label || '第' || l.i,
       c.label_ja || l.city || l.label || (1 + floor(pg_temp.rnd('chome' || l.n) * 5))::int || '丁目'
         || (1 + floor(pg_temp.rnd('ban' || l.n) * 20))::int || '-' || (1 + floor(pg_temp.rnd('go' || l.n) * 15))::int,
       l.prefecture, l.city,
       extensions.st_setsrid(extensions.st_makepoint(round(l.lng, 6), round(l.lat, 6)), 4326)::extensions.geography,
       case s.structure when 'flat' then 3 + floor(pg_temp.rnd('sp' || l.n) * 25)::int
                        when 'mechanical' then 8 + floor(pg_temp.rnd('sp' || l.n) * 40)::int
                        else 60 + floor(pg_temp.rnd('sp' || l.n) * 340)::int end,
       case when l.hours_r < 0.7 then '24時間営業' when l.hours_r < 0.85 then '7:00〜23:00' when l.hours_r < 0.95 then '8:00〜22:00'
            else '10:00〜翌1:00' end,
       s.structure,
       case s.structure when 'flat' then pg_temp.pick(array['flap', 'flap', 'barrier_free', 'camera', 'gate'], 'entry' || l.n)
                        when 'mechanical' then 'attendant' else 'gate' end,
       case s.structure when 'mechanical' then 1.55 when 'tower' then 1.55 when 'multistory' then 2.10 when 'underground' then 2.10 end,
       case s.structure when 'mechanical' then 1.85 when 'tower' then 1.90 when 'multistory' then 2.30 else null end,
       case s.structure when 'mechanical' then 5.00 when 'tower' then 5.00 when 'multistory' then 5.50 else null end,
       case s.structure when 'mechanical' then 2.00 when 'tower' then 2.30 when 'multistory' then 2.50 else null end,
       case s.structure when 'mechanical' then 15 when 'tower' then 15 else null end,
       case s.structure when 'flat' then '平面の時間貸し駐車場です。' when 'mechanical' then '機械式のため車両制限にご注意ください。'
                        else '屋内の駐車場です。雨の日も安心。' end,
       case when l.n % 41 = 0 then 'hidden' when l.n % 53 = 0 then 'closed' when l.n % 29 = 0 then 'new' else 'active' end,
       pg_temp.pick(array['open_data', 'open_data', 'owner', 'admin', 'user_report'], 'source' || l.n),
       case when pg_temp.rnd('grace' || l.n) < 0.15 then '{"minutes": 15, "mode": "free_if_within"}'::jsonb end,
       timestamptz '2026-01-01 00:00+09' + (l.n * interval '7 hours')
from seed_lots l
join parky.codes c on c.category = 'prefecture' and c.code = l.prefecture
cross join lateral (select case when l.kind_r < 0.60 then 'flat' when l.kind_r < 0.80 then 'multistory'
                                when l.kind_r < 0.88 then 'underground' when l.kind_r < 0.96 then 'mechanical'
                                else 'tower' end as structure) s;

-- Two lots were removed (soft delete): they appear nowhere for clients.
update parky.parking_lots set deleted_at = timestamptz '2026-11-01 10:00+09'
where id in (select id from seed_lots where n in (77, 188));

-- Hours: 24 h (70 %), 7–23, 8–22, or 10:00 to 01:00 the next day; some lots close on Sundays or holidays.
insert into parky.parking_lot_hours (parking_lot_id, day_of_week, open_time, close_time, is_closed)
select l.id, d,
       case when l.hours_r < 0.7 then time '00:00' when l.hours_r < 0.85 then time '07:00' when l.hours_r < 0.95 then time '08:00' else time '10:00' end,
       case when l.hours_r < 0.7 then time '00:00' when l.hours_r < 0.85 then time '23:00' when l.hours_r < 0.95 then time '22:00' else time '01:00' end,
       d = 0 and l.hours_r between 0.90 and 0.95
from seed_lots l, generate_series(0, 6) d;
insert into parky.parking_lot_hours (parking_lot_id, day_of_week, open_time, close_time, is_closed)
select l.id, 7, '00:00', '00:00', true from seed_lots l where l.hours_r between 0.80 and 0.85;

-- Tariffs (pricing.md shapes), by family and price level:
--   day/night bands with band caps, 24 h rolling cap, calendar-day cap, weekday/weekend prices,
--   progressive first hour.
insert into parky.parking_lot_pricing_rules (parking_lot_id, day_of_week, start_time, end_time, unit_minutes, unit_price,
                                             cap_minutes, cap_price, cap_repeat, elapsed_from_minutes, priority)
select l.id, r.day_of_week, r.start_time, r.end_time, r.unit_minutes, r.unit_price, r.cap_minutes, r.cap_price,
       r.cap_repeat, r.elapsed_from_minutes, r.priority
from seed_lots l
cross join lateral (
  -- day/night: 08:00–22:00 ¥200/30 min (central ¥300/20 min) with a day cap; 22:00–08:00 ¥100/60 min capped at ¥400
  select '{0,1,2,3,4,5,6,7}'::int[] as day_of_week, time '08:00' as start_time, time '22:00' as end_time,
         case l.price_level when 3 then 20 else 30 end as unit_minutes, case l.price_level when 1 then 200 when 2 then 200 else 300 end as unit_price,
         null::int as cap_minutes, case l.price_level when 1 then 1500 when 2 then 1800 else 2400 end as cap_price,
         true as cap_repeat, null::int as elapsed_from_minutes, 1 as priority
  where l.tariff_r < 0.45
  union all
  select '{0,1,2,3,4,5,6,7}', '22:00', '08:00', 60, 100, null, case l.price_level when 3 then 500 else 400 end, true, null, 1
  where l.tariff_r < 0.45
  -- rolling 24 h cap (入庫後24時間最大)
  union all
  select '{0,1,2,3,4,5,6,7}', '00:00', '00:00', 20, 100 + 60 * l.price_level, null, null, true, null, 1
  where l.tariff_r >= 0.45 and l.tariff_r < 0.65
  union all
  select '{0,1,2,3,4,5,6,7}', '00:00', '00:00', null, null, 1440, 1200 + 600 * l.price_level, true, null, 0
  where l.tariff_r >= 0.45 and l.tariff_r < 0.65
  -- calendar-day cap (当日最大, resets at midnight)
  union all
  select '{0,1,2,3,4,5,6,7}', '00:00', '00:00', 15, 100 + 50 * (l.price_level - 1), null, null, true, null, 1
  where l.tariff_r >= 0.65 and l.tariff_r < 0.80
  union all
  select '{0,1,2,3,4,5,6,7}', '00:00', '00:00', null, null, null, 900 + 500 * l.price_level, true, null, 0
  where l.tariff_r >= 0.65 and l.tariff_r < 0.80
  -- weekday / weekend-and-holiday day prices, shared night band with a once-only cap
  union all
  select '{1,2,3,4,5}', '08:00', '20:00', 30, 200 + 100 * (l.price_level - 1), null, null, true, null, 1
  where l.tariff_r >= 0.80 and l.tariff_r < 0.92
  union all
  select '{0,6,7}', '08:00', '20:00', 30, 300 + 100 * (l.price_level - 1), null, null, true, null, 2
  where l.tariff_r >= 0.80 and l.tariff_r < 0.92
  union all
  select '{0,1,2,3,4,5,6,7}', '20:00', '08:00', 60, 100, null, 500, false, null, 1
  where l.tariff_r >= 0.80 and l.tariff_r < 0.92
  -- progressive: first hour ¥600 (¥800 central), then ¥200 per 30 min, 24 h cap
  union all
  select '{0,1,2,3,4,5,6,7}', '00:00', '00:00', 60, case l.price_level when 3 then 800 else 600 end, null, null, true, null, 1
  where l.tariff_r >= 0.92
  union all
  select '{0,1,2,3,4,5,6,7}', '00:00', '00:00', 30, 200, null, null, true, 60, 2
  where l.tariff_r >= 0.92
  union all
  select '{0,1,2,3,4,5,6,7}', '00:00', '00:00', null, null, 1440, 2000 + 500 * l.price_level, true, null, 0
  where l.tariff_r >= 0.92
) r;

-- Tags, attributes, payment methods, images
insert into parky.parking_lot_tags (parking_lot_id, tag_id)
select l.id, t.id
from seed_lots l
join parky.parking_lots pl on pl.id = l.id
join parky.tags t on
  (t.slug = 'near_station' and pg_temp.rnd('t1' || l.n) < 0.5)
  or (t.slug = 'open_24h' and l.hours_r < 0.7)
  or (t.slug = 'ev_charging' and pg_temp.rnd('ev' || l.n) < 0.15)
  or (t.slug = 'large_car_ok' and pl.structure = 'flat' and pg_temp.rnd('t3' || l.n) < 0.4)
  or (t.slug = 'wide_spaces' and pg_temp.rnd('t4' || l.n) < 0.2)
  or (t.slug = 'covered' and pl.structure in ('multistory', 'underground', 'tower'))
  or (t.slug = 'reservable' and pg_temp.rnd('t5' || l.n) < 0.1)
  or (t.slug = 'shopping' and l.price_level = 3 and pg_temp.rnd('t6' || l.n) < 0.5)
  or (t.slug = 'sightseeing' and l.area_no in (2, 6, 7, 27, 32, 35))
  or (t.slug = 'hospital' and pg_temp.rnd('t7' || l.n) < 0.08)
  or (t.slug = 'event_venue' and l.area_no in (5, 8, 32))
  or (t.slug = 'cheap_daily_max' and l.price_level = 1 and l.tariff_r >= 0.45 and l.tariff_r < 0.80);

insert into parky.parking_lot_attributes (parking_lot_id, attribute_key, value)
select l.id, 'ev_charger', to_jsonb(1 + floor(pg_temp.rnd('evn' || l.n) * 4)::int) from seed_lots l where pg_temp.rnd('ev' || l.n) < 0.15
union all
select l.id, 'covered', to_jsonb(p.structure <> 'flat') from seed_lots l join parky.parking_lots p on p.id = l.id
union all
select l.id, 'open_24h', to_jsonb(l.hours_r < 0.7) from seed_lots l
union all
select l.id, 'receipt', to_jsonb(pg_temp.rnd('rc' || l.n) < 0.8) from seed_lots l
union all
select l.id, 'height_limit_note', to_jsonb('ハイルーフ車は入庫できません'::text) from seed_lots l join parky.parking_lots p on p.id = l.id
where p.structure in ('mechanical', 'tower')
union all
select l.id, 'wheelchair_spaces', to_jsonb(1 + floor(pg_temp.rnd('wc' || l.n) * 3)::int) from seed_lots l join parky.parking_lots p on p.id = l.id
where p.structure in ('multistory', 'underground');

insert into parky.parking_lot_payment_methods (parking_lot_id, payment_method, note)
select l.id, m.code, case when m.code = 'qr_code' then 'PayPay・楽天ペイ' end
from seed_lots l
join parky.codes m on m.category = 'payment_method' and m.active
where m.code = 'cash'
   or (m.code = 'credit_card' and pg_temp.rnd('cc' || l.n) < 0.7)
   or (m.code = 'transit_ic' and pg_temp.rnd('ic' || l.n) < 0.6)
   or (m.code = 'e_money' and pg_temp.rnd('em' || l.n) < 0.3)
   or (m.code = 'qr_code' and pg_temp.rnd('qr' || l.n) < 0.35)
   or (m.code = 'app' and pg_temp.rnd('ap' || l.n) < 0.1);

insert into parky.parking_lot_images (parking_lot_id, url, caption, sort_order)
select l.id, 'https://images.parky.example/lots/' || l.id || '/' || k || '.jpg',
       case k when 1 then '入口' when 2 then '場内' else '料金看板' end, k
from seed_lots l, generate_series(1, 1 + floor(pg_temp.rnd('img' || l.n) * 3)::int) k;

-- Owners: owner1 runs ten lots in Shibuya and Shinjuku (one of them hidden), owner2 the Yokohama and Kawasaki lots.
insert into parky.parking_lot_staff (parking_lot_id, user_id, role)
select l.id, 'fa120000-0000-4000-8000-000000000002'::uuid, 'owner' from seed_lots l where l.area_no in (4, 13) and l.i <= 5
union all
select l.id, 'fa120000-0000-4000-8000-000000000003'::uuid, 'owner' from seed_lots l where l.area_no in (27, 28);
update parky.parking_lots set status = 'hidden'
where id = (select id from seed_lots where area_no = 13 and i = 5);

-- ---------------------------------------------------------------------------------------------
-- Reviews: app users review lots they "visited"; mostly approved, some pending, a few rejected, one draft.
insert into parky.parking_reviews (user_id, parking_lot_id, rating, comment, image_urls, status, rejection_reason,
                                   moderated_by, moderated_at, submitted_at, created_at)
select u.id, l.id, r.rating,
       pg_temp.pick(array['入出庫しやすくて便利でした。', '駅から近くて助かります。', '夜間最大料金が安い！', '区画が少し狭いです。',
                          '料金表示がわかりやすい。', '満車のことが多いです。', 'Clean and easy to find.', '精算機でICカードが使えて便利。',
                          '出口の段差に注意。', '週末は混みます。'], 'c' || u.n || '-' || k),
       case when pg_temp.rnd('ri' || u.n || '-' || k) < 0.2 then array['https://images.parky.example/reviews/' || u.n || '-' || k || '.jpg'] else '{}' end,
       r.status,
       case when r.status = 'rejected' then '個人情報が含まれているため' end,
       case when r.status in ('approved', 'rejected') then 'fa120000-0000-4000-8000-000000000001'::uuid end,
       case when r.status in ('approved', 'rejected') then timestamptz '2026-11-10 12:00+09' + (u.n * interval '1 hour') end,
       case when r.status <> 'draft' then timestamptz '2026-11-01 12:00+09' + ((u.n * 10 + k) * interval '1 hour') end,
       timestamptz '2026-11-01 12:00+09' + ((u.n * 10 + k) * interval '1 hour')
from (select id, row_number() over (order by id) as n from parky.app_users where email ~ '^user[0-9]+@parky\.example$') u
cross join generate_series(1, 9) k
join seed_lots l on l.n = 1 + ((u.n * 37 + k * 23) % 231)
cross join lateral (
  select (array[1, 2, 3, 3, 4, 4, 4, 5, 5, 5])[1 + floor(pg_temp.rnd('rt' || u.n || '-' || k) * 10)::int] as rating,
         case when pg_temp.rnd('st' || u.n || '-' || k) < 0.80 then 'approved'
              when pg_temp.rnd('st' || u.n || '-' || k) < 0.93 then 'pending'
              when pg_temp.rnd('st' || u.n || '-' || k) < 0.98 then 'rejected' else 'draft' end as status) r
where not exists (select from parky.parking_lots p where p.id = l.id and (p.deleted_at is not null or p.status = 'hidden'));

-- Saved lots
insert into parky.user_saved_parkings (user_id, parking_lot_id, created_at)
select distinct on (u.id, l.id) u.id, l.id, timestamptz '2026-11-15 09:00+09' + (u.n * interval '1 hour')
from (select id, row_number() over (order by id) as n from parky.app_users where email ~ '^user[0-9]+@parky\.example$') u
cross join generate_series(1, 4) k
join seed_lots l on l.n = 1 + ((u.n * 11 + k * 31) % 231)
join parky.parking_lots p on p.id = l.id and p.deleted_at is null and p.status <> 'hidden';

-- ---------------------------------------------------------------------------------------------
-- Plans and subscriptions
insert into parky.subscription_plans (id, name_ja, name_en, description, price_jpy, billing_period, app_store_product_id,
                                      google_play_product_id, features, is_premium, sort_order) values
  ('free', 'フリー', 'Free', '基本機能', 0, null, null, null, '{"ad_free": false, "fee_alerts": false}', false, 1),
  ('plus_monthly', 'Parky Plus（月額）', 'Parky Plus (monthly)', '広告なし・料金アラート・テーマ', 480, 'month',
   'jp.parky.plus.monthly', 'parky_plus_monthly', '{"ad_free": true, "fee_alerts": true, "themes": true}', true, 2),
  ('plus_yearly', 'Parky Plus（年額）', 'Parky Plus (yearly)', '2か月分おトク', 4800, 'year',
   'jp.parky.plus.yearly', 'parky_plus_yearly', '{"ad_free": true, "fee_alerts": true, "themes": true}', true, 3);

insert into parky.user_subscriptions (user_id, plan_id, status, store, original_transaction_id, current_period_start,
                                      current_period_end, auto_renew, cancelled_at) values
  ('fa120000-0000-4000-8000-000000000005', 'plus_monthly', 'active', 'app_store', '2000000412345678',
   '2026-11-05 10:00+09', '2026-12-05 10:00+09', true, null),
  ('fa120000-0000-4000-8000-000000000007', 'plus_yearly', 'active', 'google_play', 'GPA.3312-5521-8841-00001',
   '2026-03-01 09:00+09', '2027-03-01 09:00+09', true, null),
  ('fa120000-0000-4000-8000-000000000009', 'plus_monthly', 'expired', 'app_store', '2000000498765432',
   '2026-08-01 10:00+09', '2026-09-01 10:00+09', false, '2026-08-20 21:00+09');
update parky.app_users set premium = true
where id in ('fa120000-0000-4000-8000-000000000005', 'fa120000-0000-4000-8000-000000000007');

-- ---------------------------------------------------------------------------------------------
-- Articles and ads (one article scheduled, one ad ended)
insert into parky.articles (slug, title, summary, body, cover_image_url, category, author_name, published_at) values
  ('ginza-weekend-parking', '週末の銀座で停めやすい駐車場5選', '最大料金のある駐車場を中心に紹介します。',
   '銀座エリアは週末に料金が上がる駐車場が多く…', 'https://images.parky.example/articles/ginza.jpg', 'area', 'Parky編集部', '2026-10-01 10:00+09'),
  ('how-daily-max-works', '「最大料金」のしくみと注意点', '当日最大と24時間最大の違いとは。',
   '最大料金には入庫後24時間と当日（0時リセット）の2種類があり…', 'https://images.parky.example/articles/max.jpg', 'guide', 'Parky編集部', '2026-10-15 10:00+09'),
  ('mechanical-parking-limits', '機械式駐車場の車両制限ガイド', '高さ・幅・重量の確認方法。',
   '機械式駐車場では全高1.55mまでの制限が一般的で…', 'https://images.parky.example/articles/mech.jpg', 'guide', 'Parky編集部', '2026-11-01 10:00+09'),
  ('ev-charging-tokyo', '都内でEV充電できる駐車場が増えています', '充電器付きの駐車場の探し方。',
   '検索条件で「EV充電」を選ぶと…', 'https://images.parky.example/articles/ev.jpg', 'news', 'Parky編集部', '2026-11-10 10:00+09'),
  ('plus-campaign', 'Parky Plus 初月無料キャンペーン', '12月末まで。',
   'Parky Plusに登録すると広告が消え…', 'https://images.parky.example/articles/plus.jpg', 'campaign', 'Parky運営', '2026-11-20 10:00+09'),
  ('year-end-traffic', '年末年始の駐車場混雑予測', '公開予定の記事です。',
   '年末年始は商業施設周辺が…', null, 'news', 'Parky編集部', '2026-12-20 10:00+09');

insert into parky.ads (title, image_url, link_url, placement, priority, published_at, ends_at) values
  ('Parky Plus 初月無料', 'https://images.parky.example/ads/plus.png', 'parky://plans', 'home_banner', 10, '2026-11-20 00:00+09', '2026-12-31 23:59+09'),
  ('カーシェアはじめました', 'https://images.parky.example/ads/carshare.png', 'https://carshare.example.jp', 'search_list', 5, '2026-11-01 00:00+09', null),
  ('洗車コーティング20%オフ', 'https://images.parky.example/ads/wash.png', 'https://wash.example.jp', 'lot_detail', 3, '2026-10-01 00:00+09', null),
  ('夏のドライブ特集', 'https://images.parky.example/ads/summer.png', 'parky://articles/summer', 'home_banner', 1, '2026-07-01 00:00+09', '2026-08-31 23:59+09');

-- ---------------------------------------------------------------------------------------------
-- Support, error reports, inbox, push tokens
insert into parky.support_tickets (id, user_id, category, subject, body, created_at) values
  ('5eed0000-0000-4000-8000-000000000001', 'fa120000-0000-4000-8000-000000000004', 'billing', 'Plusの請求について',
   '今月2回請求されているように見えます。', '2026-11-18 20:00+09'),
  ('5eed0000-0000-4000-8000-000000000002', 'fa120000-0000-4000-8000-000000000006', 'app_bug', '地図が表示されない',
   'iOS 18で地図が真っ白になります。', '2026-11-19 08:30+09'),
  ('5eed0000-0000-4000-8000-000000000003', 'fa120000-0000-4000-8000-000000000010', 'account', 'Change my e-mail',
   'How do I change the e-mail address of my account?', '2026-11-20 12:00+09');
insert into parky.support_ticket_replies (ticket_id, author_id, body, created_at) values
  ('5eed0000-0000-4000-8000-000000000001', 'fa120000-0000-4000-8000-000000000001', 'ご連絡ありがとうございます。ストアの購入履歴を確認いただけますか？', '2026-11-19 10:00+09'),
  ('5eed0000-0000-4000-8000-000000000001', 'fa120000-0000-4000-8000-000000000004', '確認したところ1回分でした。失礼しました。', '2026-11-19 21:00+09'),
  ('5eed0000-0000-4000-8000-000000000003', 'fa120000-0000-4000-8000-000000000001', 'Settings > Account > E-mail lets you change it.', '2026-11-20 15:00+09');
update parky.support_tickets set status = 'resolved' where id = '5eed0000-0000-4000-8000-000000000001';
update parky.support_tickets set status = 'in_progress', assigned_to = 'fa120000-0000-4000-8000-000000000001'
where id = '5eed0000-0000-4000-8000-000000000002';

insert into parky.error_reports (user_id, parking_lot_id, report_type, description, created_at)
select u.id, l.id, t.report_type, t.description, timestamptz '2026-11-12 18:00+09' + (t.k * interval '1 day')
from (values (1, 'fa120000-0000-4000-8000-000000000008'::uuid, 'wrong_price', '30分300円に値上がりしていました。'),
             (2, 'fa120000-0000-4000-8000-000000000011'::uuid, 'wrong_hours', '24時間ではなく23時閉場です。'),
             (3, 'fa120000-0000-4000-8000-000000000013'::uuid, 'wrong_location', '入口は一本裏の道です。'),
             (4, 'fa120000-0000-4000-8000-000000000015'::uuid, 'closed', '工事で閉鎖されています。')) as t(k, user_id, report_type, description)
join parky.app_users u on u.id = t.user_id
join seed_lots l on l.n = 10 + t.k * 17;
update parky.error_reports set status = 'resolved', resolution_note = '料金を更新しました'
where report_type = 'wrong_price';
update parky.error_reports set status = 'triaging' where report_type = 'closed';

insert into parky.user_notifications (user_id, notif_type, notif_category, title, body, deep_link, status, sent_at, delivered_at, read_at, created_at)
select u.id, n.notif_type, n.notif_category, n.title, n.body, n.deep_link, 'delivered',
       n.sent_at, n.sent_at + interval '2 seconds', case when pg_temp.rnd('rd' || u.id || n.k) < 0.5 then n.sent_at + interval '1 hour' end, n.sent_at
from parky.app_users u
cross join (values
  (1, 'system', 'info', 'Parkyへようこそ', '近くの駐車場をすぐに探せます。', 'parky://home', timestamptz '2026-11-01 09:00+09'),
  (2, 'promo', 'promo', 'Parky Plus 初月無料', '12月末までのキャンペーンです。', 'parky://plans', timestamptz '2026-11-20 12:00+09'),
  (3, 'review', 'activity', 'レビューが公開されました', 'ありがとうございます！', 'parky://me/reviews', timestamptz '2026-11-21 18:00+09')
) as n(k, notif_type, notif_category, title, body, deep_link, sent_at)
where u.email ~ '^user[0-9]+@parky\.example$';

insert into parky.user_push_tokens (user_id, device_id, fcm_token, device_type, app_version, last_seen_at)
select u.id, 'device-' || left(md5(u.id::text), 12), 'fcm-sample-' || md5('fcm' || u.id),
       case when pg_temp.rnd('dt' || u.id) < 0.55 then 'ios' else 'android' end, '1.4.2',
       timestamptz '2026-11-22 08:00+09' - (floor(pg_temp.rnd('ls' || u.id) * 40) * interval '1 day')
from parky.app_users u
where u.email ~ '^user[0-9]+@parky\.example$';

-- ---------------------------------------------------------------------------------------------
-- Account lifecycle: user16 is suspended, user17 withdrew.
update parky.app_users set status = 'suspended' where id = 'fa120000-0000-4000-8000-000000000019';
select parky_private.withdraw_user('fa120000-0000-4000-8000-000000000020');
