'use client';
import * as React from 'react';
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  ErrorState,
  LineChartView,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Skeleton,
} from '@racine/ui';
import type { Posture } from './types';

export const rangeOptions = [7, 30, 90] as const;
export type RangeDays = (typeof rangeOptions)[number];

const day = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });

/**
 * Rows for the chart: one per day, with each framework's last score of that
 * day. Days without an evaluation are left out rather than invented.
 */
export function trendRows(frameworks: Posture['frameworks']) {
  const rows = new Map<string, Record<string, number | string>>();
  for (const f of frameworks)
    for (const p of f.trend) {
      const at = new Date(p.at);
      const key = at.toISOString().slice(0, 10);
      const row = rows.get(key) ?? { day: key };
      row[f.id] = Math.round(p.score * 10) / 10;
      rows.set(key, row);
    }
  return [...rows.values()].sort((a, b) => String(a.day).localeCompare(String(b.day)));
}

export function PostureChart({
  posture,
  isLoading,
  error,
  onRetry,
  days,
  onDaysChange,
}: {
  posture: Posture | undefined;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  days: RangeDays;
  onDaysChange: (days: RangeDays) => void;
}) {
  const frameworks = posture?.frameworks ?? [];
  const rows = React.useMemo(() => trendRows(frameworks), [frameworks]);
  return (
    <Card data-testid="posture-chart">
      <CardHeader className="flex-row items-start justify-between gap-3 space-y-0">
        <div>
          <CardTitle>Scores over time</CardTitle>
          <CardDescription>Each framework’s score after every evaluation.</CardDescription>
        </div>
        <Select value={String(days)} onValueChange={(v) => onDaysChange(Number(v) as RangeDays)}>
          <SelectTrigger className="w-36" aria-label="Range">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {rangeOptions.map((d) => (
              <SelectItem key={d} value={String(d)}>
                Last {d} days
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </CardHeader>
      <CardContent>
        {error && !posture ? (
          <ErrorState error={error} onRetry={onRetry} />
        ) : isLoading && !posture ? (
          <Skeleton className="h-60 w-full" />
        ) : rows.length === 0 ? (
          <p className="flex h-60 items-center justify-center text-sm text-muted-foreground">
            No evaluation in the last {days} days. Evaluate now to start the trend.
          </p>
        ) : (
          <LineChartView
            data={rows}
            x="day"
            series={frameworks.map((f) => ({ key: f.id, label: f.name }))}
            domain={[0, 100]}
            formatX={(v) => day.format(new Date(`${String(v)}T12:00:00Z`))}
            formatY={(v) => String(Math.round(v))}
          />
        )}
      </CardContent>
    </Card>
  );
}
