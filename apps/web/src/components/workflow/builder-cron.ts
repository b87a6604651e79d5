/**
 * A five-field cron expression (minute hour day-of-month month day-of-week,
 * UTC) in words, for the trigger form's preview: "At 02:30, every day (UTC)".
 * It reads what the server accepts (numbers, `*`, lists, ranges, steps, and
 * month/day names); anything else is reported as not understood, and the
 * server's validation has the last word.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface FieldRule {
  min: number;
  max: number;
  names?: string[];
  /** Names start at this number (months at 1). */
  nameBase?: number;
}
const RULES: FieldRule[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTH_NAMES, nameBase: 1 },
  { min: 0, max: 7, names: DAY_NAMES, nameBase: 0 },
];

type Part = { kind: 'any'; step: number } | { kind: 'range'; from: number; to: number; step: number } | { kind: 'value'; value: number };

function parseNumber(text: string, rule: FieldRule): number | null {
  const lower = text.toLowerCase();
  const named = rule.names?.indexOf(lower) ?? -1;
  const n = named >= 0 ? named + (rule.nameBase ?? 0) : /^\d+$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(n) && n >= rule.min && n <= rule.max ? n : null;
}

function parseField(text: string, rule: FieldRule): Part[] | null {
  const parts: Part[] = [];
  for (const item of text.split(',')) {
    const [range, stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!range || !Number.isInteger(step) || step < 1) return null;
    if (range === '*' || range === '?') {
      parts.push({ kind: 'any', step });
      continue;
    }
    const [a, b] = range.split('-');
    const from = parseNumber(a!, rule);
    if (from === null) return null;
    if (b === undefined) {
      if (stepText !== undefined) parts.push({ kind: 'range', from, to: rule.max, step });
      else parts.push({ kind: 'value', value: from });
      continue;
    }
    const to = parseNumber(b, rule);
    if (to === null || to < from) return null;
    parts.push({ kind: 'range', from, to, step });
  }
  return parts;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isAny = (parts: Part[]) => parts.length === 1 && parts[0]!.kind === 'any' && parts[0]!.step === 1;
const single = (parts: Part[]) => (parts.length === 1 && parts[0]!.kind === 'value' ? parts[0]!.value : null);

function list(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function describeParts(parts: Part[], unit: string, name: (n: number) => string): string {
  return list(
    parts.map((p) => {
      if (p.kind === 'any') return p.step === 1 ? `every ${unit}` : `every ${p.step} ${unit}s`;
      if (p.kind === 'value') return name(p.value);
      const span = `${name(p.from)} through ${name(p.to)}`;
      return p.step === 1 ? span : `every ${p.step} ${unit}s from ${span}`;
    }),
  );
}

export type CronPreview = { ok: true; text: string } | { ok: false; error: string };

export function describeCron(expression: string): CronPreview {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5)
    return { ok: false, error: `Five fields (minute hour day month weekday), found ${fields.length}` };
  const names = ['minute', 'hour', 'day of month', 'month', 'day of week'];
  const parsed: Part[][] = [];
  for (let i = 0; i < 5; i++) {
    const p = parseField(fields[i]!, RULES[i]!);
    if (!p) return { ok: false, error: `The ${names[i]} field “${fields[i]}” is not understood` };
    parsed.push(p);
  }
  const [minute, hour, dom, month, dow] = parsed as [Part[], Part[], Part[], Part[], Part[]];

  let time: string;
  const m = single(minute);
  const h = single(hour);
  if (m !== null && h !== null) time = `At ${pad(h)}:${pad(m)}`;
  else if (isAny(minute) && isAny(hour)) time = 'Every minute';
  else if (m !== null && isAny(hour)) time = m === 0 ? 'Every hour, on the hour' : `At minute ${m} of every hour`;
  else if (m !== null) time = `At minute ${m} past ${describeParts(hour, 'hour', (n) => `${pad(n)}:00`)}`;
  else {
    const mins = describeParts(minute, 'minute', (n) => `minute ${n}`);
    time = isAny(hour) ? mins.charAt(0).toUpperCase() + mins.slice(1) : `${mins.charAt(0).toUpperCase() + mins.slice(1)}, ${describeParts(hour, 'hour', (n) => `${pad(n)}:00`)}`;
  }

  const dayParts: string[] = [];
  if (!isAny(dom)) dayParts.push(`on day ${describeParts(dom, 'day', String)} of the month`);
  if (!isAny(dow)) dayParts.push(`on ${describeParts(dow, 'day', (n) => DAYS[n % 7]!)}`);
  // Day of month and day of week both set: cron runs on either (the classic OR rule).
  let when = dayParts.length ? dayParts.join(' or ') : 'every day';
  if (!isAny(month)) when += ` in ${describeParts(month, 'month', (n) => MONTHS[n - 1]!)}`;
  return { ok: true, text: `${time}, ${when} (UTC)` };
}
