import { describe, expect, it } from 'vitest';
import { matchContext } from '../detector';
import { col, cycle, generate, labels, suggestion } from '../testing';
import { phoneDetector } from './phone';

const AREA = ['202', '212', '415', '312', '617', '713', '305', '206'];
const us = generate(100, (i, r) => `(${AREA[i % AREA.length]}) ${2 + Math.floor(r() * 7)}${Math.floor(r() * 10)}${Math.floor(r() * 10)}-${String(Math.floor(r() * 10000)).padStart(4, '0')}`);
const intl = generate(100, (i, r) =>
  [`+44 20 7${Math.floor(r() * 900 + 100)} ${String(Math.floor(r() * 10000)).padStart(4, '0')}`, `+33 6 ${Math.floor(r() * 90 + 10)} ${Math.floor(r() * 90 + 10)} ${Math.floor(r() * 90 + 10)} ${Math.floor(r() * 90 + 10)}`, `+1 415 ${Math.floor(r() * 700 + 200)} ${String(Math.floor(r() * 10000)).padStart(4, '0')}`][i % 3]!,
);

describe('PII.Phone detector', () => {
  it('labels formatted national and international numbers', () => {
    expect(labels(col('phone', 'string'), us)).toEqual(['PII.Phone']);
    expect(labels(col('x1', 'string'), us)).toEqual(['PII.Phone']);
    expect(labels(col('mobile', 'string'), intl)).toEqual(['PII.Phone']);
    const s = suggestion('PII.Phone', col('contact', 'string'), intl)!;
    expect(Object.keys(s.evidence.kinds).sort()).toEqual(['FR', 'GB', 'US']);
  });

  it('reads national numbers in the region guessed from the sample or configured', () => {
    const fr = generate(100, (i, r) => (i < 10 ? '+33 1 42 68 53 00' : `06 ${Math.floor(r() * 90 + 10)} ${Math.floor(r() * 90 + 10)} ${Math.floor(r() * 90 + 10)} ${Math.floor(r() * 90 + 10)}`));
    expect(labels(col('telephone', 'string'), fr)).toEqual(['PII.Phone']);
    const frOnly = fr.slice(10);
    expect(labels(col('x', 'string'), frOnly)).toEqual([]);
    expect(labels(col('x', 'string'), frOnly, { defaultRegion: 'FR' })).toEqual(['PII.Phone']);
  });

  it('bare digits count only with a phone-looking name', () => {
    const bare = us.map((p) => p.replace(/\D/g, ''));
    expect(labels(col('phone_number', 'string'), bare)).toEqual(['PII.Phone']);
    expect(labels(col('phone_number', 'integer', { dataType: 'bigint' }), bare.map(Number))).toEqual(['PII.Phone']);
    expect(labels(col('order_number', 'string'), bare)).toEqual([]);
    expect(labels(col('amount', 'integer'), bare.map(Number))).toEqual([]);
  });

  it('does not label country calling codes, extensions or opt-in flags', () => {
    expect(labels(col('phone_country_code', 'string'), cycle(['+1', '+44', '+33'], 100))).toEqual([]);
    expect(labels(col('phone_ext', 'string'), cycle(['12', '345', '7'], 100))).toEqual([]);
    expect(labels(col('phone_opt_in', 'boolean'), cycle([true, false], 100))).toEqual([]);
    expect(labels(col('created_at', 'string'), generate(100, (i) => String(1_700_000_000 + i * 977)))).toEqual([]);
  });

  it('valueMatcher', () => {
    const named = matchContext({ nameSignal: 'positive' });
    expect(phoneDetector.valueMatcher('+1 202 456 1111')).toBe('match');
    expect(phoneDetector.valueMatcher('2024561111')).toBe('nomatch');
    expect(phoneDetector.valueMatcher('2024561111', named)).toBe('match');
    expect(named.kind).toBe('US');
    expect(phoneDetector.valueMatcher('+1 555 000 0000')).toBe('invalid');
    expect(phoneDetector.valueMatcher('call me')).toBe('nomatch');
  });
});
