import { defineDetector, namePatterns, tokens } from '../detector';
import { GENDER_VALUES, GENDER_WEAK_VALUES } from '../dictionaries/gender';
import { normalizeText } from '../dictionaries/normalize';
import { TEXT_TYPES } from './common';

export const genderDetector = defineDetector({
  id: 'builtin.gender',
  label: 'PII.Gender',
  version: 1,
  noun: 'gender values',
  validation: 'a multilingual gender vocabulary; single-letter codes (M/F/X) only in a gender- or sex-named column',
  namePatterns: namePatterns(
    tokens(
      'genders?|sex|sexe|geschlecht|sexo|sesso|genero|geslacht|gender_?identity|biological_?sex|sex_?at_?birth|' +
        'assigned_?sex|pronouns?|gender_?code|sex_?code',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      'sexual|orientation|pref|preference|preferences|offender|offenders|ratio|count|cnt|distribution|target|' +
        'targeting|targeted|neutral|is|has|flag|split|mix|balance|pay_?gap|gap',
    ),
  ),
  allowedTypes: TEXT_TYPES,
  valueMatcher(value, ctx) {
    if (value.length > 40) return 'nomatch';
    const v = normalizeText(value);
    if (GENDER_VALUES.has(v)) return 'match';
    // M/F also mean medium/fixed/false; they count only where the name says gender.
    return ctx?.nameSignal === 'positive' && GENDER_WEAK_VALUES.has(v) ? 'match' : 'nomatch';
  },
  minHits: 3,
  minMatchRate: 0.8,
  minMatchRateNamed: 0.6,
  // Gender is categorical: a column with hundreds of distinct values is something else.
  cardinality: { maxDistinct: 20 },
  maskStyle: 'category',
});
