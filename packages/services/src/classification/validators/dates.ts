import type { Verdict } from './card';

const DAY_MS = 86_400_000;

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return false;
  const dim = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= dim;
}

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A calendar date (UTC midnight, epoch ms) from the formats people store
 * birth dates in: ISO `1985-04-12` (with an optional time, as timestamps
 * and JS Dates coerce), `1985/04/12`, `12/04/1985` or `04/12/1985` (day/month
 * order is ambiguous; either valid reading is accepted), `12.04.1985`, and
 * compact `19850412`. Two-digit years are not dates we can place.
 */
export function parseCalendarDate(value: string): number | undefined {
  const n = value.length;
  if (n < 8 || n > 35) return undefined;
  let m = ISO.exec(value);
  if (m) {
    const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
    return validYmd(y, mo, d) ? Date.UTC(y, mo - 1, d) : undefined;
  }
  m = DMY.exec(value);
  if (m) {
    const a = +m[1]!, b = +m[3]!, y = +m[4]!;
    if (validYmd(y, b, a)) return Date.UTC(y, b - 1, a); // day first (most of the world)
    if (validYmd(y, a, b)) return Date.UTC(y, a - 1, b); // month first (US)
    return undefined;
  }
  m = COMPACT.exec(value);
  if (m) {
    const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
    return validYmd(y, mo, d) ? Date.UTC(y, mo - 1, d) : undefined;
  }
  return undefined;
}

/** Whole years between two epoch-ms instants (birthday-exact enough for a 0–120 range check). */
export function ageInYears(birth: number, now: number): number {
  return (now - birth) / (365.2425 * DAY_MS);
}

/**
 * A plausible date of birth: a parseable calendar date, not in the future,
 * at most 120 years ago. Parseable but outside that range (placeholders like
 * 1900-01-01, future dates) → 'invalid'.
 */
export function checkDateOfBirth(value: string, now: number): Verdict {
  const t = parseCalendarDate(value);
  if (t === undefined) return 'nomatch';
  const age = ageInYears(t, now);
  return age >= 0 && age <= 120 ? 'match' : 'invalid';
}
