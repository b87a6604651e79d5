import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { compiledPhoneCheck } from './phone-compiled';

/** A small deterministic PRNG (mulberry32), so a failure names a value that reproduces. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Values per region. CI runs 30 (≈ 7,000 values); set PHONE_EQUIVALENCE_PER_REGION
 * (and PHONE_EQUIVALENCE_SEED) to run millions once (`PHONE_EQUIVALENCE_PER_REGION=5000 npx vitest run --project unit <this file>`).
 */
const PER_REGION = Number(process.env.PHONE_EQUIVALENCE_PER_REGION ?? 30);

/** Random numbers near the region's example mobile number (many valid, many one digit off), in the shapes columns hold. */
function corpus(region: CountryCode, random: () => number): string[] {
  const example = (examples as Record<string, string>)[region] ?? '2025550123';
  const callingCode = getCountryCallingCode(region);
  const digit = () => String(Math.floor(random() * 10));
  const values: string[] = [];
  for (let i = 0; i < PER_REGION; i++) {
    // Keep a prefix of the example (its area or mobile prefix), randomise the rest, sometimes one digit more or less.
    const keep = Math.floor(random() * example.length);
    let national = example.slice(0, keep);
    const length = example.length + (random() < 0.2 ? (random() < 0.5 ? -1 : 1) : 0);
    while (national.length < length) national += digit();
    if (random() < 0.1) national = Array.from({ length: 4 + Math.floor(random() * 10) }, digit).join('');
    const groups = national.replace(/(\d{3})(?=\d)/g, '$1 ');
    switch (i % 9) {
      case 6: values.push(`${callingCode}${national}`); break; // the calling code without `+`
      case 7: values.push(`${callingCode} 0${groups}`); break; // … followed by a national prefix
      case 8: values.push(Array.from({ length: 4 }, () => String(Math.floor(random() * 256))).join('.')); break; // an IPv4 address
      case 0: values.push(`+${callingCode}${national}`); break;
      case 1: values.push(`+${callingCode} ${groups}`); break;
      case 2: values.push(national); break;
      case 3: values.push(groups.replace(/ /g, '-')); break;
      case 4: values.push(`(${national.slice(0, 3)}) ${national.slice(3)}`); break;
      default: values.push(`0${groups}`); break; // a national prefix in many regions: left to the library
    }
  }
  return values;
}

describe('the compiled phone validator', () => {
  it('reads a US number, a GB number and a NANP number of another country as libphonenumber does', () => {
    expect(compiledPhoneCheck('(415) 555-2671', 'US')).toEqual({ valid: true, country: 'US', e164: '+14155552671' });
    expect(compiledPhoneCheck('+44 20 7946 0958', 'US')).toEqual({ valid: true, country: 'GB', e164: '+442079460958' });
    expect(compiledPhoneCheck('+1 868 620 1234', 'US')).toMatchObject({ valid: true, country: 'TT' });
    expect(compiledPhoneCheck('555-123-4567', 'US')?.valid).toBe(false);
    // A national prefix is stripped; the region's calling code without `+` is read as the library reads it.
    expect(compiledPhoneCheck('020 7946 0958', 'GB')).toEqual({ valid: true, country: 'GB', e164: '+442079460958' });
    expect(compiledPhoneCheck('1-415-555-2671', 'US')).toEqual({ valid: true, country: 'US', e164: '+14155552671' });
    // An IPv4 address is phone-shaped: read (and found invalid) without the library.
    expect(compiledPhoneCheck('192.168.10.254', 'US')).toEqual({ valid: false, country: 'US', e164: '+1921681025' + '4' });
    // Extensions, letters and the IDD prefix are the library's to read.
    expect(compiledPhoneCheck('415 555 2671 x12', 'US')).toBeUndefined();
    expect(compiledPhoneCheck('011 44 20 7946 0958', 'US')).toBeUndefined();
  });

  it('agrees with libphonenumber (valid, country, E.164) on seeded random numbers of every region, and decides most of them', () => {
    const random = prng(Number(process.env.PHONE_EQUIVALENCE_SEED ?? 11));
    const disagreements: string[] = [];
    let decided = 0;
    let total = 0;
    let valid = 0;
    for (const region of getCountries()) {
      for (const value of corpus(region, random)) {
        total++;
        const fast = compiledPhoneCheck(value, region);
        if (!fast) continue;
        decided++;
        const parsed = parsePhoneNumberFromString(value, { defaultCountry: region, extract: false });
        const libraryValid = parsed?.isValid() ?? false;
        if (fast.valid) valid++;
        const same = fast.valid === libraryValid && (!libraryValid || (fast.country === parsed!.country && fast.e164 === parsed!.number));
        if (!same) disagreements.push(`${region} ${value}: compiled ${JSON.stringify(fast)}, library ${libraryValid} ${parsed?.country} ${parsed?.number}`);
      }
    }
    if (process.env.PHONE_EQUIVALENCE_PER_REGION) console.log(JSON.stringify({ total, decided, valid, disagreements: disagreements.length }));
    expect(disagreements.slice(0, 20)).toEqual([]);
    // Not vacuous: most values are decided here, and many of those are valid numbers.
    expect(decided / total).toBeGreaterThan(0.5);
    expect(valid / decided).toBeGreaterThan(0.2);
  }, Math.max(30_000, PER_REGION * 100)); // the library's parse is the slow half: ~20 s a million values
});
