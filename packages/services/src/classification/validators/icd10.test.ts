import { describe, expect, it } from 'vitest';
import { checkIcd10 } from './icd10';

describe('checkIcd10', () => {
  it.each(['E11.9', 'J45.909', 'I10.0', 'T36.0X1A', 'C4A.0', 'Z3A.12', 'M1A.00', 'U07.1', 'U09.9', 'S72.001A', 'e11.9'])(
    'accepts %s',
    (v) => expect(checkIcd10(v, false)).toEqual({ verdict: 'match', dotted: true }),
  );

  it('accepts undotted codes only when allowed', () => {
    expect(checkIcd10('E119', false).verdict).toBe('nomatch');
    expect(checkIcd10('E119', true)).toEqual({ verdict: 'match', dotted: false });
    expect(checkIcd10('J45', true).verdict).toBe('match');
    expect(checkIcd10('A12', false).verdict).toBe('nomatch');
  });

  it.each([
    ['U99.9', 'U outside the provisional ranges'],
    ['U50.1', 'U outside the provisional ranges'],
    ['C4B.1', 'letter third character outside the known categories'],
    ['E1A.9', 'letter third character outside the known categories'],
  ])('flags %s as invalid (%s)', (v) => expect(checkIcd10(v, false).verdict).toBe('invalid'));

  it.each(['E1.9', '11.9', 'E11.', 'E11.12345', 'hello', 'E11-9', 'V1.2.3'])('ignores %s', (v) =>
    expect(checkIcd10(v, true).verdict).toBe('nomatch'),
  );
});
