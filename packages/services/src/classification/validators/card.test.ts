import { describe, expect, it } from 'vitest';
import { cardDigits, cardIssuer, checkCardNumber } from './card';
import { luhnValid } from './checksums';

describe('luhnValid', () => {
  it.each([
    '4111111111111111', '4242424242424242', '4012888888881881', '4222222222222', '5555555555554444',
    '5105105105105100', '2223003122003222', '378282246310005', '371449635398431', '6011111111111117',
    '6011000990139424', '3530111333300000', '3566002020360505', '30569309025904', '38520000023237',
    '6200000000000005', '6205500000000000004', '046454286', '79927398713',
  ])('accepts %s', (n) => expect(luhnValid(n)).toBe(true));

  it.each(['4111111111111112', '79927398710', '1234567812345678', '', '4111-1111'])('rejects %s', (n) =>
    expect(luhnValid(n)).toBe(false),
  );
});

describe('cardIssuer', () => {
  it.each([
    ['4111111111111111', 'Visa'],
    ['4222222222222', 'Visa'],
    ['5555555555554444', 'Mastercard'],
    ['2223003122003222', 'Mastercard'],
    ['2720990000000000', 'Mastercard'],
    ['378282246310005', 'American Express'],
    ['340000000000009', 'American Express'],
    ['6011111111111117', 'Discover'],
    ['6445644564456445', 'Discover'],
    ['6221260000000000', 'Discover'],
    ['3530111333300000', 'JCB'],
    ['30569309025904', 'Diners Club'],
    ['36227206271667', 'Diners Club'],
    ['6200000000000005', 'UnionPay'],
    ['6759649826438453', 'Maestro'],
    ['5018000000000009', 'Maestro'],
    ['2200000000000004', 'Mir'],
  ])('%s is %s', (n, issuer) => expect(cardIssuer(n)).toBe(issuer));

  it.each([
    ['1700000000000', 'epoch ms (starts with 1)'],
    ['1700000000000000', 'epoch µs'],
    ['41111111111111', 'Visa prefix, 14 digits'],
    ['55555555555544', 'Mastercard prefix, 14 digits'],
    ['3782822463100051', 'Amex prefix, 16 digits'],
    ['9111111111111111', 'no issuer starts with 9'],
    ['2100000000000000', 'below the 2-series range'],
    ['411111111111', 'Visa prefix, 12 digits'],
  ])('%s has no issuer (%s)', (n) => expect(cardIssuer(n)).toBeUndefined());
});

describe('cardDigits', () => {
  it('accepts contiguous or consistently grouped digits', () => {
    expect(cardDigits('4111 1111 1111 1111')).toBe('4111111111111111');
    expect(cardDigits('4111-1111-1111-1111')).toBe('4111111111111111');
    expect(cardDigits('3782 822463 10005')).toBe('378282246310005');
  });
  it('rejects other characters, double separators and trailing separators', () => {
    expect(cardDigits('4111 1111 1111 111x')).toBeUndefined();
    expect(cardDigits('4111  1111 1111 1111')).toBeUndefined();
    expect(cardDigits('4111111111111111-')).toBeUndefined();
    expect(cardDigits('4111.1111.1111.1111')).toBeUndefined();
    expect(cardDigits('12345')).toBeUndefined();
  });
});

describe('checkCardNumber', () => {
  it('matches issuer + Luhn, flags issuer-shaped numbers that fail Luhn, ignores the rest', () => {
    expect(checkCardNumber('4111 1111 1111 1111')).toEqual({ verdict: 'match', issuer: 'Visa' });
    expect(checkCardNumber('4111111111111112')).toEqual({ verdict: 'invalid', issuer: 'Visa' });
    expect(checkCardNumber('1700000000017').verdict).toBe('nomatch');
    expect(checkCardNumber('hello').verdict).toBe('nomatch');
  });
});
