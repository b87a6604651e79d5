/** The stage registry: one file per stage kind, one line here. */
import { connectorForSource } from '../../datasource/connect';
import type { Connector } from '../../connectors/types';
import type { ServiceDeps } from '../../deps';
import type { StageDefinition, StageKind } from '../definition';
import type { TableItem } from '../items';
import { classifyStage } from './classify';
import { complianceStage } from './compliance';
import { ingestStage } from './ingest';
import { publishStage } from './publish';
import { qualityStage } from './quality';
import type { BatchItem, ItemResult, StageContext, StageHandler, StageRun } from './types';

export const stageHandlers: { [K in StageKind]: StageHandler<K> } = {
  ingest: ingestStage,
  classify: classifyStage,
  quality: qualityStage,
  compliance: complianceStage,
  publish: publishStage,
};

/** Runs one batch through its stage's handler, with one connector for the batch (opened on first use). */
export async function runStage(
  deps: ServiceDeps,
  params: { run: StageRun; stage: StageDefinition },
  rows: { id: string; itemKey: string; item: unknown; attempts: number }[],
): Promise<ItemResult[]> {
  const items: BatchItem[] = rows.map((r) => ({
    id: r.id,
    itemKey: r.itemKey,
    item: r.item as TableItem,
    attempts: r.attempts,
  }));
  const source = await deps.db.dataSource.findUnique({
    where: { id: params.run.definition.source.dataSourceId },
  });
  if (!source)
    return items.map(() => ({
      ok: false,
      error: `Data source ${params.run.definition.source.dataSourceId} no longer exists`,
      durationMs: 0,
    }));
  let connector: Connector | null = null;
  const ctx: StageContext = {
    deps,
    run: params.run,
    stage: params.stage,
    source,
    connector: () => (connector ??= connectorForSource(deps, source, { poolSize: 2 })),
  };
  try {
    const handler = stageHandlers[params.stage.kind] as StageHandler;
    return await handler.processBatch(ctx as never, items);
  } catch (error) {
    // A failure of the batch as a whole (e.g. the source unreachable) fails each of its items.
    const message = (error as Error).message;
    return items.map(() => ({ ok: false, error: message, durationMs: 0 }));
  } finally {
    await (connector as Connector | null)?.close().catch(() => {});
  }
}
