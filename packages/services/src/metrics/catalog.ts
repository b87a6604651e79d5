/**
 * The metric catalogue: one entry per key. The computations live in small
 * files by area; this file says what each metric means. Dashboards' built-in
 * layouts (dashboards/builtins.ts) name these keys, and a test checks that
 * every key they use is here.
 */
import { coverage, coverageSnapshot, labelStates, precision, sensitiveColumns, sensitiveColumnsSnapshot } from './classification';
import { postureScore, postureSnapshot } from './posture';
import type { MetricDefinition } from './types';

const scanAndReview = ['scan.', 'classification.', 'datasource.deleted', 'catalog.'] as const;
const compliance = ['compliance.', 'scan.run.', 'datasource.deleted'] as const;

export const metricCatalog: MetricDefinition[] = [
  {
    key: 'posture.score',
    title: 'Compliance posture',
    description:
      'Passed checks ÷ all checks of the enabled frameworks at their latest evaluation, over the data sources you may read; grouped by framework, one score and trend per framework.',
    unit: 'percent',
    dimensions: ['framework', 'datasource', 'workspace'],
    shapes: ['kpi', 'line', 'area', 'bar', 'table'],
    snapshot: true,
    invalidatedBy: compliance,
    compute: postureScore,
    snapshotRows: postureSnapshot,
  },
  {
    key: 'sensitive.columns',
    title: 'Sensitive columns',
    description:
      'Columns a scan still finds that carry at least one accepted or suggested PII, PCI, PHI, secret or GDPR special-category label; grouped by label, one count per category (a column counts once per category).',
    unit: 'count',
    dimensions: ['label', 'datasource', 'workspace'],
    shapes: ['kpi', 'line', 'area', 'bar', 'donut', 'table'],
    snapshot: true,
    invalidatedBy: scanAndReview,
    compute: sensitiveColumns,
    snapshotRows: sensitiveColumnsSnapshot,
  },
  {
    key: 'classification.coverage',
    title: 'Classified coverage',
    description: 'Columns with at least one label no one rejected ÷ columns a scan has profiled (and still finds), per visible data source and overall.',
    unit: 'percent',
    dimensions: ['datasource', 'workspace'],
    shapes: ['kpi', 'line', 'area', 'bar', 'table'],
    snapshot: true,
    invalidatedBy: scanAndReview,
    compute: coverage,
    snapshotRows: coverageSnapshot,
  },
  {
    key: 'classification.labels',
    title: 'Labels by state',
    description: 'Labels on columns a scan still finds, by review state: accepted (by a person or automatically), suggested (awaiting review) and rejected.',
    unit: 'count',
    dimensions: ['status', 'datasource', 'workspace'],
    shapes: ['kpi', 'bar', 'donut', 'table'],
    snapshot: false,
    invalidatedBy: scanAndReview,
    compute: labelStates,
  },
  {
    key: 'classification.precision',
    title: 'Detector precision',
    description:
      'Labels people accepted ÷ labels people reviewed (accepted or rejected), per detector and overall, over the visible sources; meta.learned is the smoothed precision the scanner uses.',
    unit: 'percent',
    dimensions: ['label', 'datasource', 'workspace'],
    shapes: ['kpi', 'bar', 'table'],
    snapshot: false,
    invalidatedBy: ['classification.', 'scan.'],
    compute: precision,
  },
];
