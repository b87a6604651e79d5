import { describe, expect, it } from 'vitest';
import {
  checkBrCpf,
  checkCaSin,
  checkEsDniNie,
  checkFrNir,
  checkInAadhaar,
  checkItCodiceFiscale,
  checkNlBsn,
} from './national-ids';
import { checkUkNino } from './uk-nino';
import { checkUsSsn, ssnRulesValid } from './us-ssn';

describe('US SSN', () => {
  it.each(['123-45-6788', '001-01-0001', '665-99-9999', '667-12-3456', '899-99-9999', '536 90 4399'])('accepts %s', (v) =>
    expect(checkUsSsn(v)).toBe('match'),
  );

  it.each([
    ['000-12-3456', 'area 000'],
    ['666-12-3456', 'area 666'],
    ['900-12-3456', 'area 9xx (ITIN range)'],
    ['987-65-4320', 'advertising range'],
    ['123-00-4567', 'group 00'],
    ['123-45-0000', 'serial 0000'],
    ['078-05-1120', 'Woolworth wallet card'],
    ['219-09-9999', 'SSA pamphlet'],
    ['123-45-6789', 'canonical placeholder'],
    ['111-11-1111', 'repeated digit'],
  ])('rejects %s (%s)', (v) => expect(checkUsSsn(v)).toBe('invalid'));

  it('reads bare 9-digit numbers only when allowed', () => {
    expect(checkUsSsn('536904399')).toBe('nomatch');
    expect(checkUsSsn('536904399', true)).toBe('match');
    expect(checkUsSsn('000904399', true)).toBe('invalid');
  });

  it('ignores other shapes', () => {
    for (const v of ['123-456-789', '12-345-6789', '123-45-67890', '123-45 6789', 'abc-de-fghi']) expect(checkUsSsn(v)).toBe('nomatch');
  });

  it('applies the rules to digits', () => {
    expect(ssnRulesValid('536904399')).toBe(true);
    expect(ssnRulesValid('666904399')).toBe(false);
  });
});

describe('UK NINO', () => {
  it.each(['AB123456C', 'AB 12 34 56 C', 'JG103759A', 'ce123456d', 'PA123456B'])('accepts %s', (v) =>
    expect(checkUkNino(v)).toBe('match'),
  );

  it.each([
    ['DA123456A', 'first letter D'],
    ['FA123456A', 'first letter F'],
    ['QQ123456C', 'first letter Q (the documentation example)'],
    ['UA123456A', 'first letter U'],
    ['AO123456A', 'second letter O'],
    ['AV123456A', 'second letter V'],
    ['BG123456A', 'prefix BG'],
    ['GB123456A', 'prefix GB'],
    ['KN123456A', 'prefix KN'],
    ['NK123456A', 'prefix NK'],
    ['NT123456A', 'prefix NT'],
    ['TN123456A', 'prefix TN'],
    ['ZZ123456A', 'prefix ZZ'],
    ['AB123456E', 'suffix E'],
  ])('rejects %s (%s)', (v) => expect(checkUkNino(v)).toBe('invalid'));

  it.each(['AB12345C', 'A1123456C', 'AB1234567', 'hello world'])('ignores %s', (v) => expect(checkUkNino(v)).toBe('nomatch'));
});

describe('other national identifiers', () => {
  it('Canadian SIN: Luhn, formatted or (when allowed) bare', () => {
    expect(checkCaSin('130 692 544', false)).toBe('match');
    expect(checkCaSin('130-692-544', false)).toBe('match');
    expect(checkCaSin('130692544', false)).toBe('nomatch');
    expect(checkCaSin('130692544', true)).toBe('match');
    expect(checkCaSin('130 692 545', false)).toBe('invalid');
    // 046 454 286 is the Government of Canada's fictitious example: Luhn-valid, but 0xx is never issued.
    expect(checkCaSin('046 454 286', false)).toBe('invalid');
    expect(checkCaSin('846 454 286', false)).toBe('invalid');
  });

  it('Spanish DNI and NIE check letters', () => {
    expect(checkEsDniNie('12345678Z')).toBe('match');
    expect(checkEsDniNie('12345678-Z')).toBe('match');
    expect(checkEsDniNie('X1234567L')).toBe('match');
    expect(checkEsDniNie('12345678A')).toBe('invalid');
    expect(checkEsDniNie('X1234567A')).toBe('invalid');
    expect(checkEsDniNie('1234567Z')).toBe('nomatch');
  });

  it('French NIR key, including Corsica', () => {
    expect(checkFrNir('185057800608491')).toBe('match');
    expect(checkFrNir('1 85 05 78 006 084 91')).toBe('match');
    expect(checkFrNir('1750319123456' .replace('19123', '2A123') + '06')).toBe('match');
    expect(checkFrNir('185057800608492')).toBe('invalid');
    expect(checkFrNir('185157800608491')).toBe('invalid'); // month 15
    expect(checkFrNir('385057800608491')).toBe('nomatch'); // sex digit 3
  });

  it('Dutch BSN 11-proof, only when bare digits are allowed', () => {
    expect(checkNlBsn('111222333', true)).toBe('match');
    expect(checkNlBsn('123456782', true)).toBe('match');
    expect(checkNlBsn('123456789', true)).toBe('invalid');
    expect(checkNlBsn('111222333', false)).toBe('nomatch');
  });

  it('Indian Aadhaar Verhoeff', () => {
    expect(checkInAadhaar('2341 2341 2346', false)).toBe('match');
    expect(checkInAadhaar('499187654323', true)).toBe('match');
    expect(checkInAadhaar('2341 2341 2347', false)).toBe('invalid');
    expect(checkInAadhaar('1341 2341 2346', false)).toBe('invalid');
    expect(checkInAadhaar('499187654323', false)).toBe('nomatch');
  });

  it('Italian codice fiscale check character and month letter', () => {
    expect(checkItCodiceFiscale('RSSMRA85T10A562S')).toBe('match');
    expect(checkItCodiceFiscale('bncgvn80a01h501j')).toBe('match');
    expect(checkItCodiceFiscale('RSSMRA85T10A562T')).toBe('invalid');
    expect(checkItCodiceFiscale('RSSMRA85F10A562S')).toBe('invalid'); // F is not a month letter
    expect(checkItCodiceFiscale('RSSMRA85T10A56')).toBe('nomatch');
  });

  it('Brazilian CPF check digits', () => {
    expect(checkBrCpf('529.982.247-25', false)).toBe('match');
    expect(checkBrCpf('11144477735', true)).toBe('match');
    expect(checkBrCpf('529.982.247-26', false)).toBe('invalid');
    expect(checkBrCpf('111.111.111-11', false)).toBe('invalid');
    expect(checkBrCpf('52998224725', false)).toBe('nomatch');
  });
});
