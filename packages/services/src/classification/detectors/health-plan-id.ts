import { defineDetector, namePatterns, tokens } from '../detector';
import { isMedicareMbi, isRecordNumberShape } from '../validators/health-ids';
import { META_TOKENS, TEXT_TYPES } from './common';

export const healthPlanIdDetector = defineDetector({
  id: 'builtin.health-plan-id',
  label: 'PHI.HealthPlanId',
  version: 1,
  noun: 'health plan member identifiers',
  validation: 'the CMS Medicare Beneficiary Identifier layout; other member ids by shape in a health-plan-named column',
  namePatterns: namePatterns(
    tokens(
      'mbi|medicare_?(id|no|num|number|beneficiary_?(id|identifier|no|number))?|medicaid_?(id|no|num|number)?|hicn|' +
        'health_?plan_?(id|no|num|number|member_?id)|health_?insurance_?(id|no|num|number)|insurance_?member_?id|' +
        'insurance_?(id|no|num|number)|insured_?(id|no|num|number)|beneficiary_?(id|identifier|no|num|number)|' +
        'krankenversicherungsnummer|versichertennummer|numero_?(de_?)?securite_?sociale_?assure|carte_?vitale',
    ),
  ),
  // Member/subscriber/policy ids are health-plan ids only in a health or insurance table.
  qualifiedNamePatterns: namePatterns(
    '(patient|insurance|insurer|claim|claims|coverage|coverages|eligibility|enrollment|enrolment|health|medical|benefit|benefits|payer|payor|plan|plans|member_?ship)[a-z0-9_]*\\.(member|subscriber|policy|insured|beneficiary)_?(id|no|num|number)$',
  ),
  negativeNamePatterns: namePatterns(tokens(`${META_TOKENS}|name|plan_?type|effective|expiry|expiration|group|carrier|payer|provider`)),
  allowedTypes: TEXT_TYPES,
  valueMatcher(value, ctx) {
    if (isMedicareMbi(value)) {
      if (ctx) ctx.kind = 'Medicare MBI';
      return 'match';
    }
    if (ctx?.nameSignal === 'positive' && isRecordNumberShape(value, 6, 20, 4)) {
      ctx.kind = 'member id';
      return 'match';
    }
    return 'nomatch';
  },
  minHits: 3,
  minMatchRate: 0.7,
  minMatchRateNamed: 0.6,
  cardinality: { minDistinct: 3, minDistinctRatio: 0.5 },
  maskStyle: 'last4',
});
