import type { StageDraft, StageKind } from './types';

export const stageKinds: { kind: StageKind; label: string; description: string }[] = [
  {
    kind: 'ingest',
    label: 'Ingest metadata',
    description: 'Reads each table’s columns and row count from the source into the catalog.',
  },
  {
    kind: 'classify',
    label: 'Classify',
    description: 'Runs the detectors over each table’s columns and suggests labels.',
  },
  {
    kind: 'quality',
    label: 'Quality checks',
    description:
      'Null ratio, uniqueness and freshness against thresholds; a breach fails the item.',
  },
  {
    kind: 'compliance',
    label: 'Compliance',
    description: 'Evaluates the workspace’s frameworks on each table.',
  },
  {
    kind: 'publish',
    label: 'Publish',
    description:
      'Tags or certifies what passed, and records lineage for what the pipeline produced.',
  },
];

export const stageKindLabel = (kind: string) =>
  stageKinds.find((k) => k.kind === kind)?.label ?? kind;

/** A new stage of a kind, with the schema's defaults and an id not used yet. */
export function newStage(kind: StageKind, taken: readonly string[]): StageDraft {
  let id: string = kind;
  for (let n = 2; taken.includes(id); n++) id = `${kind}-${n}`;
  return { id, kind, concurrency: 2, batchSize: 10, maxAttempts: 3, config: {} } as StageDraft;
}
