import { Metadata, parsePhoneNumberFromString, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import type { Verdict } from './card';
import { compiledPhoneCheck } from './phone-compiled';

export type { CountryCode };

export interface PhoneCheck {
  verdict: Verdict;
  /** Region of a valid number (`US`, `GB`…), for evidence and region guessing. */
  country?: string;
  e164?: string;
}

const NO_MATCH: PhoneCheck = { verdict: 'nomatch' };
const INVALID: PhoneCheck = { verdict: 'invalid' };

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

/** The number types libphonenumber's isValid() tries (helpers/getNumberType.js): a valid number is one of them. */
const NUMBER_TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'] as const;

interface RegionLimits {
  /** National-number lengths some valid number has, in the region or a country sharing its calling code; undefined: no bound known. */
  lengths: ReadonlySet<number> | undefined;
  /** Leading digits parsing may strip from a national-looking number (the national prefix, the calling code, both), when the number starts with them. */
  strips: readonly string[];
  /** The region's international call prefix (`011`): a national-looking number starting with it is read as international. */
  idd: RegExp | undefined;
}

const limitsByRegion = new Map<string, RegionLimits>();

/** The parts of libphonenumber's Metadata used here: present at runtime, missing from its typings. */
interface MetadataView {
  selectNumberingPlan(country: string): void;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
  numberingPlan: {
    callingCode(): string;
    IDDPrefix(): string | undefined;
    hasTypes(): boolean;
    nationalPrefixForParsing(): string | undefined;
    nationalPrefixTransformRule(): string | undefined;
    type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
  };
}

/**
 * What libphonenumber's parse + isValid (same metadata) can accept for a
 * national-looking number read in `region`: the parser strips at most the
 * national prefix and/or the calling code, then may hand the national number
 * to any country sharing the calling code (US → CA); it is valid only if it
 * matches a number type, and a type only matches its possible lengths. No
 * bound when the region's national prefix is a pattern rather than digits,
 * a transform rule rewrites it (it may add digits), or a country has no
 * types (validity is then a bare pattern) or a type without lengths.
 */
function regionLimits(region: CountryCode): RegionLimits {
  let limits = limitsByRegion.get(region);
  if (limits) return limits;
  const m = new Metadata() as unknown as MetadataView;
  m.selectNumberingPlan(region);
  const home = m.numberingPlan;
  const idd = home.IDDPrefix();
  const callingCode = home.callingCode();
  const prefix = home.nationalPrefixForParsing();
  let lengths: Set<number> | undefined = new Set<number>();
  if ((prefix && !/^\d+$/.test(prefix)) || home.nationalPrefixTransformRule()) lengths = undefined;
  for (const country of lengths ? (m.getCountryCodesForCallingCode(callingCode) ?? [region]) : []) {
    m.selectNumberingPlan(country);
    const plan = m.numberingPlan;
    if (!plan.hasTypes()) {
      lengths = undefined;
      break;
    }
    const all = new Set(lengths);
    for (const t of NUMBER_TYPES) {
      const type = plan.type(t);
      if (!type?.pattern()) continue;
      const possible = type.possibleLengths();
      if (!possible?.length) {
        lengths = undefined;
        break;
      }
      for (const l of possible) all.add(l);
    }
    if (!lengths) break;
    lengths = all;
  }
  limits = { lengths, strips: prefix ? [prefix, callingCode, callingCode + prefix] : [callingCode], idd: idd ? new RegExp(idd) : undefined };
  limitsByRegion.set(region, limits);
  return limits;
}

/**
 * True when `value` (phone-shaped, `digits` digits) is read as a national
 * number of `region` and no valid number there has a length it could parse
 * to, so libphonenumber would call it invalid: a 9-digit SSN in the US
 * (valid lengths 7 and 10; a leading 1 or 11 would be stripped). Saves the
 * parse (~50 µs) for look-alikes, most phone-shaped values outside phone
 * columns. Values with an extension are always parsed.
 */
export function tooShortForRegion(value: string, digits: number, region: CountryCode): boolean {
  if (value.includes('+') || value.startsWith('00')) return false;
  const limits = regionLimits(region);
  if (!limits.lengths || limits.lengths.has(digits)) return false;
  let onlyDigits = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) onlyDigits += value[i];
    // x, X, e, t: an extension (`x12`, `ext 12`); its digits are not part of the number.
    else if (c === 120 || c === 88 || c === 101 || c === 116) return false;
  }
  for (const strip of limits.strips) if (onlyDigits.startsWith(strip) && limits.lengths.has(digits - strip.length)) return false;
  return !(limits.idd && onlyDigits.search(limits.idd) === 0);
}

/**
 * A phone number, parsed and validated by libphonenumber-js (full metadata:
 * per-region number plans, not just lengths). Numbers with `+`/`00` are
 * international; others are read in `defaultRegion`. A bare run of digits
 * (`4155552671`) is considered only when `allowBare`, because order numbers
 * and timestamps are digit runs too. Phone-shaped but not a valid number
 * anywhere it could be → 'invalid'.
 */
export function checkPhone(value: string, defaultRegion: CountryCode, allowBare: boolean, known?: ReadonlyMap<string, PhoneCheck>): PhoneCheck {
  const shape = phoneShapeDigits(value);
  if (!shape) return NO_MATCH;
  if (shape.bare && !allowBare) return NO_MATCH;
  if (shape.digits > 15 && !/x|ext/i.test(value)) return { verdict: 'invalid' };
  if (tooShortForRegion(value, shape.digits, defaultRegion)) return INVALID;
  const seen = known?.get(value);
  if (seen) return seen;
  const text = value.startsWith('00') ? '+' + value.slice(2) : value;
  // The common shapes are read with precompiled patterns (same metadata, same steps); the library reads the rest.
  const compiled = compiledPhoneCheck(text, defaultRegion);
  if (compiled) return compiled.valid ? { verdict: 'match', country: compiled.country, e164: compiled.e164 } : INVALID;
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
 * (`+…`) numbers, else US. With `parsed`, what each of those numbers parsed
 * to is kept for checkPhone: a `+` number reads the same whatever the
 * default region (libphonenumber takes the country from its calling code).
 */
export function guessPhoneRegion(values: readonly string[], explicit?: string, parsed?: Map<string, PhoneCheck>): CountryCode {
  if (explicit && isSupportedCountry(explicit)) return explicit;
  const counts = new Map<string, number>();
  let checked = 0;
  for (const v of values) {
    if (v.charCodeAt(0) !== 43 || checked >= 20) continue;
    checked++;
    // A `+` number's reading does not depend on the default region, so the compiled check's region is arbitrary.
    const fast = compiledPhoneCheck(v, 'US');
    const p = fast ? undefined : parsePhoneNumberFromString(v, { extract: false });
    const valid = fast ? fast.valid : (p?.isValid() ?? false);
    const country = fast ? fast.country : p?.country;
    if (country && valid) counts.set(country, (counts.get(country) ?? 0) + 1);
    parsed?.set(v, valid ? { verdict: 'match', country, e164: fast ? fast.e164 : p!.number } : INVALID);
  }
  let best: string | undefined;
  let bestN = 0;
  for (const [c, n] of counts) if (n > bestN) [best, bestN] = [c, n];
  return best && isSupportedCountry(best) ? best : 'US';
}
