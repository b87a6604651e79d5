import { Cron } from 'croner';
import { systemActor } from '../actor';
import type { ServiceDeps } from '../deps';
import { executePipeline } from './engine';

export const PIPELINE_TICK_TASK = 'pipeline:tick';

/**
 * The `pipeline:tick` job (every minute): starts each enabled pipeline whose
 * schedule has come due since its last scheduled run (or since it was created),
 * unless a run of it is still going. graphile-worker's crontab runs one tick per
 * minute across all workers, so a slot starts one run.
 */
export async function runDuePipelines(deps: ServiceDeps): Promise<string[]> {
  const rows = await deps.db.$queryRaw<
    { id: string; schedule: string; since: Date; active: boolean }[]
  >`
    SELECT p.id, p.definition->>'schedule' AS schedule,
           coalesce((SELECT max(r."createdAt") FROM "PipelineRun" r WHERE r."pipelineId" = p.id AND r.trigger = 'cron'), p."createdAt") AS since,
           EXISTS (SELECT 1 FROM "PipelineRun" r WHERE r."pipelineId" = p.id AND r.status IN ('queued', 'running')) AS active
      FROM "Pipeline" p
     WHERE p.enabled AND p."deletedAt" IS NULL AND p.definition->>'schedule' IS NOT NULL`;
  const started: string[] = [];
  const now = deps.clock();
  for (const row of rows) {
    if (row.active) continue;
    const due = new Cron(row.schedule, { paused: true }).nextRun(row.since);
    if (!due || due > now) continue;
    const { runId } = await executePipeline(deps, systemActor, row.id, 'cron', {
      onlyIfNoRunOfTriggerSince: row.since,
    }).catch(() => ({ runId: null }));
    if (runId) started.push(runId);
  }
  return started;
}
