import { describe, expect, it } from 'vitest';
import { col, cycle, generate, labels } from '../testing';
import { addressDetector } from './address';

const addresses = generate(100, (i, r) =>
  [
    `${1 + Math.floor(r() * 9999)} ${['Main', 'Oak', 'Maple', 'Elm', 'Cedar'][i % 5]} ${['Street', 'St', 'Ave', 'Road', 'Blvd', 'Drive'][i % 6]}`,
    `${1 + Math.floor(r() * 200)} rue de la ${['Paix', 'Gare', 'République'][i % 3]}`,
    `${['Haupt', 'Linden', 'Bahnhof'][i % 3]}straße ${1 + Math.floor(r() * 120)}`,
    `Calle ${['Mayor', 'Real', 'Luna'][i % 3]} ${1 + Math.floor(r() * 90)}`,
    `PO Box ${100 + Math.floor(r() * 9000)}`,
  ][i % 5]!,
);

describe('PII.Address detector', () => {
  it('labels street address lines in several languages', () => {
    expect(labels(col('address_line_1', 'string'), addresses)).toEqual(['PII.Address']);
    expect(labels(col('addr1', 'string'), addresses)).toEqual(['PII.Address']);
    expect(labels(col('shipping', 'string'), addresses)).toEqual(['PII.Address']);
  });

  it('does not label email/IP/wallet "addresses", cities or prose', () => {
    expect(labels(col('ip_address', 'string'), generate(100, (i) => `10.0.${i % 256}.${(i * 7) % 256}`))).not.toContain('PII.Address');
    expect(labels(col('email_address', 'string'), generate(100, (i) => `u${i}@example.com`))).not.toContain('PII.Address');
    expect(labels(col('wallet_address', 'string'), generate(100, (i) => `0x${i.toString(16).padStart(40, 'a')}`))).toEqual([]);
    expect(labels(col('city', 'string'), cycle(['Springfield', 'Portland', 'Salem'], 100))).toEqual([]);
    expect(labels(col('notes', 'string'), cycle(['Delivered to the side door by the main road, 2 parcels left with a neighbour who lives across the street from the customer.'], 100))).toEqual([]);
  });

  it('valueMatcher', () => {
    expect(addressDetector.valueMatcher('221B Baker Street')).toBe('match');
    expect(addressDetector.valueMatcher('Kalverstraat 92')).toBe('match');
    expect(addressDetector.valueMatcher('P.O. Box 1234')).toBe('match');
    expect(addressDetector.valueMatcher('Baker Street')).toBe('nomatch'); // no house number
    expect(addressDetector.valueMatcher('Room 12')).toBe('nomatch');
  });
});
