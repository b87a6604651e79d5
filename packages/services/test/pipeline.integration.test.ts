/**
 * Pipelines end to end on the demo shop (a real SQLite source, scanned
 * first): CRUD with versions and rights, a full five-stage run through the
 * real job worker, the per-stage concurrency limit, dead letters retried
 * after the data is fixed, metrics and health, lineage written once.
 */
import './pipeline-task-queue';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRacineWorker } from '../src/jobs/tasks';
import { listDeadLetters, retryDeadLetters } from '../src/pipeline/dead-letters';
import { executePipeline, runPipelineBatch } from '../src/pipeline/engine';
import { pipelineHealth } from '../src/pipeline/health';
import { runDuePipelines } from '../src/pipeline/jobs';
import { pipelineMetrics } from '../src/pipeline/metrics';
import {
  createPipeline,
  getPipeline,
  listPipelines,
  updatePipeline,
} from '../src/pipeline/pipelines';
import { getPipelineRun, type RunDetail, watchPipelineRun } from '../src/pipeline/run-views';
import { createPipelineInput, updatePipelineInput } from '../src/pipeline/schemas';
import { type PipelineScene, pipelineScene, sqliteRoot } from './pipeline-scene';

let runner: Runner;
beforeAll(async () => {
  process.env.RACINE_SQLITE_ROOTS = sqliteRoot;
  process.env.RACINE_PIPELINE_BACKOFF_MS = '50';
  const { testDeps } = await import('./harness');
  runner = await startRacineWorker(await testDeps(), {
    databaseUrl: process.env.DATABASE_URL!,
    concurrency: 6,
    pollIntervalMs: 100,
  });
});
afterAll(async () => {
  await runner?.stop();
  delete process.env.RACINE_SQLITE_ROOTS;
  delete process.env.RACINE_PIPELINE_BACKOFF_MS;
  rmSync(sqliteRoot, { recursive: true, force: true });
});

const allStages = [
  { id: 'ingest', kind: 'ingest' },
  { id: 'classify', kind: 'classify' },
  {
    id: 'quality',
    kind: 'quality',
    config: {
      maxNullRatio: 0.9,
      minUniqueRatio: 1,
      freshnessColumn: 'created_at',
      maxAgeHours: 24 * 365 * 90,
    },
  },
  { id: 'compliance', kind: 'compliance' },
  { id: 'publish', kind: 'publish', config: { tag: 'published', certify: 'certified' } },
];

async function makePipeline(
  s: PipelineScene,
  stages: unknown[] = allStages,
  extra: Record<string, unknown> = {},
) {
  return createPipeline(
    s.deps,
    s.steward.actor,
    s.steward.access,
    createPipelineInput.parse({
      workspaceId: s.workspace.id,
      name: `Pipeline ${crypto.randomUUID().slice(0, 8)}`,
      definition: {
        source: { kind: 'dataSourceTables', dataSourceId: s.source.id },
        stages,
        ...extra,
      },
    }),
  );
}

async function untilDone(
  s: PipelineScene,
  runId: string,
  timeoutMs = 60_000,
): Promise<RunDetail[]> {
  const seen: RunDetail[] = [];
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    for await (const { run } of watchPipelineRun(s.deps, runId, abort.signal, 50)) seen.push(run);
  } finally {
    clearTimeout(timer);
  }
  if (!['succeeded', 'failed'].includes(seen.at(-1)?.status ?? ''))
    throw new Error(
      `run ${runId} did not finish in ${timeoutMs} ms: ${JSON.stringify(seen.at(-1))}`,
    );
  return seen;
}

describe('pipeline CRUD', () => {
  it('creates, versions only definition changes, refuses another workspace’s source, and filters lists', async () => {
    const s = await pipelineScene({ scan: false });
    const p = await makePipeline(s);
    expect(p).toMatchObject({
      version: 1,
      workspaceId: s.workspace.id,
      dataSourceName: s.source.name,
      canManage: true,
      canExecute: true,
      lastRun: null,
      health: { status: 'unknown' },
    });
    expect(p.definition.stages[0]).toMatchObject({ concurrency: 2, batchSize: 10, maxAttempts: 3 });
    expect(p.definition.sla).toEqual({ freshnessHours: 24, maxErrorRate: 0.05 });

    const renamed = await updatePipeline(
      s.deps,
      s.steward.actor,
      s.steward.access,
      updatePipelineInput.parse({ id: p.id, name: `${p.name} renamed` }),
    );
    expect(renamed.version).toBe(1);
    const same = await updatePipeline(
      s.deps,
      s.steward.actor,
      s.steward.access,
      updatePipelineInput.parse({ id: p.id, definition: p.definition }),
    );
    expect(same.version).toBe(1);
    const changed = await updatePipeline(
      s.deps,
      s.steward.actor,
      s.steward.access,
      updatePipelineInput.parse({
        id: p.id,
        definition: { ...p.definition, stages: p.definition.stages.slice(0, 2) },
      }),
    );
    expect(changed.version).toBe(2);
    expect(changed.definition.stages.map((x) => x.id)).toEqual(['ingest', 'classify']);

    const other = await pipelineScene({ scan: false });
    await expect(
      createPipeline(
        s.deps,
        s.steward.actor,
        s.steward.access,
        createPipelineInput.parse({
          workspaceId: s.workspace.id,
          name: 'foreign',
          definition: {
            source: { kind: 'dataSourceTables', dataSourceId: other.source.id },
            stages: allStages,
          },
        }),
      ),
    ).rejects.toThrow(/does not belong to this pipeline's workspace/);
    await expect(
      makePipeline(s).then(() =>
        createPipeline(
          s.deps,
          s.steward.actor,
          s.steward.access,
          createPipelineInput.parse({
            workspaceId: s.workspace.id,
            name: p.name + ' renamed',
            definition: p.definition,
          }),
        ),
      ),
    ).rejects.toThrow(/already exists/);

    const asViewer = await getPipeline(s.deps, s.viewer.access, p.id);
    expect(asViewer).toMatchObject({ canManage: false, canExecute: false });
    const viewerList = await listPipelines(s.deps, s.viewer.access, {
      workspaceId: s.workspace.id,
      limit: 25,
    });
    expect(viewerList.items.map((i) => i.id)).toContain(p.id);
    expect('definition' in viewerList.items[0]!).toBe(false);
    const outsiderList = await listPipelines(s.deps, s.outsider.access, { limit: 100 });
    expect(outsiderList.items.map((i) => i.workspaceId)).not.toContain(s.workspace.id);
    const searched = await listPipelines(s.deps, s.member.access, {
      workspaceId: s.workspace.id,
      search: 'renamed',
      limit: 25,
    });
    expect(searched.items.map((i) => i.id)).toEqual([p.id]);
    const audit = await s.deps.db.activityEvent.findMany({
      where: { resourceId: p.id, type: { in: ['pipeline.created', 'pipeline.updated'] } },
      select: { type: true },
    });
    expect(audit.map((a) => a.type).sort()).toEqual([
      'pipeline.created',
      'pipeline.updated',
      'pipeline.updated',
      'pipeline.updated',
    ]);
  });
});

describe('a pipeline run', () => {
  it('takes every table of the demo shop through the five stages on the real worker, with metrics, health and lineage', async () => {
    const s = await pipelineScene();
    const p = await makePipeline(s);
    const { runId } = await executePipeline(s.deps, s.member.actor, p.id);
    const states = await untilDone(s, runId);
    const run = states.at(-1)!;
    expect(run).toMatchObject({ status: 'succeeded', itemsTotal: 6, error: null, version: 1 });
    expect(run.stages.map((x) => [x.stage, x.succeeded, x.dead])).toEqual(
      allStages.map((x) => [x.id, 6, 0]),
    );
    expect(states.length).toBeGreaterThan(1);

    const items = await s.deps.db.pipelineStageItem.findMany({
      where: { runId },
      select: { stage: true, itemKey: true, output: true },
    });
    // Each stage's output has its own shape; the assertions below read into them freely.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type StageOutput = Record<string, any>;
    const out = (stage: string, table: string) =>
      items.find((i) => i.stage === stage && i.itemKey.endsWith(`.${table}`))!
        .output as StageOutput;
    expect(out('ingest', 'customers')).toMatchObject({
      columns: 15,
      primaryKey: ['id'],
      columnsAdded: 0,
    });
    // Just scanned: the live source matches the catalog, so ingest writes nothing.
    expect(out('ingest', 'customers').catalogWrites).toBe(0);
    expect(out('classify', 'customers').columnsScanned).toBe(15);
    // The scan labelled the table already: the stage refreshes the labels rather than duplicating them.
    const emailLabels = await s.deps.db.classification.count({
      where: {
        asset: { dataSourceId: s.source.id, name: 'email', parent: { name: 'customers' } },
        label: 'PII.Email',
      },
    });
    expect(emailLabels).toBe(1);
    expect(out('quality', 'customers')).toMatchObject({
      passed: true,
      rowCount: 120,
      uniqueColumns: ['id'],
    });
    expect(out('quality', 'customers').columns.notes.nullRatio).toBeCloseTo(48 / 120, 5);
    expect(typeof out('quality', 'orders').freshnessAgeHours).toBe('number');
    expect(out('compliance', 'customers').frameworksEvaluated.length).toBeGreaterThan(0);
    // Personal data nobody owns: the built-in frameworks find something on customers, nothing on the product table.
    expect(out('compliance', 'customers').openFindings).toBeGreaterThan(0);
    expect(out('compliance', 'product').openFindings).toBe(0);
    expect(
      await s.deps.db.complianceEvaluation.count({
        where: { dataSourceId: s.source.id, trigger: 'workflow' },
      }),
    ).toBeGreaterThan(0);
    expect(out('publish', 'customers')).toMatchObject({
      tagged: 'published',
      lineageEdges: 15,
      lineageEdgesCreated: 15,
    });

    const customers = await s.deps.db.asset.findFirstOrThrow({
      where: { dataSourceId: s.source.id, type: 'table', name: 'customers' },
      select: { id: true, tags: true, certification: true },
    });
    expect(customers).toMatchObject({
      tags: expect.arrayContaining(['published']),
      certification: 'certified',
    });
    const edges = () =>
      s.deps.db.lineageEdge.count({
        where: { kind: 'pipeline', to: { dataSourceId: s.source.id } },
      });
    const columnCount = await s.deps.db.asset.count({
      where: { dataSourceId: s.source.id, type: 'column', removedAt: null },
    });
    expect(await edges()).toBe(columnCount);

    const metrics = await pipelineMetrics(s.deps, { id: p.id });
    expect(metrics.runId).toBe(runId);
    for (const m of metrics.stages) {
      expect(m).toMatchObject({
        processed: 6,
        succeeded: 6,
        failed: 0,
        dead: 0,
        inFlight: 0,
        errorRate: 0,
      });
      expect(m.p50Ms).toBeGreaterThanOrEqual(0);
      expect(m.p95Ms).toBeGreaterThanOrEqual(m.p50Ms!);
      expect(m.throughputPerSec).toBeGreaterThan(0);
    }
    const health = await pipelineHealth(s.deps, p.id);
    expect(health).toMatchObject({ status: 'healthy', reasons: [], errorRate: 0 });
    expect(health.freshnessHours).toBeLessThan(0.1);
    const detail = await getPipeline(s.deps, s.member.access, p.id);
    expect(detail.lastRun).toMatchObject({ id: runId, status: 'succeeded' });

    const audit = await s.deps.db.activityEvent.findMany({
      where: { resourceId: runId },
      select: { type: true },
    });
    expect(audit.map((a) => a.type).sort()).toEqual([
      'pipeline.run.started',
      'pipeline.run.succeeded',
    ]);

    // The source gains a column; a second run ingests it and publishes again: the lineage it
    // recorded is already there, only the new column's edge is added.
    const file = new Database(s.file);
    file.exec('ALTER TABLE product ADD COLUMN supplier_note TEXT');
    file.close();
    const again = await executePipeline(s.deps, s.member.actor, p.id);
    expect((await untilDone(s, again.runId)).at(-1)!.status).toBe('succeeded');
    const product = await s.deps.db.pipelineStageItem.findFirstOrThrow({
      where: { runId: again.runId, stage: 'ingest', itemKey: { endsWith: '.product' } },
      select: { output: true },
    });
    expect(product.output).toMatchObject({ columns: 6, columnsAdded: 1, catalogWrites: 1 });
    expect(await edges()).toBe(columnCount + 1);
    const second = await s.deps.db.pipelineStageItem.findFirstOrThrow({
      where: { runId: again.runId, stage: 'publish', itemKey: { endsWith: '.customers' } },
      select: { output: true },
    });
    expect(second.output).toMatchObject({
      lineageEdgesCreated: 0,
      lineageEdges: 15,
      changed: false,
    });
  });

  it('never has more batches of a stage in flight than its concurrency', async () => {
    const s = await pipelineScene();
    const p = await makePipeline(s, [
      {
        id: 'profile',
        kind: 'quality',
        concurrency: 2,
        batchSize: 1,
        config: { maxNullRatio: 1, minUniqueRatio: 0 },
      },
      { id: 'ingest', kind: 'ingest', concurrency: 1, batchSize: 2 },
    ]);
    const { runId } = await executePipeline(s.deps, s.member.actor, p.id);
    await untilDone(s, runId);
    const items = await s.deps.db.pipelineStageItem.findMany({
      where: { runId },
      select: { stage: true, startedAt: true, finishedAt: true, status: true },
    });
    expect(items.every((i) => i.status === 'succeeded')).toBe(true);
    // The most items of a stage whose [start, finish] overlap at one instant (batchSize 1: one item per batch).
    const maxOverlap = (stage: string) => {
      const own = items.filter((i) => i.stage === stage);
      return Math.max(
        ...own.map(
          (a) =>
            own.filter((b) => b.startedAt! <= a.startedAt! && b.finishedAt! > a.startedAt!).length,
        ),
      );
    };
    expect(maxOverlap('profile')).toBeLessThanOrEqual(2);
    expect(maxOverlap('profile')).toBe(2);
    // batchSize 2 and concurrency 1: batches of at most two (a batch does not wait to fill), one at a time.
    // Items of one batch share their claim time.
    const batches = new Map<number, { start: number; end: number; size: number }>();
    for (const i of items.filter((x) => x.stage === 'ingest')) {
      const b = batches.get(i.startedAt!.getTime()) ?? {
        start: i.startedAt!.getTime(),
        end: 0,
        size: 0,
      };
      batches.set(b.start, {
        ...b,
        end: Math.max(b.end, i.finishedAt!.getTime()),
        size: b.size + 1,
      });
    }
    const ordered = [...batches.values()].sort((a, b) => a.start - b.start);
    expect(ordered.every((b) => b.size <= 2)).toBe(true);
    expect(ordered.reduce((n, b) => n + b.size, 0)).toBe(6);
    for (let k = 1; k < ordered.length; k++)
      expect(ordered[k]!.start).toBeGreaterThanOrEqual(ordered[k - 1]!.end);
  });

  it('dead-letters the tables that fail a quality gate, then finishes them once the data is fixed and they are retried', async () => {
    const s = await pipelineScene();
    const p = await makePipeline(
      s,
      [
        {
          id: 'gate',
          kind: 'quality',
          maxAttempts: 2,
          batchSize: 2,
          config: { maxNullRatio: 0.35, failOnViolation: true },
        },
      ],
      { sla: { freshnessHours: 24, maxErrorRate: 0.1 } },
    );
    const { runId } = await executePipeline(s.deps, s.member.actor, p.id);
    const failed = (await untilDone(s, runId)).at(-1)!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('2 items dead-lettered (2 at gate)');
    const dead = await listDeadLetters(s.deps, { id: p.id, runId, limit: 25 });
    expect(dead.items.map((d) => d.itemKey.split('.').at(-1)).sort()).toEqual([
      'customers',
      'payments',
    ]);
    expect(dead.items.every((d) => d.attempts === 2)).toBe(true);
    expect(dead.items.find((d) => d.itemKey.endsWith('customers'))!.error).toMatch(
      /notes is 40\.0% null, above the 35\.0% allowed/,
    );
    const health = await pipelineHealth(s.deps, p.id);
    expect(health.status).toBe('failing');
    expect(health.errorRate).toBeCloseTo(2 / 6, 5);
    expect(health.reasons.join(' ')).toMatch(/No run has succeeded yet/);
    expect(health.reasons.join(' ')).toMatch(/error rate is 33%/);
    const metrics = await pipelineMetrics(s.deps, { id: p.id, runId });
    expect(metrics.stages[0]).toMatchObject({ succeeded: 4, dead: 2, errorRate: 2 / 6 });

    // Fix the data at the source, then retry the stage's dead letters.
    const file = new Database(s.file);
    file.exec(
      `UPDATE customers SET notes = '' WHERE notes IS NULL; UPDATE payments SET iban = '' WHERE iban IS NULL`,
    );
    file.close();
    const { retried } = await retryDeadLetters(s.deps, s.member.actor, { runId, stage: 'gate' });
    expect(retried).toBe(2);
    const fixed = (await untilDone(s, runId)).at(-1)!;
    expect(fixed).toMatchObject({ status: 'succeeded', error: null });
    expect(fixed.stages[0]).toMatchObject({ succeeded: 6, dead: 0 });
    expect((await listDeadLetters(s.deps, { id: p.id, limit: 25 })).items).toEqual([]);
    expect(await pipelineHealth(s.deps, p.id)).toMatchObject({ status: 'healthy', errorRate: 0 });
    expect(await retryDeadLetters(s.deps, s.member.actor, { runId })).toEqual({ retried: 0 });
  });

  it('a batch run again after a crash (effects applied, results never recorded) applies nothing twice', async () => {
    const s = await pipelineScene();
    await runner.stop();
    try {
      const p = await makePipeline(s, [
        {
          id: 'publish',
          kind: 'publish',
          concurrency: 1,
          batchSize: 6,
          config: { tag: 'gold-set' },
        },
      ]);
      const { runId } = await executePipeline(s.deps, s.member.actor, p.id);
      const claimed = await s.deps.db.pipelineStageItem.findMany({
        where: { runId, status: 'running' },
        select: { output: true },
      });
      expect(claimed).toHaveLength(6);
      const batchId = (claimed[0]!.output as { batch: string }).batch;
      // The first delivery does the work; the "crash" is that its results are reset to claimed, as if never committed.
      await runPipelineBatch(s.deps, { runId, stage: 'publish', batchId });
      await s.deps.db.pipelineStageItem.updateMany({
        where: { runId },
        data: { status: 'running', output: { batch: batchId } },
      });
      await s.deps.db.pipelineRun.update({
        where: { id: runId },
        data: { status: 'running', finishedAt: null },
      });
      await runPipelineBatch(s.deps, { runId, stage: 'publish', batchId });
      const run = await getPipelineRun(s.deps, runId);
      expect(run.status).toBe('succeeded');
      const tables = await s.deps.db.asset.findMany({
        where: { dataSourceId: s.source.id, type: 'table' },
        select: { tags: true, id: true },
      });
      expect(tables.every((t) => t.tags.filter((x) => x === 'gold-set').length === 1)).toBe(true);
      const edges = await s.deps.db.lineageEdge.count({
        where: { kind: 'pipeline', to: { dataSourceId: s.source.id } },
      });
      expect(edges).toBe(
        await s.deps.db.asset.count({
          where: { dataSourceId: s.source.id, type: 'column', removedAt: null },
        }),
      );
    } finally {
      const { testDeps } = await import('./harness');
      runner = await startRacineWorker(await testDeps(), {
        databaseUrl: process.env.DATABASE_URL!,
        concurrency: 6,
        pollIntervalMs: 100,
      });
    }
  });

  it('starts a scheduled pipeline once its cron slot has come, once per slot', async () => {
    const s = await pipelineScene({ scan: false });
    const p = await makePipeline(s, [{ id: 'ingest', kind: 'ingest' }], {
      schedule: '*/5 * * * *',
      source: { kind: 'dataSourceTables', dataSourceId: s.source.id, tableGlob: 'none_*' },
    });
    const unscheduled = await makePipeline(s, [{ id: 'ingest', kind: 'ingest' }]);
    await runDuePipelines(s.deps);
    // Created just now: its first slot is still ahead.
    expect(await s.deps.db.pipelineRun.count({ where: { pipelineId: p.id } })).toBe(0);
    await s.deps.db.pipeline.update({
      where: { id: p.id },
      data: { createdAt: new Date(Date.now() - 6 * 60_000) },
    });
    const started = await runDuePipelines(s.deps);
    const runs = await s.deps.db.pipelineRun.findMany({
      where: { pipelineId: { in: [p.id, unscheduled.id] } },
      select: { id: true, pipelineId: true, trigger: true, status: true },
    });
    expect(runs).toEqual([
      {
        id: started.find((id) => runs.some((r) => r.id === id))!,
        pipelineId: p.id,
        trigger: 'cron',
        status: 'succeeded',
      },
    ]);
    await runDuePipelines(s.deps);
    expect(await s.deps.db.pipelineRun.count({ where: { pipelineId: p.id } })).toBe(1);
  });

  it('judges freshness against the SLA: degraded past it, failing past twice it, with the reason in words', async () => {
    const s = await pipelineScene({ scan: false });
    const p = await makePipeline(s, [{ id: 'ingest', kind: 'ingest' }], {
      sla: { freshnessHours: 24, maxErrorRate: 0.05 },
      source: { kind: 'dataSourceTables', dataSourceId: s.source.id, tableGlob: 'none_*' },
    });
    expect(await pipelineHealth(s.deps, p.id)).toMatchObject({
      status: 'unknown',
      freshnessHours: null,
    });
    const { runId } = await executePipeline(s.deps, s.member.actor, p.id);
    expect(await pipelineHealth(s.deps, p.id)).toMatchObject({
      status: 'healthy',
      reasons: [],
      errorRate: null,
    });
    const hoursAgo = (h: number) =>
      s.deps.db.pipelineRun.update({
        where: { id: runId },
        data: { finishedAt: new Date(Date.now() - h * 3_600_000) },
      });
    await hoursAgo(30);
    const degraded = await pipelineHealth(s.deps, p.id);
    expect(degraded.status).toBe('degraded');
    expect(degraded.freshnessHours).toBeCloseTo(30, 1);
    expect(degraded.reasons).toEqual(['Last success 30.0 h ago, over the 24 h freshness SLA']);
    await hoursAgo(49);
    expect(await pipelineHealth(s.deps, p.id)).toMatchObject({
      status: 'failing',
      reasons: ['Last success 49.0 h ago, more than twice the 24 h freshness SLA'],
    });
  });
});
