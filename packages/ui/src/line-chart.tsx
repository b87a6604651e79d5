'use client';
import * as React from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { cn } from './cn';
import { axis, type ChartSeries, colorOf, tooltipStyle } from './chart';

/**
 * Lines over a shared x-axis, for series that are compared rather than
 * summed (scores of several frameworks over time). Rows may miss a series'
 * key; the line then bridges the gap (`connectNulls`).
 */
export function LineChartView({
  data,
  x,
  series,
  height = 240,
  domain,
  className,
  formatX,
  formatY,
  formatLabel,
}: {
  data: readonly Record<string, unknown>[];
  x: string;
  series: readonly ChartSeries[];
  height?: number;
  /** Fixed y range, e.g. [0, 100] for percentages. */
  domain?: [number, number];
  className?: string;
  formatX?: (value: unknown) => string;
  formatY?: (value: number) => string;
  /** Tooltip title of a row, when it differs from the axis label (e.g. a full date). */
  formatLabel?: (value: unknown) => string;
}) {
  return (
    <div className={cn('w-full', className)} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={data as Record<string, unknown>[]}
          margin={{ top: 8, right: 12, left: -16, bottom: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey={x} {...axis} tickFormatter={formatX} minTickGap={24} />
          <YAxis {...axis} domain={domain ?? ['auto', 'auto']} tickFormatter={formatY} />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={formatLabel ?? formatX}
            formatter={formatY ? (v) => formatY(Number(v)) : undefined}
          />
          {series.length > 1 ? (
            <Legend iconType="plainline" iconSize={12} wrapperStyle={{ fontSize: 12 }} />
          ) : null}
          {series.map((s, i) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={colorOf(s, i)}
              strokeWidth={2}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** A tiny line without axes, for a trend beside a number. Fewer than two points draw nothing. */
export function Sparkline({
  values,
  color = 'var(--chart-1)',
  height = 32,
  domain,
  className,
  label,
}: {
  values: readonly number[];
  color?: string;
  height?: number;
  domain?: [number, number];
  className?: string;
  label?: string;
}) {
  const data = values.map((v, i) => ({ i, v }));
  return (
    <div className={cn('w-full', className)} style={{ height }} role="img" aria-label={label}>
      {values.length >= 2 ? (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 2, right: 2, left: 2, bottom: 2 }}>
            <YAxis hide domain={domain ?? ['dataMin', 'dataMax']} />
            <Line
              type="monotone"
              dataKey="v"
              stroke={color}
              strokeWidth={1.75}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      ) : null}
    </div>
  );
}
