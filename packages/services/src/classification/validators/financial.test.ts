import { describe, expect, it } from 'vitest';
import { bankAccountKind, isAbaRoutingNumber } from './bank-account';
import { checkNhsNumber, isMedicareMbi, isRecordNumberShape } from './health-ids';
import { checkAuAbn, checkInPan, checkTaxId, checkUsEin, checkUsItin, checkVat } from './tax-id';

describe('tax identifiers', () => {
  it('US EIN: campus prefix', () => {
    expect(checkUsEin('12-3456789', false)).toBe('match');
    expect(checkUsEin('07-1234567', false)).toBe('invalid');
    expect(checkUsEin('00-1234567', false)).toBe('invalid');
    expect(checkUsEin('123456789', false)).toBe('nomatch');
    expect(checkUsEin('123456789', true)).toBe('match');
  });

  it('US ITIN: 9xx with a valid group', () => {
    expect(checkUsItin('912-70-1234')).toBe('match');
    expect(checkUsItin('912-94-1234')).toBe('match');
    expect(checkUsItin('912-40-1234')).toBe('invalid');
    expect(checkUsItin('912-93-1234')).toBe('invalid');
    expect(checkUsItin('812-70-1234')).toBe('nomatch');
  });

  it.each(['DE123456789', 'DE 123 456 789', 'FR40303265045', 'NL123456789B01', 'GB123456789', 'ATU12345678', 'ESX1234567Y', 'IE6388047V', 'CHE-123.456.789 MWST', 'BE0123456789'])(
    'VAT %s',
    (v) => expect(checkVat(v)).toBe('match'),
  );
  it.each(['DE12345678', 'NL123456789A01', 'ATX12345678', 'BE2123456789'])('invalid VAT %s', (v) => expect(checkVat(v)).toBe('invalid'));
  it.each(['XX123456789', 'hello world'])('not VAT: %s', (v) => expect(checkVat(v)).toBe('nomatch'));

  it('Indian PAN holder type', () => {
    expect(checkInPan('ABCPE1234F')).toBe('match');
    expect(checkInPan('abcpe1234f')).toBe('match');
    expect(checkInPan('ABCXE1234F')).toBe('invalid');
    expect(checkInPan('ABCPE12345')).toBe('nomatch');
  });

  it('Australian ABN', () => {
    expect(checkAuAbn('51824753556')).toBe(true);
    expect(checkAuAbn('51824753557')).toBe(false);
  });

  it('checkTaxId: self-describing formats alone, bare digits only when allowed', () => {
    expect(checkTaxId('12-3456789', false)).toEqual({ verdict: 'match', kind: 'US EIN' });
    expect(checkTaxId('DE123456789', false)).toEqual({ verdict: 'match', kind: 'EU VAT' });
    expect(checkTaxId('1234567890', false).verdict).toBe('nomatch');
    expect(checkTaxId('1234567890', true)).toEqual({ verdict: 'match', kind: 'UK UTR' });
    expect(checkTaxId('732829320', true)).toEqual({ verdict: 'match', kind: 'FR SIREN' });
    expect(checkTaxId('73282932000074', true)).toEqual({ verdict: 'match', kind: 'FR SIRET' });
    expect(checkTaxId('51824753556', true)).toEqual({ verdict: 'match', kind: 'AU ABN' });
  });
});

describe('bank accounts', () => {
  it('ABA routing numbers: prefix and 3-7-1 checksum', () => {
    expect(isAbaRoutingNumber('021000021')).toBe(true);
    expect(isAbaRoutingNumber('011000015')).toBe(true);
    expect(isAbaRoutingNumber('021000022')).toBe(false);
    expect(isAbaRoutingNumber('991000011')).toBe(false);
  });

  it('kinds', () => {
    expect(bankAccountKind('021000021')).toBe('ABA routing number');
    expect(bankAccountKind('20-00-00')).toBe('UK sort code');
    expect(bankAccountKind('062-000')).toBe('AU BSB');
    expect(bankAccountKind('12345678')).toBe('account number');
    expect(bankAccountKind('0000000000')).toBeUndefined();
    expect(bankAccountKind('ACC-0001')).toBeUndefined();
    expect(bankAccountKind('12345')).toBeUndefined();
  });
});

describe('health identifiers', () => {
  it('Medicare MBI layout', () => {
    expect(isMedicareMbi('1EG4-TE5-MK73')).toBe(true);
    expect(isMedicareMbi('1EG4TE5MK73')).toBe(true);
    expect(isMedicareMbi('1SG4TE5MK73')).toBe(false); // S is excluded
    expect(isMedicareMbi('0EG4TE5MK73')).toBe(false); // first digit 1–9
    expect(isMedicareMbi('1EG4TE5MK7')).toBe(false);
  });

  it('NHS number mod 11', () => {
    expect(checkNhsNumber('943 476 5919')).toBe('match');
    expect(checkNhsNumber('9434765919')).toBe('match');
    expect(checkNhsNumber('9434765918')).toBe('invalid');
    expect(checkNhsNumber('1111111111')).toBe('invalid');
    expect(checkNhsNumber('94347659')).toBe('nomatch');
  });

  it('record-number shape', () => {
    expect(isRecordNumberShape('MRN-004512', 5, 15, 4)).toBe(true);
    expect(isRecordNumberShape('00451233', 5, 15, 4)).toBe(true);
    expect(isRecordNumberShape('ABCDEF', 5, 15, 4)).toBe(false);
    expect(isRecordNumberShape('11111111', 5, 15, 4)).toBe(false);
    expect(isRecordNumberShape('-12345', 5, 15, 4)).toBe(false);
    expect(isRecordNumberShape('12 345', 5, 15, 4)).toBe(false);
  });
});
