/**
 * Reading and locking a document's Yjs log: a snapshot (every update up to
 * snapshotSeq, merged) plus the DocumentUpdate rows after it.
 *
 * Two rules keep readers from ever missing an update:
 * - every append takes the Document row lock first (lockDocument), so one
 *   document's seqs commit in seq order and a cursor never skips a row that
 *   commits late;
 * - the log is read in ONE statement (readLog), so the snapshot and the rows
 *   come from the same database snapshot: a compaction (new snapshot, old
 *   rows deleted, one transaction) is either wholly seen or not at all.
 */
import type { DbOrTx, Tx } from '@racine/db';
import { AppError, notFound } from '../errors';

export interface LogRow {
  seq: bigint;
  update: Uint8Array;
  clientId: string;
}

export interface LogPage {
  snapshotSeq: bigint;
  /** The merged snapshot, when it covers updates after `afterSeq` (else null: the rows are enough). */
  snapshot: Uint8Array | null;
  rows: LogRow[];
}

interface Raw {
  snapshotSeq: bigint;
  snapshot: Uint8Array | null;
  seq: bigint | null;
  update: Uint8Array | null;
  clientId: string | null;
}

const bytes = (b: Uint8Array) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** What a reader at `afterSeq` is missing, up to `limit` rows; null when the document does not exist. */
export async function readLog(db: DbOrTx, documentId: string, afterSeq: bigint, limit = 1_000): Promise<LogPage | null> {
  const raw = await db.$queryRaw<Raw[]>`
    SELECT d."snapshotSeq",
           CASE WHEN d."snapshotSeq" > ${afterSeq} THEN d.snapshot END AS snapshot,
           u.seq, u.update, u."clientId"
    FROM "Document" d
    LEFT JOIN LATERAL (
      SELECT x.seq, x.update, x."clientId" FROM "DocumentUpdate" x
      WHERE x."documentId" = d.id AND x.seq > GREATEST(${afterSeq}, d."snapshotSeq")
      ORDER BY x.seq LIMIT ${limit}
    ) u ON true
    WHERE d.id = ${documentId}`;
  const first = raw[0];
  if (!first) return null;
  return {
    snapshotSeq: first.snapshotSeq,
    snapshot: first.snapshot ? bytes(first.snapshot) : null,
    rows: raw.filter((r) => r.seq !== null).map((r) => ({ seq: r.seq!, update: bytes(r.update!), clientId: r.clientId! })),
  };
}

/** The whole log: the snapshot then every row after it, and the last seq. */
export async function readAll(db: DbOrTx, documentId: string): Promise<{ updates: Uint8Array[]; cursor: bigint; pending: number } | null> {
  const first = await readLog(db, documentId, 0n, 10_000);
  if (!first) return null;
  const updates = first.snapshot ? [first.snapshot] : [];
  let rows = first.rows;
  let pending = 0;
  let cursor = first.snapshotSeq;
  // Past 10,000 rows (compaction keeps far fewer) page on; a later page never repeats the snapshot unless it moved.
  for (;;) {
    for (const r of rows) updates.push(r.update);
    pending += rows.length;
    if (rows.length) cursor = rows[rows.length - 1]!.seq;
    if (rows.length < 10_000) break;
    const next = await readLog(db, documentId, cursor, 10_000);
    if (!next) break;
    if (next.snapshot) updates.push(next.snapshot);
    rows = next.rows;
  }
  return { updates, cursor, pending };
}

export interface LockedDocument {
  id: string;
  workspaceId: string;
  title: string;
  archivedAt: Date | null;
  updatedAt: Date;
  snapshotSeq: bigint;
}

/** The Document row, locked until the transaction ends; every append and compaction goes through here. */
export async function lockDocument(tx: Tx, documentId: string, { forEdit }: { forEdit: boolean }): Promise<LockedDocument> {
  const [doc] = await tx.$queryRaw<LockedDocument[]>`
    SELECT id, "workspaceId", title, "archivedAt", "updatedAt", "snapshotSeq" FROM "Document" WHERE id = ${documentId} FOR UPDATE`;
  if (!doc) throw notFound('Document', documentId);
  if (forEdit && doc.archivedAt) throw new AppError('CONFLICT', `"${doc.title}" is archived: it can be read but no longer edited`);
  return doc;
}
