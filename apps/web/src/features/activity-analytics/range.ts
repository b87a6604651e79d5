/** The range picker's presets, anchored to a moment so the query key stays stable while the page is open. */
export const rangePresets = [
  { value: '7d', label: 'Last 7 days', days: 7 },
  { value: '30d', label: 'Last 30 days', days: 30 },
  { value: '90d', label: 'Last 90 days', days: 90 },
  { value: '365d', label: 'Last 12 months', days: 365 },
] as const;
export type RangePreset = (typeof rangePresets)[number]['value'];

export function rangeOf(preset: RangePreset, anchor: number): { from: Date; to: Date } {
  const days = rangePresets.find((p) => p.value === preset)!.days;
  return { from: new Date(anchor - days * 86_400_000), to: new Date(anchor) };
}

/** The browser's time zone, so the heatmap's hours are the reader's. */
export const browserTimeZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

export const sourceGroups = ['activity', 'catalog', 'classification', 'compliance', 'datasource', 'document', 'kb', 'notification', 'pipeline', 'rbac', 'scan', 'user', 'workflow', 'workspace'] as const;
