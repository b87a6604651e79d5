import { systemActor } from '../actor';
import { appendActivity } from '../activity/append';
import { enqueueEvaluationsAfterScan } from '../compliance/jobs';
import { recordActivity } from '../activity/record';
import { precisionTable } from '../classification/precision';
import { isTransient } from '../connectors';
import type { Connector, DiscoverResult } from '../connectors/types';
import { connectorForSource } from '../datasource/connect';
import type { ServiceDeps } from '../deps';
import { classifyOptionsFor } from '../rulesets/preview';
import { planScan } from './plan';
import { sharedClassifyPool } from './classify-pool';
import { classifyTable, feedbackCounts, flushLabels, storedLabels, type TableOutcome } from './classify-table';
import { qualify, syncCatalog } from './catalog-sync';
import { recordForeignKeyLineage } from './lineage';
import { recomputeSensitivity } from './sensitivity';
import { TERMINAL } from './scans';

export class TransientScanError extends Error {}

export interface RunScanOptions {
  /** Tables sampled at once (and the connector's pool size). */
  concurrency?: number;
  /** This is the job's last attempt: a transient failure fails the run instead of retrying. */
  lastAttempt?: boolean;
  /** For tests: build the connector yourself. */
  connector?: (deps: ServiceDeps) => Connector;
  /**
   * Worker threads that run the detectors (the process-wide pool of
   * classify-pool.ts); 0 or unset classifies in this thread. Opt-in: see
   * RACINE_SCAN_CLASSIFY_THREADS in the scan README.
   */
  classifyThreads?: number;
}

/**
 * New labels written per statement. Each row carries its evidence (~3 KB of
 * JSON), and a statement's parameters exist three times over while it is
 * sent (the rows, their serialised arrays, Prisma's request): at 2,000 rows
 * that was ~20 MB of live heap during the scan; 500 keeps it near 5 MB for
 * a handful more round trips (20 for 10,000 labels).
 */
const LABEL_FLUSH_ROWS = 500;

/** Milliseconds between progress writes; the last one always happens. */
const PROGRESS_EVERY_MS = 150;

/**
 * Executes one scan run: discover → sync the catalog (with drift) → sample and
 * classify every in-scope table → lineage from foreign keys → sensitivity.
 * Idempotent: a retried or resumed run redoes the work with upserts, so it
 * never duplicates assets or labels. Throws TransientScanError for the job
 * queue to retry with backoff; every other failure ends the run as failed.
 */
export async function executeScanRun(deps: ServiceDeps, runId: string, options: RunScanOptions = {}): Promise<void> {
  const run = await deps.db.scanRun.findUnique({ where: { id: runId }, include: { scan: { include: { ruleSet: true } }, dataSource: true } });
  if (!run || TERMINAL.has(run.status)) return;
  const source = run.dataSource;
  const event = { sourceGroup: 'scan', targetGroup: 'classification', resourceType: 'scanRun', resourceId: run.id, workspaceId: source.workspaceId } as const;
  if (run.cancelRequested) return finishCancelled(deps, run.id, event);

  const started = deps.clock();
  await deps.db.scanRun.update({ where: { id: run.id }, data: { status: 'running', startedAt: run.startedAt ?? started, attempts: { increment: 1 }, error: null } });
  if (run.attempts === 0)
    await recordActivity(deps, systemActor, { ...event, type: 'scan.run.started', category: 'execution', action: 'start', details: { scanId: run.scanId, scanName: run.scan.name, dataSourceId: source.id } });

  const concurrency = options.concurrency ?? 4;
  const connector = options.connector?.(deps) ?? connectorForSource(deps, source, { poolSize: concurrency });
  const timings: Record<string, number> = {};
  const phase = async <T>(name: string, fn: () => Promise<T>) => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      timings[name] = Math.round(performance.now() - t);
    }
  };
  try {
    const discovered: DiscoverResult = await phase('discoverMs', () => connector.discover());
    const synced = await phase('catalogMs', () => syncCatalog(deps.db, { dataSourceId: source.id, runId: run.id, engine: source.engine, discovered, now: deps.clock() }));
    const plan = planScan(run.scan.ruleSet, discovered, source);
    await deps.db.scanRun.update({
      where: { id: run.id },
      data: { tablesTotal: plan.tables.length, tablesDone: 0, columnsScanned: 0, columnsClassified: 0, labelsSuggested: 0, labelsAutoAccepted: 0, driftAdded: synced.added, driftRemoved: synced.removed, driftChanged: synced.changed },
    });

    const [existing, feedback] = await Promise.all([storedLabels(deps.db, source.id), feedbackCounts(deps.db)]);
    const classifyOptions = classifyOptionsFor(run.scan.ruleSet, { precision: precisionTable(feedback) });
    const classifier = options.classifyThreads ? sharedClassifyPool(options.classifyThreads).classify : undefined;
    const totals = { tablesDone: 0, columnsScanned: 0, columnsClassified: 0, labelsSuggested: 0, labelsAutoAccepted: 0 };
    const tableErrors: { table: string; error: string }[] = [];
    let lastWrite = 0;
    let cancelled = false;
    let pendingLabels: unknown[][] = [];
    const flush = async (force = false) => {
      if (!force && pendingLabels.length < LABEL_FLUSH_ROWS) return;
      const rows = pendingLabels;
      pendingLabels = [];
      await flushLabels(deps.db, rows);
    };
    const writeProgress = async (force = false) => {
      if (!force && performance.now() - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = performance.now();
      const row = await deps.db.scanRun.update({ where: { id: run.id }, data: totals, select: { cancelRequested: true } });
      cancelled ||= row.cancelRequested;
    };

    await phase('classifyMs', async () => {
      const queue = [...plan.tables];
      const worker = async () => {
        for (let item = queue.shift(); item && !cancelled; item = queue.shift()) {
          const tableKey = qualify(discovered.databaseName, item.schema, item.table.name);
          let outcome: TableOutcome | null = null;
          try {
            outcome = await classifyTable({
              db: deps.db,
              connector,
              engine: source.engine,
              runId: run.id,
              plan: item,
              tableKey,
              columnIds: synced.columnIds,
              existing,
              sampleSize: run.scan.ruleSet.sampleSize,
              strategy: run.scan.ruleSet.sampleStrategy === 'first' ? 'first' : 'random',
              options: classifyOptions,
              customRules: plan.customRules,
              classifier,
            });
          } catch (error) {
            if (isTransient(error)) throw error;
            tableErrors.push({ table: `${item.schema}.${item.table.name}`, error: (error as Error).message });
          }
          totals.tablesDone++;
          if (outcome) {
            pendingLabels.push(...outcome.newLabels);
            await flush();
            totals.columnsScanned += outcome.columnsScanned;
            totals.columnsClassified += outcome.columnsClassified;
            totals.labelsSuggested += outcome.created;
            totals.labelsAutoAccepted += outcome.autoAccepted;
          }
          await writeProgress();
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, plan.tables.length)) }, worker));
    });
    await flush(true);
    await writeProgress(true);
    if (cancelled) return finishCancelled(deps, run.id, event);

    await phase('lineageMs', () => recordForeignKeyLineage(deps.db, discovered, synced.tableIds));
    await phase('sensitivityMs', () => recomputeSensitivity(deps.db, source.id));

    const allFailed = plan.tables.length > 0 && tableErrors.length === plan.tables.length;
    const status = allFailed ? 'failed' : 'succeeded';
    const finishedAt = deps.clock();
    // The run's outcome, the source's last-scan fields and the audit row commit together.
    const lastId = await deps.db.$transaction(async (tx) => {
      await tx.scanRun.update({ where: { id: run.id }, data: { status, finishedAt, tableErrors, timings, error: allFailed ? 'Every table failed; see the table errors' : null } });
      await tx.dataSource.update({ where: { id: source.id }, data: { lastScanAt: finishedAt, lastScanStatus: status } });
      // Compliance follows the catalog: each enabled framework re-evaluates this source once the run has committed.
      if (status === 'succeeded') await enqueueEvaluationsAfterScan(tx, source.id);
      return appendActivity(tx, systemActor, {
        ...event,
        type: `scan.run.${status}`,
        category: 'execution',
        action: 'finish',
        status: allFailed ? 'failure' : 'success',
        durationMs: finishedAt.getTime() - started.getTime(),
        details: { scanId: run.scanId, scanName: run.scan.name, dataSourceId: source.id, ...totals, tablesTotal: plan.tables.length, tableErrors: tableErrors.length, drift: { added: synced.added, removed: synced.removed, changed: synced.changed }, timings },
        complianceRelevant: true,
      }, finishedAt);
    });
    await deps.bus.publish(lastId).catch(() => {});
    if (synced.added + synced.removed + synced.changed > 0)
      await recordActivity(deps, systemActor, { ...event, type: 'scan.drift.detected', category: 'data', action: 'detect', details: { dataSourceId: source.id, added: synced.added, removed: synced.removed, changed: synced.changed } });
  } catch (error) {
    const transient = isTransient(error) && !options.lastAttempt;
    const message = (error as Error).message;
    await deps.db.scanRun.update({ where: { id: run.id }, data: transient ? { status: 'queued', error: `Retrying after: ${message}` } : { status: 'failed', error: message, finishedAt: deps.clock(), timings } });
    if (!transient) {
      await deps.db.dataSource.update({ where: { id: source.id }, data: { lastScanAt: deps.clock(), lastScanStatus: 'failed' } });
      await recordActivity(deps, systemActor, { ...event, type: 'scan.run.failed', category: 'execution', action: 'finish', status: 'failure', details: { scanId: run.scanId, error: message }, complianceRelevant: true });
    }
    if (transient) throw new TransientScanError(message);
  } finally {
    await connector.close().catch(() => {});
  }
}

async function finishCancelled(deps: ServiceDeps, runId: string, event: { sourceGroup: string; resourceType: string; resourceId: string; workspaceId: string | null }) {
  await deps.db.scanRun.update({ where: { id: runId }, data: { status: 'cancelled', finishedAt: deps.clock() } });
  await recordActivity(deps, systemActor, { ...event, type: 'scan.run.cancelled', category: 'execution', action: 'cancel' });
}
