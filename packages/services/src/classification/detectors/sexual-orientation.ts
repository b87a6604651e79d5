import { defineDetector, namePatterns, tokens } from '../detector';
import { SEXUAL_ORIENTATION_WEAK_VALUES, SEXUAL_ORIENTATIONS } from '../dictionaries/sexual-orientations';
import { dictionaryMatcher } from './dictionary-matcher';
import { TEXT_TYPES } from './common';

export const sexualOrientationDetector = defineDetector({
  id: 'builtin.sexual-orientation',
  label: 'GDPR.SexualOrientation',
  version: 1,
  noun: 'sexual orientations',
  validation: 'a multilingual dictionary of sexual orientations; "straight", "bi", "other" only in an orientation-named column',
  namePatterns: namePatterns(
    tokens(
      'sexual_?orientation|orientation_?sexuelle|sexuality|sexual_?preference|sexual_?identity|lgbt|lgbtq|' +
        'lgbtq?i?a?_?(status|identity)|orientacion_?sexual|sexuelle_?orientierung|orientamento_?sessuale',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens('count|cnt|is|has|flag|at|date|id|ids|page|print|screen|display|image|photo|device|text|label|type|policy|training'),
  ),
  allowedTypes: TEXT_TYPES,
  valueMatcher: dictionaryMatcher(SEXUAL_ORIENTATIONS, SEXUAL_ORIENTATION_WEAK_VALUES),
  minHits: 3,
  minMatchRate: 0.7,
  minMatchRateNamed: 0.5,
  cardinality: { maxDistinct: 20 },
  maskStyle: 'category',
});
