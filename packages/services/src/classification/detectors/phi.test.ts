import { describe, expect, it } from 'vitest';
import { matchContext } from '../detector';
import { col, cycle, generate, labels, suggestion } from '../testing';
import { diagnosisDetector } from './diagnosis';
import { healthPlanIdDetector } from './health-plan-id';
import { medicalRecordNumberDetector } from './medical-record-number';

const icd = ['E11.9', 'I10', 'J45.909', 'M54.5', 'F32.9', 'K21.9', 'N39.0', 'R51', 'Z00.00', 'U07.1', 'T36.0X1A', 'S72.001A'];

describe('PHI.Diagnosis detector', () => {
  it('labels ICD-10 columns', () => {
    expect(labels(col('icd10_code', 'string'), cycle(icd, 100))).toEqual(['PHI.Diagnosis']);
    expect(labels(col('primary_dx', 'string'), cycle(icd.map((c) => c.replace('.', '')), 100))).toEqual(['PHI.Diagnosis']);
    expect(labels(col('c', 'string'), cycle(icd.filter((c) => c.includes('.')), 100))).toEqual(['PHI.Diagnosis']);
  });

  it('does not label seat numbers, product codes or version strings', () => {
    expect(labels(col('seat', 'string'), generate(100, (i) => `${'ABCDEF'[i % 6]}${10 + (i % 30)}`))).toEqual([]);
    expect(labels(col('code', 'string'), cycle(['A12', 'B07', 'C33', 'D41', 'E55'], 100))).toEqual([]);
    expect(labels(col('diagnosis_version', 'string'), cycle(['V12.3', 'V12.4'], 100))).toEqual([]);
  });

  it('valueMatcher', () => {
    expect(diagnosisDetector.valueMatcher('E11.9')).toBe('match');
    expect(diagnosisDetector.valueMatcher('E119')).toBe('nomatch');
    expect(diagnosisDetector.valueMatcher('E119', matchContext({ nameSignal: 'positive' }))).toBe('match');
    expect(diagnosisDetector.valueMatcher('U99.9')).toBe('invalid');
  });
});

describe('PHI.MedicalRecordNumber detector', () => {
  it('labels MRN and NHS number columns', () => {
    expect(labels(col('mrn', 'string'), generate(100, (i, r) => `MRN${String(Math.floor(r() * 1e7)).padStart(7, '0')}${i}`))).toEqual([
      'PHI.MedicalRecordNumber',
    ]);
    const nhs = cycle(['943 476 5919', '401 023 2137', '943 476 5870', '999 000 0018'], 8);
    const s = suggestion('PHI.MedicalRecordNumber', col('nhs_number', 'string'), [...nhs, ...generate(20, (i) => `4010232${String(100 + i)}`)]);
    expect(s?.evidence.kinds['NHS number']).toBeGreaterThan(0);
  });

  it('needs the name; integer surrogate keys in other columns are not MRNs', () => {
    expect(labels(col('patient_id', 'integer'), generate(100, (i) => i + 1))).toEqual([]);
    expect(labels(col('record_id', 'string'), generate(100, (i) => `MRN${100000 + i}`))).toEqual([]);
    expect(labels(col('mrn_issuer', 'string'), cycle(['EPIC', 'CERNER'], 100))).toEqual([]);
  });

  it('valueMatcher', () => {
    expect(medicalRecordNumberDetector.valueMatcher('943 476 5919')).toBe('match');
    expect(medicalRecordNumberDetector.valueMatcher('MRN-004512')).toBe('match');
    expect(medicalRecordNumberDetector.valueMatcher('ABCDEF')).toBe('nomatch');
  });
});

describe('PHI.HealthPlanId detector', () => {
  const mbis = generate(100, (_i, r) => {
    const L = 'ACDEFGHJKMNPQRTUVWXY';
    const l = () => L[Math.floor(r() * L.length)]!;
    const d = () => String(Math.floor(r() * 10));
    return `${1 + Math.floor(r() * 9)}${l()}${d()}${d()}${l()}${l()}${d()}${l()}${l()}${d()}${d()}`;
  });

  it('labels Medicare MBIs by value and member ids in insurance tables', () => {
    expect(labels(col('c', 'string'), mbis)).toEqual(['PHI.HealthPlanId']);
    const members = generate(100, (i) => `W${String(100000000 + i * 7919)}`);
    expect(labels(col('member_id', 'string', { table: 'insurance_coverage' }), members)).toEqual(['PHI.HealthPlanId']);
    expect(labels(col('member_id', 'string', { table: 'forum_posts' }), members)).toEqual([]);
  });

  it('valueMatcher', () => {
    expect(healthPlanIdDetector.valueMatcher('1EG4-TE5-MK73')).toBe('match');
    expect(healthPlanIdDetector.valueMatcher('W123456789')).toBe('nomatch');
    expect(healthPlanIdDetector.valueMatcher('W123456789', matchContext({ nameSignal: 'positive' }))).toBe('match');
  });
});
