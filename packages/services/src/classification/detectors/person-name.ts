import { defineDetector, namePatterns, tokens, type MatchResult } from '../detector';
import { FIRST_NAMES } from '../dictionaries/first-names';
import { NAME_PARTICLES, NOT_A_PERSON } from '../dictionaries/name-words';
import { normalizeText } from '../dictionaries/normalize';
import { SURNAMES } from '../dictionaries/surnames';
import { TEXT_TYPES } from './common';

// Letters (any script), apostrophes, hyphens, dots; 1–4 words; an optional
// comma for "Last, First". No digits, no @, no other punctuation.
const NAME_SHAPE = /^[\p{L}][\p{L}\p{M}'’.-]*(?:,? [\p{L}][\p{L}\p{M}'’.-]*){0,4}$/u;

/** Each word starts with a capital: "Bartholome", "van der Berg" fails (particles are checked separately), "O'Neil" passes. */
const TITLE_CASE_WORD = /^[\p{Lu}][\p{Ll}\p{M}'’.-]+$/u;

/**
 * A person's name: name-shaped, no organisation words, and at least one word
 * (3+ letters) found in the first-name or surname dictionaries. Unknown names
 * are 'nomatch', not 'invalid' — the dictionary is incomplete, the shape is not wrong.
 *
 * In a column whose name already says "first_name", "surname"… a title-cased,
 * name-shaped value counts even when the dictionary does not know it: no
 * dictionary knows every name, and the name plus the shape are the evidence
 * (reported as the kind "name-shaped, named column").
 */
export function matchPersonName(value: string, ctx?: { kind: string | undefined; nameSignal?: string }): MatchResult {
  const n = value.length;
  if (n < 3 || n > 60 || !NAME_SHAPE.test(value)) return 'nomatch';
  const words = normalizeText(value).split(' ');
  if (words.length > 5) return 'nomatch';
  let known = 0;
  let first = false;
  let sur = false;
  for (const w of words) {
    if (NOT_A_PERSON.has(w)) return 'nomatch';
    if (w.length < 3 || NAME_PARTICLES.has(w)) continue;
    const f = FIRST_NAMES.has(w);
    const s = SURNAMES.has(w);
    if (f || s) known++;
    first ||= f;
    sur ||= s;
  }
  if (known === 0) {
    if (ctx?.nameSignal !== 'positive') return 'nomatch';
    const raw = value.replace(',', '').split(' ').filter((w) => !NAME_PARTICLES.has(w.toLowerCase()));
    if (raw.length === 0 || !raw.every((w) => TITLE_CASE_WORD.test(w))) return 'nomatch';
    ctx.kind = 'name-shaped, named column';
    return 'match';
  }
  if (ctx) ctx.kind = words.length > 1 ? 'full name' : first ? 'given name' : 'family name';
  return 'match';
}

export const personNameDetector = defineDetector({
  id: 'builtin.person-name',
  label: 'PII.PersonName',
  version: 1,
  noun: 'person names',
  validation: 'name-shaped text with at least one word in the given-name or surname dictionaries (~1,500 names)',
  namePatterns: namePatterns(
    tokens(
      '(first|last|middle|given|family|sur|full|maiden|legal|birth|christian|preferred|contact|customer|client|' +
        'patient|employee|person|cardholder|card_?holder|account_?holder|beneficiary|recipient|sender|owner|author|' +
        'student|member|guardian|parent|spouse|emergency_?contact|signatory|applicant|candidate|passenger|guest|' +
        'driver|subscriber)_?names?|f_?name|l_?name|firstname|lastname|fullname|surname|surnames|forename|' +
        'forenames|given_?names?|prenom|prenoms|nom|nom_?de_?famille|nombre|nombres|apellidos?|vorname|nachname|' +
        'familienname|cognome|nome|sobrenome|achternaam|voornaam',
    ),
  ),
  qualifiedNamePatterns: namePatterns(
    '(^|_)(users?|customers?|people|persons?|employees?|patients?|contacts?|members?|students?|authors?|clients?|' +
      'staff|guests?|passengers?|applicants?|candidates?|drivers?|owners?|teachers?|doctors?|physicians?|nurses?|' +
      'volunteers?|subscribers?|donors?|tenants?|residents?|recipients?|beneficiar(y|ies)|cardholders?|' +
      'accounts?_?holders?|travell?ers?|athletes?|players?|artists?|speakers?|attendees?|participants?)\\.(name|full_?name|display_?name)$',
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      '(user|company|business|org|organi[sz]ation|product|file|host|table|column|schema|db|database|brand|street|' +
        'city|town|country|state|region|province|county|item|category|app|application|device|domain|server|bucket|' +
        'tag|role|group|team|project|event|job|task|type|class|field|model|service|queue|topic|template|dept|' +
        'department|store|shop|vendor|supplier|merchant|bank|branch|plan|package|screen|login|sheet|tab|site|place|' +
        'location|venue|hotel|school|course|campaign|feature|metric|key|param|parameter|attribute|property|var|' +
        'variable|env|cluster|node|pod|image|container|library|module|repo|pipeline|workflow|step|stage|skill|' +
        'language|currency|unit|machine|host|instance|index|constraint|trigger|sequence|function|procedure|view|' +
        'color|colour|font|icon|theme|layout|menu|route|path|channel|list|folder|document|doc|report|dashboard|' +
        'widget|org_?unit|legal_?entity|entity|tenant|workspace|space|room|building|venue|ship|vessel|vehicle|' +
        'species|breed|pet|animal|drug|medication|ingredient|recipe|dish|game|song|album|track|book|movie|film|' +
        'show|series|brand)_?names?|username|usernames|user_?name|login|handle|screen_?name|hostname|filename|' +
        'pathname|codename|alias|nickname|id|ids|name_?id|count|is|has|flag|hash|length|len',
    ),
  ),
  allowedTypes: TEXT_TYPES,
  valueMatcher: (value, ctx) => matchPersonName(value, ctx),
  minHits: 3,
  minMatchRate: 0.6,
  minMatchRateNamed: 0.35,
  cardinality: { minDistinct: 3, minDistinctRatio: 0.1 },
  maskStyle: 'initials',
});
