import { describe, expect, it } from 'vitest';
import { matchContext } from '../detector';
import { col, cycle, digits, generate, iban, labels, suggestion } from '../testing';
import { bicDetector } from './bic';
import { ibanDetector } from './iban';

const ibans = generate(100, (i, r) =>
  [iban('DE', digits(r, 18)), iban('FR', digits(r, 23)), iban('GB', `NWBK${digits(r, 14)}`), iban('NL', `ABNA${digits(r, 10)}`), iban('ES', digits(r, 20))][i % 5]!,
);

describe('Financial.IBAN detector', () => {
  it('labels IBAN columns, compact or grouped', () => {
    expect(labels(col('iban', 'string'), ibans)).toEqual(['Financial.IBAN']);
    expect(labels(col('c', 'string'), ibans.map((v) => v.replace(/(.{4})(?=.)/g, '$1 ')))).toEqual(['Financial.IBAN']);
  });

  it('wrong check digits are invalid; a column of them is not labelled', () => {
    const broken = ibans.map((v) => v.slice(0, 2) + (v[2] === '9' ? '1' : '9') + v.slice(3));
    expect(labels(col('iban', 'string'), broken)).toEqual([]);
    const s = suggestion('Financial.IBAN', col('iban', 'string'), [...ibans.slice(0, 60), ...broken.slice(0, 40)])!;
    expect(s.evidence.invalid).toBe(40);
  });

  it('does not label BIC or country columns', () => {
    expect(labels(col('iban_country', 'string'), cycle(['DE', 'FR'], 100))).toEqual([]);
  });

  it('finds IBANs in payment references', () => {
    const refs = generate(60, (i, r) => (i % 3 === 0 ? `Refund to ${iban('DE', digits(r, 18))} requested` : 'Paid by card'));
    expect(suggestion('Financial.IBAN', col('memo', 'string'), refs)!.evidence.matchMode).toBe('contains');
  });

  it('valueMatcher', () => {
    expect(ibanDetector.valueMatcher('DE89 3704 0044 0532 0130 00')).toBe('match');
    expect(ibanDetector.valueMatcher('DE89370400440532013001')).toBe('invalid');
    expect(ibanDetector.valueMatcher('hello')).toBe('nomatch');
  });
});

describe('Financial.BIC detector', () => {
  const bics = cycle(['DEUTDEFF', 'COBADEFFXXX', 'BNPAFRPP', 'NWBKGB2L', 'CHASUS33', 'HSBCHKHHHKH', 'INGBNL2A', 'RABONL2U', 'BARCGB22', 'UBSWCHZH80A'], 100);

  it('labels BIC columns', () => {
    expect(labels(col('swift_code', 'string'), bics)).toEqual(['Financial.BIC']);
  });

  it('letter-only 8-char values need the name; uppercase words are not BICs', () => {
    const letterOnly = cycle(['DEUTDEFF', 'BNPAFRPP', 'CHASUSUS', 'SOGEFRPP', 'BKAUATWW'], 100);
    expect(labels(col('bic', 'string'), letterOnly)).toEqual(['Financial.BIC']);
    expect(labels(col('status', 'string'), cycle(['BUSINESS', 'APPROVED', 'CANCELED', 'PENDING'], 100))).toEqual([]);
  });

  it('valueMatcher', () => {
    expect(bicDetector.valueMatcher('NWBKGB2L')).toBe('match');
    expect(bicDetector.valueMatcher('DEUTDEFF')).toBe('nomatch');
    expect(bicDetector.valueMatcher('DEUTDEFF', matchContext({ nameSignal: 'positive' }))).toBe('match');
    expect(bicDetector.valueMatcher('DEUTQQ2L')).toBe('invalid');
  });
});
