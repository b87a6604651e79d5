/**
 * Realistic sensitive values that pass the same checks a real one would:
 * card numbers from real issuer ranges with a Luhn check digit, IBANs with
 * correct length and mod-97 check digits, US SSNs that respect the SSA
 * rules, bcrypt-shaped hashes and high-entropy API keys. All randomness
 * comes from the caller's seeded faker, so output is deterministic.
 */
import type { Faker } from '@faker-js/faker';

const digits = (f: Faker, n: number) => f.string.numeric({ length: n, allowLeadingZeros: true });

/** The Luhn check digit for `partial` (all digits but the last). */
export function luhnCheckDigit(partial: string): string {
  let sum = 0;
  // The check digit will sit at the right, so the rightmost digit of `partial` is doubled.
  for (let i = partial.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = partial.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Issuer ranges (ISO/IEC 7812 IINs) and lengths. */
const CARD_ISSUERS: readonly {
  name: string;
  weight: number;
  prefix: (f: Faker) => string;
  length: number;
}[] = [
  { name: 'Visa', weight: 50, prefix: () => '4', length: 16 },
  {
    name: 'Mastercard',
    weight: 25,
    prefix: (f) => String(f.number.int({ min: 51, max: 55 })),
    length: 16,
  },
  {
    name: 'Mastercard 2-series',
    weight: 5,
    prefix: (f) => String(f.number.int({ min: 2221, max: 2720 })),
    length: 16,
  },
  {
    name: 'American Express',
    weight: 12,
    prefix: (f) => f.helpers.arrayElement(['34', '37']),
    length: 15,
  },
  { name: 'Discover', weight: 8, prefix: () => '6011', length: 16 },
];

export function cardNumber(f: Faker): string {
  const issuer = f.helpers.weightedArrayElement(
    CARD_ISSUERS.map((i) => ({ weight: i.weight, value: i })),
  );
  const prefix = issuer.prefix(f);
  const body = prefix + digits(f, issuer.length - prefix.length - 1);
  return body + luhnCheckDigit(body);
}

/** `MM/YY`, within the next five years of `now`. */
export function cardExpiry(f: Faker, now: Date): string {
  const month = f.number.int({ min: 1, max: 12 });
  const year = (now.getUTCFullYear() + f.number.int({ min: 0, max: 5 })) % 100;
  return `${String(month).padStart(2, '0')}/${String(year).padStart(2, '0')}`;
}

/** ISO 7064 MOD 97-10 remainder of an alphanumeric string (A=10 … Z=35). */
export function mod97(s: string): number {
  let r = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    r = c >= 65 ? (r * 100 + (c - 55)) % 97 : (r * 10 + (c - 48)) % 97;
  }
  return r;
}

/** Countries whose BBAN has no national check digit of its own: any digits give a valid IBAN. */
const IBAN_FORMATS: readonly { country: string; bban: (f: Faker) => string }[] = [
  { country: 'DE', bban: (f) => digits(f, 18) }, // 8-digit bank code + 10-digit account
  {
    country: 'GB',
    bban: (f) => f.helpers.arrayElement(['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL']) + digits(f, 14),
  },
  {
    country: 'NL',
    bban: (f) => f.helpers.arrayElement(['ABNA', 'INGB', 'RABO', 'SNSB']) + digits(f, 10),
  },
  { country: 'AT', bban: (f) => digits(f, 16) },
  { country: 'CH', bban: (f) => digits(f, 17) },
];

export function iban(f: Faker): string {
  const { country, bban } = f.helpers.arrayElement(IBAN_FORMATS);
  const b = bban(f);
  const check = 98 - mod97(b + country + '00');
  return country + String(check).padStart(2, '0') + b;
}

const SSN_KNOWN_INVALID = new Set(['078051120', '219099999', '123456789']);

/** `ddd-dd-dddd`: area 001–899 except 666, group 01–99, serial 0001–9999, no known fakes. */
export function usSsn(f: Faker): string {
  for (;;) {
    const area = f.number.int({ min: 1, max: 899 });
    if (area === 666) continue;
    const group = f.number.int({ min: 1, max: 99 });
    const serial = f.number.int({ min: 1, max: 9999 });
    const d =
      String(area).padStart(3, '0') +
      String(group).padStart(2, '0') +
      String(serial).padStart(4, '0');
    if (SSN_KNOWN_INVALID.has(d) || /^(\d)\1{8}$/.test(d)) continue;
    return `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
  }
}

const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A bcrypt-shaped hash (`$2b$10$` + 22-char salt + 31-char digest). Not the hash of anything. */
export function bcryptHash(f: Faker): string {
  return `$2b$10$${f.string.fromCharacters(BCRYPT_ALPHABET, 53)}`;
}

/** A Stripe-style live secret key: `sk_live_` + 32 random base62 characters. */
export function liveApiKey(f: Faker, prefix = 'sk_live_'): string {
  return prefix + f.string.alphanumeric({ length: 32, casing: 'mixed' });
}

/** Real ICD-10-CM codes common in claims (diabetes, hypertension, asthma, depression, back pain…). */
export const ICD10_CODES = [
  'E11.9',
  'I10',
  'J45.909',
  'F32.9',
  'M54.5',
  'E78.5',
  'K21.9',
  'J06.9',
  'N39.0',
  'F41.1',
  'E66.9',
  'G43.909',
  'M17.11',
  'R51.9',
  'Z00.00',
  'I25.10',
  'E03.9',
  'J44.9',
  'K58.9',
  'L40.0',
] as const;
