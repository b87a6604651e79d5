import { isDigits, luhnValid } from './checksums';

/** A validator's verdict: a valid X, something shaped like X that fails X's rules, or not X at all. */
export type Verdict = 'match' | 'invalid' | 'nomatch';

export type CardIssuer =
  | 'Visa'
  | 'Mastercard'
  | 'American Express'
  | 'Discover'
  | 'JCB'
  | 'Diners Club'
  | 'UnionPay'
  | 'Maestro'
  | 'Mir';

function prefix(d: string, n: number): number {
  return Number(d.slice(0, n));
}

/**
 * The issuer whose IIN range and allowed lengths fit `digits`, or undefined.
 * Ranges from the issuers' published tables (ISO/IEC 7812 IINs), most
 * specific first: Discover's 622126–622925 sits inside UnionPay's 62.
 */
export function cardIssuer(digits: string): CardIssuer | undefined {
  const len = digits.length;
  if (len < 12 || len > 19 || !isDigits(digits)) return undefined;
  const c0 = digits.charCodeAt(0) - 48;
  const p2 = prefix(digits, 2);
  const p4 = prefix(digits, 4);
  const p6 = prefix(digits, 6);
  switch (c0) {
    case 4:
      return len === 13 || len === 16 || len === 19 ? 'Visa' : undefined;
    case 5:
      if (p2 >= 51 && p2 <= 55) return len === 16 ? 'Mastercard' : undefined;
      if (p4 === 5018 || p4 === 5020 || p4 === 5038 || p4 === 5893) return 'Maestro';
      return undefined;
    case 2:
      if (p4 >= 2221 && p4 <= 2720) return len === 16 ? 'Mastercard' : undefined;
      if (p4 >= 2200 && p4 <= 2204) return len >= 16 ? 'Mir' : undefined;
      return undefined;
    case 3: {
      if (p2 === 34 || p2 === 37) return len === 15 ? 'American Express' : undefined;
      if (p4 >= 3528 && p4 <= 3589) return len >= 16 ? 'JCB' : undefined;
      const p3 = prefix(digits, 3);
      if ((p3 >= 300 && p3 <= 305) || p4 === 3095 || p2 === 36 || p2 === 38 || p2 === 39)
        return len >= 14 ? 'Diners Club' : undefined;
      return undefined;
    }
    case 6: {
      if (p4 === 6011 || p2 === 65 || (prefix(digits, 3) >= 644 && prefix(digits, 3) <= 649) || (p6 >= 622126 && p6 <= 622925))
        return len >= 16 ? 'Discover' : undefined;
      if (p2 === 62) return len >= 16 ? 'UnionPay' : undefined;
      if (p4 === 6304 || p4 === 6759 || p4 === 6761 || p4 === 6762 || p4 === 6763) return 'Maestro';
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Digits of a card-number-shaped value: 12–19 digits, optionally grouped by
 * single spaces or dashes (`4242 4242 4242 4242`). Anything else → undefined.
 */
export function cardDigits(value: string): string | undefined {
  const n = value.length;
  if (n < 12 || n > 23) return undefined;
  let digits = 0;
  let prevSep = true;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      prevSep = false;
    } else if ((c === 32 || c === 45) && !prevSep) prevSep = true;
    else return undefined;
  }
  if (prevSep || digits < 12 || digits > 19) return undefined;
  return digits === n ? value : value.replace(/[ -]/g, '');
}

/**
 * A payment card number: issuer range and length, then the Luhn check.
 * In an issuer range but failing Luhn → 'invalid'; no issuer → 'nomatch'
 * (so epoch timestamps, which start with 1, are never cards).
 */
export function checkCardNumber(value: string): { verdict: Verdict; issuer?: CardIssuer } {
  const d = cardDigits(value);
  if (d === undefined) return { verdict: 'nomatch' };
  const issuer = cardIssuer(d);
  if (!issuer) return { verdict: 'nomatch' };
  return { verdict: luhnValid(d) ? 'match' : 'invalid', issuer };
}
