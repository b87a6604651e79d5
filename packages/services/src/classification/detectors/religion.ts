import { defineDetector, namePatterns, tokens } from '../detector';
import { RELIGION_WEAK_VALUES, RELIGIONS } from '../dictionaries/religions';
import { dictionaryMatcher } from './dictionary-matcher';
import { TEXT_TYPES } from './common';

export const religionDetector = defineDetector({
  id: 'builtin.religion',
  label: 'GDPR.Religion',
  version: 1,
  noun: 'religions or beliefs',
  validation: 'a multilingual dictionary of religions, denominations and beliefs',
  namePatterns: namePatterns(
    tokens(
      'religion|religions|religious|religious_?(affiliation|belief|beliefs|preference|denomination|identity)|faith|' +
        'beliefs?|denomination|confession|konfession|religionszugehorigkeit|religione|religiao|creed|worldview',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens('count|cnt|is|has|flag|at|date|id|ids|freedom|holiday|holidays|calendar|event|events|network|propagation|system'),
  ),
  allowedTypes: TEXT_TYPES,
  valueMatcher: dictionaryMatcher(RELIGIONS, RELIGION_WEAK_VALUES),
  minHits: 3,
  minMatchRate: 0.7,
  minMatchRateNamed: 0.5,
  cardinality: { maxDistinct: 60 },
  maskStyle: 'category',
});
