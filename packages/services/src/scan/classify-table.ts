import { randomUUID } from 'node:crypto';
import type { Db, Prisma } from '@racine/db';
import { type BulkColumn, bulkInsert } from '@racine/db/bulk';
import { normalizeDataType } from '../classification/column';
import { planRescan, type ClassificationState as EngineState, type StoredClassification } from '../classification/lifecycle';
import type { ClassificationSuggestion, ClassifyOptions } from '../classification/types';
import type { ColumnInfo, Connector, Engine, SampleStrategy, TableInfo } from '../connectors/types';
import { mergeSuggestions } from '../rulesets/preview';
import { classifyInThread, type ColumnClassifier, type ColumnToClassify } from './classify-columns';
import type { CustomRulesFn } from './plan';

/** A stored label as the engine's lifecycle sees it (auto-accepted until a person decides). */
export interface StoredLabel {
  id: string;
  label: string;
  state: 'suggested' | 'accepted' | 'rejected';
  autoAccepted: boolean;
  reviewedById: string | null;
}

export const engineState = (c: Pick<StoredLabel, 'state' | 'autoAccepted' | 'reviewedById'>): EngineState =>
  c.state === 'accepted' && c.autoAccepted && !c.reviewedById ? 'auto_accepted' : c.state;

export interface TablePlan {
  schema: string;
  table: TableInfo;
  /** Columns to classify (the rule set's scope), by name. */
  columns: string[];
}

export interface ClassifyTableParams {
  db: Db;
  connector: Connector;
  engine: Engine;
  runId: string;
  plan: TablePlan;
  tableKey: string;
  columnIds: Map<string, string>;
  existing: Map<string, StoredLabel[]>;
  sampleSize: number;
  strategy: SampleStrategy;
  options: ClassifyOptions;
  /** Suggestions from the rule set's custom rules, for one column. */
  customRules?: CustomRulesFn;
  /** Runs the built-in detectors: in this thread by default, or a worker-thread pool's (classify-pool.ts). */
  classifier?: ColumnClassifier;
}

export interface TableOutcome {
  columnsScanned: number;
  columnsClassified: number;
  created: number;
  autoAccepted: number;
  /** New labels, as bulk-insert rows: the runner writes them in large batches (see flushLabels). */
  newLabels: unknown[][];
}

const LABEL_COLUMNS: BulkColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'assetId', type: 'text' },
  { name: 'label', type: 'text' },
  { name: 'state', type: '"ClassificationState"' },
  { name: 'autoAccepted', type: 'boolean' },
  { name: 'confidence', type: 'double precision' },
  { name: 'sensitivity', type: 'text' },
  { name: 'source', type: 'text' },
  { name: 'detectorVersion', type: 'int' },
  { name: 'evidence', type: 'jsonb' },
  { name: 'lastRunId', type: 'text' },
  { name: 'updatedAt', type: 'timestamp(3)' },
];

const evidenceJson = (s: ClassificationSuggestion) => JSON.parse(JSON.stringify(s.evidence)) as Prisma.InputJsonValue;

/**
 * Samples one table, classifies each in-scope column and merges the result
 * with what people decided before: rejected labels stay rejected (and are not
 * suggested again), accepted ones stay accepted with fresh evidence, pending
 * ones are refreshed or withdrawn. All writes for the table commit together.
 */
export async function classifyTable(p: ClassifyTableParams): Promise<TableOutcome> {
  const { plan, options } = p;
  const sample = await p.connector.sample({ schema: plan.schema, table: plan.table.name }, plan.columns, p.sampleSize, p.strategy);
  const writes: Prisma.PrismaPromise<unknown>[] = [];
  const creates: Prisma.ClassificationCreateManyInput[] = [];
  const outcome: TableOutcome = { columnsScanned: 0, columnsClassified: 0, created: 0, autoAccepted: 0, newLabels: [] };
  const byName = new Map(plan.table.columns.map((c) => [c.name, c]));

  const columns: (ColumnToClassify & { info: ColumnInfo; assetId: string; stored: StoredLabel[] })[] = [];
  for (const name of plan.columns) {
    const info = byName.get(name);
    const assetId = p.columnIds.get(`${p.tableKey}.${name}`);
    if (!info || !assetId) continue;
    const stored = p.existing.get(assetId) ?? [];
    columns.push({
      column: { name, dataType: info.dataType, normalizedType: normalizeDataType(info.dataType, p.engine), nullable: info.nullable, comment: info.comment, table: plan.table.name, schema: plan.schema },
      values: sample[name] ?? [],
      suppressed: stored.filter((c) => c.state === 'rejected').map((c) => c.label),
      info,
      assetId,
      stored,
    });
  }
  const toClassify = columns.map(({ column, values, suppressed }) => ({ column, values, suppressed }));
  const { registry, suppressed: _perColumn, ...portable } = options;
  // A custom registry holds functions, which cannot cross to a thread: it always runs here, with the registry.
  const builtIn = registry ? await classifyInThread(toClassify, options) : await (p.classifier ?? classifyInThread)(toClassify, portable);

  for (const [i, { values, info, assetId, stored, suppressed: rejected }] of columns.entries()) {
    const lifecycle: StoredClassification[] = stored.map((c) => ({ label: c.label, state: engineState(c) }));
    const suppressed = new Set(rejected);
    // Built-in detectors and the rule set's custom rules; where both suggest a label, the more confident wins.
    const suggestions = mergeSuggestions(builtIn[i]!, p.customRules?.(plan.schema, plan.table, info, values, suppressed) ?? []).filter((s) => !suppressed.has(s.label));
    outcome.columnsScanned++;
    if (suggestions.length) outcome.columnsClassified++;
    const plan_ = planRescan(lifecycle, suggestions);
    for (const s of plan_.create) {
      creates.push({
        assetId,
        label: s.label,
        state: s.autoAccept ? 'accepted' : 'suggested',
        autoAccepted: s.autoAccept,
        confidence: s.confidence,
        sensitivity: s.sensitivity,
        source: 'rule' in s.evidence ? 'rule' : 'detector',
        detectorVersion: s.evidence.detectorVersion,
        evidence: evidenceJson(s),
        lastRunId: p.runId,
      });
      outcome.created++;
      if (s.autoAccept) outcome.autoAccepted++;
    }
    for (const s of [...plan_.refresh, ...plan_.confirmed])
      writes.push(
        p.db.classification.update({
          where: { assetId_label: { assetId, label: s.label } },
          data: { confidence: s.confidence, sensitivity: s.sensitivity, evidence: evidenceJson(s), detectorVersion: s.evidence.detectorVersion, lastRunId: p.runId },
        }),
      );
    if (plan_.withdraw.length)
      writes.push(p.db.classification.deleteMany({ where: { assetId, label: { in: plan_.withdraw }, reviewedById: null, state: { not: 'rejected' } } }));
  }
  if (writes.length) await p.db.$transaction(writes);
  const now = new Date();
  outcome.newLabels = creates.map((c) => LABEL_COLUMNS.map((col) => (col.name === 'id' ? randomUUID() : col.name === 'updatedAt' ? now : (c as Record<string, unknown>)[col.name])));
  return outcome;
}

/**
 * Writes new labels in one statement per few thousand: a scan of 10,000
 * columns then costs a handful of round trips, not one per table. A rerun
 * after a crash finds no row for an unflushed label and creates it then.
 */
export async function flushLabels(db: Db, rows: unknown[][]): Promise<void> {
  if (rows.length) await bulkInsert(db, 'Classification', LABEL_COLUMNS, rows, { onConflictDoNothing: true });
}

/** Every stored label on the source's columns, by column. */
export async function storedLabels(db: Db, dataSourceId: string): Promise<Map<string, StoredLabel[]>> {
  const rows = await db.classification.findMany({
    where: { asset: { dataSourceId } },
    select: { id: true, assetId: true, label: true, state: true, autoAccepted: true, reviewedById: true },
  });
  const map = new Map<string, StoredLabel[]>();
  for (const { assetId, ...r } of rows) map.set(assetId, [...(map.get(assetId) ?? []), r]);
  return map;
}

/** People's decisions per label, across all sources: the input to each detector's learned precision. */
export async function feedbackCounts(db: Db): Promise<Record<string, { accepted: number; rejected: number }>> {
  const rows = await db.classification.groupBy({
    by: ['label', 'state'],
    where: { OR: [{ state: 'rejected' }, { state: 'accepted', reviewedById: { not: null } }] },
    _count: { _all: true },
  });
  const out: Record<string, { accepted: number; rejected: number }> = {};
  for (const r of rows) {
    const entry = (out[r.label] ??= { accepted: 0, rejected: 0 });
    if (r.state === 'accepted') entry.accepted += r._count._all;
    if (r.state === 'rejected') entry.rejected += r._count._all;
  }
  return out;
}
