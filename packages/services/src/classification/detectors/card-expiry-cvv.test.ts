import { describe, expect, it } from 'vitest';
import { col, cycle, generate, labels } from '../testing';
import { cardExpiryDetector } from './card-expiry';
import { cardVerificationCodeDetector } from './card-verification-code';

const expiries = generate(100, (_i, r) => `${String(1 + Math.floor(r() * 12)).padStart(2, '0')}/${25 + Math.floor(r() * 6)}`);

describe('PCI.CardExpiry detector', () => {
  it('labels card-expiry columns', () => {
    expect(labels(col('card_exp', 'string'), expiries)).toEqual(['PCI.CardExpiry']);
    expect(labels(col('expiry_date', 'string'), expiries.map((e) => e.replace('/', '/20')))).toEqual(['PCI.CardExpiry']);
    expect(labels(col('cc_exp_mmyy', 'string'), expiries.map((e) => e.replace('/', '')))).toEqual(['PCI.CardExpiry']);
  });

  it('does not label token or session expiries, timestamps, or unnamed MM/YY strings', () => {
    expect(labels(col('expires_at', 'timestamp'), generate(100, (i) => new Date(1.7e12 + i * 1e8)))).toEqual([]);
    expect(labels(col('token_expiry', 'string'), expiries)).toEqual([]);
    expect(labels(col('period', 'string'), expiries)).toEqual([]);
  });

  it('valueMatcher', () => {
    expect(cardExpiryDetector.valueMatcher('04/27')).toBe('match');
    expect(cardExpiryDetector.valueMatcher('2027-04')).toBe('match');
    expect(cardExpiryDetector.valueMatcher('13/27')).toBe('nomatch');
    expect(cardExpiryDetector.valueMatcher('yesterday')).toBe('nomatch');
  });
});

describe('PCI.CardVerificationCode detector', () => {
  it('labels CVV columns (text or integer)', () => {
    const cvvs = generate(100, (_i, r) => String(Math.floor(r() * 1000)).padStart(3, '0'));
    expect(labels(col('cvv', 'string'), cvvs)).toEqual(['PCI.CardVerificationCode']);
    expect(labels(col('card_cvc', 'integer'), cvvs.map(Number))).toEqual(['PCI.CardVerificationCode']);
  });

  it('needs the name; CVV result codes and random 3-digit numbers are not CVVs', () => {
    const cvvs = generate(100, (_i, r) => String(100 + Math.floor(r() * 900)));
    expect(labels(col('code', 'string'), cvvs)).toEqual([]);
    expect(labels(col('cvv_result', 'string'), cycle(['M', 'N', 'P'], 100))).toEqual([]);
    expect(labels(col('cvv_check', 'string'), cycle(['pass', 'fail'], 100))).toEqual([]);
  });

  it('valueMatcher', () => {
    expect(cardVerificationCodeDetector.valueMatcher('123')).toBe('match');
    expect(cardVerificationCodeDetector.valueMatcher('1234')).toBe('match');
    expect(cardVerificationCodeDetector.valueMatcher('12345')).toBe('nomatch');
    expect(cardVerificationCodeDetector.valueMatcher('abc')).toBe('nomatch');
  });
});
