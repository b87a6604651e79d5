import { isDigits } from './checksums';

/**
 * US ABA routing transit number: 9 digits, a Federal Reserve prefix
 * (00–12, 21–32, 61–72, 80) and the 3-7-1 weighted checksum.
 */
export function isAbaRoutingNumber(value: string): boolean {
  if (value.length !== 9 || !isDigits(value)) return false;
  const p = Number(value.slice(0, 2));
  if (!(p <= 12 || (p >= 21 && p <= 32) || (p >= 61 && p <= 72) || p === 80)) return false;
  let sum = 0;
  const w = [3, 7, 1];
  for (let i = 0; i < 9; i++) sum += w[i % 3]! * (value.charCodeAt(i) - 48);
  return sum % 10 === 0 && value !== '000000000';
}

export type BankAccountKind = 'ABA routing number' | 'UK sort code' | 'AU BSB' | 'account number';

/**
 * Shapes of domestic bank identifiers. Account numbers have no universal
 * check digit, so callers use this only in a column whose name says "account
 * number": 6–17 digits, optionally grouped by spaces or dashes.
 */
export function bankAccountKind(value: string): BankAccountKind | undefined {
  const n = value.length;
  if (n < 6 || n > 22) return undefined;
  if (/^[0-9]{2}-[0-9]{2}-[0-9]{2}$/.test(value)) return 'UK sort code';
  if (/^[0-9]{3}-[0-9]{3}$/.test(value)) return 'AU BSB';
  if (isAbaRoutingNumber(value)) return 'ABA routing number';
  const d = value.replace(/[ -]/g, '');
  if (d.length >= 6 && d.length <= 17 && isDigits(d) && !/^(\d)\1+$/.test(d)) return 'account number';
  return undefined;
}
