import { parsePhoneNumberFromString, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import type { Verdict } from './card';

export type { CountryCode };

export interface PhoneCheck {
  verdict: Verdict;
  /** Region of a valid number (`US`, `GB`…), for evidence and region guessing. */
  country?: string;
  e164?: string;
}

const NO_MATCH: PhoneCheck = { verdict: 'nomatch' };

/**
 * Counts digits if `value` is made only of phone characters (digits, spaces,
 * `+`, `-`, `.`, `/`, parentheses, and an `x`/`ext` extension); -1 otherwise.
 * Cheap: it runs before libphonenumber, which costs ~30 µs a call.
 */
export function phoneShapeDigits(value: string): { digits: number; bare: boolean } | undefined {
  const n = value.length;
  if (n < 7 || n > 30) return undefined;
  let digits = 0;
  let bare = true;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 32 || c === 43 || c === 45 || c === 46 || c === 47 || c === 40 || c === 41) bare = false;
    else if (c === 120 || c === 88 || c === 101 || c === 116) {
      // x, X, e, t: only as an extension marker after the number (`x12`, `ext 12`)
      if (digits < 7) return undefined;
      bare = false;
    } else return undefined;
  }
  return digits >= 7 && digits <= 20 ? { digits, bare } : undefined;
}

/**
 * A phone number, parsed and validated by libphonenumber-js (full metadata:
 * per-region number plans, not just lengths). Numbers with `+`/`00` are
 * international; others are read in `defaultRegion`. A bare run of digits
 * (`4155552671`) is considered only when `allowBare`, because order numbers
 * and timestamps are digit runs too. Phone-shaped but not a valid number
 * anywhere it could be → 'invalid'.
 */
export function checkPhone(value: string, defaultRegion: CountryCode, allowBare: boolean): PhoneCheck {
  const shape = phoneShapeDigits(value);
  if (!shape) return NO_MATCH;
  if (shape.bare && !allowBare) return NO_MATCH;
  if (shape.digits > 15 && !/x|ext/i.test(value)) return { verdict: 'invalid' };
  const text = value.startsWith('00') ? '+' + value.slice(2) : value;
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: defaultRegion, extract: false });
  if (!parsed || !parsed.isValid()) return { verdict: 'invalid' };
  return { verdict: 'match', country: parsed.country, e164: parsed.number };
}

/** The E.164 form (`+14155552671`) of a valid number, or undefined. */
export function toE164(value: string, defaultRegion: CountryCode = 'US'): string | undefined {
  const r = checkPhone(value, defaultRegion, true);
  return r.verdict === 'match' ? r.e164 : undefined;
}

/**
 * The region to read national-format numbers in: the caller's choice if
 * given, else the most common region among the sample's international
 * (`+…`) numbers, else US.
 */
export function guessPhoneRegion(values: readonly string[], explicit?: string): CountryCode {
  if (explicit && isSupportedCountry(explicit)) return explicit;
  const counts = new Map<string, number>();
  let checked = 0;
  for (const v of values) {
    if (v.charCodeAt(0) !== 43 || checked >= 20) continue;
    checked++;
    const p = parsePhoneNumberFromString(v, { extract: false });
    if (p?.country && p.isValid()) counts.set(p.country, (counts.get(p.country) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestN = 0;
  for (const [c, n] of counts) if (n > bestN) [best, bestN] = [c, n];
  return best && isSupportedCountry(best) ? best : 'US';
}
