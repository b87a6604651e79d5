import type { Verdict } from './card';

// Practical RFC 5322 subset: a dot-atom local part (no quoted strings or
// comments), a hostname of LDH labels, and an alphabetic TLD (or an IDN
// `xn--` TLD). Linear: every repetition is separated by a char its
// neighbours cannot match.
const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{2,59})$/;

/**
 * An email address as a whole value. One `@` with something on both sides
 * and no whitespace, but failing the grammar or length limits (local ≤ 64,
 * total ≤ 254), is 'invalid' (`john@localhost`, `a..b@x.com`).
 */
export function checkEmail(value: string): Verdict {
  const at = value.indexOf('@');
  if (at < 1 || at === value.length - 1 || value.length > 320) return 'nomatch';
  if (value.indexOf('@', at + 1) >= 0 || /\s/.test(value)) return 'nomatch';
  if (at > 64 || value.length > 254) return 'invalid';
  return EMAIL.test(value) ? 'match' : 'invalid';
}

function isBoundary(c: number): boolean {
  // whitespace and the punctuation that wraps addresses in prose: < > ( ) [ ] , ; : " '
  return c <= 32 || c === 60 || c === 62 || c === 40 || c === 41 || c === 91 || c === 93 || c === 44 || c === 59 || c === 58 || c === 34 || c === 39;
}

/**
 * The first valid email address inside free text, or undefined. Scans from
 * each `@` to the surrounding boundaries (linear), then validates the token
 * with `checkEmail`; trailing sentence punctuation is dropped.
 */
export function findEmail(text: string): string | undefined {
  let at = text.indexOf('@');
  while (at > 0) {
    let s = at;
    while (s > 0 && !isBoundary(text.charCodeAt(s - 1))) s--;
    let e = at + 1;
    while (e < text.length && !isBoundary(text.charCodeAt(e))) e++;
    let token = text.slice(s, e);
    while (token.length > 0 && '.!?'.includes(token[token.length - 1]!)) token = token.slice(0, -1);
    if (token.startsWith('mailto:')) token = token.slice(7);
    if (checkEmail(token) === 'match') return token;
    at = text.indexOf('@', e);
  }
  return undefined;
}
