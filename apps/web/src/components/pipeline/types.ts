import type { RouterInputs, RouterOutputs } from '~/trpc/types';

export type PipelineDetail = RouterOutputs['pipeline']['get'];
export type PipelineListItem = RouterOutputs['pipeline']['list']['items'][number];
export type PipelineTemplate = RouterOutputs['pipeline']['templates'][number];
export type RunSummary = RouterOutputs['pipeline']['runs']['items'][number];
export type RunDetail = RouterOutputs['pipeline']['getRun'];
export type StageCounts = RunSummary['stages'][number];
export type Health = RouterOutputs['pipeline']['health'];
export type HealthStatus = Health['status'];
export type StageMetrics = RouterOutputs['pipeline']['metrics']['stages'][number];
export type DeadLetter = RouterOutputs['pipeline']['deadLetters']['items'][number];
export type RunStatus = RunSummary['status'];

/** What create/update accept as a definition (the form edits this shape). */
export type Definition = NonNullable<RouterInputs['pipeline']['update']['definition']>;
export type StageDraft = Definition['stages'][number];
export type StageKind = StageDraft['kind'];
