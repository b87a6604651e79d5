import type { Prisma, ScanRun } from '@racine/db';
import { Cron } from 'croner';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { enqueueJob } from '../jobs/queue';
import type { AccessChecker } from '../rbac/resolve';
import type { createScanInput, listRunsInput, listScansInput, updateScanInput } from './schemas';
import { wakeableSleep } from '../events/wake-sleep';

// graphile-worker task names allow letters, digits, _ - : and / (no dots).
export const SCAN_TASK = 'scan:run';
export const TERMINAL: ReadonlySet<ScanRun['status']> = new Set(['succeeded', 'failed', 'cancelled']);

export const scanSelect = {
  id: true,
  name: true,
  dataSourceId: true,
  ruleSetId: true,
  schedule: true,
  enabled: true,
  nextRunAt: true,
  createdAt: true,
  updatedAt: true,
  dataSource: { select: { id: true, name: true, engine: true, environment: true, workspaceId: true } },
  ruleSet: { select: { id: true, name: true, key: true } },
  runs: { orderBy: { queuedAt: 'desc' }, take: 1, select: { id: true, status: true, queuedAt: true, finishedAt: true, tablesDone: true, tablesTotal: true } },
} satisfies Prisma.ScanSelect;

export const runSelect = {
  id: true,
  scanId: true,
  dataSourceId: true,
  status: true,
  trigger: true,
  queuedAt: true,
  startedAt: true,
  finishedAt: true,
  attempts: true,
  cancelRequested: true,
  tablesTotal: true,
  tablesDone: true,
  columnsScanned: true,
  columnsClassified: true,
  labelsSuggested: true,
  labelsAutoAccepted: true,
  driftAdded: true,
  driftRemoved: true,
  driftChanged: true,
  error: true,
  tableErrors: true,
  timings: true,
  scan: { select: { id: true, name: true } },
  dataSource: { select: { id: true, name: true, workspaceId: true } },
} satisfies Prisma.ScanRunSelect;

export const nextRunAt = (schedule: string | null, from: Date) => (schedule ? (new Cron(schedule, { paused: true }).nextRun(from) ?? null) : null);

export async function createScan(deps: ServiceDeps, actor: Actor, input: z.output<typeof createScanInput>) {
  return mutate(deps, actor, { type: 'scan.created', category: 'configuration', sourceGroup: 'scan', targetGroup: 'datasource', action: 'create', resourceType: 'scan' }, async (tx) => {
    const [source, ruleSet] = await Promise.all([
      tx.dataSource.findUnique({ where: { id: input.dataSourceId }, select: { id: true, workspaceId: true } }),
      tx.scanRuleSet.findUnique({ where: { id: input.ruleSetId }, select: { id: true } }),
    ]);
    if (!source) throw notFound('Data source', input.dataSourceId);
    if (!ruleSet) throw new AppError('NOT_FOUND', `Rule set ${input.ruleSetId} was not found`, { field: 'ruleSetId' });
    const scan = await tx.scan.create({
      data: { ...input, nextRunAt: input.enabled ? nextRunAt(input.schedule, deps.clock()) : null, createdById: actor.kind === 'system' ? null : actor.userId },
      select: scanSelect,
    });
    return { result: scan, resourceId: scan.id, workspaceId: source.workspaceId, after: { name: scan.name, dataSourceId: scan.dataSourceId, ruleSetId: scan.ruleSetId, schedule: scan.schedule } };
  });
}

export async function updateScan(deps: ServiceDeps, actor: Actor, input: z.output<typeof updateScanInput>) {
  const { id, ...changes } = input;
  return mutate(deps, actor, { type: 'scan.updated', category: 'configuration', sourceGroup: 'scan', action: 'update', resourceType: 'scan', resourceId: id }, async (tx) => {
    const current = await tx.scan.findUnique({ where: { id }, select: scanSelect });
    if (!current) throw notFound('Scan', id);
    const schedule = changes.schedule !== undefined ? changes.schedule : current.schedule;
    const enabled = changes.enabled ?? current.enabled;
    const updated = await tx.scan.update({ where: { id }, data: { ...changes, nextRunAt: enabled ? nextRunAt(schedule, deps.clock()) : null }, select: scanSelect });
    const view = (s: typeof current) => ({ name: s.name, ruleSetId: s.ruleSetId, schedule: s.schedule, enabled: s.enabled });
    return { result: updated, workspaceId: current.dataSource.workspaceId, before: view(current), after: view(updated) };
  });
}

export async function deleteScan(deps: ServiceDeps, actor: Actor, id: string) {
  return mutate(deps, actor, { type: 'scan.deleted', category: 'configuration', sourceGroup: 'scan', action: 'delete', resourceType: 'scan', resourceId: id }, async (tx) => {
    const current = await tx.scan.findUnique({ where: { id }, select: scanSelect });
    if (!current) throw notFound('Scan', id);
    const active = await tx.scanRun.count({ where: { scanId: id, status: { in: ['queued', 'running'] } } });
    if (active) throw new AppError('CONFLICT', 'This scan has a run in progress; cancel it first');
    await tx.scan.delete({ where: { id } });
    return { result: { id, deleted: true as const }, workspaceId: current.dataSource.workspaceId, before: { name: current.name, dataSourceId: current.dataSourceId } };
  });
}

export async function getScan(deps: ServiceDeps, id: string) {
  const scan = await deps.db.scan.findUnique({ where: { id }, select: scanSelect });
  if (!scan) throw notFound('Scan', id);
  return scan;
}

export async function listScans(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof listScansInput>) {
  const visible = await access.dataSourcesWith('scan.read');
  const where: Prisma.ScanWhereInput = {
    ...(visible === 'all' ? {} : { dataSourceId: { in: visible } }),
    ...(input.dataSourceId ? { dataSourceId: input.dataSourceId } : {}),
  };
  const rows = await deps.db.scan.findMany({ where, select: scanSelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}) });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

/**
 * Queues a run. The run row and its job are written in one transaction, so a
 * run never exists without a job to execute it (or the reverse). One run per
 * scan at a time: a second request while one is queued or running is refused.
 * `audit` adds to the activity row's details (a workflow step records which
 * step started the run, and finds the run again by it after a crash).
 */
export async function runScan(deps: ServiceDeps, actor: Actor, scanId: string, trigger: 'manual' | 'schedule' | 'workflow' = 'manual', audit: Record<string, unknown> = {}) {
  return mutate(deps, actor, { type: 'scan.run.queued', category: 'execution', sourceGroup: 'scan', targetGroup: 'classification', action: 'run', resourceType: 'scanRun' }, async (tx) => {
    const scan = await tx.scan.findUnique({ where: { id: scanId }, select: { id: true, name: true, dataSourceId: true, dataSource: { select: { workspaceId: true } } } });
    if (!scan) throw notFound('Scan', scanId);
    const active = await tx.scanRun.findFirst({ where: { scanId, status: { in: ['queued', 'running'] } }, select: { id: true } });
    if (active) throw new AppError('CONFLICT', `Scan "${scan.name}" is already running (run ${active.id})`, { runId: active.id });
    const run = await tx.scanRun.create({
      data: { scanId, dataSourceId: scan.dataSourceId, trigger, triggeredById: actor.kind === 'system' ? null : actor.userId, queuedAt: deps.clock() },
      select: runSelect,
    });
    await enqueueJob(tx, SCAN_TASK, { runId: run.id }, { jobKey: `scan-run:${run.id}`, maxAttempts: 3 });
    return { result: run, resourceId: run.id, workspaceId: scan.dataSource.workspaceId, details: { ...audit, scanId, scanName: scan.name, trigger, dataSourceId: scan.dataSourceId } };
  });
}

/** Asks a run to stop. A queued run is cancelled at once; a running one stops after its current table. */
export async function cancelRun(deps: ServiceDeps, actor: Actor, runId: string) {
  return mutate(deps, actor, { type: 'scan.run.cancel-requested', category: 'execution', sourceGroup: 'scan', action: 'cancel', resourceType: 'scanRun', resourceId: runId }, async (tx) => {
    const run = await tx.scanRun.findUnique({ where: { id: runId }, select: { status: true, dataSource: { select: { workspaceId: true } } } });
    if (!run) throw notFound('Scan run', runId);
    if (TERMINAL.has(run.status)) throw new AppError('CONFLICT', `The run already ${run.status === 'cancelled' ? 'was cancelled' : run.status}`);
    const data = run.status === 'queued' ? { status: 'cancelled' as const, cancelRequested: true, finishedAt: deps.clock() } : { cancelRequested: true };
    const updated = await tx.scanRun.update({ where: { id: runId }, data, select: runSelect });
    return { result: updated, workspaceId: run.dataSource.workspaceId, before: { status: run.status }, after: { status: updated.status, cancelRequested: true } };
  });
}

export async function getRun(deps: ServiceDeps, runId: string) {
  const run = await deps.db.scanRun.findUnique({ where: { id: runId }, select: { ...runSelect, changes: { orderBy: [{ change: 'asc' }, { qualifiedName: 'asc' }], take: 1000 } } });
  if (!run) throw notFound('Scan run', runId);
  return run;
}

export async function listRuns(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof listRunsInput>) {
  const visible = await access.dataSourcesWith('scan.read');
  const where: Prisma.ScanRunWhereInput = {
    ...(visible === 'all' ? {} : { dataSourceId: { in: visible } }),
    ...(input.dataSourceId ? { dataSourceId: input.dataSourceId } : {}),
    ...(input.scanId ? { scanId: input.scanId } : {}),
    ...(input.status ? { status: input.status } : {}),
  };
  const rows = await deps.db.scanRun.findMany({ where, select: runSelect, orderBy: [{ queuedAt: 'desc' }, { id: 'desc' }], take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}) });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

/**
 * Live progress of a run: yields its state whenever it changes, until it
 * ends. Wakes on the bus and polls, so it works with any number of workers.
 * A reconnecting watcher simply gets the current state: progress is a state,
 * not a stream of deltas, so nothing can be missed.
 */
export async function* watchRun(deps: ServiceDeps, runId: string, signal?: AbortSignal, pollMs = 400) {
  let last = '';
  const nap = wakeableSleep();
  const unsubscribe = deps.bus.onNotify(nap.wake);
  signal?.addEventListener('abort', nap.wake);
  try {
    while (!signal?.aborted) {
      const run = await deps.db.scanRun.findUnique({ where: { id: runId }, select: runSelect });
      if (!run) throw notFound('Scan run', runId);
      const key = [run.status, run.tablesDone, run.tablesTotal, run.columnsClassified, run.labelsSuggested, run.cancelRequested, run.attempts].join(':');
      if (key !== last) {
        last = key;
        yield run;
      }
      if (TERMINAL.has(run.status)) return;
      await nap.sleep(pollMs);
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener('abort', nap.wake);
  }
}
