-- Parky: the `codes` master and the machinery every coded column uses.
--
-- Every enumerated column of Parky (statuses, structure, entry_method, vehicle_type, …) stores a
-- lowercase English code of one category of parky.codes. A BEFORE INSERT/UPDATE trigger,
-- parky_private.check_codes(column, category, …), accepts only ACTIVE codes of the column's
-- category and raises PK101 otherwise. Rows keep a code that is later deactivated (the trigger
-- checks a code only when it is written or changed); codes are deactivated, never deleted or
-- renamed (PK104).
--
-- Objects: parky.codes (+ grants, policies, triggers), parky_private.check_codes(),
--          parky_private.codes_protect_key(), parky_private.set_updated_at(), the code rows.

grant usage on schema parky_private to anon, authenticated, service_role;

-- updated_at for every table that has one.
create function parky_private.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := pg_catalog.now();
  return new;
end
$$;
comment on function parky_private.set_updated_at() is 'BEFORE UPDATE trigger: sets updated_at to now().';

create table parky.codes (
  category text not null check (category ~ '^[a-z][a-z0-9_]*$'),
  code text not null check (code ~ '^[a-z0-9][a-z0-9_]*$'),
  label_ja text not null check (length(label_ja) between 1 and 100),
  label_en text not null check (length(label_en) between 1 and 100),
  sort_order int not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint codes_pkey primary key (category, code)
);
comment on table parky.codes is
  'Code master: the allowed lowercase English values of every coded column, by category, with ja/en labels. Fetched by clients on boot.';
comment on column parky.codes.active is 'Only active codes may be written into coded columns; deactivated codes stay valid on existing rows.';

alter table parky.codes enable row level security;
revoke all on parky.codes from anon, authenticated;
grant select on parky.codes to anon, authenticated;
grant insert (category, code, label_ja, label_en, sort_order, active) on parky.codes to authenticated;
grant update (label_ja, label_en, sort_order, active) on parky.codes to authenticated;
grant select, insert, update on parky.codes to service_role;

-- codes_select_anon: everyone reads the whole master (labels of deactivated codes included).
create policy codes_select_anon on parky.codes for select to anon using (true);
-- codes_select_authenticated: same for signed-in users.
create policy codes_select_authenticated on parky.codes for select to authenticated using (true);

create trigger codes_before_update_set_updated_at before update on parky.codes
  for each row execute function parky_private.set_updated_at();

-- Codes are referenced by value: renaming or deleting one would orphan rows.
create function parky_private.codes_protect_key() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    raise exception using errcode = 'PK104', message = format('code %s.%s cannot be deleted', old.category, old.code),
      hint = 'deactivate it (active = false) instead';
  end if;
  if new.category <> old.category or new.code <> old.code then
    raise exception using errcode = 'PK104', message = format('code %s.%s cannot be renamed', old.category, old.code),
      hint = 'add a new code and deactivate the old one';
  end if;
  return new;
end
$$;
comment on function parky_private.codes_protect_key() is 'Trigger: codes are never deleted or renamed (PK104).';

create trigger codes_before_update_protect_key before update on parky.codes
  for each row execute function parky_private.codes_protect_key();
create trigger codes_before_delete_protect_key before delete on parky.codes
  for each row execute function parky_private.codes_protect_key();

-- Validates coded columns. Arguments: pairs of (column name, code category).
-- Security definer so that the check does not depend on the caller's view of parky.codes.
create function parky_private.check_codes() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_new jsonb := pg_catalog.to_jsonb(new);
  v_old jsonb := case when tg_op = 'UPDATE' then pg_catalog.to_jsonb(old) end;
  v_column text;
  v_category text;
  v_value text;
begin
  for i in 0 .. tg_nargs - 1 by 2 loop
    v_column := tg_argv[i];
    v_category := tg_argv[i + 1];
    v_value := v_new ->> v_column;
    continue when v_value is null or v_value is not distinct from (v_old ->> v_column);
    if not exists (select from parky.codes c where c.category = v_category and c.code = v_value and c.active) then
      raise exception using errcode = 'PK101',
        message = format('unknown code %L for %s.%s (category %s)', v_value, tg_table_name, v_column, v_category),
        hint = 'use an active code of that category from parky.codes';
    end if;
  end loop;
  return new;
end
$$;
comment on function parky_private.check_codes() is
  'BEFORE INSERT/UPDATE trigger: every (column, category) pair in the trigger arguments must hold an active code of parky.codes. Error PK101.';

-- ---------------------------------------------------------------------------------------------
-- The code rows (master data, so in the migration: production needs them too).
insert into parky.codes (category, code, label_ja, label_en, sort_order) values
  -- seed-named categories
  ('user_status', 'active', '有効', 'Active', 1),
  ('user_status', 'suspended', '利用停止', 'Suspended', 2),
  ('user_status', 'withdrawn', '退会済み', 'Withdrawn', 3),
  ('vehicle_type', 'kei', '軽自動車', 'Kei car', 1),
  ('vehicle_type', 'compact', 'コンパクトカー', 'Compact', 2),
  ('vehicle_type', 'sedan', 'セダン', 'Sedan', 3),
  ('vehicle_type', 'minivan', 'ミニバン', 'Minivan', 4),
  ('vehicle_type', 'suv', 'SUV', 'SUV', 5),
  ('vehicle_type', 'truck', 'トラック', 'Truck', 6),
  ('vehicle_type', 'motorcycle', 'バイク', 'Motorcycle', 7),
  ('session_status', 'pending', '開始待ち', 'Pending', 1),
  ('session_status', 'parking', '駐車中', 'Parking', 2),
  ('session_status', 'ended', '終了', 'Ended', 3),
  ('session_status', 'cancelled', 'キャンセル', 'Cancelled', 4),
  ('notif_type', 'system', 'システム', 'System', 1),
  ('notif_type', 'promo', 'キャンペーン', 'Promotion', 2),
  ('notif_type', 'fee_alert', '料金アラート', 'Fee alert', 3),
  ('notif_type', 'session', '駐車セッション', 'Parking session', 4),
  ('notif_type', 'review', 'レビュー', 'Review', 5),
  ('notif_type', 'badge', 'バッジ獲得', 'Badge earned', 6),
  ('notif_type', 'level_up', 'レベルアップ', 'Level up', 7),
  ('notif_type', 'support', 'サポート', 'Support', 8),
  ('notif_type', 'subscription', 'サブスクリプション', 'Subscription', 9),
  ('notif_status', 'queued', '送信待ち', 'Queued', 1),
  ('notif_status', 'sent', '送信済み', 'Sent', 2),
  ('notif_status', 'delivered', '配信済み', 'Delivered', 3),
  ('notif_status', 'failed', '失敗', 'Failed', 4),
  ('notif_target', 'user', '個別ユーザー', 'One user', 1),
  ('notif_target', 'all', '全ユーザー', 'All users', 2),
  ('notif_target', 'premium', 'プレミアム会員', 'Premium members', 3),
  ('notif_target', 'segment', 'セグメント', 'Segment', 4),
  ('device_type', 'ios', 'iOS', 'iOS', 1),
  ('device_type', 'android', 'Android', 'Android', 2),
  ('device_type', 'web', 'Web', 'Web', 3),
  -- categories of the other coded columns
  ('notif_category', 'info', 'お知らせ', 'News', 1),
  ('notif_category', 'activity', 'アクティビティ', 'Activity', 2),
  ('notif_category', 'promo', 'キャンペーン', 'Promotions', 3),
  ('lot_status', 'new', '新規', 'New', 1),
  ('lot_status', 'active', '公開中', 'Active', 2),
  ('lot_status', 'hidden', '非公開', 'Hidden', 3),
  ('lot_status', 'closed', '閉鎖', 'Closed', 4),
  ('lot_source', 'owner', 'オーナー登録', 'Owner', 1),
  ('lot_source', 'admin', '運営登録', 'Admin', 2),
  ('lot_source', 'import', '一括取込', 'Import', 3),
  ('lot_source', 'open_data', 'オープンデータ', 'Open data', 4),
  ('lot_source', 'user_report', 'ユーザー投稿', 'User report', 5),
  ('structure', 'flat', '平面', 'Flat', 1),
  ('structure', 'multistory', '立体', 'Multi-storey', 2),
  ('structure', 'underground', '地下', 'Underground', 3),
  ('structure', 'mechanical', '機械式', 'Mechanical', 4),
  ('structure', 'tower', 'タワー式', 'Tower', 5),
  ('entry_method', 'gate', 'ゲート式', 'Gate', 1),
  ('entry_method', 'flap', 'フラップ式', 'Flap', 2),
  ('entry_method', 'barrier_free', 'ロックレス', 'Barrier-free', 3),
  ('entry_method', 'camera', 'カメラ式', 'Camera (plate recognition)', 4),
  ('entry_method', 'attendant', '係員', 'Attendant', 5),
  ('payment_method', 'cash', '現金', 'Cash', 1),
  ('payment_method', 'credit_card', 'クレジットカード', 'Credit card', 2),
  ('payment_method', 'transit_ic', '交通系IC', 'Transit IC card', 3),
  ('payment_method', 'e_money', '電子マネー', 'E-money', 4),
  ('payment_method', 'qr_code', 'QRコード決済', 'QR code payment', 5),
  ('payment_method', 'app', 'アプリ決済', 'In-app payment', 6),
  ('lot_attribute', 'ev_charger', 'EV充電器', 'EV charger', 1),
  ('lot_attribute', 'covered', '屋根付き', 'Covered', 2),
  ('lot_attribute', 'open_24h', '24時間営業', 'Open 24 hours', 3),
  ('lot_attribute', 'height_limit_note', '高さ制限メモ', 'Height limit note', 4),
  ('lot_attribute', 'wheelchair_spaces', '車椅子用区画', 'Wheelchair spaces', 5),
  ('lot_attribute', 'large_vehicle_ok', '大型車可', 'Large vehicles OK', 6),
  ('lot_attribute', 'reservable', '予約可', 'Reservable', 7),
  ('lot_attribute', 'receipt', '領収書発行', 'Receipt', 8),
  ('tag_kind', 'feature', '設備・特徴', 'Feature', 1),
  ('tag_kind', 'area', 'エリア', 'Area', 2),
  ('tag_kind', 'purpose', '目的', 'Purpose', 3),
  ('staff_role', 'owner', 'オーナー', 'Owner', 1),
  ('staff_role', 'staff', 'スタッフ', 'Staff', 2),
  ('review_status', 'draft', '下書き', 'Draft', 1),
  ('review_status', 'pending', '審査中', 'Pending', 2),
  ('review_status', 'approved', '承認済み', 'Approved', 3),
  ('review_status', 'rejected', '却下', 'Rejected', 4),
  ('ticket_status', 'open', '受付', 'Open', 1),
  ('ticket_status', 'in_progress', '対応中', 'In progress', 2),
  ('ticket_status', 'waiting_user', 'お客様の返信待ち', 'Waiting for user', 3),
  ('ticket_status', 'resolved', '解決', 'Resolved', 4),
  ('ticket_status', 'closed', '完了', 'Closed', 5),
  ('ticket_category', 'account', 'アカウント', 'Account', 1),
  ('ticket_category', 'billing', 'お支払い・プラン', 'Billing', 2),
  ('ticket_category', 'app_bug', 'アプリの不具合', 'App bug', 3),
  ('ticket_category', 'lot_info', '駐車場情報', 'Parking lot info', 4),
  ('ticket_category', 'other', 'その他', 'Other', 5),
  ('error_report_status', 'submitted', '受付', 'Submitted', 1),
  ('error_report_status', 'triaging', '確認中', 'Triaging', 2),
  ('error_report_status', 'resolved', '修正済み', 'Resolved', 3),
  ('error_report_status', 'rejected', '却下', 'Rejected', 4),
  ('error_report_type', 'wrong_price', '料金が違う', 'Wrong price', 1),
  ('error_report_type', 'wrong_hours', '営業時間が違う', 'Wrong hours', 2),
  ('error_report_type', 'wrong_location', '位置が違う', 'Wrong location', 3),
  ('error_report_type', 'closed', '閉鎖している', 'Closed', 4),
  ('error_report_type', 'wrong_limits', '車両制限が違う', 'Wrong vehicle limits', 5),
  ('error_report_type', 'other', 'その他', 'Other', 6),
  ('subscription_status', 'trial', 'トライアル', 'Trial', 1),
  ('subscription_status', 'active', '有効', 'Active', 2),
  ('subscription_status', 'grace', '猶予期間', 'Grace period', 3),
  ('subscription_status', 'cancelled', '解約', 'Cancelled', 4),
  ('subscription_status', 'expired', '期限切れ', 'Expired', 5),
  ('subscription_store', 'app_store', 'App Store', 'App Store', 1),
  ('subscription_store', 'google_play', 'Google Play', 'Google Play', 2),
  ('billing_period', 'month', '月額', 'Monthly', 1),
  ('billing_period', 'year', '年額', 'Yearly', 2),
  ('personal_rating', 'good', 'よかった', 'Good', 1),
  ('personal_rating', 'bad', 'いまいち', 'Bad', 2),
  ('activity_type', 'app_open', 'アプリ起動', 'App opened', 1),
  ('activity_type', 'search', '検索', 'Search', 2),
  ('activity_type', 'lot_view', '駐車場閲覧', 'Lot viewed', 3),
  ('activity_type', 'lot_save', '駐車場保存', 'Lot saved', 4),
  ('activity_type', 'session_start', '駐車開始', 'Parking started', 5),
  ('activity_type', 'session_end', '駐車終了', 'Parking ended', 6),
  ('activity_type', 'review_post', 'レビュー投稿', 'Review posted', 7),
  ('activity_type', 'error_report', '誤り報告', 'Error reported', 8),
  ('activity_type', 'article_read', '記事閲覧', 'Article read', 9),
  ('locale', 'ja', '日本語', 'Japanese', 1),
  ('locale', 'en', '英語', 'English', 2),
  ('article_category', 'news', 'ニュース', 'News', 1),
  ('article_category', 'guide', 'ガイド', 'Guide', 2),
  ('article_category', 'area', 'エリア特集', 'Area feature', 3),
  ('article_category', 'campaign', 'キャンペーン', 'Campaign', 4),
  ('ad_placement', 'home_banner', 'ホームバナー', 'Home banner', 1),
  ('ad_placement', 'search_list', '検索結果内', 'In search results', 2),
  ('ad_placement', 'lot_detail', '駐車場詳細', 'Lot detail', 3);

-- Prefectures (JIS X 0401 order): parking_lots.prefecture, and the "N prefectures" badges.
insert into parky.codes (category, code, label_ja, label_en, sort_order)
select 'prefecture', p.code, p.label_ja, p.label_en, p.ord::int
from unnest(
  array['hokkaido','aomori','iwate','miyagi','akita','yamagata','fukushima','ibaraki','tochigi','gunma',
        'saitama','chiba','tokyo','kanagawa','niigata','toyama','ishikawa','fukui','yamanashi','nagano',
        'gifu','shizuoka','aichi','mie','shiga','kyoto','osaka','hyogo','nara','wakayama','tottori',
        'shimane','okayama','hiroshima','yamaguchi','tokushima','kagawa','ehime','kochi','fukuoka','saga',
        'nagasaki','kumamoto','oita','miyazaki','kagoshima','okinawa'],
  array['北海道','青森県','岩手県','宮城県','秋田県','山形県','福島県','茨城県','栃木県','群馬県',
        '埼玉県','千葉県','東京都','神奈川県','新潟県','富山県','石川県','福井県','山梨県','長野県',
        '岐阜県','静岡県','愛知県','三重県','滋賀県','京都府','大阪府','兵庫県','奈良県','和歌山県','鳥取県',
        '島根県','岡山県','広島県','山口県','徳島県','香川県','愛媛県','高知県','福岡県','佐賀県',
        '長崎県','熊本県','大分県','宮崎県','鹿児島県','沖縄県'],
  array['Hokkaido','Aomori','Iwate','Miyagi','Akita','Yamagata','Fukushima','Ibaraki','Tochigi','Gunma',
        'Saitama','Chiba','Tokyo','Kanagawa','Niigata','Toyama','Ishikawa','Fukui','Yamanashi','Nagano',
        'Gifu','Shizuoka','Aichi','Mie','Shiga','Kyoto','Osaka','Hyogo','Nara','Wakayama','Tottori',
        'Shimane','Okayama','Hiroshima','Yamaguchi','Tokushima','Kagawa','Ehime','Kochi','Fukuoka','Saga',
        'Nagasaki','Kumamoto','Oita','Miyazaki','Kagoshima','Okinawa']
) with ordinality as p(code, label_ja, label_en, ord);
