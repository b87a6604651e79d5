import { defineDetector, namePatterns, tokens } from '../detector';
import { ETHNICITIES, ETHNICITY_WEAK_VALUES } from '../dictionaries/ethnicities';
import { dictionaryMatcher } from './dictionary-matcher';
import { TEXT_TYPES } from './common';

export const ethnicityDetector = defineDetector({
  id: 'builtin.ethnicity',
  label: 'GDPR.Ethnicity',
  version: 1,
  noun: 'ethnic-origin categories',
  validation: 'US Census/OMB, UK ONS and other census categories; colour and nationality words only in an ethnicity- or race-named column',
  namePatterns: namePatterns(
    tokens(
      'ethnicity|ethnicities|ethnic|ethnic_?(origin|group|background|category|identity)|race|races|racial|' +
        'race_?ethnicity|race_?and_?ethnicity|ancestry|ethnie|etnia|etnicidad|origine_?ethnique|ethnische_?herkunft|' +
        'hispanic_?origin|hispanic_?latino',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      'count|cnt|is|has|flag|at|date|id|ids|time|times|results?|track|event|car|horse|condition|lap|start|finish|' +
        'distance|name|number|no|num|type|course|series|season|team|driver|runner|category_?id',
    ),
  ),
  allowedTypes: TEXT_TYPES,
  valueMatcher: dictionaryMatcher(ETHNICITIES, ETHNICITY_WEAK_VALUES),
  minHits: 3,
  minMatchRate: 0.7,
  minMatchRateNamed: 0.5,
  cardinality: { maxDistinct: 60 },
  maskStyle: 'category',
});
