import { describe, expect, it } from 'vitest';
import { matchContext } from '../detector';
import { col, cycle, generate, labels, ssn, suggestion } from '../testing';
import { matchNationalId, nationalIdDetector } from './national-id';

const ssns = generate(100, (_i, r) => ssn(r));

describe('PII.NationalId detector', () => {
  it('labels formatted SSNs without a name, bare ones only with', () => {
    expect(labels(col('c', 'string'), ssns)).toEqual(['PII.NationalId']);
    const bare = ssns.map((s) => s.replace(/-/g, ''));
    expect(labels(col('ssn', 'string'), bare)).toEqual(['PII.NationalId']);
    expect(labels(col('ssn', 'integer'), bare.map(Number))).toEqual(['PII.NationalId']);
    expect(labels(col('reference', 'string'), bare)).toEqual([]);
    expect(suggestion('PII.NationalId', col('ssn', 'string'), bare)!.evidence.kinds).toEqual({ 'US SSN': 100 });
  });

  it('labels UK NINOs, Spanish DNIs and mixed international ids', () => {
    const ninos = generate(50, (i) => `${['AB', 'CE', 'JG', 'PA', 'HT'][i % 5]}${String(100000 + i * 7919).slice(0, 6)}${'ABCD'[i % 4]}`);
    expect(labels(col('ni_number', 'string'), ninos)).toEqual(['PII.NationalId']);
    const mixed = cycle(['12345678Z', 'X1234567L', 'RSSMRA85T10A562S', '185057800608491', '529.982.247-25', '2341 2341 2346', 'AB123456C'], 70);
    expect(labels(col('national_id', 'string'), mixed)).toEqual([]); // 7 distinct of 70: a code list, not an id column
    const s = suggestion('PII.NationalId', col('national_id', 'string'), [...mixed.slice(0, 7), ...ssns.slice(0, 10)])!;
    expect(Object.keys(s.evidence.kinds)).toEqual(expect.arrayContaining(['ES DNI/NIE', 'IT codice fiscale', 'FR NIR', 'BR CPF', 'IN Aadhaar', 'UK NINO', 'US SSN']));
  });

  it('invalid SSNs do not make an SSN column', () => {
    const invalid = cycle(['000-12-3456', '666-12-3456', '900-12-3456', '123-00-4567', '123-45-0000', '078-05-1120', '219-09-9999', '123-45-6789'], 100);
    expect(labels(col('ssn', 'string'), invalid)).toEqual([]);
    const mixedInvalid = [...ssns.slice(0, 50), ...invalid.slice(0, 50)];
    const s = suggestion('PII.NationalId', col('ssn', 'string'), mixedInvalid)!;
    expect(s.evidence.invalid).toBe(50);
    expect(s.evidence.validatorPassRate).toBe(0.5);
  });

  it('uses the scheme the name points at for bare digits', () => {
    const named = matchContext({ nameSignal: 'positive', state: 'US SSN' });
    expect(matchNationalId('111222333', named)).toBe('match'); // valid SSN digits
    expect(matchNationalId('900222333', named)).toBe('invalid');
    const bsn = matchContext({ nameSignal: 'positive', state: 'NL BSN' });
    expect(matchNationalId('123456782', bsn)).toBe('match');
    expect(bsn.kind).toBe('NL BSN');
  });

  it('does not label counts, last-4 columns, flags or phone numbers', () => {
    expect(labels(col('ssn_last4', 'string'), generate(100, (i) => String(1000 + i)))).toEqual([]);
    expect(labels(col('ssn_verified', 'boolean'), cycle([true, false], 100))).toEqual([]);
    expect(labels(col('phone', 'string'), generate(100, (i) => `(202) 555-${String(1000 + i)}`))).not.toContain('PII.NationalId');
  });

  it('finds SSNs inside free text at low confidence', () => {
    const notes = generate(50, (i, r) => (i % 3 === 0 ? `Verified identity with SSN ${ssn(r)} on call.` : 'Left voicemail.'));
    const s = suggestion('PII.NationalId', col('notes', 'string'), notes)!;
    expect(s.evidence.matchMode).toBe('contains');
    expect(s.confidence).toBeLessThanOrEqual(0.5);
  });

  it('valueMatcher', () => {
    expect(nationalIdDetector.valueMatcher('536-90-4399')).toBe('match');
    expect(nationalIdDetector.valueMatcher('078-05-1120')).toBe('invalid');
    expect(nationalIdDetector.valueMatcher('536904399')).toBe('nomatch');
    expect(nationalIdDetector.valueMatcher('hello there')).toBe('nomatch');
  });
});
