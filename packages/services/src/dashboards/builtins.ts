/**
 * The built-in dashboards. Each user's copy is made from these layouts (see
 * the dashboards service); the executive one is also what the dashboard
 * benchmark computes. Widgets name catalogue metrics (metrics/catalog.ts).
 */
import type { Widget } from './widgets';

export const builtInKeys = ['executive', 'operations', 'my-work'] as const;
export type BuiltInKey = (typeof builtInKeys)[number];

type W = Omit<Widget, 'filters' | 'grain' | 'range' | 'limit'> & Partial<Pick<Widget, 'filters' | 'grain' | 'range' | 'limit'>>;
const widget = (w: W): Widget => ({ filters: {}, grain: 'day', range: '30d', limit: 10, ...w });

export const builtInDashboards: Record<BuiltInKey, { name: string; description: string; widgets: Widget[] }> = {
  executive: {
    name: 'Executive summary',
    description: 'Posture by framework with its trend, the sensitive-data footprint, top risks and SLA breaches.',
    widgets: [
      widget({ id: 'posture', type: 'kpi', title: 'Compliance posture', metric: 'posture.score', x: 0, y: 0, w: 3, h: 2 }),
      widget({ id: 'sensitive', type: 'kpi', title: 'Sensitive columns', metric: 'sensitive.columns', x: 3, y: 0, w: 3, h: 2 }),
      widget({ id: 'coverage', type: 'kpi', title: 'Classified coverage', metric: 'classification.coverage', x: 6, y: 0, w: 3, h: 2 }),
      widget({ id: 'sla', type: 'kpi', title: 'SLA breaches', metric: 'findings.sla_breaches', x: 9, y: 0, w: 3, h: 2 }),
      widget({ id: 'posture-trend', type: 'line', title: 'Posture by framework', metric: 'posture.score', groupBy: 'framework', range: '90d', x: 0, y: 2, w: 8, h: 4 }),
      widget({ id: 'footprint', type: 'donut', title: 'Sensitive data by category', metric: 'sensitive.columns', groupBy: 'label', x: 8, y: 2, w: 4, h: 4 }),
      widget({ id: 'risks', type: 'topN', title: 'Top risks', metric: 'risks.top', limit: 8, x: 0, y: 6, w: 6, h: 4 }),
      widget({ id: 'attention', type: 'findings', title: 'Findings needing attention', metric: 'findings.attention', limit: 8, x: 6, y: 6, w: 6, h: 4 }),
      widget({ id: 'by-severity', type: 'bar', title: 'Open findings by severity', metric: 'findings.open', groupBy: 'severity', x: 0, y: 10, w: 6, h: 4 }),
      widget({ id: 'insights', type: 'insights', title: 'Insights', metric: 'insights.open', limit: 6, x: 6, y: 10, w: 6, h: 4 }),
    ],
  },
  operations: {
    name: 'Operations',
    description: 'Scans, workflow and pipeline runs, queue depth and failures.',
    widgets: [
      widget({ id: 'scan-success', type: 'kpi', title: 'Scan success rate', metric: 'scan.success_rate', range: '7d', x: 0, y: 0, w: 3, h: 2 }),
      widget({ id: 'failures', type: 'kpi', title: 'Failed runs', metric: 'runs.failures', range: '7d', x: 3, y: 0, w: 3, h: 2 }),
      widget({ id: 'queue', type: 'kpi', title: 'Queue depth', metric: 'queue.depth', x: 6, y: 0, w: 3, h: 2 }),
      widget({ id: 'wf-p95', type: 'kpi', title: 'Workflow p95 duration', metric: 'workflow.duration_p95', range: '7d', x: 9, y: 0, w: 3, h: 2 }),
      widget({ id: 'scan-runs', type: 'bar', title: 'Scan runs by status', metric: 'scan.runs', groupBy: 'status', range: '7d', x: 0, y: 2, w: 6, h: 4 }),
      widget({ id: 'wf-success', type: 'area', title: 'Workflow success rate', metric: 'workflow.success_rate', range: '30d', x: 6, y: 2, w: 6, h: 4 }),
      widget({ id: 'freshness', type: 'table', title: 'Scan freshness by source', metric: 'scan.freshness', groupBy: 'datasource', x: 0, y: 6, w: 6, h: 4 }),
      widget({ id: 'recent-failures', type: 'topN', title: 'Recent failures', metric: 'runs.failures', range: '7d', x: 6, y: 6, w: 6, h: 4 }),
      widget({ id: 'heatmap', type: 'heatmap', title: 'Activity by hour and weekday', metric: 'activity.volume', range: '30d', x: 0, y: 10, w: 12, h: 4 }),
    ],
  },
  'my-work': {
    name: 'My work',
    description: 'My open tasks, the findings assigned to me and the assets I own.',
    widgets: [
      widget({ id: 'my-tasks', type: 'table', title: 'My tasks', metric: 'tasks.mine', x: 0, y: 0, w: 6, h: 4 }),
      widget({ id: 'my-findings', type: 'findings', title: 'Findings assigned to me', metric: 'findings.mine', x: 6, y: 0, w: 6, h: 4 }),
      widget({ id: 'my-assets', type: 'table', title: 'Assets I own or steward', metric: 'assets.mine', x: 0, y: 4, w: 6, h: 4 }),
      widget({ id: 'my-activity', type: 'line', title: 'My activity', metric: 'activity.mine', range: '30d', x: 6, y: 4, w: 6, h: 4 }),
    ],
  },
};
