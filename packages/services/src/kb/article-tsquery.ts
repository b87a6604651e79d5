/**
 * The tsquery an article search uses, built like the catalog's (every word
 * required, as typed or stemmed, the last one also as a prefix) from letters
 * and digits only, so nothing typed can change the query's syntax. Pure.
 */
import { prefixTsQuery } from '../catalog/search-query';

/** A SQL expression of type tsquery over `$n` placeholders starting after `offset` existing ones, or null when nothing is searchable. */
export function articleTsQuerySql(q: string, offset = 0): { sql: string; params: string[] } | null {
  const tsq = prefixTsQuery(q);
  if (!tsq) return null;
  const params: string[] = [];
  const p = (v: string) => {
    params.push(v);
    return `$${offset + params.length}::text`;
  };
  const parts = tsq.split(' & ').map((w) => `(to_tsquery('simple', ${p(w)}) || to_tsquery('english', ${p(w.replace(/:\*$/, ''))}))`);
  return { sql: `(${parts.join(' && ')})`, params };
}
