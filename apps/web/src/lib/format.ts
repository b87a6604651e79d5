const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

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
