/**
 * The live channel down to an editor: batches of updates after its cursor,
 * read from the DocumentUpdate log, never from activity rows. Wakes at once
 * on an append in this process and polls every POLL_MS for appends made by
 * another process.
 */
import type { ServiceDeps } from '../deps';
import { notFound } from '../errors';
import { wakeableSleep } from '../events/wake-sleep';
import { toBase64 } from './crdt';
import { onDocumentUpdated } from './signals';
import { readLog } from './store';

export const SYNC_POLL_MS = 1_000;
/** Stands in for the client id of a compacted snapshot sent to a reader that fell behind it. */
export const SNAPSHOT_CLIENT_ID = 'server:snapshot';

export interface SyncBatch {
  /** The last seq this batch covers: the client's cursor (and the tracked event id). */
  seq: string;
  updates: string[];
  fromClientIds: string[];
}

/**
 * Yields every update with a seq above `afterSeq` in order, leaving out the
 * ones `skipClientId` sent itself (its cursor still moves past them). A
 * reader behind the snapshot first gets the snapshot itself: the rows it
 * covered are gone, and applying known changes again is a no-op in Yjs.
 */
export async function* syncDocument(
  deps: ServiceDeps,
  documentId: string,
  afterSeq: bigint,
  signal: AbortSignal,
  options: { skipClientId?: string; pollMs?: number } = {},
): AsyncGenerator<SyncBatch> {
  let cursor = afterSeq;
  const nap = wakeableSleep();
  const unsubscribe = onDocumentUpdated((id) => {
    if (id === documentId) nap.wake();
  });
  signal.addEventListener('abort', nap.wake);
  try {
    while (!signal.aborted) {
      const page = await readLog(deps.db, documentId, cursor, 500);
      if (!page) throw notFound('Document', documentId);
      const updates: string[] = [];
      const from: string[] = [];
      if (page.snapshot) {
        updates.push(toBase64(page.snapshot));
        from.push(SNAPSHOT_CLIENT_ID);
        cursor = page.snapshotSeq;
      }
      for (const row of page.rows) {
        if (row.clientId !== options.skipClientId) {
          updates.push(toBase64(row.update));
          from.push(row.clientId);
        }
        cursor = row.seq;
      }
      if (updates.length) yield { seq: cursor.toString(), updates, fromClientIds: from };
      // A full page means more is waiting: read on without sleeping.
      if (page.rows.length < 500) await nap.sleep(options.pollMs ?? SYNC_POLL_MS);
    }
  } finally {
    unsubscribe();
    signal.removeEventListener('abort', nap.wake);
  }
}
