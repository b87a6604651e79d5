'use client';
import * as React from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { axis, tooltipStyle } from './chart';
import { cn } from './cn';

export interface BandPoint {
  /** x value (e.g. an ISO date). */
  t: string;
  /** Observed value, absent on forecast-only points. */
  value?: number | null;
  /** Forecast value, absent on observed-only points. */
  forecast?: number | null;
  /** The expected band (baseline ± k·σ, or the forecast interval). */
  lower?: number | null;
  upper?: number | null;
}

/**
 * One observed series with an expected band behind it and, optionally, a dashed forecast and
 * horizontal reference lines (a threshold, a baseline median). For anomaly and forecast evidence.
 */
export function BandChartView({
  data,
  height = 160,
  className,
  formatX,
  formatY,
  formatLabel,
  references = [],
  valueLabel = 'Observed',
  domain,
}: {
  data: readonly BandPoint[];
  height?: number;
  className?: string;
  formatX?: (value: unknown) => string;
  formatY?: (value: number) => string;
  formatLabel?: (value: unknown) => string;
  /** Horizontal lines: a threshold (dashed, destructive) or a baseline (dotted, muted). */
  references?: readonly { y: number; label: string; tone?: 'threshold' | 'baseline' }[];
  valueLabel?: string;
  domain?: [number | 'auto', number | 'auto'];
}) {
  const rows = data.map((p) => ({ ...p, band: p.lower != null && p.upper != null ? [p.lower, p.upper] : null }));
  const hasForecast = data.some((p) => p.forecast != null);
  const hasBand = rows.some((r) => r.band);
  return (
    <div className={cn('w-full', className)} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 12, left: -16, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey="t" {...axis} tickFormatter={formatX} minTickGap={28} />
          <YAxis {...axis} domain={domain ?? ['auto', 'auto']} tickFormatter={formatY} />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={formatLabel ?? formatX}
            formatter={(v, name) => {
              const show = (n: number) => (formatY ? formatY(n) : String(Math.round(n * 100) / 100));
              return [Array.isArray(v) ? `${show(Number(v[0]))} – ${show(Number(v[1]))}` : show(Number(v)), name];
            }}
          />
          {hasBand ? <Area dataKey="band" name="Expected range" stroke="none" fill="var(--chart-2)" fillOpacity={0.18} isAnimationActive={false} connectNulls /> : null}
          {references.map((r) => (
            <ReferenceLine
              key={r.label}
              y={r.y}
              stroke={r.tone === 'threshold' ? 'var(--destructive)' : 'var(--muted-foreground)'}
              strokeDasharray={r.tone === 'threshold' ? '6 4' : '2 3'}
              label={{ value: r.label, position: 'insideTopRight', fontSize: 10, fill: 'var(--muted-foreground)' }}
            />
          ))}
          <Line dataKey="value" name={valueLabel} stroke="var(--chart-1)" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
          {hasForecast ? <Line dataKey="forecast" name="Forecast" stroke="var(--chart-1)" strokeWidth={2} strokeDasharray="5 4" dot={false} isAnimationActive={false} /> : null}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
