import { Heatmap } from '@racine/ui';
import type { MetricResult } from '../types';

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const hours = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`);

/** Activity by hour (columns) × weekday (rows); the tooltip gives the count of each cell. */
export function HeatmapWidget({ result }: { result: MetricResult }) {
  const values = weekdays.map(() => hours.map(() => 0));
  for (const c of result.matrix ?? []) {
    const row = values[c.y];
    if (row && c.x >= 0 && c.x < 24) row[c.x] = c.value;
  }
  return (
    <Heatmap
      rows={weekdays}
      columns={hours}
      values={values}
      label={result.title}
      columnLabelEvery={3}
      describe={(r, c, v) => `${r} ${c}: ${v.toLocaleString()} ${v === 1 ? 'event' : 'events'}`}
    />
  );
}

export const heatmapIsEmpty = (r: MetricResult) => !(r.matrix ?? []).some((c) => c.value > 0);
