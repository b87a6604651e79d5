'use client';
import * as React from 'react';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { cn } from './cn';

export interface ChartSeries {
  /** Key in each data row. */
  key: string;
  label: string;
  /** A CSS colour; defaults to the chart palette. */
  color?: string;
}

interface ChartProps {
  data: readonly Record<string, unknown>[];
  /** Key of the x-axis value in each row. */
  x: string;
  series: readonly ChartSeries[];
  height?: number;
  stacked?: boolean;
  className?: string;
  formatX?: (value: unknown) => string;
  /** Y-axis ticks and tooltip values, e.g. with their unit. */
  formatY?: (value: number) => string;
  /** A legend under the chart; defaults to on when there are several series. */
  legend?: boolean;
  /** Tooltip title of a row, when it differs from the axis label (e.g. a full date). */
  formatLabel?: (value: unknown) => string;
  /** Allow fractional y ticks (rates); counts keep whole numbers. */
  decimals?: boolean;
}

const palette = [
  'var(--chart-1)',
  'var(--chart-2)',
  'var(--chart-3)',
  'var(--chart-4)',
  'var(--chart-5)',
];
/** A series' colour: its own, else the next of the theme's chart colours. Shared by every chart. */
export const colorOf = (s: ChartSeries, i: number) => s.color ?? palette[i % palette.length];

/** Axis and tooltip styles on the theme's tokens, so charts read in light and dark mode. */
export const axis = {
  stroke: 'var(--muted-foreground)',
  fontSize: 11,
  tickLine: false,
  axisLine: false,
} as const;
export const tooltipStyle = {
  background: 'var(--popover)',
  border: '1px solid var(--border)',
  borderRadius: 6,
  fontSize: 12,
  color: 'var(--popover-foreground)',
};

export function AreaChartView({
  data,
  x,
  series,
  height = 220,
  stacked,
  className,
  formatX,
  formatY,
  legend,
  formatLabel,
  decimals,
}: ChartProps) {
  return (
    <div className={cn('w-full', className)} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart
          data={data as Record<string, unknown>[]}
          margin={{ top: 8, right: 8, left: -16, bottom: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey={x} {...axis} tickFormatter={formatX} />
          <YAxis {...axis} allowDecimals={!!decimals} tickFormatter={formatY} />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={formatLabel ?? formatX}
            formatter={formatY ? (v) => formatY(Number(v)) : undefined}
          />
          {(legend ?? series.length > 1) ? (
            <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          ) : null}
          {series.map((s, i) => (
            <Area
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stackId={stacked ? 'a' : undefined}
              stroke={colorOf(s, i)}
              fill={colorOf(s, i)}
              fillOpacity={0.18}
              strokeWidth={2}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}

export function BarChartView({
  data,
  x,
  series,
  height = 220,
  stacked,
  className,
  formatX,
  formatY,
  legend,
  formatLabel,
  decimals,
}: ChartProps) {
  return (
    <div className={cn('w-full', className)} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data as Record<string, unknown>[]}
          margin={{ top: 8, right: 8, left: -16, bottom: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey={x} {...axis} tickFormatter={formatX} />
          <YAxis {...axis} allowDecimals={!!decimals} tickFormatter={formatY} />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={formatLabel ?? formatX}
            formatter={formatY ? (v) => formatY(Number(v)) : undefined}
            cursor={{ fill: 'var(--muted)' }}
          />
          {(legend ?? series.length > 1) ? (
            <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          ) : null}
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId={stacked ? 'a' : undefined}
              fill={colorOf(s, i)}
              radius={stacked ? 0 : [3, 3, 0, 0]}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
