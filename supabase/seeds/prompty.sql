-- Prompty sample data (the seed document's volumes): 18 users (one admin), 13 categories in a
-- hierarchy, 22 prompts (free, paid, premium-eligible, one unpublished, one draft), tags,
-- follows, likes, bookmarks, threaded comments, views and their analytics, purchases, a premium
-- member, an announcement, feedback, contact messages, a report, badges, a contest and a
-- magazine. Everything goes through the real paths: auth users get their profile from the
-- sign-up trigger; likes, comments and follows fire the counter and notification triggers;
-- views go through prompty_private.record_view. Fixed ids:
--   users      a0000000-0000-4000-8000-0000000000NN   (NN = 01..18; 01 is the admin)
--   categories c0000000-0000-4000-8000-0000000000NN
--   prompts    b0000000-0000-4000-8000-0000000000NN
-- Every sample user's password is "password123" (for a stack with the Auth server).

-- ---------------------------------------------------------------------------------------
-- Users (the sign-up trigger creates profiles and settings)
-- ---------------------------------------------------------------------------------------
insert into auth.users (id, aud, role, email, encrypted_password, raw_user_meta_data, raw_app_meta_data,
                        created_at, updated_at, email_confirmed_at)
select ('a0000000-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid, 'authenticated', 'authenticated',
       u.username || '@prompty.example', extensions.crypt('password123', extensions.gen_salt('bf', 6)),
       jsonb_build_object('username', u.username, 'display_name', u.display_name),
       '{"provider": "email", "providers": ["email"]}'::jsonb,
       now() - (19 - n) * interval '20 days', now() - (19 - n) * interval '20 days', now() - (19 - n) * interval '20 days'
from (values
  (1, 'prompty_admin', 'Prompty運営'),
  (2, 'sakura_ai', '佐藤さくら'),
  (3, 'kenta_dev', '田中健太'),
  (4, 'yui_illust', '鈴木ゆい'),
  (5, 'hiro_writer', '高橋ひろし'),
  (6, 'mai_marketing', '伊藤まい'),
  (7, 'takumi_photo', '渡辺たくみ'),
  (8, 'aoi_translate', '山本あおい'),
  (9, 'ren_video', '中村れん'),
  (10, 'nana_design', '小林なな'),
  (11, 'sho_code', '加藤しょう'),
  (12, 'miku_fan', '吉田みく'),
  (13, 'daiki_biz', '山田だいき'),
  (14, 'haruka_edu', '佐々木はるか'),
  (15, 'yuto_game', '山口ゆうと'),
  (16, 'emi_cook', '松本えみ'),
  (17, 'kaito_music', '井上かいと'),
  (18, 'rina_travel', '木村りな')
) as u (n, username, display_name);

update prompty.profiles set status = 'admin' where id = 'a0000000-0000-4000-8000-000000000001';
update prompty.profiles set bio = bio_text, website = site
from (values
  ('a0000000-0000-4000-8000-000000000002'::uuid, '画像生成プロンプトを毎週公開しています。', 'https://sakura-ai.example'),
  ('a0000000-0000-4000-8000-000000000003'::uuid, 'エンジニア。コード生成とレビューのプロンプトが得意です。', null),
  ('a0000000-0000-4000-8000-000000000004'::uuid, 'イラストレーター。アニメ調の画像生成を研究中。', null),
  ('a0000000-0000-4000-8000-000000000005'::uuid, 'ライター歴10年。文章生成のコツをまとめています。', 'https://hiro-writes.example')
) as b (id, bio_text, site)
where profiles.id = b.id;
-- A premium member and a creator with a business account (set by the payments side in production).
update prompty.profiles set is_premium = true, premium_until = now() + interval '25 days' where id = 'a0000000-0000-4000-8000-000000000012';
update prompty.profiles set is_business = true where id = 'a0000000-0000-4000-8000-000000000013';
update prompty.account_settings set show_creator_page = false where user_id = 'a0000000-0000-4000-8000-000000000018';

-- ---------------------------------------------------------------------------------------
-- Categories (13, two levels)
-- ---------------------------------------------------------------------------------------
insert into prompty.categories (id, name, slug, description, icon, parent_id, sort_order, created_by)
select ('c0000000-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid, name, slug, description, icon,
       case when parent is not null then ('c0000000-0000-4000-8000-0000000000' || lpad(parent::text, 2, '0'))::uuid end,
       n, 'a0000000-0000-4000-8000-000000000001'
from (values
  (1, '画像生成', 'image', 'Midjourney、Stable Diffusion などの画像生成', 'image', null),
  (5, '文章生成', 'writing', 'ブログ、ビジネス文書、翻訳など', 'pen', null),
  (9, 'プログラミング', 'programming', 'コード生成、レビュー、デバッグ', 'code', null),
  (12, '動画・音声', 'video-audio', '動画の台本、ナレーション、音楽', 'video', null),
  (13, 'マーケティング', 'marketing', '広告コピー、SNS運用、市場調査', 'megaphone', null),
  (2, '写真・リアル', 'photo', '写真のようにリアルな画像', 'camera', 1),
  (3, 'イラスト・アニメ', 'illustration', 'イラスト、アニメ調の画像', 'brush', 1),
  (4, 'ロゴ・デザイン', 'logo-design', 'ロゴ、アイコン、UIデザイン', 'shapes', 1),
  (6, 'ブログ・記事', 'blog', 'ブログ記事、SEO記事', 'file-text', 5),
  (7, 'ビジネス文書', 'business-docs', 'メール、企画書、議事録', 'briefcase', 5),
  (8, '翻訳・要約', 'translation', '翻訳、要約、言い換え', 'languages', 5),
  (10, 'コード生成', 'code-generation', '関数、テスト、SQLの生成', 'terminal', 9),
  (11, 'デバッグ・レビュー', 'code-review', 'コードレビュー、バグの原因調査', 'bug', 9)
) as c (n, name, slug, description, icon, parent)
order by parent nulls first, n;

-- ---------------------------------------------------------------------------------------
-- Prompts (22: 21 published, 1 unpublished)
-- ---------------------------------------------------------------------------------------
insert into prompty.prompts (id, author_id, title, description, content, prompt_title, prompt_content, category_id,
                             is_free, price, is_premium, preview_lines, ai_model, media_type, published, thumbnail_url)
select ('b0000000-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid,
       ('a0000000-0000-4000-8000-0000000000' || lpad(author::text, 2, '0'))::uuid,
       title, description, content, prompt_title, prompt_content,
       ('c0000000-0000-4000-8000-0000000000' || lpad(category::text, 2, '0'))::uuid,
       price = 0, price, premium, 3, model, media, published,
       'https://images.prompty.example/thumbnails/' || n || '.webp'
from (values
  (1, 2, '夕暮れの街角ポートレート', '映画のワンシーンのような夕暮れの人物写真を作るプロンプト',
   e'夕暮れの光で人物を撮影したような写真を生成します。\n逆光とレンズフレアで雰囲気を出します。\n背景のボケ具合も調整できます。\n【ここから有料】ライティングの細かい指定方法と、失敗しやすいポイントを解説します。\n作例10枚とパラメータ一覧付き。',
   '夕暮れポートレート', 'cinematic portrait at dusk, golden hour backlight, lens flare, 85mm, f/1.4, shallow depth of field --ar 2:3', 2, 500, true, 'Midjourney', 'image', true),
  (2, 2, '水彩風の風景イラスト', 'やわらかい水彩タッチの風景画',
   e'水彩絵の具でにじませたような風景を描きます。\n季節ごとの色の選び方も紹介。\n無料で使えます。',
   '水彩風景', 'watercolor landscape, soft bleeding edges, pastel palette, paper texture', 3, 0, false, 'Stable Diffusion', 'image', true),
  (3, 4, 'アニメ調キャラクターの立ち絵', 'ゲームやVTuber向けの立ち絵を作る',
   e'アニメ調のキャラクター立ち絵を生成します。\n表情差分の作り方も解説。\n衣装の指定テンプレート付き。\n【有料部分】差分を揃えるためのシード固定と、手の崩れを防ぐネガティブプロンプト。',
   'キャラクター立ち絵', 'full body anime character, standing pose, clean lineart, cel shading, white background', 3, 800, false, 'Stable Diffusion', 'image', true),
  (4, 10, 'ミニマルなロゴデザイン', 'スタートアップ向けのシンプルなロゴ',
   e'シンプルで覚えやすいロゴを生成します。\n配色と余白のルールを解説。\nベクター化の手順も紹介します。\n【有料】業種別のテンプレート20種。',
   'ミニマルロゴ', 'minimal flat logo, geometric, two colors, vector style, centered', 4, 300, true, 'Midjourney', 'image', true),
  (5, 7, '料理写真をおいしそうに', 'メニュー撮影のような料理写真',
   e'料理をおいしそうに見せる写真を生成します。\n湯気や照りの表現がポイント。\n無料公開中です。',
   '料理写真', 'food photography, steam, glossy sauce, top light, wooden table, shallow depth of field', 2, 0, false, 'Midjourney', 'image', true),
  (6, 5, 'SEOに強いブログ記事の構成案', '検索上位を狙う記事構成を作る',
   e'キーワードから記事の構成案を作ります。\n見出しごとの要点も出力します。\n競合記事との差別化の観点も入れます。\n【有料部分】検索意図の分類テンプレートと、リライト用の指示文。',
   'SEO記事構成', 'あなたはSEOに詳しい編集者です。キーワード「{keyword}」で検索上位を狙う記事の構成案を…', 6, 500, false, 'GPT-4o', 'text', true),
  (7, 13, 'ビジネスメールを丁寧に書き直す', '失礼のない敬語メールに整える',
   e'下書きのメールを丁寧なビジネスメールに書き直します。\n相手との関係に合わせて敬語の度合いを調整。\n無料です。',
   '丁寧なメール', '次のメールを、取引先に送る丁寧なビジネスメールに書き直してください：{draft}', 7, 0, false, 'Claude', 'text', true),
  (8, 8, '英語論文を日本語で要約', '論文のポイントを3分で把握',
   e'英語の論文を日本語で要約します。\n目的・手法・結果・限界に分けて整理します。\n専門用語には説明を付けます。\n【有料】査読コメント風の批判的な読み方を追加するプロンプト。',
   '論文要約', 'Summarize the following paper in Japanese with sections: 目的, 手法, 結果, 限界…', 8, 300, true, 'Claude', 'text', true),
  (9, 3, 'TypeScriptの型安全なAPIクライアント生成', 'OpenAPIから型付きクライアントを作る',
   e'OpenAPIの定義から型安全なAPIクライアントを生成します。\nエラー処理とリトライも含めます。\nテストコードも出力します。\n【有料部分】ページングと認証トークン更新のパターン集。',
   'APIクライアント生成', 'Generate a type-safe TypeScript client for this OpenAPI spec, with retries and typed errors…', 10, 1000, false, 'GPT-4o', 'text', true),
  (10, 11, 'コードレビューを厳しめに', 'バグとセキュリティの観点でレビュー',
   e'プルリクエストの差分を厳しめにレビューします。\nバグ、セキュリティ、可読性の順に指摘します。\n無料で使えます。',
   '厳しめレビュー', 'Review this diff as a strict senior engineer: bugs first, then security, then readability…', 11, 0, false, 'Claude', 'text', true),
  (11, 3, 'SQLのクエリを高速化する', '実行計画を読んでインデックスを提案',
   e'遅いSQLと実行計画から改善案を出します。\nインデックスとクエリの書き換えを提案します。\nPostgreSQL向けです。\n【有料】よくあるアンチパターン30選とその直し方。',
   'SQL高速化', 'Given this query and EXPLAIN ANALYZE output, propose indexes and rewrites for PostgreSQL…', 10, 500, false, 'GPT-4o', 'text', true),
  (12, 9, 'YouTube動画の台本を作る', '10分動画の構成と台本',
   e'テーマから10分程度の動画台本を作ります。\nつかみ、本編、まとめの構成です。\nテロップ案も付けます。\n【有料部分】視聴維持率を上げる冒頭30秒のテンプレート。',
   '動画台本', 'テーマ「{theme}」で10分のYouTube動画の台本を、つかみ・本編・まとめで…', 12, 800, true, 'GPT-4o', 'video', true),
  (13, 17, 'BGMのイメージを言葉にする', '音楽生成AI向けの指示文',
   e'作りたいBGMのイメージを音楽生成AI向けの指示文にします。\nテンポや楽器を具体的に指定できます。\n無料です。',
   'BGM指示文', 'lofi hip hop, 80 bpm, mellow piano, vinyl crackle, rainy night mood', 12, 0, false, 'Suno', 'audio', true),
  (14, 6, 'SNS広告のキャッチコピー30案', 'ターゲット別にコピーを量産',
   e'商品とターゲットから広告コピーを30案作ります。\n訴求軸ごとに分類します。\nA/Bテスト用の組み合わせも提案。\n【有料】業界別の禁止表現チェックリスト付き。',
   '広告コピー', '商品「{product}」のSNS広告用キャッチコピーを、ターゲット「{target}」向けに30案…', 13, 500, false, 'GPT-4o', 'text', true),
  (15, 6, 'Instagramの投稿カレンダー', '1か月分の投稿計画',
   e'1か月分のInstagram投稿計画を作ります。\n投稿テーマとハッシュタグ案を出します。\n無料公開です。',
   '投稿カレンダー', 'ブランド「{brand}」のInstagram投稿カレンダーを1か月分、テーマとハッシュタグ付きで…', 13, 0, false, 'Gemini', 'text', true),
  (16, 14, '小学生向けの算数問題を作る', '学年と単元を指定して問題を生成',
   e'学年と単元から算数の練習問題を作ります。\n解答と解説も付けます。\n難易度を3段階で調整できます。',
   '算数問題', '小学{grade}年生の「{unit}」の練習問題を10問、解答と解説付きで…', 5, 0, false, 'Claude', 'text', true),
  (17, 15, 'ファンタジー世界の設定資料', 'ゲームや小説の世界観づくり',
   e'ファンタジー世界の地理、歴史、勢力を作ります。\n矛盾のない設定になるよう順番に質問します。\n創作の土台に使えます。\n【有料部分】魔法体系とその制約を設計するためのテンプレート。',
   '世界観設定', 'あなたは世界観設計の専門家です。次の順で質問しながらファンタジー世界の設定資料を…', 5, 300, false, 'Claude', 'text', true),
  (18, 16, '冷蔵庫の残り物でレシピ', '家にある材料から献立を提案',
   e'冷蔵庫の残り物からレシピを提案します。\n調理時間と難易度も表示します。\n無料です。',
   '残り物レシピ', '冷蔵庫にある材料：{ingredients}。これで作れる夕食のレシピを3つ…', 5, 0, false, 'Gemini', 'text', true),
  (19, 18, '旅行の行程表を作る', '予算と日数から旅程を作成',
   e'行き先と予算から旅行の行程表を作ります。\n移動時間と費用の目安も出します。\n雨の日のプランも提案します。\n【有料】混雑を避ける時間帯の選び方。',
   '旅程作成', '行き先「{place}」、{days}日間、予算{budget}円で行程表を…', 5, 300, false, 'GPT-4o', 'text', true),
  (20, 4, 'ちびキャラのアイコン', 'SNSアイコン向けのデフォルメキャラ',
   e'かわいいちびキャラのアイコンを作ります。\n髪型や表情の指定方法を解説します。\n無料で使えます。',
   'ちびキャラ', 'chibi character icon, big eyes, simple background, pastel colors, cute', 3, 0, false, 'Midjourney', 'image', true),
  (21, 11, 'ユニットテストを自動で書く', '関数からテストケースを網羅',
   e'関数のコードからユニットテストを生成します。\n境界値と異常系も網羅します。\nJest と Vitest に対応。\n【有料部分】モックの作り方のパターン集。',
   'テスト生成', 'Write exhaustive unit tests (Vitest) for this function, including edge cases and error paths…', 10, 300, false, 'Claude', 'text', true),
  (22, 2, '【下書き】桜の季節のポートレート', '公開準備中',
   e'桜の下で撮影したようなポートレートを作ります。\nまだ調整中です。\n公開までお待ちください。',
   '桜ポートレート', 'portrait under cherry blossoms, soft pink light, spring', 2, 500, false, 'Midjourney', 'image', false)
) as p (n, author, title, description, content, prompt_title, prompt_content, category, price, premium, model, media, published);

-- Publication dates spread over the last weeks (the "new" sort).
update prompty.prompts set published_at = now() - (23 - substr(id::text, 35)::int) * interval '2 days' + interval '3 hours',
                           created_at = now() - (23 - substr(id::text, 35)::int) * interval '2 days'
where published;

-- Tags, set as their authors do.
do $$
declare
  r record;
begin
  for r in select * from (values
    (1, array['ポートレート', '写真', 'midjourney']), (2, array['水彩', '風景', 'イラスト']), (3, array['アニメ', 'キャラクター', 'vtuber']),
    (4, array['ロゴ', 'デザイン']), (5, array['料理', '写真']), (6, array['seo', 'ブログ', 'chatgpt']), (7, array['メール', 'ビジネス']),
    (8, array['要約', '論文', 'claude']), (9, array['typescript', 'api']), (10, array['コードレビュー', 'セキュリティ']),
    (11, array['sql', 'postgresql']), (12, array['youtube', '動画', '台本']), (13, array['音楽', 'bgm']), (14, array['広告', 'コピーライティング']),
    (15, array['instagram', 'sns']), (16, array['教育', '算数']), (17, array['ファンタジー', '世界観']), (18, array['料理', 'レシピ']),
    (19, array['旅行']), (20, array['アイコン', 'イラスト', 'ちびキャラ']), (21, array['テスト', 'typescript']), (22, array['桜', 'ポートレート'])
  ) as t (n, tags)
  loop
    perform set_config('request.jwt.claims', json_build_object('sub', p.author_id, 'role', 'authenticated')::text, true)
    from prompty.prompts p where p.id = ('b0000000-0000-4000-8000-0000000000' || lpad(r.n::text, 2, '0'))::uuid;
    perform prompty.set_prompt_tags(('b0000000-0000-4000-8000-0000000000' || lpad(r.n::text, 2, '0'))::uuid, r.tags);
  end loop;
  perform set_config('request.jwt.claims', '', true);
end
$$;

-- A draft (pending work of user 5).
insert into prompty.drafts (author_id, title, content, tags)
values ('a0000000-0000-4000-8000-000000000005', 'プレスリリースの書き方', '企業のプレスリリースを書くプロンプト（作成中）', array['広報']);

-- ---------------------------------------------------------------------------------------
-- Social: follows, likes, bookmarks, threaded comments (triggers keep counters and notify)
-- ---------------------------------------------------------------------------------------
insert into prompty.follows (follower_id, following_id)
select ('a0000000-0000-4000-8000-0000000000' || lpad(f::text, 2, '0'))::uuid, ('a0000000-0000-4000-8000-0000000000' || lpad(t::text, 2, '0'))::uuid
from (values (12, 2), (12, 3), (12, 4), (7, 2), (14, 5), (5, 2), (9, 6), (16, 2), (3, 11), (11, 3), (15, 4)) as x (f, t);

insert into prompty.likes (user_id, prompt_id, created_at)
select ('a0000000-0000-4000-8000-0000000000' || lpad(u::text, 2, '0'))::uuid, ('b0000000-0000-4000-8000-0000000000' || lpad(p::text, 2, '0'))::uuid,
       now() - (u + p) * interval '5 hours'
from (values (12, 1), (7, 1), (5, 1), (16, 1), (14, 1), (12, 2), (7, 2), (12, 3), (15, 3), (9, 3), (3, 6), (14, 6), (13, 7),
             (6, 7), (12, 9), (11, 9), (10, 10), (9, 12), (6, 12), (15, 17), (18, 18), (16, 18), (12, 20), (4, 21), (14, 16)) as x (u, p);

insert into prompty.bookmarks (user_id, prompt_id)
select ('a0000000-0000-4000-8000-0000000000' || lpad(u::text, 2, '0'))::uuid, ('b0000000-0000-4000-8000-0000000000' || lpad(p::text, 2, '0'))::uuid
from (values (12, 1), (12, 9), (7, 5), (14, 16), (3, 11), (6, 14)) as x (u, p);

insert into prompty.comments (id, prompt_id, user_id, parent_id, content, created_at)
select ('d0000000-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid,
       ('b0000000-0000-4000-8000-0000000000' || lpad(p::text, 2, '0'))::uuid,
       ('a0000000-0000-4000-8000-0000000000' || lpad(u::text, 2, '0'))::uuid,
       case when parent is not null then ('d0000000-0000-4000-8000-0000000000' || lpad(parent::text, 2, '0'))::uuid end,
       content, now() - (10 - n) * interval '7 hours'
from (values
  (1, 1, 12, null, '逆光の表現がとてもきれいです！'),
  (2, 1, 2, 1, 'ありがとうございます！レンズフレアの強さは調整できます。'),
  (3, 1, 7, null, 'カメラマン目線でも参考になりました。'),
  (4, 3, 15, null, 'ゲームの立ち絵に使わせてもらいました。'),
  (5, 3, 4, 4, '使っていただけてうれしいです！'),
  (6, 6, 14, null, '構成案がそのまま使えるレベルでした。'),
  (7, 9, 11, null, 'リトライ処理まで入っているのが助かります。'),
  (8, 9, 3, 7, '認証まわりは有料部分で詳しく書いています。'),
  (9, 18, 16, null, '今日の夕飯が決まりました！')
) as c (n, p, u, parent, content)
order by n;

-- ---------------------------------------------------------------------------------------
-- Purchases (completed: the buyers can read the full text)
-- ---------------------------------------------------------------------------------------
insert into prompty.payments (id, user_id, amount, intent_id, kind, status, created_at) values
  ('e0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000007', 500, 'pi_seed_0001', 'purchase', 'succeeded', now() - interval '3 days'),
  ('e0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000011', 1000, 'pi_seed_0002', 'purchase', 'succeeded', now() - interval '2 days');
insert into prompty.purchases (user_id, prompt_id, seller_id, payment_id, amount, status, completed_at, created_at) values
  ('a0000000-0000-4000-8000-000000000007', 'b0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002',
   'e0000000-0000-4000-8000-000000000001', 500, 'completed', now() - interval '3 days', now() - interval '3 days'),
  ('a0000000-0000-4000-8000-000000000011', 'b0000000-0000-4000-8000-000000000009', 'a0000000-0000-4000-8000-000000000003',
   'e0000000-0000-4000-8000-000000000002', 1000, 'completed', now() - interval '2 days', now() - interval '2 days');
insert into prompty.subscriptions (user_id, plan, status, stripe_subscription_id, stripe_customer_id, current_period_start, current_period_end)
values ('a0000000-0000-4000-8000-000000000012', 'premium_monthly', 'active', 'sub_seed_0001', 'cus_seed_0001', now() - interval '5 days', now() + interval '25 days');
insert into prompty.price_tiers (name, amount, description, sort_order) values
  ('ライト', 100, 'お試し価格', 1), ('スタンダード', 300, '一番よく選ばれる価格', 2), ('プロ', 500, '作例付きの本格的なプロンプト', 3),
  ('プレミアム', 1000, 'テンプレート集や解説付き', 4);

-- ---------------------------------------------------------------------------------------
-- Views (visitors and users; at most once per visitor per prompt per day)
-- ---------------------------------------------------------------------------------------
do $$
declare
  v_prompt integer;
  v_viewer integer;
begin
  for v_prompt in 1..21 loop
    for v_viewer in 1..(3 + (v_prompt * 7) % 9) loop
      if v_viewer % 3 = 0 then
        perform set_config('request.jwt.claims',
          json_build_object('sub', 'a0000000-0000-4000-8000-0000000000' || lpad((2 + (v_viewer + v_prompt) % 17)::text, 2, '0'), 'role', 'authenticated')::text, true);
        perform prompty_private.record_view(('b0000000-0000-4000-8000-0000000000' || lpad(v_prompt::text, 2, '0'))::uuid, null);
      else
        perform set_config('request.jwt.claims', '{"role": "anon"}', true);
        perform prompty_private.record_view(('b0000000-0000-4000-8000-0000000000' || lpad(v_prompt::text, 2, '0'))::uuid,
                                            format('seed-visitor-%s', v_viewer));
      end if;
    end loop;
  end loop;
  perform set_config('request.jwt.claims', '', true);
end
$$;

-- ---------------------------------------------------------------------------------------
-- Operations and community
-- ---------------------------------------------------------------------------------------
insert into prompty.announcements (title, content, icon, icon_color, start_date, end_date, created_by)
values ('有料プロンプトのプレビュー行数を設定できるようになりました', '作者は1〜20行の範囲でプレビューを設定できます。', 'megaphone', '#FF6B35',
        now() - interval '2 days', now() + interval '28 days', 'a0000000-0000-4000-8000-000000000001');
insert into prompty.announcement_reads (user_id, announcement_id)
select ('a0000000-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid, a.id
from generate_series(2, 8) n, prompty.announcements a;

insert into prompty.feedback (user_id, category, message, email) values
  ('a0000000-0000-4000-8000-000000000012', 'feature', 'ブックマークをフォルダ分けしたいです。', null),
  ('a0000000-0000-4000-8000-000000000007', 'bug', 'スマホでサムネイルが崩れることがあります。', null),
  (null, 'feature', 'ダークモードがあるとうれしいです。', 'visitor1@example.com'),
  (null, 'content', '英語のプロンプトも増えてほしいです。', null),
  ('a0000000-0000-4000-8000-000000000014', 'other', '教育向けのカテゴリがあると探しやすいです。', null);
insert into prompty.contacts (user_id, name, email, category, subject, message) values
  (null, '山田花子', 'hanako@example.com', 'general', '法人利用について', '社内研修でプロンプトを使いたいのですが、ライセンスについて教えてください。'),
  ('a0000000-0000-4000-8000-000000000013', '山田だいき', 'daiki_biz@prompty.example', 'business', '請求書払い', 'ビジネスアカウントで請求書払いは可能でしょうか。'),
  (null, 'John Smith', 'john@example.com', 'account', 'Login problem', 'I cannot log in with my Google account.'),
  ('a0000000-0000-4000-8000-000000000011', '加藤しょう', 'sho_code@prompty.example', 'payment', '購入したプロンプトが見られない', '購入後に全文が表示されません。');

insert into prompty.reports (reporter_id, target_type, target_id, reason, details)
values ('a0000000-0000-4000-8000-000000000015', 'prompt', 'b0000000-0000-4000-8000-000000000014', 'misinformation', '誇大な表現が含まれているように見えます。');

insert into prompty.badges (slug, name, description, icon) values
  ('early-creator', 'アーリークリエイター', 'サービス開始初期からプロンプトを公開', 'sparkles'),
  ('popular-creator', '人気クリエイター', 'いいねを多く集めたクリエイター', 'flame');
insert into prompty.user_badges (user_id, badge_id, awarded_by, reason)
select u.id, b.id, 'a0000000-0000-4000-8000-000000000001', b.name
from prompty.badges b
join (values ('early-creator', 'a0000000-0000-4000-8000-000000000002'::uuid), ('early-creator', 'a0000000-0000-4000-8000-000000000003'),
             ('popular-creator', 'a0000000-0000-4000-8000-000000000002')) as x (slug, user_id) on x.slug = b.slug
join prompty.profiles u on u.id = x.user_id;

insert into prompty.contests (id, title, description, theme, prize, start_at, end_at, created_by)
values ('f0000000-0000-4000-8000-000000000001', '春のイラストプロンプトコンテスト', '春をテーマにしたイラストのプロンプトを募集します。', '春',
        'Amazonギフト券 1万円分', now() - interval '3 days', now() + interval '11 days', 'a0000000-0000-4000-8000-000000000001');
insert into prompty.contest_entries (contest_id, prompt_id, user_id) values
  ('f0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000002'),
  ('f0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000020', 'a0000000-0000-4000-8000-000000000004');

insert into prompty.magazines (id, owner_id, title, description)
values ('f1000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000012', 'お気に入り画像生成プロンプト', '保存しておきたい画像系プロンプトのまとめ');
insert into prompty.magazine_prompts (magazine_id, prompt_id, position) values
  ('f1000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 1),
  ('f1000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000003', 2),
  ('f1000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000020', 3);

-- Derived data the cron jobs would produce.
select prompty_private.summarize_recent_analytics();
select prompty_private.refresh_trending();
