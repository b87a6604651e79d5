/**
 * Published articles as hits of the global search (catalog.search): ranked
 * with ts_rank on "KbArticle".search (title A, tags B, body C), an exact title
 * first, typos of the title caught like the glossary's (trigram word
 * similarity, plus swapped neighbours), and a ts_headline fragment of the body
 * as the highlight when the title itself does not match. A small query of its
 * own, run beside the asset statement, so the asset path stays as measured.
 */
import type { HighlightSegment } from '../catalog/search-query';
import { exactForm, highlight, hasMatch, transpositionTsQuery } from '../catalog/search-query';
import type { ServiceDeps } from '../deps';
import { excerpt } from './article-queries';

/** Same threshold as the catalog's typo branch (catalog/search-sql.ts WORD_SIMILARITY_THRESHOLD). */
const TITLE_SIMILARITY = 0.45;
const START = '\u0002';
const STOP = '\u0003';

export interface ArticleSearchOptions {
  q: string;
  /** The query's tsquery text as the catalog resolved it; null to browse (most recent first). */
  tsquery: string | null;
  tags: string[] | null;
  limit: number;
  offset: number;
}

export interface ArticleHit {
  id: string;
  title: string;
  tags: string[];
  description: string;
  highlight: HighlightSegment[];
  score: number;
}

interface Row {
  id: string;
  title: string;
  tags: string[];
  body: string;
  headline: string | null;
  score: number;
  total: number;
}

/** ts_headline's output, cut into marked and unmarked runs. */
export function headlineSegments(headline: string): HighlightSegment[] {
  const out: HighlightSegment[] = [];
  for (const [i, part] of headline.split(new RegExp(`[${START}${STOP}]`)).entries()) {
    const text = part.replace(/[#>*_`~|]+/g, ' ').replace(/\s+/g, ' ');
    if (text.trim()) out.push({ text, match: i % 2 === 1 });
  }
  return out;
}

export async function searchArticles(deps: ServiceDeps, o: ArticleSearchOptions): Promise<{ total: number; hits: ArticleHit[] }> {
  const params: unknown[] = [];
  const p = (v: unknown, cast = '') => `$${params.push(v)}${cast}`;
  const where = [`k.status = 'published'`];
  if (o.tags?.length) where.push(`k.tags && ${p(o.tags.map((t) => t.toLowerCase()), '::text[]')}`);
  let score = '0::real';
  let headline = 'NULL::text';
  let whereParams = params.length;
  if (o.tsquery) {
    const tsq = p(o.tsquery, '::tsquery');
    const qP = p(o.q, '::text');
    const swaps = transpositionTsQuery(o.q);
    const typo = [`word_similarity(${qP}, k.title) >= ${TITLE_SIMILARITY}`, ...(swaps ? [`k.search @@ to_tsquery('simple', ${p(swaps, '::text')})`] : [])];
    where.push(`(k.search @@ ${tsq} OR ${typo.join(' OR ')})`);
    whereParams = params.length;
    const exact = p([...new Set([o.q.toLowerCase(), exactForm(o.q)])], '::text[]');
    // Like assets: 10 for an exact title, then twice the text rank; a typo-only match ranks by closeness, below.
    score = `(CASE WHEN lower(k.title) = ANY(${exact}) THEN 10 ELSE 0 END + CASE WHEN k.search @@ ${tsq} THEN ts_rank(k.search, ${tsq}) * 2 ELSE word_similarity(${qP}, k.title) * 0.1 END)::real`;
    headline = `ts_headline('english', left(k.body, 20000), ${tsq}, 'StartSel=${START}, StopSel=${STOP}, MaxWords=26, MinWords=10, MaxFragments=1, FragmentDelimiter=" … "')`;
  }
  const order = o.tsquery ? 'score DESC, k.title COLLATE "C", k.id' : 'k."updatedAt" DESC, k.id';
  const rows = await deps.db.$queryRawUnsafe<Row[]>(
    `SELECT k.id, k.title, k.tags, left(k.body, 4000) AS body, ${headline} AS headline, ${score} AS score, count(*) OVER ()::int AS total
       FROM "KbArticle" k WHERE ${where.join(' AND ')}
      ORDER BY ${order} LIMIT ${p(o.limit)} OFFSET ${p(o.offset)}`,
    ...params,
  );
  // An offset past the end returns no row, hence no total: count on its own then.
  const total = rows[0]?.total ?? (o.offset > 0 ? await countArticles(deps, where, params.slice(0, whereParams)) : 0);
  return {
    total,
    hits: rows.map((r) => {
      const onTitle = highlight(r.title, o.q);
      const fromBody = r.headline ? headlineSegments(r.headline) : [];
      return {
        id: r.id,
        title: r.title,
        tags: r.tags,
        description: excerpt(r.body, 160),
        highlight: hasMatch(onTitle) || !hasMatch(fromBody) ? onTitle : fromBody,
        score: Math.round(r.score * 1000) / 1000,
      };
    }),
  };
}

async function countArticles(deps: ServiceDeps, where: string[], params: unknown[]) {
  const [row] = await deps.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "KbArticle" k WHERE ${where.join(' AND ')}`, ...params);
  return row?.n ?? 0;
}
