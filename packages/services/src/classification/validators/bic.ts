import type { Verdict } from './card';
import { COUNTRY_CODES } from './countries';

const BIC_SHAPE = /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;

/**
 * A BIC (ISO 9362): 4-letter institution, ISO country, 2-char location,
 * optional 3-char branch. Must be written in capitals, as BICs are; the
 * country must exist. `strong` tells a caller whether the shape alone is
 * convincing: 8 capital letters also spell ordinary words (BUSINESS → BUSI NE SS),
 * so a letters-only 8-char code counts only with other evidence.
 */
export function checkBic(value: string): { verdict: Verdict; strong: boolean } {
  if ((value.length !== 8 && value.length !== 11) || !BIC_SHAPE.test(value)) return { verdict: 'nomatch', strong: false };
  const hasDigit = /[0-9]/.test(value);
  // An unknown country in a code with digits is a broken BIC; in a plain word it is just a word.
  if (!COUNTRY_CODES.has(value.slice(4, 6))) return { verdict: hasDigit ? 'invalid' : 'nomatch', strong: false };
  return { verdict: 'match', strong: value.length === 11 || hasDigit };
}
