import { describe, expect, it } from 'vitest';
import { col, cycle, generate, labels } from '../testing';
import { geolocationDetector } from './geolocation';

const lats = generate(100, (_i, r) => Math.round((r() * 140 - 70) * 1e5) / 1e5 + 0.000001);
const lons = generate(100, (_i, r) => Math.round((r() * 340 - 170) * 1e5) / 1e5 + 0.000001);

describe('PII.Geolocation detector', () => {
  it('labels lat/lon decimal columns by name and pairs by value', () => {
    expect(labels(col('latitude', 'decimal'), lats)).toEqual(['PII.Geolocation']);
    expect(labels(col('lng', 'decimal'), lons)).toEqual(['PII.Geolocation']);
    expect(labels(col('c', 'string'), lats.map((a, i) => `${a.toFixed(5)}, ${lons[i]!.toFixed(5)}`))).toEqual(['PII.Geolocation']);
    expect(labels(col('location', 'other', { dataType: 'point' }), lats.map((a, i) => `(${lons[i]!.toFixed(4)},${a.toFixed(4)})`))).toEqual([
      'PII.Geolocation',
    ]);
  });

  it('does not label coarse coordinates, prices, or decimals without a coordinate name', () => {
    expect(labels(col('lat', 'decimal'), cycle([48.8, 51.5, 40.7], 100))).toEqual([]);
    expect(labels(col('price', 'decimal'), lats)).toEqual([]);
    expect(labels(col('lat_precision', 'decimal'), lats)).toEqual([]);
    expect(labels(col('latitude', 'decimal'), lons.map((x) => (Math.abs(x) < 90 ? x + 100 : x)))).toEqual([]); // out of range
  });

  it('valueMatcher', () => {
    expect(geolocationDetector.valueMatcher('48.85661, 2.35222')).toBe('match');
    expect(geolocationDetector.valueMatcher('48.85, 2.35')).toBe('nomatch');
    expect(geolocationDetector.valueMatcher('148.85661, 192.35222')).toBe('invalid');
    expect(geolocationDetector.valueMatcher('48.85661')).toBe('nomatch'); // a lone number needs the name
  });
});
