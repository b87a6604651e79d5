import { describe, expect, it } from 'vitest';
import { col, cycle, generate, labels, NOW } from '../testing';
import { dateOfBirthDetector } from './date-of-birth';

const births = generate(100, (_i, r) => new Date(Date.UTC(1940 + Math.floor(r() * 80), Math.floor(r() * 12), 1 + Math.floor(r() * 28))));

describe('PII.DateOfBirth detector', () => {
  it('labels date, timestamp and text columns with a birth-date name', () => {
    expect(labels(col('date_of_birth', 'date'), births)).toEqual(['PII.DateOfBirth']);
    expect(labels(col('dob', 'timestamp'), births)).toEqual(['PII.DateOfBirth']);
    expect(labels(col('birthDate', 'string'), births.map((d) => d.toISOString().slice(0, 10)))).toEqual(['PII.DateOfBirth']);
    expect(labels(col('geburtsdatum', 'string'), births.map((d) => `${d.getUTCDate()}.${d.getUTCMonth() + 1}.${d.getUTCFullYear()}`))).toEqual([
      'PII.DateOfBirth',
    ]);
  });

  it('never labels dates without a birth-date name, nor birth places', () => {
    expect(labels(col('created_at', 'timestamp'), births)).toEqual([]);
    expect(labels(col('start_date', 'date'), births)).toEqual([]);
    expect(labels(col('birth_place', 'string'), cycle(['Paris', 'Lagos', 'Osaka'], 100))).toEqual([]);
    expect(labels(col('dob', 'integer'), births.map((d) => d.getTime()))).toEqual([]); // the type gate
  });

  it('placeholder and future dates do not count', () => {
    const placeholders = cycle(['1900-01-01', '2099-12-31'], 100);
    expect(labels(col('dob', 'string'), placeholders)).toEqual([]);
  });

  it('valueMatcher', () => {
    const ctx = { nameSignal: 'positive' as const, column: undefined, region: 'US', now: NOW, kind: undefined, state: undefined };
    expect(dateOfBirthDetector.valueMatcher('1985-04-12', ctx)).toBe('match');
    expect(dateOfBirthDetector.valueMatcher('1900-01-01', ctx)).toBe('invalid');
    expect(dateOfBirthDetector.valueMatcher('soon', ctx)).toBe('nomatch');
  });
});
