const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
let dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
let dateOnly = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
let displayTimeZone: string | undefined;

/**
 * Dates show in the signed-in user's time zone (their profile), set once the
 * profile loads; until then, and for a zone this browser does not know, in the
 * browser's own. Only absolute dates change: "3 minutes ago" is the same anywhere.
 */
export function setDisplayTimeZone(timeZone: string | null | undefined) {
  const next = timeZone || undefined;
  if (next === displayTimeZone) return;
  try {
    dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: next });
    dateOnly = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: next });
    displayTimeZone = next;
  } catch {
    // An unknown zone (RangeError): keep the formatters as they were.
  }
}

/** "3 minutes ago", "in 2 days". */
export function formatRelative(date: Date | string | null | undefined, now = Date.now()): string {
  if (!date) return '—';
  const d = typeof date === 'string' ? new Date(date) : date;
  const seconds = Math.round((d.getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 86400 * 30) return rtf.format(Math.round(seconds / 86400), 'day');
  return dateOnly.format(d);
}

export function formatDateTime(date: Date | string | null | undefined): string {
  if (!date) return '—';
  return dateTime.format(typeof date === 'string' ? new Date(date) : date);
}

export function formatDate(date: Date | string | null | undefined): string {
  if (!date) return '—';
  return dateOnly.format(typeof date === 'string' ? new Date(date) : date);
}
