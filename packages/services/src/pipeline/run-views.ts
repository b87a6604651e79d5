import type { DbOrTx, ExecutionStatus, PipelineItemStatus, TriggerKind } from '@racine/db';
import type { z } from 'zod';
import type { ServiceDeps } from '../deps';
import { notFound } from '../errors';
import { type PipelineDefinition, parsePipelineDefinition, type StageKind } from './definition';
import type { pipelineRunsInput } from './schemas';
import { wakeableSleep } from '../events/wake-sleep';

export interface StageCounts {
  stage: string;
  kind: StageKind;
  pending: number;
  running: number;
  succeeded: number;
  failed: number;
  dead: number;
}

export interface RunSummary {
  id: string;
  status: ExecutionStatus;
  trigger: TriggerKind;
  itemsTotal: number;
  /** The pipeline version the run started with (its definition is snapshotted on the run). */
  version: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
  stages: StageCounts[];
}

export interface RunDetail extends RunSummary {
  pipelineId: string;
  pipelineName: string;
  definition: PipelineDefinition;
}

export const TERMINAL_RUN: ReadonlySet<ExecutionStatus> = new Set([
  'succeeded',
  'failed',
  'cancelled',
]);

const runSelect = {
  id: true,
  status: true,
  trigger: true,
  itemsTotal: true,
  version: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  error: true,
  definition: true,
  pipelineId: true,
  pipeline: { select: { name: true } },
} as const;

/** Summaries of these runs (in the given order): item counts per stage and status from one grouped query. */
export async function runSummaries(db: DbOrTx, runIds: string[]): Promise<RunDetail[]> {
  if (!runIds.length) return [];
  const [runs, counts] = await Promise.all([
    db.pipelineRun.findMany({ where: { id: { in: runIds } }, select: runSelect }),
    db.pipelineStageItem.groupBy({
      by: ['runId', 'stage', 'status'],
      where: { runId: { in: runIds } },
      _count: { _all: true },
    }),
  ]);
  const byId = new Map(runs.map((r) => [r.id, r]));
  return runIds.flatMap((id) => {
    const run = byId.get(id);
    if (!run) return [];
    const definition = parsePipelineDefinition(run.definition);
    const stages = definition.stages.map((s) => {
      const c: StageCounts = {
        stage: s.id,
        kind: s.kind,
        pending: 0,
        running: 0,
        succeeded: 0,
        failed: 0,
        dead: 0,
      };
      for (const row of counts)
        if (row.runId === id && row.stage === s.id)
          c[row.status as PipelineItemStatus] += row._count._all;
      return c;
    });
    const { pipeline, ...rest } = run;
    return [{ ...rest, definition, pipelineName: pipeline.name, stages }];
  });
}

export async function getPipelineRun(deps: ServiceDeps, runId: string): Promise<RunDetail> {
  const [run] = await runSummaries(deps.db, [runId]);
  if (!run) throw notFound('Pipeline run', runId);
  return run;
}

const summaryOnly = ({
  definition: _d,
  pipelineId: _p,
  pipelineName: _n,
  ...summary
}: RunDetail): RunSummary => summary;

export async function listPipelineRuns(
  deps: ServiceDeps,
  input: z.output<typeof pipelineRunsInput>,
): Promise<{ items: RunSummary[]; nextCursor: string | null }> {
  const pipeline = await deps.db.pipeline.findFirst({
    where: { id: input.id, deletedAt: null },
    select: { id: true },
  });
  if (!pipeline) throw notFound('Pipeline', input.id);
  const rows = await deps.db.pipelineRun.findMany({
    where: { pipelineId: input.id },
    select: { id: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  const items = (
    await runSummaries(
      deps.db,
      page.map((r) => r.id),
    )
  ).map(summaryOnly);
  return { items, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

/**
 * The run's state whenever it changes, until it ends. Wakes on the bus and
 * polls, so it works with any number of workers; a reconnecting watcher gets
 * the current state (a state, not deltas: nothing can be missed).
 */
export async function* watchPipelineRun(
  deps: ServiceDeps,
  runId: string,
  signal?: AbortSignal,
  pollMs = 400,
): AsyncGenerator<{ key: string; run: RunDetail }> {
  let last = '';
  const nap = wakeableSleep();
  const unsubscribe = deps.bus.onNotify(nap.wake);
  signal?.addEventListener('abort', nap.wake);
  try {
    while (!signal?.aborted) {
      const run = await getPipelineRun(deps, runId);
      const key = [
        run.status,
        ...run.stages.map((s) => `${s.pending}.${s.running}.${s.succeeded}.${s.failed}.${s.dead}`),
      ].join(':');
      if (key !== last) {
        last = key;
        yield { key, run };
      }
      if (TERMINAL_RUN.has(run.status)) return;
      await nap.sleep(pollMs);
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener('abort', nap.wake);
  }
}
