import { defineDetector, namePatterns, tokens } from '../detector';
import { checkDateOfBirth } from '../validators/dates';

export const dateOfBirthDetector = defineDetector({
  id: 'builtin.date-of-birth',
  label: 'PII.DateOfBirth',
  version: 1,
  noun: 'birth dates',
  validation: 'a parseable calendar date giving an age between 0 and 120 years',
  namePatterns: namePatterns(
    tokens(
      'dob|d_?o_?b|birth|birthday|birthdate|birth_?date|birth_?day|date_?of_?birth|born|born_?on|bday|' +
        'geburtsdatum|geburtstag|gebdat|date_?naissance|date_?de_?naissance|naissance|fecha_?(de_?)?nacimiento|' +
        'nacimiento|data_?(di_?)?nascita|data_?(de_?)?nascimento|geboortedatum|fodelsedag|fodselsdato',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      'place|city|country|town|location|state|region|name|weight|height|length|order|certificate|cert|rank|count|' +
        'cnt|flag|is|has|verified|valid|hash|year|month|rate|control|parent',
    ),
  ),
  // Dates, timestamps and text only: a birth date stored as an integer is indistinguishable from any other number.
  allowedTypes: ['date', 'timestamp', 'string'],
  // Every date column holds dates; only the name says whose birth they are.
  nameRequired: true,
  valueMatcher: (value, ctx) => checkDateOfBirth(value, ctx?.now ?? Date.now()),
  minHits: 3,
  minMatchRate: 0.6,
  minMatchRateNamed: 0.6,
  cardinality: { minDistinct: 3 },
  maskStyle: 'date',
});
