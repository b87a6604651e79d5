/**
 * National identifiers other than the US SSN and UK NINO, each with its
 * published check digit. Inputs are raw values; separators are handled here.
 */
import type { Verdict } from './card';
import { allSameChar, isDigits, luhnValid, mod97, verhoeffValid } from './checksums';

/** Canadian Social Insurance Number: 9 digits, Luhn; never starts with 0 or 8. */
export function checkCaSin(value: string, allowBare: boolean): Verdict {
  let d: string;
  if (value.length === 11 && /^[0-9]{3}([ -])[0-9]{3}\1[0-9]{3}$/.test(value)) d = value.replace(/[ -]/g, '');
  else if (allowBare && value.length === 9 && isDigits(value)) d = value;
  else return 'nomatch';
  if (d[0] === '0' || d[0] === '8' || allSameChar(d)) return 'invalid';
  return luhnValid(d) ? 'match' : 'invalid';
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter); the letter is the number mod 23. */
export function checkEsDniNie(value: string): Verdict {
  if (value.length < 9 || value.length > 10) return 'nomatch';
  const v = value.toUpperCase().replace('-', '');
  const m = /^([XYZ]?)([0-9]{7,8})([A-Z])$/.exec(v);
  if (!m) return 'nomatch';
  const lead = m[1]!;
  const digits = m[2]!;
  if (lead === '' ? digits.length !== 8 : digits.length !== 7) return 'nomatch';
  const n = Number(lead === '' ? digits : String('XYZ'.indexOf(lead)) + digits);
  return DNI_LETTERS[n % 23] === m[3] ? 'match' : 'invalid';
}

/**
 * French NIR (numéro de sécurité sociale): sex (1/2, 7/8 for provisional
 * numbers), year, month (01–12, or 20–42 / 50–99 when unknown), department
 * (2A/2B for Corsica), commune, order, and a 2-digit key = 97 − (first 13 mod 97).
 */
export function checkFrNir(value: string): Verdict {
  if (value.length < 15 || value.length > 21) return 'nomatch';
  const v = value.replace(/ /g, '').toUpperCase();
  const m = /^([1278])([0-9]{2})([0-9]{2})([0-9]{2}|2A|2B)([0-9]{6})([0-9]{2})$/.exec(v);
  if (!m) return 'nomatch';
  const month = Number(m[3]);
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || (month >= 50 && month <= 99))) return 'invalid';
  // Corsica: 2A counts as 19, 2B as 18 in the key computation.
  const dept = m[4] === '2A' ? '19' : m[4] === '2B' ? '18' : m[4]!;
  const body = m[1]! + m[2]! + m[3]! + dept + m[5]!;
  return 97 - mod97(body) === Number(m[6]) ? 'match' : 'invalid';
}

/** Dutch BSN: 9 digits passing the "11-proef" (weights 9…2 and −1). */
export function checkNlBsn(value: string, allowBare: boolean): Verdict {
  if (!allowBare || value.length !== 9 || !isDigits(value)) return 'nomatch';
  if (allSameChar(value)) return 'invalid';
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (value.charCodeAt(i) - 48);
  sum -= value.charCodeAt(8) - 48;
  return sum % 11 === 0 ? 'match' : 'invalid';
}

/** Indian Aadhaar: 12 digits (often `dddd dddd dddd`), first digit 2–9, Verhoeff check. */
export function checkInAadhaar(value: string, allowBare: boolean): Verdict {
  let d: string;
  if (value.length === 14 && /^[0-9]{4}([ -])[0-9]{4}\1[0-9]{4}$/.test(value)) d = value.replace(/[ -]/g, '');
  else if (allowBare && value.length === 12 && isDigits(value)) d = value;
  else return 'nomatch';
  if (d[0] === '0' || d[0] === '1') return 'invalid';
  return verhoeffValid(d) ? 'match' : 'invalid';
}

// Codice fiscale check character tables (DM 23/12/1976).
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const CF_MONTHS = 'ABCDEHLMPRST';
// Omocodia: letters that stand in for digits when two people would share a code.
const CF_OMO = 'LMNPQRSTUV';

/** Italian codice fiscale (16 chars) with its month letter, day range and check character. */
export function checkItCodiceFiscale(value: string): Verdict {
  if (value.length !== 16) return 'nomatch';
  const v = value.toUpperCase();
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(v)) return 'nomatch';
  if (!CF_MONTHS.includes(v[8]!)) return 'invalid';
  const dayStr = (v[9]! + v[10]!).replace(/[LMNPQRSTUV]/g, (c) => String(CF_OMO.indexOf(c)));
  const day = Number(dayStr);
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return 'invalid';
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = v.charCodeAt(i);
    const idx = c >= 65 ? c - 65 : c - 48; // digits map like A–J
    sum += i % 2 === 0 ? CF_ODD[idx]! : idx;
  }
  return String.fromCharCode(65 + (sum % 26)) === v[15] ? 'match' : 'invalid';
}

/** Brazilian CPF: 11 digits (`ddd.ddd.ddd-dd`) with two mod-11 check digits. */
export function checkBrCpf(value: string, allowBare: boolean): Verdict {
  let d: string;
  if (value.length === 14 && /^[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{2}$/.test(value)) d = value.replace(/[.-]/g, '');
  else if (allowBare && value.length === 11 && isDigits(value)) d = value;
  else return 'nomatch';
  if (allSameChar(d)) return 'invalid';
  for (const len of [9, 10]) {
    let sum = 0;
    for (let i = 0; i < len; i++) sum += (d.charCodeAt(i) - 48) * (len + 1 - i);
    const check = ((sum * 10) % 11) % 10;
    if (check !== d.charCodeAt(len) - 48) return 'invalid';
  }
  return 'match';
}
