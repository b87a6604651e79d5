/** Positions and messages for rule-expression errors. */

export interface SourcePosition {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units (what an editor's cursor counts). */
  column: number;
  /** 0-based offset into the expression. */
  offset: number;
}

export interface RuleExpressionError {
  /** A sentence that already names the position: `Unknown field "column.nme" at 1:1 — did you mean "column.name"?` */
  message: string;
  position: SourcePosition;
}

export function positionAt(src: string, offset: number): SourcePosition {
  const at = Math.max(0, Math.min(offset, src.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (src.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1, offset: at };
}

/** Thrown inside the tokenizer and parser; `parseRuleExpression` turns it into `{ ok: false, error }`. */
export class RuleSyntaxError extends Error {
  constructor(
    /** The message without the position: `Unknown field "column.nme"`. */
    readonly detail: string,
    readonly offset: number,
    /** Appended after the position: ` — did you mean "column.name"?` */
    readonly hint?: string,
  ) {
    super(detail);
    this.name = 'RuleSyntaxError';
  }

  toError(src: string): RuleExpressionError {
    const position = positionAt(src, this.offset);
    return {
      message: `${this.detail} at ${position.line}:${position.column}${this.hint ? ` — ${this.hint}` : ''}`,
      position,
    };
  }
}

/** Levenshtein distance, capped: returns `max + 1` as soon as the distance must exceed `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidates closest to `word`, best first: an exact case-insensitive
 * match; else candidates whose last dotted segment is `word` (`name` →
 * `column.name`); else those at the smallest edit distance (small enough for
 * the word's length); else candidates that start with the word or that the
 * word starts with (`production` → `prod`). At most three.
 */
export function closest(word: string, candidates: readonly string[]): string[] {
  const lower = word.toLowerCase();
  const lc = candidates.map((c) => c.toLowerCase());
  const same = candidates.filter((_, i) => lc[i] === lower);
  if (same.length) return same.slice(0, 1);
  const bySuffix = candidates.filter((_, i) => lc[i]!.split('.').pop() === lower);
  if (bySuffix.length) return bySuffix.slice(0, 3);
  const max = lower.length <= 3 ? 1 : lower.length <= 6 ? 2 : 3;
  let best = max + 1;
  let near: string[] = [];
  candidates.forEach((c, i) => {
    const d = editDistance(lower, lc[i]!, max);
    if (d < best) {
      best = d;
      near = [c];
    } else if (d === best && d <= max) near.push(c);
  });
  if (near.length) return near.slice(0, 3);
  if (lower.length < 3) return [];
  return candidates
    .filter((_, i) => lc[i]!.startsWith(lower) || lower.startsWith(lc[i]!))
    .slice(0, 3);
}

/** `did you mean "a"?`, `did you mean "a" or "b"?`, or undefined for no candidates. */
export function didYouMean(options: readonly string[]): string | undefined {
  if (options.length === 0) return undefined;
  const quoted = options.map((o) => `"${o}"`);
  const list =
    quoted.length === 1
      ? quoted[0]
      : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return `did you mean ${list}?`;
}
