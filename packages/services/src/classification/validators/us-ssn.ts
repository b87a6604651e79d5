import type { Verdict } from './card';

/**
 * Numbers the SSA never issued or that circulate as fakes: the Woolworth
 * wallet card (078-05-1120), the SSA's own 1940s pamphlet (219-09-9999) and
 * the canonical placeholder 123-45-6789.
 */
const KNOWN_INVALID = new Set(['078051120', '219099999', '123456789']);

/** The 9 digits of `ddd-dd-dddd` / `ddd dd dddd`, or of bare `ddddddddd` when `allowBare`. */
export function ssnDigits(value: string, allowBare: boolean): string | undefined {
  if (value.length === 11) {
    const s = value.charCodeAt(3);
    if ((s !== 45 && s !== 32) || value.charCodeAt(6) !== s) return undefined;
    const d = value.slice(0, 3) + value.slice(4, 6) + value.slice(7);
    return /^[0-9]{9}$/.test(d) ? d : undefined;
  }
  if (allowBare && value.length === 9 && /^[0-9]{9}$/.test(value)) return value;
  return undefined;
}

/** SSA rules on 9 SSN digits: area not 000, 666 or 900–999; group not 00; serial not 0000; not a known fake. */
export function ssnRulesValid(d: string): boolean {
  const area = d.slice(0, 3);
  if (area === '000' || area === '666' || d.charCodeAt(0) === 57 /* 9xx: ITINs and advertising */) return false;
  if (d.slice(3, 5) === '00' || d.slice(5) === '0000') return false;
  if (KNOWN_INVALID.has(d)) return false;
  return !/^(\d)\1{8}$/.test(d); // 111-11-1111 and friends are placeholders
}

/**
 * A US Social Security Number. Formatted values (`078-05-1120`) are judged on
 * their own; a bare 9-digit number only when `allowBare` (the caller has a
 * reason, such as a column named `ssn`), since 9-digit numbers are everywhere.
 */
export function checkUsSsn(value: string, allowBare = false): Verdict {
  const d = ssnDigits(value, allowBare);
  if (d === undefined) return 'nomatch';
  return ssnRulesValid(d) ? 'match' : 'invalid';
}
