'use client';
import * as React from 'react';
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { cn } from './cn';
import { colorOf, tooltipStyle } from './chart';

export interface DonutSlice {
  key: string;
  label: string;
  value: number;
  color?: string;
}

/**
 * Parts of a whole as a ring with the total in the middle and a legend beside
 * it (below it when narrow). Slices keep the chart palette's order, so the
 * same categories get the same colours across donuts sorted the same way.
 */
export function DonutChart({
  slices,
  height = 200,
  formatValue = (v) => v.toLocaleString(),
  totalLabel = 'Total',
  className,
}: {
  slices: readonly DonutSlice[];
  height?: number;
  formatValue?: (value: number) => string;
  totalLabel?: string;
  className?: string;
}) {
  const total = slices.reduce((sum, s) => sum + s.value, 0);
  const colored = slices.map((s, i) => ({ ...s, fill: colorOf({ key: s.key, label: s.label, color: s.color }, i) }));
  return (
    <div className={cn('flex w-full flex-col items-center gap-3 @md:flex-row', className)}>
      <div className="relative w-full max-w-[220px] shrink-0" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <PieChart>
            <Pie
              data={colored}
              dataKey="value"
              nameKey="label"
              innerRadius="62%"
              outerRadius="95%"
              paddingAngle={colored.length > 1 ? 1.5 : 0}
              stroke="var(--card)"
              isAnimationActive={false}
            >
              {colored.map((s) => (
                <Cell key={s.key} fill={s.fill} />
              ))}
            </Pie>
            <Tooltip contentStyle={tooltipStyle} formatter={(v) => formatValue(Number(v))} />
          </PieChart>
        </ResponsiveContainer>
        <div className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center">
          <span className="text-xl font-semibold tabular-nums">{formatValue(total)}</span>
          <span className="text-xs text-muted-foreground">{totalLabel}</span>
        </div>
      </div>
      <ul className="grid w-full min-w-0 gap-1.5 text-sm" aria-label="Legend">
        {colored.map((s) => (
          <li key={s.key} className="flex min-w-0 items-center gap-2">
            <span className="size-2.5 shrink-0 rounded-sm" style={{ background: s.fill }} aria-hidden />
            <span className="min-w-0 flex-1 truncate" title={s.label}>
              {s.label}
            </span>
            <span className="tabular-nums text-muted-foreground">{formatValue(s.value)}</span>
            <span className="w-10 text-right text-xs tabular-nums text-muted-foreground">
              {total > 0 ? `${Math.round((100 * s.value) / total)}%` : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
