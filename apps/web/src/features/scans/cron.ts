/**
 * A few words for a 5-field cron expression ("every day at 02:00"), for the
 * schedule field's hint. The server validates the expression (croner); this
 * only describes the common shapes and says "custom schedule" otherwise.
 */
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_ALIASES: Record<string, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const isNum = (s: string) => /^\d+$/.test(s);
const pad = (n: string | number) => String(n).padStart(2, '0');

function dayName(token: string): string | null {
  const n = isNum(token) ? Number(token) % 7 : DAY_ALIASES[token.toLowerCase()];
  return n === undefined ? null : DAYS[n]!;
}

function describeDays(field: string): string | null {
  if (field === '1-5' || field.toLowerCase() === 'mon-fri') return 'on weekdays';
  if (field === '0,6' || field === '6,0' || field.toLowerCase() === 'sat,sun') return 'on weekends';
  const names = field.split(',').map(dayName);
  if (names.some((n) => n === null)) return null;
  return `on ${names.join(', ')}`;
}

export const cronPresets = [
  { label: 'Hourly', value: '0 * * * *' },
  { label: 'Daily 02:00', value: '0 2 * * *' },
  { label: 'Weekdays 06:00', value: '0 6 * * 1-5' },
  { label: 'Weekly (Mon 02:00)', value: '0 2 * * 1' },
] as const;

/** "Every day at 02:00", or null when the expression is not one of the shapes described here. */
export function describeCron(expression: string): string | null {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) return null;
  const [min, hour, dom, mon, dow] = parts as [string, string, string, string, string];
  const everyMin = /^\*\/(\d+)$/.exec(min);
  const everyHour = /^\*\/(\d+)$/.exec(hour);
  const allDates = dom === '*' && mon === '*';
  if (min === '*' && hour === '*' && allDates && dow === '*') return 'Every minute';
  if (everyMin && hour === '*' && allDates && dow === '*') return `Every ${everyMin[1]} minutes`;
  if (isNum(min) && hour === '*' && allDates && dow === '*')
    return Number(min) === 0 ? 'Every hour, on the hour' : `Every hour at :${pad(min)}`;
  if (isNum(min) && everyHour && allDates && dow === '*')
    return `Every ${everyHour[1]} hours at :${pad(min)}`;
  if (!isNum(min) || !isNum(hour)) return null;
  const at = `at ${pad(hour)}:${pad(min)}`;
  if (allDates && dow === '*') return `Every day ${at}`;
  if (allDates) {
    const days = describeDays(dow);
    return days ? `Every week ${days} ${at}` : null;
  }
  if (isNum(dom) && mon === '*' && dow === '*') return `Every month on day ${dom} ${at}`;
  if (isNum(dom) && isNum(mon) && dow === '*' && Number(mon) >= 1 && Number(mon) <= 12)
    return `Every year on ${MONTHS[Number(mon) - 1]} ${dom} ${at}`;
  return null;
}

/** The hint under a schedule field. */
export function cronHint(expression: string | null | undefined): string {
  const value = expression?.trim();
  if (!value) return 'Manual only: runs when someone presses Run now.';
  if (value.split(/\s+/).length !== 5)
    return 'Five fields: minute hour day-of-month month day-of-week.';
  return describeCron(value) ?? 'Custom schedule (checked when you save).';
}
