import type { Verdict } from './card';

const SHAPE = /^([A-Z]{2}) ?([0-9]{2}) ?([0-9]{2}) ?([0-9]{2}) ?([A-Z])$/;
const BAD_FIRST = 'DFIQUV';
const BAD_SECOND = 'DFIOQUV';
const BAD_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/**
 * A UK National Insurance number (HMRC NIM39110): two prefix letters, six
 * digits, suffix A–D. The first letter is not D, F, I, Q, U or V; the second
 * not D, F, I, O, Q, U or V; BG, GB, KN, NK, NT, TN and ZZ are never issued.
 * Shaped like one but breaking a rule → 'invalid'.
 */
export function checkUkNino(value: string): Verdict {
  if (value.length < 9 || value.length > 13) return 'nomatch';
  const m = SHAPE.exec(value.toUpperCase());
  if (!m) return 'nomatch';
  const prefix = m[1]!;
  const suffix = m[5]!;
  if (BAD_FIRST.includes(prefix[0]!) || BAD_SECOND.includes(prefix[1]!) || BAD_PREFIXES.has(prefix)) return 'invalid';
  if (suffix < 'A' || suffix > 'D') return 'invalid';
  return 'match';
}
