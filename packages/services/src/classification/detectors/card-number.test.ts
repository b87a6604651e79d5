import { describe, expect, it } from 'vitest';
import { cardNumber, col, cycle, digits, generate, labels, suggestion } from '../testing';
import { cardNumberDetector } from './card-number';

const PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['4', 16], ['51', 16], ['55', 16], ['2221', 16], ['2720', 16], ['34', 15], ['37', 15], ['6011', 16], ['65', 16],
  ['3528', 16], ['36', 14], ['62', 16], ['6759', 16], ['4', 19],
];
const cards = generate(100, (i, r) => cardNumber(PREFIXES[i % PREFIXES.length]![0], PREFIXES[i % PREFIXES.length]![1], r));

describe('PCI.CardNumber detector', () => {
  it('labels card numbers of every issuer, grouped or not, named or not', () => {
    expect(labels(col('card_number', 'string'), cards)).toEqual(['PCI.CardNumber']);
    expect(labels(col('c', 'string'), cards)).toEqual(['PCI.CardNumber']);
    const grouped = cards.map((c) => c.replace(/(\d{4})(?=\d)/g, '$1 '));
    expect(labels(col('pan', 'string'), grouped)).toEqual(['PCI.CardNumber']);
    const s = suggestion('PCI.CardNumber', col('pan', 'string'), cards)!;
    expect(Object.keys(s.evidence.kinds)).toEqual(
      expect.arrayContaining(['Visa', 'Mastercard', 'American Express', 'Discover', 'JCB', 'Diners Club', 'UnionPay', 'Maestro']),
    );
    expect(s.evidence.maskedExamples.every((m) => /^\*+\d{4}$/.test(m))).toBe(true);
  });

  it('labels cards stored as numeric/bigint', () => {
    expect(labels(col('cc', 'decimal', { dataType: 'numeric(19,0)' }), cards.map((c) => BigInt(c)))).toEqual(['PCI.CardNumber']);
  });

  it('random 16-digit numbers in issuer ranges mostly fail Luhn: no label, invalid counted', () => {
    const random = generate(100, (_i, r) => `4${String(Math.floor(r() * 1e15)).padStart(15, '0')}`);
    const s = suggestion('PCI.CardNumber', col('c', 'string'), random);
    expect(s === undefined || s.evidence.matchMode === 'contains').toBe(true);
    expect(labels(col('c', 'string'), random, { includeContains: false })).toEqual([]);
  });

  it('does not label a repeated test card, card counts, brands or last-4 columns', () => {
    expect(labels(col('card_number', 'string'), cycle(['4242424242424242'], 100))).toEqual([]);
    expect(labels(col('card_count', 'integer'), generate(100, (i) => i % 5))).toEqual([]);
    expect(labels(col('card_brand', 'string'), cycle(['visa', 'mastercard', 'amex'], 100))).toEqual([]);
    expect(labels(col('card_last4', 'string'), generate(100, (i) => String(1000 + i)))).toEqual([]);
    expect(labels(col('created_at', 'timestamp'), generate(100, (i) => new Date(1.7e12 + i)))).toEqual([]);
  });

  it('finds card numbers in free text', () => {
    const notes = generate(60, (i, r) => (i % 4 === 0 ? `Customer read out card ${cardNumber('4', 16, r)} over the phone` : 'ok'));
    const s = suggestion('PCI.CardNumber', col('notes', 'string'), notes)!;
    expect(s.evidence.matchMode).toBe('contains');
  });

  it('does not take the digits inside IBANs or codes for card numbers', () => {
    // Each of these IBANs' digit run after the bank code is a Luhn-valid Diners Club number (36…, 14 digits).
    const luhnIbans = generate(400, (_i, r) => `GB${String(10 + Math.floor(r() * 89))}NWBK36${digits(r, 12)}`).filter((v) => {
      const run = v.slice(8);
      return cardNumberDetector.valueMatcher(run) === 'match';
    });
    expect(luhnIbans.length).toBeGreaterThan(10);
    expect(labels(col('iban', 'string'), luhnIbans)).toEqual([]);
    expect(labels(col('notes', 'string'), luhnIbans.map((v) => `paid from ${v} today`))).toEqual([]);
  });

  it('valueMatcher', () => {
    expect(cardNumberDetector.valueMatcher('4111 1111 1111 1111')).toBe('match');
    expect(cardNumberDetector.valueMatcher('4111111111111112')).toBe('invalid');
    expect(cardNumberDetector.valueMatcher('1700000000000')).toBe('nomatch');
    expect(cardNumberDetector.valueMatcher('1700000000017')).toBe('nomatch');
  });
});
