/**
 * classify: samples each table through the connector and runs the scan's own
 * per-table classifier (scan/classify-table.ts) on it, so labels are written
 * exactly as a scan writes them: rejected labels never come back, accepted
 * ones keep their state, new ones are suggested (or auto-accepted above the
 * rule set's threshold), and sensitivity is recomputed once per batch.
 *
 * The rule set is the one of the source's latest scan (its detectors,
 * column scope, sample size and custom rules), or the built-in "all" when
 * the source has no scan. Tables and columns come from the catalog (the
 * ingest stage keeps it fresh), so no discovery is needed here.
 */
import type { Db, ScanRuleSet } from '@racine/db';
import { precisionTable } from '../../classification/precision';
import type { ColumnInfo, DiscoverResult, TableInfo } from '../../connectors/types';
import { classifyOptionsFor } from '../../rulesets/preview';
import {
  classifyTable,
  feedbackCounts,
  flushLabels,
  type StoredLabel,
} from '../../scan/classify-table';
import { planScan } from '../../scan/plan';
import { recomputeSensitivity } from '../../scan/sensitivity';
import type { ItemResult, StageContext, StageHandler } from './types';

async function ruleSetFor(ctx: StageContext): Promise<ScanRuleSet> {
  const scan = await ctx.deps.db.scan.findFirst({
    where: { dataSourceId: ctx.source.id },
    orderBy: { createdAt: 'desc' },
    select: { ruleSet: true },
  });
  if (scan) return scan.ruleSet;
  const builtIn = await ctx.deps.db.scanRuleSet.findUnique({ where: { key: 'all' } });
  if (!builtIn)
    throw new Error(
      'The built-in "all" rule set is missing (the seed creates it) and the source has no scan to take a rule set from',
    );
  return builtIn;
}

export const classifyStage: StageHandler<'classify'> = {
  kind: 'classify',
  async processBatch(ctx, items) {
    const db = ctx.deps.db;
    const [ruleSet, feedback] = await Promise.all([ruleSetFor(ctx), feedbackCounts(db)]);
    const options = classifyOptionsFor(ruleSet, { precision: precisionTable(feedback) });
    const columns = await db.asset.findMany({
      where: {
        parentId: { in: items.map((i) => i.item.assetId) },
        type: 'column',
        removedAt: null,
      },
      select: {
        id: true,
        parentId: true,
        name: true,
        qualifiedName: true,
        dataType: true,
        nullable: true,
        defaultValue: true,
        comment: true,
        ordinal: true,
        isPrimaryKey: true,
      },
      orderBy: { ordinal: 'asc' },
    });
    const labels = await db.classification.findMany({
      where: { assetId: { in: columns.map((c) => c.id) } },
      select: {
        id: true,
        assetId: true,
        label: true,
        state: true,
        autoAccepted: true,
        reviewedById: true,
      },
    });
    const existing = new Map<string, StoredLabel[]>();
    for (const { assetId, ...l } of labels)
      existing.set(assetId, [...(existing.get(assetId) ?? []), l]);
    const columnIds = new Map(columns.map((c) => [c.qualifiedName, c.id]));

    const results: ItemResult[] = [];
    for (const { item } of items) {
      const started = performance.now();
      try {
        const own = columns.filter((c) => c.parentId === item.assetId);
        if (!own.length)
          throw new Error(
            `Table ${item.schema}.${item.table} has no columns in the catalog; run the ingest stage or a scan first`,
          );
        const table: TableInfo = {
          name: item.table,
          kind: item.type,
          comment: null,
          rowCountEstimate: null,
          primaryKey: own.filter((c) => c.isPrimaryKey).map((c) => c.name),
          foreignKeys: [],
          columns: own.map((c, i): ColumnInfo => ({
            name: c.name,
            ordinal: c.ordinal ?? i + 1,
            dataType: c.dataType ?? 'text',
            nullable: c.nullable ?? true,
            defaultValue: c.defaultValue,
            comment: c.comment,
          })),
        };
        // The catalog's "db.schema.table" → the discovery shape the rule set's scope and custom rules read.
        const databaseName = item.qualifiedName.slice(
          0,
          item.qualifiedName.length - item.schema.length - item.table.length - 2,
        );
        const discovered: DiscoverResult = {
          databaseName,
          schemas: [{ name: item.schema, tables: [table] }],
        };
        const plan = planScan(ruleSet, discovered, ctx.source);
        const planned = plan.tables[0];
        if (!planned) {
          results.push({
            ok: true,
            output: {
              skipped: `Outside the scope of rule set "${ruleSet.name}"`,
              columnsScanned: 0,
            },
            durationMs: performance.now() - started,
          });
          continue;
        }
        const outcome = await classifyTable({
          db,
          connector: ctx.connector(),
          engine: ctx.source.engine,
          runId: ctx.run.id,
          plan: planned,
          tableKey: item.qualifiedName,
          columnIds,
          existing,
          sampleSize: ruleSet.sampleSize,
          strategy: ruleSet.sampleStrategy === 'first' ? 'first' : 'random',
          options,
          customRules: plan.customRules,
        });
        await flushLabels(db, outcome.newLabels);
        results.push({
          ok: true,
          output: {
            ruleSet: ruleSet.name,
            columnsScanned: outcome.columnsScanned,
            columnsClassified: outcome.columnsClassified,
            labelsSuggested: outcome.created,
            labelsAutoAccepted: outcome.autoAccepted,
          },
          durationMs: performance.now() - started,
        });
      } catch (error) {
        results.push({
          ok: false,
          error: (error as Error).message,
          durationMs: performance.now() - started,
        });
      }
    }
    // Batches of one source take turns: two concurrent source-wide UPDATEs could deadlock on each other's rows.
    if (results.some((r) => r.ok))
      await db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(
          'SELECT pg_advisory_xact_lock(hashtext($1))',
          `sensitivity:${ctx.source.id}`,
        );
        await recomputeSensitivity(tx as unknown as Db, ctx.source.id);
      });
    return results;
  },
};
