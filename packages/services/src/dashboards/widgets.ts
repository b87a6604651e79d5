/**
 * A dashboard's widgets: what each shows (a catalogue metric with filters,
 * grain and range) and where it sits on a 12-column grid. Stored as JSON on
 * Dashboard.widgets and validated by this schema on the way in and out.
 */
import { z } from 'zod';
import { grains, metricDimensions, metricFiltersInput, rangePresets } from '../metrics/types';

export const widgetTypes = ['kpi', 'line', 'area', 'bar', 'donut', 'table', 'heatmap', 'topN', 'findings', 'insights'] as const;
export type WidgetType = (typeof widgetTypes)[number];

export const gridColumns = 12;

export const widgetInput = z
  .object({
    id: z.string().regex(/^[a-zA-Z0-9_-]{1,40}$/, 'a widget id is 1–40 letters, digits, _ or -'),
    type: z.enum(widgetTypes),
    title: z.string().trim().min(1).max(80),
    metric: z.string().min(1).max(80),
    filters: metricFiltersInput.default({}),
    groupBy: z.enum(metricDimensions).optional(),
    grain: z.enum(grains).default('day'),
    range: z.enum(rangePresets).default('30d'),
    limit: z.number().int().min(1).max(50).default(10),
    x: z.number().int().min(0).max(gridColumns - 1),
    y: z.number().int().min(0).max(500),
    w: z.number().int().min(1).max(gridColumns),
    h: z.number().int().min(1).max(12),
  })
  .strict()
  .refine((w) => w.x + w.w <= gridColumns, { message: `a widget must fit in ${gridColumns} columns (x + w ≤ ${gridColumns})` });
export type Widget = z.infer<typeof widgetInput>;

export const widgetsInput = z
  .array(widgetInput)
  .max(40)
  .refine((ws) => new Set(ws.map((w) => w.id)).size === ws.length, { message: 'widget ids must be unique within a dashboard' });
