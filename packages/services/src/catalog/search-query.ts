/**
 * The pure half of catalog search: turning what someone typed into safe query
 * parts, and cutting a hit's text into marked segments for the UI. No
 * database here, so it is unit-tested on its own.
 */
import { LABELS } from '../classification/taxonomy';

/** Words of a query or a name: names split on "_" and "." like the search documents do. */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/**
 * A `to_tsquery('simple', …)` text built only from letters and digits, so
 * nothing a user types can change the query's syntax. Every word must match;
 * the last one also as a prefix ("cust" finds "customer"). Null when nothing
 * searchable is left.
 */
export function prefixTsQuery(q: string): string | null {
  const words = tokenize(q).slice(0, 12);
  if (!words.length) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}

/**
 * Trigram similarity misses swapped neighbours ("emial" shares one trigram
 * in three with "email"), the commonest typo there is. This tsquery asks for
 * each word as typed or with two adjacent letters swapped, so the index
 * answers it. Null when no word is long enough to have a swap worth trying.
 */
export function transpositionTsQuery(q: string): string | null {
  const words = tokenize(q).slice(0, 12);
  let any = false;
  const parts = words.map((w, i) => {
    const suffix = i === words.length - 1 ? ':*' : '';
    const forms = new Set([w]);
    if (w.length >= 4) for (let j = 0; j + 1 < w.length; j++) if (w[j] !== w[j + 1]) forms.add(w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2));
    if (forms.size > 1) any = true;
    return forms.size > 1 ? `(${[...forms].map((f) => f + suffix).join(' | ')})` : w + suffix;
  });
  return any ? parts.join(' & ') : null;
}

/** How a name compares for "exact match first": lowercase, separators folded to one space. */
export function exactForm(text: string): string {
  return tokenize(text).join(' ');
}

/**
 * Label filters: exact labels, and prefixes ending in "*" expanded over the
 * taxonomy plus the labels seen in the catalog, so the database can answer
 * with the GIN index (`labels && …`) instead of pattern-matching every row.
 */
export function expandLabelFilters(filters: readonly string[], known: readonly string[] = []): string[] {
  const universe = new Set<string>([...LABELS.map((l) => l.id), ...known]);
  const out = new Set<string>();
  for (const f of filters) {
    if (!f.endsWith('*')) {
      out.add(f);
      continue;
    }
    const prefix = f.slice(0, -1);
    for (const l of universe) if (l.startsWith(prefix)) out.add(l);
  }
  return [...out];
}

export interface HighlightSegment {
  text: string;
  match: boolean;
}

/** Optimal string alignment distance, capped: enough to say "a typo of". */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/** A word of the text matches a query word when it starts with it, or is a close typo of it. */
export function wordMatches(word: string, queryWords: readonly string[]): boolean {
  const w = word.toLowerCase();
  return queryWords.some((q) => {
    if (w.startsWith(q)) return true;
    if (q.length < 4) return false;
    const allowed = q.length >= 7 ? 2 : 1;
    // Compare with the word, and with its start of the query's length (a typo of a prefix).
    return editDistance(w, q, allowed) <= allowed || editDistance(w.slice(0, q.length), q, allowed) <= allowed;
  });
}

/**
 * The text cut into runs of words and separators; matching words are marked.
 * Adjacent runs with the same flag are merged, so "customer_email" searched
 * as "customer email" comes back as one marked segment.
 */
export function highlight(text: string, q: string): HighlightSegment[] {
  const words = tokenize(q);
  const parts = text.split(/([^\p{L}\p{N}]+)/u).filter((p) => p.length > 0);
  const out: HighlightSegment[] = [];
  let pendingSeparator: string | null = null;
  for (const part of parts) {
    const isWord = /[\p{L}\p{N}]/u.test(part);
    if (!isWord) {
      pendingSeparator = (pendingSeparator ?? '') + part;
      continue;
    }
    const match = words.length > 0 && wordMatches(part, words);
    const last = out.at(-1);
    if (pendingSeparator !== null) {
      // A separator between two marked words is marked with them.
      if (last && last.match && match) last.text += pendingSeparator;
      else push(out, pendingSeparator, false);
      pendingSeparator = null;
    }
    push(out, part, match);
  }
  if (pendingSeparator !== null) push(out, pendingSeparator, false);
  return out;
}

function push(out: HighlightSegment[], text: string, match: boolean) {
  const last = out.at(-1);
  if (last && last.match === match) last.text += text;
  else out.push({ text, match });
}

export const hasMatch = (segments: readonly HighlightSegment[]) => segments.some((s) => s.match);

/** About 160 characters of a description, starting near its first matching word when there is one. */
export function snippet(text: string, q: string, size = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= size) return flat;
  const words = tokenize(q);
  const re = /[\p{L}\p{N}]+/gu;
  let start = 0;
  for (let m = re.exec(flat); m; m = re.exec(flat))
    if (words.length && wordMatches(m[0], words)) {
      start = Math.max(0, m.index - 40);
      break;
    }
  const cut = flat.slice(start, start + size);
  return `${start > 0 ? '…' : ''}${cut}${start + size < flat.length ? '…' : ''}`;
}

/**
 * What a hit shows as its highlighted line: the name if a query word is in
 * it, else the qualified name, else the description's snippet, else the name.
 */
export function hitHighlight(hit: { name: string; qualifiedName: string; description: string }, q: string): HighlightSegment[] {
  if (!q.trim()) return [{ text: hit.name, match: false }];
  for (const text of [hit.name, hit.qualifiedName]) {
    const segments = highlight(text, q);
    if (hasMatch(segments)) return segments;
  }
  if (hit.description) {
    const segments = highlight(snippet(hit.description, q), q);
    if (hasMatch(segments)) return segments;
  }
  return [{ text: hit.name, match: false }];
}
