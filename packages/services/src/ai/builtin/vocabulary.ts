/**
 * The words the built-in engine knows: label phrases built from the label
 * taxonomy (each label's display name, its key, plus the everyday synonyms
 * people use), environments, severities and times. Pure, no I/O.
 */
import { LABEL_CATEGORIES, LABELS } from '../../classification/taxonomy';

/** Everyday words for labels, beyond the taxonomy's own display names. */
const SYNONYMS: Record<string, string[]> = {
  'PII.Email': ['email', 'e-mail', 'email address', 'mail address'],
  'PII.Phone': ['phone', 'telephone', 'phone number', 'mobile number', 'telephone number'],
  'PII.PersonName': ['person name', 'people name', 'full name', 'first name', 'last name', 'customer name', 'surname'],
  'PII.Address': ['address', 'street address', 'postal address', 'home address'],
  'PII.PostalCode': ['zip', 'zip code', 'postcode', 'postal code'],
  'PII.DateOfBirth': ['date of birth', 'birth date', 'birthday', 'dob', 'birthdate'],
  'PII.NationalId': ['ssn', 'social security number', 'national id', 'national identifier', 'nino', 'national insurance number'],
  'PII.Passport': ['passport', 'passport number'],
  'PII.DriverLicense': ['driver license', 'drivers license', "driver's license", 'driving licence', "driver's licence"],
  'PII.IPAddress': ['ip', 'ip address'],
  'PII.Gender': ['gender', 'sex'],
  'PII.Geolocation': ['geolocation', 'location', 'gps', 'coordinates', 'latitude', 'longitude'],
  'PCI.CardNumber': ['card number', 'credit card', 'credit card number', 'card', 'pan', 'payment card', 'payment card number'],
  'PCI.CardExpiry': ['card expiry', 'expiry date', 'expiration date'],
  'PCI.CardVerificationCode': ['cvv', 'cvc', 'card verification code', 'security code'],
  'Financial.IBAN': ['iban', 'bank account number', 'international bank account number'],
  'Financial.BIC': ['bic', 'swift', 'swift code'],
  'Financial.TaxId': ['tax id', 'tax identifier', 'ein', 'vat number', 'tax number'],
  'Financial.BankAccount': ['bank account', 'routing number', 'account number'],
  'PHI.Diagnosis': ['diagnosis', 'diagnosis code', 'icd code', 'icd-10 code'],
  'PHI.MedicalRecordNumber': ['medical record', 'medical record number', 'mrn', 'nhs number'],
  'PHI.HealthPlanId': ['health plan id', 'health plan', 'insurance member id', 'medicare id'],
  'Secret.Password': ['password', 'passwd'],
  'Secret.ApiKey': ['api key', 'token', 'access token', 'secret key', 'client secret'],
  'Secret.PrivateKey': ['private key', 'ssh key', 'pem key'],
  'GDPR.Religion': ['religion', 'belief'],
  'GDPR.Ethnicity': ['ethnicity', 'race', 'ethnic origin'],
  'GDPR.Health': ['health data', 'health condition', 'medical condition'],
  'GDPR.SexualOrientation': ['sexual orientation'],
};

/** Category words: "PII", "personal data" → every PII label (a prefix filter). */
const CATEGORY_WORDS: Record<string, string[]> = {
  'PII.*': ['pii', 'personal data', 'personal information', 'personally identifiable information'],
  'PCI.*': ['pci', 'payment data', 'cardholder data'],
  'Financial.*': ['financial data', 'banking data'],
  'PHI.*': ['phi', 'health information', 'protected health information'],
  'Secret.*': ['secrets', 'credentials'],
  'GDPR.*': ['special category data', 'special categories'],
};

const plural = (w: string) => (/(s|x|z|ch|sh)$/.test(w) ? `${w}es` : w.endsWith('y') && !/[aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`);

/** "email address" → "email addresses": the last word made plural. */
export function pluralPhrase(phrase: string): string {
  const words = phrase.split(' ');
  const last = words.pop()!;
  return [...words, plural(last)].join(' ');
}

export interface LabelPhrase {
  phrase: string;
  label: string;
}

/** Every phrase → label, longest phrase first (so "credit card number" wins over "card"). */
export const LABEL_PHRASES: readonly LabelPhrase[] = (() => {
  const out = new Map<string, string>();
  const add = (phrase: string, label: string) => {
    const p = normalise(phrase);
    if (!out.has(p)) out.set(p, label);
    const words = p.split(' ');
    const last = words.pop()!;
    const pl = [...words, plural(last)].join(' ');
    if (!out.has(pl)) out.set(pl, label);
  };
  for (const l of LABELS) {
    add(l.id.toLowerCase(), l.id);
    add(l.displayName, l.id);
    for (const s of SYNONYMS[l.id] ?? []) add(s, l.id);
  }
  for (const c of LABEL_CATEGORIES) if (!CATEGORY_WORDS[`${c}.*`]) CATEGORY_WORDS[`${c}.*`] = [];
  for (const [prefix, words] of Object.entries(CATEGORY_WORDS)) for (const w of words) add(w, prefix);
  return [...out.entries()].map(([phrase, label]) => ({ phrase, label })).sort((a, b) => b.phrase.length - a.phrase.length);
})();

/** Lower case, apostrophes kept only inside words, punctuation to spaces, single spaces. Dots inside words survive (PII.Email, customers.email). */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9.'_*\- ]+/g, ' ')
    .replace(/(^|\s)[.'-]+|[.'-]+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Finds label phrases as whole words, longest first, each word used once. */
export function findLabels(normalised: string): string[] {
  let rest = ` ${normalised} `;
  const found: string[] = [];
  for (const { phrase, label } of LABEL_PHRASES) {
    const needle = ` ${phrase} `;
    if (!rest.includes(needle)) continue;
    if (!found.includes(label)) found.push(label);
    rest = rest.split(needle).join(' \u0000 ');
  }
  return found;
}

export function findEnvironment(normalised: string): 'prod' | 'staging' | 'dev' | undefined {
  if (/\b(prod|production|live)\b/.test(normalised)) return 'prod';
  if (/\b(staging|stage|preprod)\b/.test(normalised)) return 'staging';
  if (/\b(dev|development|test)\b/.test(normalised)) return 'dev';
  return undefined;
}

export const SEVERITY_WORDS = ['critical', 'high', 'medium', 'low'] as const;
export function findSeverities(normalised: string): (typeof SEVERITY_WORDS)[number][] {
  return SEVERITY_WORDS.filter((s) => new RegExp(`\\b${s}\\b`).test(normalised));
}

const DAY = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const UNIT_MS: Record<string, number> = { hour: 3_600_000, day: DAY, week: 7 * DAY, month: 30 * DAY };

/** A start time the question names ("since yesterday", "this week", "in the last 3 days", "since 2026-11-01"), or undefined. */
export function findSince(normalised: string, now: Date): { since: Date; phrase: string } | undefined {
  const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const iso = normalised.match(/\b(\d{4}-\d{2}-\d{2})(?:t[\d:]+z?)?\b/);
  if (iso) {
    const d = new Date(`${iso[1]}T00:00:00Z`);
    if (!Number.isNaN(d.getTime())) return { since: d, phrase: `since ${iso[1]}` };
  }
  const last = normalised.match(/\b(?:last|past|previous)\s+(\d+|a|an|one|two|three|seven|ten)?\s*(hour|day|week|month)s?\b/);
  if (last) {
    const words: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, seven: 7, ten: 10 };
    const count = last[1] ? (words[last[1]] ?? Number(last[1])) : 1;
    return { since: new Date(now.getTime() - count * UNIT_MS[last[2]!]!), phrase: `in the last ${count === 1 ? '' : `${count} `}${last[2]}${count === 1 ? '' : 's'}` };
  }
  if (/\btoday\b/.test(normalised)) return { since: startOfDay(now), phrase: 'today' };
  if (/\byesterday\b/.test(normalised)) return { since: new Date(startOfDay(now).getTime() - DAY), phrase: 'since yesterday' };
  if (/\bthis week\b|\bweekly\b/.test(normalised)) return { since: new Date(now.getTime() - 7 * DAY), phrase: 'this week' };
  if (/\bthis month\b/.test(normalised)) return { since: new Date(now.getTime() - 30 * DAY), phrase: 'this month' };
  const weekday = normalised.match(/\b(?:since|on)\s+(?:last\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/);
  if (weekday) {
    const target = WEEKDAYS.indexOf(weekday[1]!);
    const back = (now.getUTCDay() - target + 7) % 7 || 7;
    return { since: new Date(startOfDay(now).getTime() - back * DAY), phrase: `since ${weekday[1]}` };
  }
  return undefined;
}
