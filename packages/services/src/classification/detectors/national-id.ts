import type { ColumnInput } from '../column';
import { normalizeName } from '../column';
import { defineDetector, namePatterns, tokens, type MatchContext, type MatchResult } from '../detector';
import { isRecordNumberShape } from '../validators/health-ids';
import {
  checkBrCpf,
  checkCaSin,
  checkEsDniNie,
  checkFrNir,
  checkInAadhaar,
  checkItCodiceFiscale,
  checkNlBsn,
} from '../validators/national-ids';
import { checkUkNino } from '../validators/uk-nino';
import { checkUsSsn } from '../validators/us-ssn';
import { META_TOKENS } from './common';

type Scheme = 'US SSN' | 'UK NINO' | 'CA SIN' | 'ES DNI/NIE' | 'FR NIR' | 'NL BSN' | 'IN Aadhaar' | 'IT codice fiscale' | 'BR CPF';

/** Which scheme a column name points at, so a bare 9-digit number in `ssn` is judged as an SSN only. */
const HINTS: ReadonlyArray<readonly [RegExp, Scheme]> = [
  [/(^|_)(ssns?|social_?security|soc_?sec|ss_?(no|num|number))(_|$)/, 'US SSN'],
  [/(^|_)(nino|ni_?(no|num|number)|national_?insurance)(_|$)/, 'UK NINO'],
  [/(^|_)(sin|social_?insurance)(_|$)/, 'CA SIN'],
  [/(^|_)(dni|nie)(_|$)/, 'ES DNI/NIE'],
  [/(^|_)(nir|insee|secu|num_?secu|securite_?sociale)(_|$)/, 'FR NIR'],
  [/(^|_)(bsn|burgerservicenummer)(_|$)/, 'NL BSN'],
  [/(^|_)(aadhaa?r)(_|$)/, 'IN Aadhaar'],
  [/(^|_)(codice_?fiscale|cod_?fisc)(_|$)/, 'IT codice fiscale'],
  [/(^|_)(cpf)(_|$)/, 'BR CPF'],
];

function schemeHint(column: ColumnInput): Scheme | undefined {
  const name = normalizeName(column.name);
  for (const [re, scheme] of HINTS) if (re.test(name)) return scheme;
  return undefined;
}

const BARE: ReadonlyArray<readonly [Scheme, (v: string) => MatchResult]> = [
  ['US SSN', (v) => checkUsSsn(v, true)],
  ['CA SIN', (v) => checkCaSin(v, true)],
  ['NL BSN', (v) => checkNlBsn(v, true)],
  ['IN Aadhaar', (v) => checkInAadhaar(v, true)],
  ['BR CPF', (v) => checkBrCpf(v, true)],
];

const FORMATTED_DIGIT: ReadonlyArray<readonly [Scheme, (v: string) => MatchResult]> = [
  ['US SSN', (v) => checkUsSsn(v, false)],
  ['CA SIN', (v) => checkCaSin(v, false)],
  ['IN Aadhaar', (v) => checkInAadhaar(v, false)],
  ['BR CPF', (v) => checkBrCpf(v, false)],
  ['ES DNI/NIE', checkEsDniNie],
  ['FR NIR', checkFrNir],
];

const FORMATTED_ALPHA: ReadonlyArray<readonly [Scheme, (v: string) => MatchResult]> = [
  ['UK NINO', checkUkNino],
  ['ES DNI/NIE', checkEsDniNie],
  ['IT codice fiscale', checkItCodiceFiscale],
];

function set(ctx: MatchContext | undefined, kind: string, r: MatchResult): MatchResult {
  if (r === 'match' && ctx) ctx.kind = kind;
  return r;
}

/**
 * Self-describing formats (123-45-6789, AB 12 34 56 C, 12345678Z, a 15-digit
 * NIR with its key, a codice fiscale) are judged on their own. Bare digit
 * runs only in a column whose name says national id — and then by the scheme
 * the name points at, or else by whichever scheme validates.
 */
export function matchNationalId(value: string, ctx?: MatchContext): MatchResult {
  const n = value.length;
  if (n < 8 || n > 21) return 'nomatch';
  const named = ctx?.nameSignal === 'positive';
  const hint = ctx?.state as Scheme | undefined;
  const c0 = value.charCodeAt(0);
  const startsWithDigit = c0 >= 48 && c0 <= 57;
  let invalid = false;
  for (const [scheme, check] of startsWithDigit ? FORMATTED_DIGIT : FORMATTED_ALPHA) {
    const r = check(value);
    if (r === 'match') return set(ctx, scheme, r);
    if (r === 'invalid') invalid = true;
  }
  if (invalid) return 'invalid';
  if (!named) return 'nomatch';
  for (const [scheme, check] of BARE) {
    if (hint && hint !== scheme) continue;
    const r = check(value);
    if (r === 'match') return set(ctx, scheme, r);
    if (r === 'invalid') invalid = true;
  }
  if (invalid) return 'invalid';
  // A national-id column in a format we have no validator for (Swedish personnummer, PESEL…): shape only.
  if (!hint && isRecordNumberShape(value.replace(/[ /.]/g, ''), 6, 20, 5)) return set(ctx, 'other (format not verified)', 'match');
  return 'nomatch';
}

const SSN_IN_TEXT = /(?:^|[^0-9-])([0-9]{3}-[0-9]{2}-[0-9]{4})(?![0-9-])/g;
const NINO_IN_TEXT = /\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D])\b/g;

function findNationalId(text: string): string | undefined {
  if (text.length < 9) return undefined;
  for (const re of [SSN_IN_TEXT, NINO_IN_TEXT]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const token = m[1]!;
      if ((re === SSN_IN_TEXT ? checkUsSsn(token) : checkUkNino(token)) === 'match') return token;
    }
  }
  return undefined;
}

export const nationalIdDetector = defineDetector({
  id: 'builtin.national-id',
  label: 'PII.NationalId',
  version: 1,
  noun: 'national identifiers',
  validation:
    'the issuing scheme’s rules: SSA area/group/serial rules, HMRC NINO prefixes and suffix, Luhn (SIN), mod-23 letter (DNI/NIE), mod-97 key (NIR), 11-proof (BSN), Verhoeff (Aadhaar), check character (codice fiscale), mod-11 (CPF)',
  namePatterns: namePatterns(
    tokens(
      'ssns?|social_?security(_?(no|num|number))?|soc_?sec(_?(no|num))?|ss_?(no|num|number)|' +
        'national_?(id|ids|identifier|identity|identity_?(no|num|number)|id_?(no|num|number)|insurance|insurance_?(no|num|number))|' +
        'nino|ni_?(no|num|number)|sin|sin_?(no|num|number)|social_?insurance(_?(no|num|number))?|nir|insee|' +
        'num_?secu|securite_?sociale|dni|nie|bsn|burgerservicenummer|aadhaa?r|aadhaa?r_?(no|num|number)|' +
        'codice_?fiscale|cod_?fisc|cpf|personnummer|pesel|id_?card_?(no|num|number)|identity_?(no|num|number|card)|' +
        'citizen_?(id|no|number)|gov(ernment)?_?id|personal_?id(_?(no|num|number))?',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      `${META_TOKENS}|country|issuer|issuing|expiry|expiration|expires|image|photo|scan|document_?type|provided|` +
        'present|suffix|prefix|format|source',
    ),
  ),
  allowedTypes: ['string', 'other', 'integer', 'decimal'],
  nameRequired: ['integer', 'decimal'],
  prepare: (_values, column) => schemeHint(column),
  valueMatcher: matchNationalId,
  containsMatcher: (value) => findNationalId(value),
  minHits: 3,
  minMatchRate: 0.6,
  minMatchRateNamed: 0.5,
  // Identifiers are mostly unique: a `code` column with five distinct 9-digit values is not an ID column.
  cardinality: { minDistinct: 3, minDistinctRatio: 0.5 },
  maskStyle: 'last4',
});
