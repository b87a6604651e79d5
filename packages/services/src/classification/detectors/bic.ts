import { defineDetector, namePatterns, tokens } from '../detector';
import { checkBic } from '../validators/bic';
import { TEXT_TYPES } from './common';

export const bicDetector = defineDetector({
  id: 'builtin.bic',
  label: 'Financial.BIC',
  version: 1,
  noun: 'BIC/SWIFT codes',
  validation: 'ISO 9362 shape with a real ISO country code; letter-only 8-char codes only in a BIC/SWIFT-named column',
  namePatterns: namePatterns(
    tokens(
      'bic|bics|bic_?code|swift|swift_?(code|bic|id)|bank_?(identifier|id|code)_?(code)?|bank_?bic|bank_?swift|' +
        'institution_?code|routing_?bic',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens('type|status|count|cnt|is|has|flag|at|date|message|msg|mt\\d+|country|name|address|valid|verified|network|gpi'),
  ),
  allowedTypes: TEXT_TYPES,
  valueMatcher(value, ctx) {
    const r = checkBic(value);
    // DEUTDEFF is a BIC; BUSINESS (BUSI-NE-SS) is a word. Letter-only codes need the column name.
    if (r.verdict === 'match' && !r.strong && ctx?.nameSignal !== 'positive') return 'nomatch';
    return r.verdict;
  },
  minHits: 3,
  minMatchRate: 0.7,
  minMatchRateNamed: 0.5,
  cardinality: { minDistinct: 2 },
  maskStyle: 'category',
});
