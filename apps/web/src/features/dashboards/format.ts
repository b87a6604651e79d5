import type { MetricBetter, MetricUnit } from './types';

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** A metric value in its unit: "82.5%", "1.2k", "3.4 s", "5 days". Null is "—". */
export function formatMetric(value: number | null | undefined, unit: MetricUnit, opts: { short?: boolean } = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  switch (unit) {
    case 'percent':
      return `${oneDecimal.format(value)}%`;
    case 'ms':
      return formatDuration(value);
    case 'days':
      return opts.short ? `${oneDecimal.format(value)}d` : `${oneDecimal.format(value)} ${value === 1 ? 'day' : 'days'}`;
    case 'hours':
      return opts.short ? `${oneDecimal.format(value)}h` : `${oneDecimal.format(value)} h`;
    default:
      return Math.abs(value) >= 10_000 || opts.short ? compact.format(value) : integer.format(value);
  }
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${integer.format(ms)} ms`;
  if (ms < 60_000) return `${oneDecimal.format(ms / 1000)} s`;
  if (ms < 3_600_000) return `${oneDecimal.format(ms / 60_000)} min`;
  return `${oneDecimal.format(ms / 3_600_000)} h`;
}

/** The unit's name for an axis or a caption. */
export const unitLabel: Record<MetricUnit, string> = { count: 'count', percent: '%', ms: 'duration', days: 'days', hours: 'hours' };

/**
 * Whether a change is good news (true), bad news (false) or neither (null),
 * by the direction the metric's catalogue entry declares better.
 */
export function isImprovement(delta: number | null, better: MetricBetter): boolean | null {
  if (delta === null || delta === 0 || better === 'neither') return null;
  return (delta > 0) === (better === 'up');
}

/** A short date for an axis at a grain: "14:00", "Mar 4". */
export function axisDate(value: unknown, grain: 'hour' | 'day' | 'week'): string {
  // Chart rows carry epoch milliseconds; a number is not a date string.
  const d = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
  if (Number.isNaN(d.getTime())) return String(value);
  if (grain === 'hour') return d.toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit' });
  return d.toLocaleDateString('en', { month: 'short', day: 'numeric' });
}

export function tooltipDate(value: unknown, grain: 'hour' | 'day' | 'week'): string {
  // Chart rows carry epoch milliseconds; a number is not a date string.
  const d = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
  if (Number.isNaN(d.getTime())) return String(value);
  if (grain === 'hour') return d.toLocaleString('en', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return grain === 'week' ? `Week of ${d.toLocaleDateString('en', { month: 'short', day: 'numeric', year: 'numeric' })}` : d.toLocaleDateString('en', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
}
