/**
 * A pipeline batch survives its worker process: the batch is claimed by a
 * worker in another process, which is killed with SIGKILL while the batch is
 * profiling (held up by a lock on the SQLite source); a new worker process
 * runs the same claimed batch again and the run finishes, every item once,
 * with no second claim (attempts stay 1).
 */
import './pipeline-task-queue';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { executePipeline } from '../src/pipeline/engine';
import { createPipeline } from '../src/pipeline/pipelines';
import { getPipelineRun } from '../src/pipeline/run-views';
import { createPipelineInput } from '../src/pipeline/schemas';
import { pipelineScene, sqliteRoot } from './pipeline-scene';
import { waitFor } from './wait-for';
import { killProcess, workerProcesses } from './worker-process';

const here = path.dirname(fileURLToPath(import.meta.url));
const workers = workerProcesses(path.join(here, 'pipeline-crash-worker.ts'), {
  RACINE_SQLITE_ROOTS: sqliteRoot,
  RACINE_BUS: 'memory',
});

beforeAll(() => {
  process.env.RACINE_SQLITE_ROOTS = sqliteRoot;
});
afterAll(async () => {
  await workers.killAll();
  rmSync(sqliteRoot, { recursive: true, force: true });
});

it(
  're-runs a claimed batch whose worker process was killed, and the run finishes with every item once',
  { timeout: 180_000 },
  async () => {
    const s = await pipelineScene();
    const p = await createPipeline(
      s.deps,
      s.steward.actor,
      s.steward.access,
      createPipelineInput.parse({
        workspaceId: s.workspace.id,
        name: `Crash ${crypto.randomUUID().slice(0, 8)}`,
        definition: {
          source: { kind: 'dataSourceTables', dataSourceId: s.source.id },
          stages: [
            {
              id: 'profile',
              kind: 'quality',
              concurrency: 1,
              batchSize: 6,
              config: { maxNullRatio: 1 },
            },
          ],
        },
      }),
    );
    // A writer's exclusive lock: the worker's reads wait on it (SQLite's busy timeout), so the batch is mid-flight when killed.
    const writer = new Database(s.file);
    writer.exec('BEGIN EXCLUSIVE');
    const first = await workers.start();
    const { runId } = await executePipeline(s.deps, s.member.actor, p.id);
    await waitFor(
      'the batch to be taken by the worker',
      async () => {
        const claimed = await s.deps.db.pipelineStageItem.findFirst({
          where: { runId, status: 'running' },
          select: { output: true },
        });
        const key = `pipeline-batch:${(claimed?.output as { batch?: string } | null)?.batch}`;
        return (
          (
            await s.deps.db.$queryRaw<
              { n: bigint }[]
            >`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ${key} AND locked_by IS NOT NULL`
          )[0]!.n > 0n
        );
      },
      60_000,
      25,
    );
    await new Promise((r) => setTimeout(r, 300));
    await killProcess(first, 'SIGKILL');
    writer.exec('ROLLBACK');
    writer.close();

    const atKill = await s.deps.db.pipelineStageItem.findMany({
      where: { runId },
      select: { status: true, attempts: true },
    });
    expect(atKill).toHaveLength(6);
    expect(atKill.every((i) => i.status === 'running' && i.attempts === 1)).toBe(true);
    // Nothing moves while no worker runs.
    await new Promise((r) => setTimeout(r, 800));
    expect((await getPipelineRun(s.deps, runId)).status).toBe('running');

    const second = await workers.start();
    const done = await waitFor(
      'the run to finish',
      async () => {
        const run = await getPipelineRun(s.deps, runId);
        return run.status === 'running' ? null : run;
      },
      90_000,
      100,
    );
    await killProcess(second, 'SIGTERM');
    expect(done).toMatchObject({ status: 'succeeded', error: null });
    expect(done.stages[0]).toMatchObject({ succeeded: 6, dead: 0, running: 0 });
    const items = await s.deps.db.pipelineStageItem.findMany({
      where: { runId },
      select: { attempts: true, output: true },
    });
    // The same claim ran again (no second attempt), and every item has its real profile.
    expect(items.map((i) => i.attempts)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(items.every((i) => (i.output as { passed?: boolean }).passed === true)).toBe(true);
  },
);
