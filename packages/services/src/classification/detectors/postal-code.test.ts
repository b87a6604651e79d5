import { describe, expect, it } from 'vitest';
import { matchContext } from '../detector';
import { col, cycle, generate, labels } from '../testing';
import { postalCodeDetector } from './postal-code';

describe('PII.PostalCode detector', () => {
  it('labels self-describing postcodes without a name', () => {
    expect(labels(col('c', 'string'), generate(60, (i, r) => `${10000 + Math.floor(r() * 89999)}-${String(i).padStart(4, '0')}`))).toEqual(['PII.PostalCode']);
    expect(labels(col('c', 'string'), cycle(['K1A 0B1', 'H2X 1Y4', 'V6B 4Y8', 'M5V 3L9', 'T2P 2M5'], 50))).toEqual(['PII.PostalCode']);
    expect(labels(col('c', 'string'), cycle(['1012 AB', '3511 LX', '2511 CV', '9711 LM'], 50))).toEqual(['PII.PostalCode']);
  });

  it('labels bare digit codes only in a postal-named column', () => {
    const de = generate(100, (_i, r) => String(10000 + Math.floor(r() * 89999)));
    expect(labels(col('plz', 'string'), de)).toEqual(['PII.PostalCode']);
    expect(labels(col('postal_code', 'integer'), de.map(Number))).toEqual(['PII.PostalCode']);
    expect(labels(col('sku', 'string'), de)).toEqual([]);
    expect(labels(col('zip_file', 'string'), cycle(['export.zip', 'backup.zip'], 50))).toEqual([]);
  });

  it('valueMatcher', () => {
    expect(postalCodeDetector.valueMatcher('SW1A 1AA')).toBe('match');
    expect(postalCodeDetector.valueMatcher('75008')).toBe('nomatch');
    expect(postalCodeDetector.valueMatcher('75008', matchContext({ nameSignal: 'positive' }))).toBe('match');
    expect(postalCodeDetector.valueMatcher('hello')).toBe('nomatch');
  });
});
