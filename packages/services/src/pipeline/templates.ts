import type { PipelineDefinition } from './definition';

/** The UI replaces it with the source the user picks. */
export const TEMPLATE_SOURCE_PLACEHOLDER = '00000000-0000-4000-8000-000000000000';

export interface PipelineTemplate {
  key: string;
  name: string;
  description: string;
  definition: PipelineDefinition;
}

const source = { kind: 'dataSourceTables' as const, dataSourceId: TEMPLATE_SOURCE_PLACEHOLDER };
const sla = { freshnessHours: 24, maxErrorRate: 0.05 };
const stage = { concurrency: 2, batchSize: 10, maxAttempts: 3 };

const templates: PipelineTemplate[] = [
  {
    key: 'governed-publish',
    name: 'Ingest, classify, check and publish',
    description:
      'Every table of a source: refresh its metadata, classify its columns, check nulls, uniqueness of keys and freshness, evaluate compliance, then certify and publish it with lineage.',
    definition: {
      source,
      sla,
      stages: [
        { ...stage, id: 'ingest', kind: 'ingest', name: 'Ingest metadata', config: {} },
        { ...stage, id: 'classify', kind: 'classify', name: 'Classify columns', config: {} },
        {
          ...stage,
          id: 'quality',
          kind: 'quality',
          name: 'Quality checks',
          config: { maxNullRatio: 0.5, minUniqueRatio: 1, failOnViolation: false },
        },
        { ...stage, id: 'compliance', kind: 'compliance', name: 'Compliance', config: {} },
        {
          ...stage,
          id: 'publish',
          kind: 'publish',
          name: 'Publish',
          config: { tag: 'published', certify: 'certified' },
        },
      ],
    },
  },
  {
    key: 'quality-gate',
    name: 'Nightly quality gate',
    description:
      'Refresh metadata and fail the tables whose nulls or keys breach the thresholds, so they land in dead letters for a steward.',
    definition: {
      source,
      sla: { freshnessHours: 26, maxErrorRate: 0.1 },
      schedule: '0 2 * * *',
      stages: [
        { ...stage, id: 'ingest', kind: 'ingest', name: 'Ingest metadata', config: {} },
        {
          ...stage,
          id: 'quality',
          kind: 'quality',
          name: 'Quality gate',
          maxAttempts: 1,
          config: { maxNullRatio: 0.2, minUniqueRatio: 1, failOnViolation: true },
        },
      ],
    },
  },
  {
    key: 'classify-and-evaluate',
    name: 'Classify and evaluate compliance',
    description:
      'Classify every table’s columns and evaluate the enabled compliance frameworks on what was found.',
    definition: {
      source,
      sla,
      stages: [
        { ...stage, id: 'classify', kind: 'classify', name: 'Classify columns', config: {} },
        { ...stage, id: 'compliance', kind: 'compliance', name: 'Compliance', config: {} },
      ],
    },
  },
];

export function pipelineTemplates(): PipelineTemplate[] {
  return templates;
}
