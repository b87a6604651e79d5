import * as React from 'react';
import { cn } from './cn';

export interface HeatmapProps {
  /** Row labels, top to bottom (e.g. weekdays). */
  rows: readonly string[];
  /** Column labels, left to right (e.g. hours 0–23). */
  columns: readonly string[];
  /** values[row][column]; missing cells count as 0. */
  values: readonly (readonly number[])[];
  /** Accessible name of the grid, also its caption for screen readers. */
  label: string;
  /** Tooltip text of one cell; defaults to "row · column: value". */
  describe?: (row: string, column: string, value: number) => string;
  /** Show only every n-th column label (24 hour labels do not fit on a phone). */
  columnLabelEvery?: number;
  /** A CSS colour for the hottest cell; defaults to the theme's first chart colour. */
  color?: string;
  onCellClick?: (row: number, column: number, value: number) => void;
  className?: string;
}

/**
 * A matrix of counts as shaded cells, e.g. activity by weekday × hour. Shades
 * are the colour mixed into transparent by value ÷ max (with a floor so a
 * single event is visible), so they follow light and dark mode. Plain divs in
 * a CSS grid: it stays crisp at any width and needs no chart library.
 */
export function Heatmap({
  rows,
  columns,
  values,
  label,
  describe = (r, c, v) => `${r} · ${c}: ${v.toLocaleString()}`,
  columnLabelEvery = 1,
  color = 'var(--chart-1)',
  onCellClick,
  className,
}: HeatmapProps) {
  const max = Math.max(0, ...values.flatMap((r) => r));
  const shade = (v: number) =>
    v <= 0 || max === 0 ? 0 : Math.round(12 + (88 * v) / max);
  return (
    <div
      role="grid"
      aria-label={label}
      data-testid="heatmap"
      className={cn('w-full overflow-x-auto', className)}
    >
      <div
        className="grid min-w-[32rem] gap-[3px] text-[10px] text-muted-foreground"
        style={{ gridTemplateColumns: `auto repeat(${columns.length}, minmax(0, 1fr))` }}
      >
        <div role="row" className="contents">
          <div />
          {columns.map((c, i) => (
            <div key={c} role="columnheader" className="truncate text-center tabular-nums">
              {i % columnLabelEvery === 0 ? c : ''}
            </div>
          ))}
        </div>
        {rows.map((r, ri) => (
          <div key={r} role="row" className="contents">
            <div role="rowheader" className="pr-2 text-right leading-5">
              {r}
            </div>
            {columns.map((c, ci) => {
              const v = values[ri]?.[ci] ?? 0;
              const pct = shade(v);
              const text = describe(r, c, v);
              return (
                <button
                  key={c}
                  type="button"
                  role="gridcell"
                  title={text}
                  aria-label={text}
                  disabled={!onCellClick}
                  onClick={onCellClick ? () => onCellClick(ri, ci, v) : undefined}
                  className={cn(
                    'h-5 rounded-[3px] border border-border/40 disabled:cursor-default',
                    onCellClick && 'hover:ring-2 hover:ring-ring',
                  )}
                  style={{
                    background:
                      pct === 0 ? 'var(--muted)' : `color-mix(in oklch, ${color} ${pct}%, transparent)`,
                  }}
                />
              );
            })}
          </div>
        ))}
      </div>
      <div className="mt-2 flex items-center justify-end gap-1 text-[10px] text-muted-foreground">
        <span>0</span>
        {[12, 34, 56, 78, 100].map((p) => (
          <span
            key={p}
            aria-hidden
            className="h-2.5 w-4 rounded-[2px]"
            style={{ background: `color-mix(in oklch, ${color} ${p}%, transparent)` }}
          />
        ))}
        <span className="tabular-nums">{max.toLocaleString()}</span>
      </div>
    </div>
  );
}
