import { describe, expect, it } from 'vitest';
import { matchContext } from '../detector';
import { col, cycle, generate, labels, suggestion } from '../testing';
import { genderDetector } from './gender';

describe('PII.Gender detector', () => {
  it('labels gender words in any case and several languages', () => {
    expect(labels(col('gender', 'string'), cycle(['Male', 'Female', 'female', 'Non-binary', 'MALE'], 100))).toEqual(['PII.Gender']);
    expect(labels(col('c', 'string'), cycle(['male', 'female'], 100))).toEqual(['PII.Gender']);
    expect(labels(col('geschlecht', 'string'), cycle(['männlich', 'weiblich', 'divers'], 90))).toEqual(['PII.Gender']);
    expect(labels(col('sexe', 'other', { dataType: 'USER-DEFINED' }), cycle(['homme', 'femme'], 50))).toEqual(['PII.Gender']);
  });

  it('single-letter codes count only in a gender/sex column', () => {
    const mf = cycle(['M', 'F', 'F', 'M', 'X'], 100);
    expect(labels(col('sex', 'string'), mf)).toEqual(['PII.Gender']);
    expect(labels(col('size', 'string'), cycle(['S', 'M', 'L', 'XL'], 100))).toEqual([]);
    expect(labels(col('type', 'string'), mf)).toEqual([]);
    expect(labels(col('marital_status', 'string'), cycle(['M', 'S', 'D', 'W'], 100))).toEqual([]);
  });

  it('does not label product departments, high-cardinality text or orientation columns', () => {
    expect(labels(col('department', 'string'), cycle(['Men', 'Women', 'Kids', 'Unisex'], 100))).toEqual([]);
    expect(labels(col('gender', 'string'), generate(100, (i) => (i % 2 ? `female ${i}` : 'male')))).toEqual([]);
    // A counter-named column of real gender values is still gender data, at lower confidence.
    const named = suggestion('PII.Gender', col('gender', 'string'), cycle(['male', 'female'], 100))!;
    const counter = suggestion('PII.Gender', col('gender_ratio_label', 'string'), cycle(['male', 'female'], 100))!;
    expect(counter.evidence.nameSignal).toBe('negative');
    expect(counter.confidence).toBeLessThan(named.confidence);
  });

  it('valueMatcher', () => {
    expect(genderDetector.valueMatcher('Female')).toBe('match');
    expect(genderDetector.valueMatcher('F')).toBe('nomatch');
    expect(genderDetector.valueMatcher('F', matchContext({ nameSignal: 'positive' }))).toBe('match');
    expect(genderDetector.valueMatcher('prefer not to say', matchContext({ nameSignal: 'positive' }))).toBe('match');
    expect(genderDetector.valueMatcher('banana')).toBe('nomatch');
  });
});
