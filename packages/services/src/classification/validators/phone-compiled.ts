import { Metadata, type CountryCode } from 'libphonenumber-js/max';

/**
 * libphonenumber-js's parse + isValid for the common shapes of phone number,
 * over the same metadata with every regular expression compiled once.
 *
 * The library builds `new RegExp(pattern)` and a `new Metadata()` at every
 * step (helpers/matchesEntirely.js, getNumberType.js, getCountryByNationalNumber.js):
 * a `+1` number tries the number-type patterns of up to 25 NANP countries,
 * 30–110 µs a value. This file repeats the same steps for the values whose
 * reading is unambiguous, and returns `undefined` (the caller asks the
 * library) whenever a step could go another way: a national prefix, an IDD
 * prefix or the region's calling code at the start of the digits, a
 * non-geographic calling code, a leading `+0`, any character but digits,
 * spaces, `-`, `.` and parentheses. `phone-compiled.test.ts` compares it with
 * the library over seeded random numbers of every region.
 */

export interface CompiledPhoneResult {
  valid: boolean;
  /** libphonenumber's `country` of the parse (set even for an invalid number read in its default region). */
  country?: string;
  /** `+` calling code national number, as libphonenumber's `number`. */
  e164: string;
}

/** The parts of libphonenumber's Metadata used here: present at runtime, missing from its typings. */
interface MetadataView {
  selectNumberingPlan(countryOrCallingCode: string): void;
  hasCallingCode(callingCode: string): boolean;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
  numberingPlan: {
    callingCode(): string;
    IDDPrefix(): string | undefined;
    hasTypes(): boolean;
    leadingDigits(): string | undefined;
    nationalNumberPattern(): string;
    nationalPrefixForParsing(): string | undefined;
    nationalPrefixTransformRule(): string | undefined;
    possibleLengths(): number[] | undefined;
    type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
  };
}

/** Every type getNumberType() tries; a number is valid when it is one of them (the order only decides which). */
const NUMBER_TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'] as const;
const MIN_LENGTH_FOR_NSN = 2;
const MAX_LENGTH_FOR_NSN = 17;

interface CountryPlan {
  country: string;
  callingCode: string;
  /** `^(?:leadingDigits)`: `nationalNumber.search(leadingDigits) === 0` in the library. */
  leadingDigits: RegExp | undefined;
  hasTypes: boolean;
  nationalNumber: RegExp;
  types: { lengths: readonly number[] | undefined; pattern: RegExp }[];
  /** `^(?:nationalPrefixForParsing)`: when it matches, the library may strip or rewrite digits. */
  nationalPrefix: RegExp | undefined;
  /** A national prefix transform rule exists (the prefix may be rewritten rather than stripped). */
  transformsPrefix: boolean;
  /** The plan's possible national-number lengths, sorted; undefined: no bound. */
  possibleLengths: readonly number[] | undefined;
  idd: RegExp | undefined;
}

interface CallingCodePlan {
  /** The countries sharing the code, main country first; undefined when one is non-geographic (`001`). */
  countries: CountryPlan[] | undefined;
}

const entirely = (pattern: string) => new RegExp('^(?:' + pattern + ')$');
const metadata = new Metadata() as unknown as MetadataView;
const countryPlans = new Map<string, CountryPlan>();
const callingCodePlans = new Map<string, CallingCodePlan>();

function countryPlan(country: string): CountryPlan {
  let plan = countryPlans.get(country);
  if (plan) return plan;
  metadata.selectNumberingPlan(country);
  const p = metadata.numberingPlan;
  const types: CountryPlan['types'] = [];
  for (const name of NUMBER_TYPES) {
    const type = p.type(name);
    const pattern = type?.pattern();
    // isNumberTypeEqualTo: a type without a pattern (removed as a duplicate of fixed-line) never matches.
    if (!type || !pattern) continue;
    types.push({ lengths: type.possibleLengths(), pattern: entirely(pattern) });
  }
  const leading = p.leadingDigits();
  const prefix = p.nationalPrefixForParsing();
  const idd = p.IDDPrefix();
  plan = {
    country,
    callingCode: p.callingCode(),
    leadingDigits: leading ? new RegExp('^(?:' + leading + ')') : undefined,
    hasTypes: p.hasTypes(),
    nationalNumber: entirely(p.nationalNumberPattern()),
    types,
    nationalPrefix: prefix ? new RegExp('^(?:' + prefix + ')') : undefined,
    transformsPrefix: Boolean(p.nationalPrefixTransformRule()),
    possibleLengths: p.possibleLengths(),
    // stripIddPrefix: `number.search(new RegExp(IDDPrefix)) === 0`, i.e. a match at the start.
    idd: idd ? new RegExp('^(?:' + idd + ')') : undefined,
  };
  countryPlans.set(country, plan);
  return plan;
}

function callingCodePlan(callingCode: string): CallingCodePlan | undefined {
  let plan = callingCodePlans.get(callingCode);
  if (plan) return plan;
  if (!metadata.hasCallingCode(callingCode)) return undefined;
  const countries = metadata.getCountryCodesForCallingCode(callingCode);
  plan = { countries: countries && !countries.includes('001') ? countries.map(countryPlan) : undefined };
  callingCodePlans.set(callingCode, plan);
  return plan;
}

/** getNumberType(...) !== undefined. */
function hasNumberType(nationalNumber: string, plan: CountryPlan): boolean {
  if (!plan.nationalNumber.test(nationalNumber)) return false;
  for (const type of plan.types) {
    if (type.lengths && !type.lengths.includes(nationalNumber.length)) continue;
    if (type.pattern.test(nationalNumber)) return true;
  }
  return false;
}

/** isValidNumber() for the plan the library would select. */
function isValidFor(nationalNumber: string, plan: CountryPlan): boolean {
  return plan.hasTypes ? hasNumberType(nationalNumber, plan) : plan.nationalNumber.test(nationalNumber);
}

/** getCountryByCallingCode(): the only country, else the first whose leading digits or number types fit. */
function countryByNationalNumber(nationalNumber: string, countries: readonly CountryPlan[]): CountryPlan | undefined {
  if (countries.length === 1) return countries[0];
  for (const c of countries) {
    if (c.leadingDigits) {
      if (c.leadingDigits.test(nationalNumber)) return c;
    } else if (hasNumberType(nationalNumber, c)) return c;
  }
  return undefined;
}

/** checkNumberLength() against a plan's possible lengths (sorted, as in the metadata). */
function lengthCheck(nationalNumber: string, lengths: readonly number[] | undefined): 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH' {
  if (!lengths) return 'IS_POSSIBLE';
  const n = nationalNumber.length;
  if (lengths[0] === n) return 'IS_POSSIBLE';
  if (lengths[0]! > n) return 'TOO_SHORT';
  if (lengths[lengths.length - 1]! < n) return 'TOO_LONG';
  return lengths.indexOf(n, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

/**
 * extractNationalNumber() with `plan` selected: strips the national prefix
 * unless the number was valid-shaped only with it or would become too short.
 * Undefined when the prefix rule rewrites digits (a transform rule), or the
 * calling code is non-geographic.
 */
function extractNational(number: string, plan: CountryPlan): string | undefined {
  const match = plan.nationalPrefix?.exec(number);
  if (!match) return number;
  const groups = match.length - 1;
  if (plan.transformsPrefix && groups > 0 && match[groups]) return undefined;
  const stripped = number.slice(match[0].length);
  if (stripped === number) return number;
  // shouldHaveExtractedNationalPrefix()
  if (plan.nationalNumber.test(number) && !plan.nationalNumber.test(stripped)) return number;
  if (plan.possibleLengths) {
    const countries = callingCodePlan(plan.callingCode)?.countries;
    if (!countries) return undefined;
    const country = countryByNationalNumber(stripped, countries) ?? plan;
    const length = lengthCheck(stripped, country.possibleLengths);
    if (length === 'TOO_SHORT' || length === 'INVALID_LENGTH') return number;
  }
  return stripped;
}

/** Digits, spaces, `-`, `.`, parentheses, optionally one leading `+`, ending on a digit: the shapes read here. */
const SIMPLE_SHAPE = /^\+?[(\d][\d ().-]*\d$/;
const NON_DIGITS = /\D/g;

/**
 * What `parsePhoneNumberFromString(text, { defaultCountry: region, extract: false })`
 * and its `isValid()` give, or undefined when this value's reading needs the
 * library (see the file comment). `region` must be a supported country.
 */
export function compiledPhoneCheck(text: string, region: CountryCode): CompiledPhoneResult | undefined {
  if (!SIMPLE_SHAPE.test(text)) return undefined;
  const digits = text.replace(NON_DIGITS, '');
  if (text.charCodeAt(0) === 43) return international(digits);
  const home = countryPlan(region);
  // stripIddPrefix(): read as international after the IDD prefix; left to the library.
  if (home.idd?.test(digits)) return undefined;
  if (digits.startsWith(home.callingCode)) {
    // extractCountryCallingCodeFromInternationalNumberWithoutPlusSign(): the region's calling code without `+`.
    const shorter = digits.slice(home.callingCode.length);
    const shorterNational = extractNational(shorter, home);
    const national = extractNational(digits, home);
    if (shorterNational === undefined || national === undefined) return undefined;
    if ((!home.nationalNumber.test(national) && home.nationalNumber.test(shorterNational)) || lengthCheck(national, home.possibleLengths) === 'TOO_LONG') {
      return fromCallingCode(home.callingCode, shorter);
    }
  }
  const shared = callingCodePlan(home.callingCode)?.countries;
  if (!shared) return undefined;
  const nationalNumber = extractNational(digits, home);
  if (nationalNumber === undefined || nationalNumber.length < MIN_LENGTH_FOR_NSN || nationalNumber.length > MAX_LENGTH_FOR_NSN) return undefined;
  // parsePhoneNumber(): the default region stays the number's country when no sharing country claims it.
  const plan = countryByNationalNumber(nationalNumber, shared) ?? home;
  return { valid: isValidFor(nationalNumber, plan), country: plan.country, e164: '+' + home.callingCode + nationalNumber };
}

function international(digits: string): CompiledPhoneResult | undefined {
  if (digits.charCodeAt(0) === 48) return undefined;
  // extractCountryCallingCode(): the shortest prefix (1–3 digits) that is a calling code.
  for (let i = 1; i <= 3 && i < digits.length; i++) {
    const callingCode = digits.slice(0, i);
    if (callingCodePlan(callingCode)) return fromCallingCode(callingCode, digits.slice(i));
  }
  return undefined;
}

/** parsePhoneNumber() once the calling code is known: the calling code's main plan reads the rest. */
function fromCallingCode(callingCode: string, rest: string): CompiledPhoneResult | undefined {
  const countries = callingCodePlan(callingCode)?.countries;
  if (!countries || !rest) return undefined;
  const main = countries[0]!;
  const nationalNumber = extractNational(rest, main);
  if (nationalNumber === undefined || nationalNumber.length < MIN_LENGTH_FOR_NSN || nationalNumber.length > MAX_LENGTH_FOR_NSN) return undefined;
  const country = countryByNationalNumber(nationalNumber, countries);
  // Without a country the library validates against the calling code's main country.
  return { valid: isValidFor(nationalNumber, country ?? main), country: country?.country, e164: '+' + callingCode + nationalNumber };
}
