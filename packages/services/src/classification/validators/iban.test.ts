import { describe, expect, it } from 'vitest';
import { checkBic } from './bic';
import { checkIban, IBAN_LENGTHS } from './iban';

describe('checkIban', () => {
  it.each([
    'DE89370400440532013000',
    'DE89 3704 0044 0532 0130 00',
    'GB82WEST12345698765432',
    'GB82 WEST 1234 5698 7654 32',
    'FR1420041010050500013M02606',
    'NL91ABNA0417164300',
    'ES9121000418450200051332',
    'IT60X0542811101000000123456',
    'BE68539007547034',
    'CH9300762011623852957',
    'NO9386011117947',
    'SA0380000000608010167519',
    'MT84MALT011000012345MTLCAST001S',
    'gb82west12345698765432',
  ])('accepts %s', (v) => expect(checkIban(v)).toBe('match'));

  it.each([
    ['GB82WEST12345698765431', 'checksum'],
    ['DE88370400440532013000', 'check digits'],
    ['DE8937040044053201300', 'length for DE'],
    ['FR142004101005050001302606', 'length for FR'],
    ['NL91ABNA0417164301', 'checksum'],
  ])('flags %s as invalid (%s)', (v) => expect(checkIban(v)).toBe('invalid'));

  it.each(['XX89370400440532013000', 'hello world', '1234567890123456', 'DE89-3704-0044-0532-0130-00', ''])(
    'does not treat %s as an IBAN',
    (v) => expect(checkIban(v)).toBe('nomatch'),
  );

  it('knows the registry lengths', () => {
    expect(IBAN_LENGTHS.DE).toBe(22);
    expect(IBAN_LENGTHS.NO).toBe(15);
    expect(IBAN_LENGTHS.MT).toBe(31);
  });
});

describe('checkBic', () => {
  it('accepts real BICs; letter-only 8-char codes are not strong on their own', () => {
    expect(checkBic('DEUTDEFF')).toEqual({ verdict: 'match', strong: false });
    expect(checkBic('COBADEFFXXX')).toEqual({ verdict: 'match', strong: true });
    expect(checkBic('BNPAFRPP')).toEqual({ verdict: 'match', strong: false });
    expect(checkBic('NWBKGB2L')).toEqual({ verdict: 'match', strong: true });
  });
  it('rejects unknown countries, lowercase and wrong lengths', () => {
    expect(checkBic('DEUTXXFF').verdict).toBe('nomatch');
    expect(checkBic('DEUTQQ2L').verdict).toBe('invalid');
    expect(checkBic('deutdeff').verdict).toBe('nomatch');
    expect(checkBic('DEUTDEFF1').verdict).toBe('nomatch');
    expect(checkBic('APPROVED').verdict).toBe('nomatch'); // country OV does not exist
    // BUSI-NE-SS spells a valid shape (NE is Niger): a match, but not strong enough alone.
    expect(checkBic('BUSINESS')).toEqual({ verdict: 'match', strong: false });
  });
});
