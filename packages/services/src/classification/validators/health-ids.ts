import type { Verdict } from './card';
import { allSameChar, isDigits } from './checksums';

// MBI letters exclude S, L, O, I, B, Z (easily confused with digits).
const L = '[AC-HJKMNP-RT-Y]';
const MBI = new RegExp(`^[1-9]${L}[AC-HJKMNP-RT-Y0-9][0-9]-?${L}[AC-HJKMNP-RT-Y0-9][0-9]-?${L}${L}[0-9]{2}$`);

/** US Medicare Beneficiary Identifier (CMS spec): 11 positions, fixed letter/digit slots, optional dashes. */
export function isMedicareMbi(value: string): boolean {
  if (value.length !== 11 && value.length !== 13) return false;
  return MBI.test(value.toUpperCase());
}

/** NHS number (England, Wales, IoM): 10 digits (`943 476 5919`), mod-11 check digit. */
export function checkNhsNumber(value: string): Verdict {
  const d = value.length === 12 && /^[0-9]{3}[ -][0-9]{3}[ -][0-9]{4}$/.test(value) ? value.replace(/[ -]/g, '') : value;
  if (d.length !== 10 || !isDigits(d)) return 'nomatch';
  if (allSameChar(d)) return 'invalid';
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === d.charCodeAt(9) - 48 ? 'match' : 'invalid';
}

/**
 * Record-number shape for MRNs, passports, licences and member ids: letters,
 * digits and dashes, with at least `minDigits` digits, not one repeated char.
 */
export function isRecordNumberShape(value: string, minLen: number, maxLen: number, minDigits: number): boolean {
  const n = value.length;
  if (n < minLen || n > maxLen) return false;
  let digits = 0;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c === 45 && i > 0 && i < n - 1))) return false;
  }
  return digits >= minDigits && !allSameChar(value);
}
