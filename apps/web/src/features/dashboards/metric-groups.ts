/** The catalogue's metrics grouped for the editor's picker, by their key's area ("findings.open" → Findings). */
const areas: [prefix: string, label: string][] = [
  ['posture.', 'Compliance posture'],
  ['findings.', 'Findings'],
  ['risks.', 'Findings'],
  ['sensitive.', 'Sensitive data'],
  ['classification.', 'Classification'],
  ['scan.', 'Scans'],
  ['workflow.', 'Workflows & pipelines'],
  ['pipeline.', 'Workflows & pipelines'],
  ['runs.', 'Workflows & pipelines'],
  ['queue.', 'Workflows & pipelines'],
  ['activity.', 'Activity'],
  ['insights.', 'Insights'],
];

export function metricArea(key: string): string {
  if (key.endsWith('.mine')) return 'My work';
  return areas.find(([p]) => key.startsWith(p))?.[1] ?? 'Other';
}

export function groupMetrics<T extends { key: string }>(metrics: readonly T[]): { area: string; metrics: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const m of metrics) {
    const area = metricArea(m.key);
    groups.set(area, [...(groups.get(area) ?? []), m]);
  }
  return [...groups].map(([area, ms]) => ({ area, metrics: ms }));
}

export const dimensionLabel: Record<string, string> = {
  workspace: 'Workspace',
  datasource: 'Data source',
  framework: 'Framework',
  group: 'Activity group',
  user: 'User',
  severity: 'Severity',
  label: 'Label category',
  type: 'Type',
  status: 'Status',
};
