import type { MetricBetter, MetricResult, MetricRow, MetricUnit, Widget, WidgetType } from '@racine/services';

export type { MetricBetter, MetricResult, MetricRow, MetricUnit, Widget, WidgetType };

/** One widget's computed data as the page holds it: its result, or why it failed. */
export interface WidgetState {
  result?: MetricResult | null;
  error?: string | null;
  loading?: boolean;
}

/** What `dashboard.data` answered, as far as one widget's state needs it. */
interface DataAnswer {
  data?: { widgets: Record<string, { status: 'ok'; result: MetricResult } | { status: 'error'; error: { message: string } }> } | undefined;
  error?: { message: string } | null;
}

/** A widget's state from a `dashboard.data` query: the whole query's error, else its own result or error, else nothing yet. */
export function widgetStateOf(answer: DataAnswer, widgetId: string): WidgetState {
  const entry = answer.data?.widgets[widgetId];
  if (answer.error) return { error: answer.error.message };
  if (entry?.status === 'ok') return { result: entry.result };
  if (entry?.status === 'error') return { error: entry.error.message };
  return {};
}

export const dashboardHref = (id: string) => `/dashboards/${id}`;

/** The catalogue's shapes are the editor's widget types; "list" is a findings or insights list. */
export const widgetTypeLabel: Record<WidgetType, string> = {
  kpi: 'KPI tile',
  line: 'Line chart',
  area: 'Area chart',
  bar: 'Bar chart',
  donut: 'Donut',
  table: 'Table',
  heatmap: 'Heatmap',
  topN: 'Top-N list',
  findings: 'Findings list',
  insights: 'Insights list',
};

/** Widget types a metric that offers `shape` can be shown as. */
export function typesForShape(shape: string, metric: string): WidgetType[] {
  if (shape === 'list') return metric.startsWith('insights.') ? ['insights'] : metric.startsWith('findings.') ? ['findings', 'table'] : ['table'];
  return (['kpi', 'line', 'area', 'bar', 'donut', 'table', 'heatmap', 'topN'] as const).filter((t) => t === shape);
}

/** A new widget's size on the 12-column grid, by type. */
export const defaultSize: Record<WidgetType, { w: number; h: number }> = {
  kpi: { w: 3, h: 2 },
  line: { w: 6, h: 4 },
  area: { w: 6, h: 4 },
  bar: { w: 6, h: 4 },
  donut: { w: 4, h: 4 },
  table: { w: 6, h: 4 },
  heatmap: { w: 12, h: 4 },
  topN: { w: 6, h: 4 },
  findings: { w: 6, h: 4 },
  insights: { w: 6, h: 4 },
};
