import type { DataSource } from '@racine/db';
import type { Connector } from '../../connectors/types';
import type { ServiceDeps } from '../../deps';
import type { PipelineDefinition, StageDefinition, StageKind } from '../definition';
import type { TableItem } from '../items';

export interface StageRun {
  id: string;
  workspaceId: string;
  pipelineId: string;
  definition: PipelineDefinition;
}

/** What a stage gets for one batch: the run, its own definition, the source and one connector shared by the batch. */
export interface StageContext<S extends StageDefinition = StageDefinition> {
  deps: ServiceDeps;
  run: StageRun;
  stage: S;
  source: DataSource;
  /** Opened on first use, closed after the batch. */
  connector: () => Connector;
}

export interface BatchItem {
  id: string;
  itemKey: string;
  item: TableItem;
  attempts: number;
}

/** A stage's verdict on one item. `output` is kept on the item row (JSON). */
export type ItemResult =
  | { ok: true; output: unknown; durationMs: number }
  | { ok: false; error: string; output?: unknown; durationMs: number };

export interface StageHandler<K extends StageKind = StageKind> {
  kind: K;
  /** Processes a batch; one result per item, in order. Must be idempotent: a batch may run again after a crash. */
  processBatch(
    ctx: StageContext<Extract<StageDefinition, { kind: K }>>,
    items: BatchItem[],
  ): Promise<ItemResult[]>;
}

/** A handler that processes items one after another, timing and catching each. */
export function perItem<K extends StageKind>(
  kind: K,
  fn: (
    ctx: StageContext<Extract<StageDefinition, { kind: K }>>,
    item: BatchItem,
  ) => Promise<unknown>,
): StageHandler<K> {
  return {
    kind,
    async processBatch(ctx, items) {
      const results: ItemResult[] = [];
      for (const item of items) {
        const started = performance.now();
        try {
          const output = await fn(ctx, item);
          results.push({ ok: true, output, durationMs: performance.now() - started });
        } catch (error) {
          results.push(failure(error, performance.now() - started));
        }
      }
      return results;
    },
  };
}

/** A thrown error as a failed item; StageFailure carries output worth keeping (e.g. quality violations). */
export function failure(error: unknown, durationMs: number): ItemResult {
  const output = error instanceof StageFailure ? error.output : undefined;
  return { ok: false, error: (error as Error).message ?? String(error), output, durationMs };
}

export class StageFailure extends Error {
  constructor(
    message: string,
    readonly output?: unknown,
  ) {
    super(message);
  }
}
