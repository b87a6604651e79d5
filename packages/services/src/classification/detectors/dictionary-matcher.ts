import type { MatchContext, MatchResult } from '../detector';
import { containsTerm, normalizeText } from '../dictionaries/normalize';

/**
 * Matcher over a vocabulary: `strong` terms count anywhere; `weak` terms
 * (ambiguous outside the right column: "white", "none", "A+") only when the
 * column name is positive. With `maxWords` > 1 a short value may contain the
 * term ("Type 2 diabetes mellitus"); otherwise the whole value must be a term.
 */
export function dictionaryMatcher(
  strong: ReadonlySet<string>,
  weak: ReadonlySet<string>,
  opts: { maxLength?: number; maxWords?: number } = {},
): (value: string, ctx?: MatchContext) => MatchResult {
  const maxLength = opts.maxLength ?? 60;
  const maxWords = opts.maxWords ?? 0;
  return (value, ctx) => {
    if (value.length > maxLength || value.length === 0) return 'nomatch';
    const v = normalizeText(value);
    if (strong.has(v)) return 'match';
    const named = ctx?.nameSignal === 'positive';
    if (named && weak.has(v)) {
      ctx.kind = 'needs column context';
      return 'match';
    }
    if (maxWords > 1) {
      let words = 1;
      for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) === 32) words++;
      if (words <= maxWords && containsTerm(v, strong)) return 'match';
    }
    return 'nomatch';
  };
}
