import { defineDetector, namePatterns, tokens } from '../detector';
import { checkNhsNumber, isRecordNumberShape } from '../validators/health-ids';
import { META_TOKENS } from './common';

export const medicalRecordNumberDetector = defineDetector({
  id: 'builtin.medical-record-number',
  label: 'PHI.MedicalRecordNumber',
  version: 1,
  noun: 'medical record numbers',
  validation: 'an MRN-named column with 5–15 letters/digits (at least 4 digits); NHS numbers by their mod-11 check digit',
  namePatterns: namePatterns(
    tokens(
      'mrn|mrns|medical_?record(_?(no|num|number|nr|id))?|med_?rec(_?(no|num|number))?|patient_?(no|num|number|mrn|chart)|' +
        'chart_?(no|num|number)|health_?record_?(no|num|number|id)|hospital_?(no|num|number)|nhs|nhs_?(no|num|number)|' +
        'chi|chi_?(no|num|number)|ehr_?id|emr_?id|ehr_?(no|num|number)|emr_?(no|num|number)|health_?card_?(no|num|number)|' +
        'unit_?record_?(no|num|number)|urn_?patient|case_?(no|number)_?patient',
    ),
  ),
  negativeNamePatterns: namePatterns(tokens(`${META_TOKENS}|issuer|system|source|format|assigning_?authority|region|trust|prefix`)),
  allowedTypes: ['string', 'other', 'integer'],
  nameRequired: true,
  valueMatcher(value, ctx) {
    const nhs = checkNhsNumber(value);
    if (nhs === 'match') {
      if (ctx) ctx.kind = 'NHS number';
      return 'match';
    }
    if (isRecordNumberShape(value, 5, 15, 4)) {
      if (ctx) ctx.kind = 'record number';
      return 'match';
    }
    return 'nomatch';
  },
  minHits: 3,
  minMatchRate: 0.7,
  minMatchRateNamed: 0.7,
  cardinality: { minDistinct: 3, minDistinctRatio: 0.5 },
  maskStyle: 'last4',
});
