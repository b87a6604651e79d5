import type { Verdict } from './card';

// Letter, two digits (third may be a letter in a handful of ICD-10-CM
// categories such as C4A, D3A, M1A, O9A, Z3A), then up to four subdivision
// characters, with or without the dot.
const DOTTED = /^([A-Z])([0-9])([0-9A-Z])\.([0-9A-Z]{1,4})$/;
const CATEGORY_OR_UNDOTTED = /^([A-Z])([0-9])([0-9A-Z])([0-9A-Z]{0,4})$/;
const LETTER_THIRD = new Set(['C4A', 'C7A', 'C7B', 'D3A', 'M1A', 'O9A', 'Z3A']);

/**
 * U is reserved for provisional and emergency codes: WHO uses U00–U49 (e.g.
 * U07.1 COVID-19, U09.9 post-COVID) and U82–U85 (antimicrobial resistance).
 */
function allowedU(two: number): boolean {
  return two <= 49 || (two >= 82 && two <= 85);
}

/**
 * An ICD-10 / ICD-10-CM diagnosis code. `E11.9`, `J45.909`, `T36.0X1A` match on
 * their own; an undotted form (`E119`, `J45`) is only a diagnosis when the
 * caller says so (`allowUndotted`), because letter+2 digits is also every
 * seat number, grid cell and product code.
 */
export function checkIcd10(value: string, allowUndotted: boolean): { verdict: Verdict; dotted: boolean } {
  if (value.length < 3 || value.length > 8) return { verdict: 'nomatch', dotted: false };
  const v = value.toUpperCase();
  let m = DOTTED.exec(v);
  const dotted = m !== null;
  if (!m) {
    if (!allowUndotted) return { verdict: 'nomatch', dotted };
    m = CATEGORY_OR_UNDOTTED.exec(v);
    if (!m) return { verdict: 'nomatch', dotted };
  }
  const letter = m[1]!;
  const third = m[3]!;
  if (third >= 'A' && !LETTER_THIRD.has(letter + m[2]! + third)) return { verdict: 'invalid', dotted };
  if (letter === 'U' && !allowedU(Number(m[2]! + (third >= 'A' ? '0' : third)))) return { verdict: 'invalid', dotted };
  return { verdict: 'match', dotted };
}
