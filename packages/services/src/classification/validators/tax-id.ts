import type { Verdict } from './card';
import { isDigits, luhnValid } from './checksums';

/** IRS campus prefixes that are assigned; 00, 07–09, 17–19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97 are not. */
const EIN_PREFIXES = new Set(
  '01 02 03 04 05 06 10 11 12 13 14 15 16 20 21 22 23 24 25 26 27 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 71 72 73 74 75 76 77 80 81 82 83 84 85 86 87 88 90 91 92 93 94 95 98 99'.split(
    ' ',
  ),
);

/** EU (and GB/CH/NO) VAT number bodies after the 2-letter prefix, separators removed. */
const VAT: Readonly<Record<string, RegExp>> = {
  AT: /^U[0-9]{8}$/, BE: /^[01][0-9]{9}$/, BG: /^[0-9]{9,10}$/, CY: /^[0-9]{8}[A-Z]$/, CZ: /^[0-9]{8,10}$/,
  DE: /^[0-9]{9}$/, DK: /^[0-9]{8}$/, EE: /^[0-9]{9}$/, EL: /^[0-9]{9}$/, ES: /^(?=.*[A-Z])[A-Z0-9][0-9]{7}[A-Z0-9]$/,
  FI: /^[0-9]{8}$/, FR: /^[0-9A-HJ-NP-Z]{2}[0-9]{9}$/, HR: /^[0-9]{11}$/, HU: /^[0-9]{8}$/,
  IE: /^(?:[0-9]{7}[A-W][A-I]?|[0-9][A-Z+*][0-9]{5}[A-W])$/, IT: /^[0-9]{11}$/, LT: /^(?:[0-9]{9}|[0-9]{12})$/,
  LU: /^[0-9]{8}$/, LV: /^[0-9]{11}$/, MT: /^[0-9]{8}$/, NL: /^[0-9]{9}B[0-9]{2}$/, PL: /^[0-9]{10}$/,
  PT: /^[0-9]{9}$/, RO: /^[1-9][0-9]{5,9}$/, SE: /^[0-9]{10}01$/, SI: /^[0-9]{8}$/, SK: /^[0-9]{10}$/,
  GB: /^(?:[0-9]{9}|[0-9]{12}|GD[0-4][0-9]{2}|HA[5-9][0-9]{2})$/, XI: /^(?:[0-9]{9}|[0-9]{12})$/,
  CHE: /^[0-9]{9}(?:MWST|TVA|IVA)?$/, NO: /^[0-9]{9}MVA$/,
};

export type TaxIdKind = 'US EIN' | 'US ITIN' | 'EU VAT' | 'UK UTR' | 'IN PAN' | 'FR SIREN' | 'FR SIRET' | 'AU ABN';

export interface TaxIdCheck {
  verdict: Verdict;
  kind?: TaxIdKind;
}

const NO: TaxIdCheck = { verdict: 'nomatch' };

/** US EIN `NN-NNNNNNN` with an assigned campus prefix (bare 9 digits only when `allowBare`). */
export function checkUsEin(value: string, allowBare: boolean): Verdict {
  let d: string;
  if (value.length === 10 && value[2] === '-' && isDigits(value.slice(0, 2)) && isDigits(value.slice(3))) d = value.slice(0, 2) + value.slice(3);
  else if (allowBare && value.length === 9 && isDigits(value)) d = value;
  else return 'nomatch';
  return EIN_PREFIXES.has(d.slice(0, 2)) && d.slice(2) !== '0000000' ? 'match' : 'invalid';
}

/** US ITIN `9NN-NN-NNNN`, group 50–65, 70–88, 90–92 or 94–99. */
export function checkUsItin(value: string): Verdict {
  const m = /^9([0-9]{2})-([0-9]{2})-([0-9]{4})$/.exec(value);
  if (!m) return 'nomatch';
  const g = Number(m[2]);
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || g >= 94 ? 'match' : 'invalid';
}

/** EU VAT number: country prefix and that country's format (`DE123456789`, `FR40303265045`, `NL123456789B01`). */
export function checkVat(value: string): Verdict {
  if (value.length < 8 || value.length > 20) return 'nomatch';
  const v = value.toUpperCase().replace(/[ .-]/g, '');
  const che = v.startsWith('CHE');
  const prefix = che ? 'CHE' : v.slice(0, 2);
  if (!/^[A-Z]{2,3}$/.test(prefix)) return 'nomatch';
  const re = VAT[prefix];
  if (!re) return 'nomatch';
  return re.test(v.slice(prefix.length)) ? 'match' : 'invalid';
}

/** Indian PAN `AAAPL1234C`: the 4th letter is the holder type (P person, C company…). */
export function checkInPan(value: string): Verdict {
  if (value.length !== 10) return 'nomatch';
  const v = value.toUpperCase();
  if (!/^[A-Z]{5}[0-9]{4}[A-Z]$/.test(v)) return 'nomatch';
  return 'ABCFGHJLPT'.includes(v[3]!) ? 'match' : 'invalid';
}

/** Australian Business Number: 11 digits, weighted mod 89 with 1 subtracted from the first digit. */
export function checkAuAbn(digits: string): boolean {
  if (digits.length !== 11 || !isDigits(digits)) return false;
  const w = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += w[i]! * (digits.charCodeAt(i) - 48 - (i === 0 ? 1 : 0));
  return sum % 89 === 0;
}

/**
 * Any supported tax identifier. Self-describing formats (EIN with dash, ITIN,
 * VAT, PAN) are judged alone. Bare digit runs (UTR 10 digits, SIREN 9,
 * SIRET 14, ABN 11, EIN 9) only with `allowBare`, i.e. a tax-looking column name.
 */
export function checkTaxId(value: string, allowBare: boolean): TaxIdCheck {
  const n = value.length;
  if (n < 8 || n > 20) return NO;
  let v: Verdict;
  if ((v = checkUsItin(value)) !== 'nomatch') return { verdict: v, kind: 'US ITIN' };
  if ((v = checkUsEin(value, false)) !== 'nomatch') return { verdict: v, kind: 'US EIN' };
  if ((v = checkInPan(value)) !== 'nomatch') return { verdict: v, kind: 'IN PAN' };
  if ((v = checkVat(value)) !== 'nomatch') return { verdict: v, kind: 'EU VAT' };
  if (!allowBare) return NO;
  const d = value.replace(/[ .-]/g, '');
  if (!isDigits(d)) return NO;
  if (d.length === 10) return { verdict: 'match', kind: 'UK UTR' };
  if (d.length === 14) return { verdict: luhnValid(d) ? 'match' : 'invalid', kind: 'FR SIRET' };
  if (d.length === 11) return { verdict: checkAuAbn(d) ? 'match' : 'invalid', kind: 'AU ABN' };
  if (d.length === 9) {
    if (luhnValid(d)) return { verdict: 'match', kind: 'FR SIREN' };
    const ein = checkUsEin(d, true);
    return { verdict: ein, kind: 'US EIN' };
  }
  return NO;
}
