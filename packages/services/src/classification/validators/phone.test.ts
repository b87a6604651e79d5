import { getCountries, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { checkPhone, tooShortForRegion } from './phone';

/** What checkPhone answered before the length pre-filter: libphonenumber's own verdict. */
function parsedVerdict(value: string, region: CountryCode) {
  const text = value.startsWith('00') ? '+' + value.slice(2) : value;
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: region, extract: false });
  return parsed?.isValid() ? 'match' : 'invalid';
}

/** A small deterministic PRNG (mulberry32), so a failure names a value that reproduces. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the phone length pre-filter', () => {
  it('calls a 9-digit SSN invalid in the US without parsing (valid lengths there: 7, 10), but not numbers that could be valid', () => {
    expect(tooShortForRegion('340-10-6534', 9, 'US')).toBe(true);
    expect(checkPhone('340-10-6534', 'US', false).verdict).toBe('invalid');
    expect(tooShortForRegion('(415) 555-2671', 10, 'US')).toBe(false);
    // International forms and the US international prefix (011) are never cut short.
    expect(tooShortForRegion('+44 20 7946', 9, 'US')).toBe(false);
    expect(tooShortForRegion('011 44 2079', 9, 'US')).toBe(false);
  });

  it('agrees with libphonenumber on short and national-looking values in every region', () => {
    const random = prng(7);
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
    const disagreements: string[] = [];
    let filtered = 0;
    for (const region of getCountries()) {
      for (let i = 0; i < 40; i++) {
        let v = digits(7 + Math.floor(random() * 6));
        if (i % 5 === 1) v = `${v.slice(0, 3)}-${v.slice(3, 5)}-${v.slice(5)}`;
        if (i % 5 === 2) v = `(${v.slice(0, 3)}) ${v.slice(3)}`;
        if (i % 5 === 3) v = v.replace(/(\d{2,3})/g, '$1.').replace(/\.$/, '');
        if (i % 5 === 4) v = `0${v}`;
        const verdict = checkPhone(v, region, true).verdict;
        if (verdict === 'nomatch') continue;
        if (tooShortForRegion(v, v.replace(/\D/g, '').length, region)) filtered++;
        if (verdict !== parsedVerdict(v, region)) disagreements.push(`${region} ${v}: ${verdict}`);
      }
    }
    expect(disagreements).toEqual([]);
    // The filter does real work: many of these values never reach the parser.
    expect(filtered).toBeGreaterThan(500);
  });
});
