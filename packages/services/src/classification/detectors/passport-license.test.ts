import { describe, expect, it } from 'vitest';
import { col, cycle, generate, labels } from '../testing';
import { driverLicenseDetector } from './driver-license';
import { passportDetector } from './passport';

const passports = generate(100, (i, r) => (i % 2 ? String(100000000 + Math.floor(r() * 899999999)) : `${Math.floor(r() * 90 + 10)}AB${Math.floor(r() * 90000 + 10000)}`));
const licences = generate(100, (i, r) => (i % 2 ? `D${Math.floor(r() * 9000000 + 1000000)}` : `A${Math.floor(r() * 900 + 100)}-${Math.floor(r() * 900 + 100)}-${Math.floor(r() * 900 + 100)}`));

describe('PII.Passport detector', () => {
  it('labels passport-named columns of passport-shaped values', () => {
    expect(labels(col('passport_number', 'string'), passports)).toEqual(['PII.Passport']);
    expect(labels(col('passeport', 'string'), passports)).toEqual(['PII.Passport']);
  });

  it('needs the name, and ignores expiry/country columns and low-cardinality codes', () => {
    expect(labels(col('ref', 'string'), passports)).toEqual([]);
    expect(labels(col('passport_expiry', 'date'), generate(100, (i) => new Date(1.9e12 + i * 1e9)))).toEqual([]);
    expect(labels(col('passport_country', 'string'), cycle(['FRA', 'USA', 'GBR'], 100))).toEqual([]);
    expect(labels(col('passport_no', 'string'), cycle(passports.slice(0, 4), 100))).toEqual([]);
  });

  it('valueMatcher', () => {
    expect(passportDetector.valueMatcher('12AB34567')).toBe('match');
    expect(passportDetector.valueMatcher('C01X00T47')).toBe('match');
    expect(passportDetector.valueMatcher('ABCDEFGH')).toBe('nomatch');
    expect(passportDetector.valueMatcher('12345')).toBe('nomatch');
    expect(passportDetector.valueMatcher('1234567890')).toBe('nomatch');
  });
});

describe('PII.DriverLicense detector', () => {
  it('labels licence-named columns', () => {
    expect(labels(col('drivers_license_number', 'string'), licences)).toEqual(['PII.DriverLicense']);
    expect(labels(col('dl_no', 'string'), licences)).toEqual(['PII.DriverLicense']);
  });

  it('does not label software licences, licence classes or states', () => {
    expect(labels(col('license_key', 'string'), licences)).not.toContain('PII.DriverLicense');
    expect(labels(col('driver_license_class', 'string'), cycle(['A', 'B', 'C', 'CDL'], 100))).toEqual([]);
    expect(labels(col('driver_license_state', 'string'), cycle(['CA', 'NY', 'TX'], 100))).toEqual([]);
  });

  it('valueMatcher', () => {
    expect(driverLicenseDetector.valueMatcher('D1234567')).toBe('match');
    expect(driverLicenseDetector.valueMatcher('A123-456-789-012')).toBe('match');
    expect(driverLicenseDetector.valueMatcher('ABCDE')).toBe('nomatch');
    expect(driverLicenseDetector.valueMatcher('-1234567')).toBe('nomatch');
  });
});
