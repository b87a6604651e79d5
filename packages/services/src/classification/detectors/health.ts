import { defineDetector, namePatterns, tokens } from '../detector';
import { BLOOD_TYPES, HEALTH_TERMS, HEALTH_WEAK_VALUES } from '../dictionaries/health';
import { dictionaryMatcher } from './dictionary-matcher';
import { TEXT_TYPES } from './common';

const WEAK = new Set([...HEALTH_WEAK_VALUES, ...BLOOD_TYPES]);

export const healthDetector = defineDetector({
  id: 'builtin.health',
  label: 'GDPR.Health',
  version: 1,
  noun: 'health conditions',
  validation:
    'a dictionary of conditions, disabilities, allergies and common prescription drugs, matched as whole words in short values; blood types only in a health-named column',
  namePatterns: namePatterns(
    tokens(
      'conditions?|medical_?(conditions?|history|problems?|notes?|alerts?)|health_?(conditions?|status|issues?|problems?)|' +
        'diagnosis_?(text|desc|description|name)|illness|illnesses|disease|diseases|disorder|disorders|disabilit(y|ies)|' +
        'chronic_?(conditions?|illness)|comorbidit(y|ies)|allerg(y|ies)|allergens?|allergic_?to|blood_?(type|group)|' +
        'bloodtype|bloodgroup|medications?|medicines?|drugs?|prescriptions?|symptoms?|treatments?|pathology|maladie|' +
        'krankheit|erkrankung|enfermedad|malattia|vaccinations?|vaccines?|immuni[sz]ations?|covid_?status|hiv_?status|' +
        'pregnan(t|cy)|pregnancy_?status|mental_?health|special_?needs',
    ),
  ),
  negativeNamePatterns: namePatterns(
    tokens(
      'count|cnt|is|has|flag|at|date|id|ids|code|codes|weather|product|item|vehicle|car|road|track|network|' +
        'server|system|machine|device|equipment|race|sql|query|filter|where|rule|trigger|logic|status_?code|http|' +
        'credit|loan|payment|contract|terms|market|search|checker|test_?conditions?|sale|stock|inventory',
    ),
  ),
  allowedTypes: TEXT_TYPES,
  valueMatcher: dictionaryMatcher(HEALTH_TERMS, WEAK, { maxLength: 80, maxWords: 8 }),
  minHits: 3,
  minMatchRate: 0.6,
  minMatchRateNamed: 0.4,
  maskStyle: 'category',
});
