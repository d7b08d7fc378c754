// Bulk data for the Prompty benchmarks, loaded with generate_series as postgres (the local
// cluster's owner role). Ids are deterministic so pgbench scripts can compute them:
//   user n    00000000-0000-4000-8000-<n, 12 digits>
//   prompt n  00000000-0000-4000-9000-<n, 12 digits>

export const promptId = (n) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
/** SQL expression of the user / prompt id for an integer SQL expression. */
export const userIdSql = (expr) => `('00000000-0000-4000-8000-' || lpad((${expr})::text, 12, '0'))::uuid`;
export const promptIdSql = (expr) => `('00000000-0000-4000-9000-' || lpad((${expr})::text, 12, '0'))::uuid`;

export const words = ['猫', '犬', '写真', 'イラスト', 'アニメ', '風景', 'ポートレート', 'ロゴ', 'マーケティング', 'ブログ',
  'メール', '翻訳', '要約', 'プログラミング', 'レシピ', '旅行', 'ファンタジー', 'サイバーパンク', '水彩', '油絵',
  'ビジネス', '教育', '音楽', '動画', 'キャラクター', '背景', '建築', '料理', 'ゲーム', 'SNS'];
const wordsSql = `array[${words.map((w) => `'${w}'`).join(', ')}]`;

/** Users through the real sign-up trigger (profile and settings rows). */
export const usersSql = (count) => `
insert into auth.users (id, aud, role, email, raw_user_meta_data, created_at, updated_at)
select ${userIdSql('i')}, 'authenticated', 'authenticated', format('bench%s@bench.example', i),
       jsonb_build_object('username', format('bench_%s', i)), now(), now()
from generate_series(1, ${count}) i;`;

/** 13 categories: 4 top-level ones, each with 2-3 children. */
export const categoriesSql = `
insert into prompty.categories (id, name, slug, parent_id)
select ('00000000-0000-4000-8000-0000000c' || lpad(i::text, 4, '0'))::uuid, format('ベンチ分類%s', i), format('bench-%s', i),
       case when i > 4 then ('00000000-0000-4000-8000-0000000c' || lpad((1 + i % 4)::text, 4, '0'))::uuid end
from generate_series(1, 13) i;`;

/**
 * Published prompts by \`authors\` users, one every 26 seconds backwards from now, with
 * Japanese titles, descriptions, previews and two tags each, a third of them paid. The
 * derived columns are computed here in bulk (the row trigger would do the same).
 * \`likeCounts\`: a table (prompt_n, likes) giving each prompt's rolled-up like_count.
 */
export const promptsSql = ({ count, authors, likeCounts = null }) => `
alter table prompty.prompts disable trigger prompts_before_write_prepare;
insert into prompty.prompts (id, author_id, title, description, content, content_preview, category_id, is_free, price,
                             ai_model, media_type, published, published_at, created_at, tag_names, search_text, like_count)
select ${promptIdSql('i')}, ${userIdSql(`1 + i % ${authors}`)}, t.title, t.descr, t.body, t.preview,
       ('00000000-0000-4000-8000-0000000c' || lpad((1 + i % 13)::text, 4, '0'))::uuid,
       i % 3 <> 0, case when i % 3 = 0 then 100 * (1 + i % 30) else 0 end,
       (array['GPT-4o', 'Claude', 'Midjourney', 'Stable Diffusion', 'Gemini'])[1 + i % 5],
       (array['image', 'text', 'video', 'audio'])[1 + i % 4],
       true, now() - i * interval '26 seconds', now() - i * interval '26 seconds',
       t.tags, lower(normalize(concat_ws(' ', t.title, t.descr, t.preview, t.tags[1], t.tags[2]), nfkc)),
       ${likeCounts ? 'coalesce(lc.likes, 0)' : '0'}
from generate_series(1, ${count}) i
cross join lateral (select ${wordsSql} as w) words
cross join lateral (select
    format('%sの%s向けプロンプト #%s', w[1 + i % 30], w[1 + (i * 7) % 30], i) as title,
    format('%sと%sを組み合わせた%sのテンプレートです', w[1 + (i * 3) % 30], w[1 + (i * 11) % 30], w[1 + (i * 13) % 30]) as descr,
    format(e'%sを使って%sを作ります\\n手順1\\n手順2\\n有料部分 %s', w[1 + (i * 5) % 30], w[1 + (i * 17) % 30], i) as body,
    format(e'%sを使って%sを作ります\\n手順1\\n手順2', w[1 + (i * 5) % 30], w[1 + (i * 17) % 30]) as preview,
    array[w[1 + i % 30], w[1 + (i / 30) % 30]] as tags) t
${likeCounts ? `left join ${likeCounts} lc on lc.prompt_n = i` : ''};
alter table prompty.prompts enable trigger prompts_before_write_prepare;`;
