/**
 * Postal codes. Some formats identify themselves (US ZIP+4, UK, Canada,
 * Netherlands); bare 4–5 digit codes (US ZIP, DE, FR, ES, IT, AT, CH, AU…)
 * are indistinguishable from any other small number, so they are returned
 * as `ambiguous` and a caller counts them only with a postal-looking column name.
 */
export type PostalKind = 'US ZIP+4' | 'UK postcode' | 'CA postal code' | 'NL postcode' | 'ambiguous';

const ZIP4 = /^[0-9]{5}-[0-9]{4}$/;
// Royal Mail format: outward code (area letters, district digit(s), optional letter) and inward code.
const UK = /^(?:GIR ?0AA|[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRV-Y]) [0-9][ABD-HJLNP-UW-Z]{2})$/;
const UK_NOSPACE = /^(?:[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRV-Y])[0-9][ABD-HJLNP-UW-Z]{2})$/;
// Canada Post: no D, F, I, O, Q, U anywhere; no W or Z first.
const CA = /^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]$/;
const NL = /^[1-9][0-9]{3} ?(?!SA|SD|SS)[A-Z]{2}$/;
const DIGITS = /^[0-9]{4,5}$/;
// Other dash formats (BR 01310-100, PL 00-950, PT 1000-001, JP 100-0001) look like phone fragments.
const DASHED = /^(?:[0-9]{5}-[0-9]{3}|[0-9]{2}-[0-9]{3}|[0-9]{4}-[0-9]{3}|[0-9]{3}-[0-9]{4})$/;

export function postalCodeKind(value: string): PostalKind | undefined {
  const n = value.length;
  if (n < 4 || n > 10) return undefined;
  if (DIGITS.test(value)) return value === '00000' || value === '0000' ? undefined : 'ambiguous';
  if (ZIP4.test(value)) return 'US ZIP+4';
  const up = value.toUpperCase();
  if (UK.test(up)) return 'UK postcode';
  if (CA.test(up)) return 'CA postal code';
  if (NL.test(up)) return 'NL postcode';
  if (UK_NOSPACE.test(up) || DASHED.test(value)) return 'ambiguous';
  return undefined;
}
