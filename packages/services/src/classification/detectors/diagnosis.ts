import { defineDetector, namePatterns, tokens } from '../detector';
import { checkIcd10 } from '../validators/icd10';
import { TEXT_TYPES } from './common';

export const diagnosisDetector = defineDetector({
  id: 'builtin.diagnosis',
  label: 'PHI.Diagnosis',
  version: 1,
  noun: 'ICD-10 diagnosis codes',
  validation: 'ICD-10 code shape (letter, 2 digits, optional subdivision; U only for U00–U49/U82–U85); undotted codes only in a diagnosis-named column',
  namePatterns: namePatterns(
    tokens(
      'diag|diags|diagnosis|diagnoses|diagnosis_?codes?|diag_?codes?|dx|dxs|dx_?codes?|dx[0-9]+|icd|icd_?10|icd10|' +
        'icd_?codes?|icd_?10_?(cm_?)?codes?|condition_?codes?|primary_?dx|secondary_?dx|admitting_?dx|' +
        'principal_?diagnosis|problem_?codes?|cie_?10|cim_?10|reason_?for_?visit_?code',
    ),
  ),
  // V12.3 is a valid ICD-10 code (pedestrian injured in a collision) and an ordinary version string.
  vetoNamePatterns: namePatterns(tokens('version|versions|ver|release|build|revision|rev|firmware|semver')),
  negativeNamePatterns: namePatterns(
    tokens(
      'version|ver|count|cnt|type|status|is|has|flag|at|date|time|desc|description|text|name|label|display|system|' +
        'message|log|logs|level|tool|mode|report|id|ids',
    ),
  ),
  allowedTypes: TEXT_TYPES,
  valueMatcher(value, ctx) {
    const r = checkIcd10(value, ctx?.nameSignal === 'positive');
    if (r.verdict === 'match' && ctx) ctx.kind = r.dotted ? 'ICD-10 code' : 'ICD-10 code (undotted)';
    return r.verdict;
  },
  minHits: 3,
  minMatchRate: 0.6,
  minMatchRateNamed: 0.5,
  cardinality: { minDistinct: 2 },
  maskStyle: 'category',
});
