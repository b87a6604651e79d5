import { defineDetector, namePatterns, tokens } from '../detector';
import { isRecordNumberShape } from '../validators/health-ids';
import { META_TOKENS, TEXT_TYPES } from './common';

/**
 * Passport numbers have no shared format or check digit outside the MRZ
 * (US: 9 digits; UK: 9 digits; FR: 2 digits, 2 letters, 5 digits; DE: 9
 * alphanumerics…). So the column name is required, and a value must be
 * 6–9 letters and digits with at least one digit.
 */
export const passportDetector = defineDetector({
  id: 'builtin.passport',
  label: 'PII.Passport',
  version: 1,
  noun: 'passport numbers',
  validation: '6–9 letters and digits with at least one digit (passports share no check digit outside the MRZ)',
  namePatterns: namePatterns(
    tokens('passports?|passport_?(no|num|number|nr|id)|passeport|pasaporte|passaporto|reisepass|paspoort|pass_?no|ppn'),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      `${META_TOKENS}|expiry|expiration|expires|exp|issue|issued|issuing|country|nationality|photo|image|scan|copy|` +
        'holder|name|place|authority|mrz|file|url|path|required|seen|checked',
    ),
  ),
  allowedTypes: TEXT_TYPES,
  nameRequired: true,
  valueMatcher: (value) => (isRecordNumberShape(value.replace(/ /g, ''), 6, 9, 1) && !value.includes('-') ? 'match' : 'nomatch'),
  minHits: 3,
  minMatchRate: 0.7,
  minMatchRateNamed: 0.7,
  cardinality: { minDistinct: 3, minDistinctRatio: 0.5 },
  maskStyle: 'last4',
});
