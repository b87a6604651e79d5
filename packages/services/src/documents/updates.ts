/**
 * Appending an edit: the Yjs update is checked against the current state,
 * stored as one DocumentUpdate row, and the document's plain text refreshed,
 * all under the Document row lock. Past COMPACT_AFTER rows the log is folded
 * into a new snapshot in the same transaction.
 *
 * Keystrokes are not audit events: an edit appends no activity row, except a
 * `document.edited` row at most once per person per document per
 * EDITED_EVERY_MS, so the trail still says who edited what and when.
 */
import type { Tx } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { appendActivity } from '../activity/append';
import type { ServiceDeps } from '../deps';
import { applyChecked, forDb, fromBase64, loadDoc, stateOf, textOf } from './crdt';
import { documentSpec, editorOf } from './people';
import type { applyUpdateInput } from './schemas';
import { notifyDocumentUpdated } from './signals';
import { lockDocument, readAll } from './store';
import { saveVersionLocked } from './version-store';

/** More rows than this after the snapshot, and the next append folds them in. */
export const COMPACT_AFTER = 200;
export const EDITED_EVERY_MS = 5 * 60 * 1000;
/** An edit after this long untouched first keeps the state it interrupts as a version. */
export const IDLE_VERSION_MS = 30 * 60 * 1000;

export interface AppendOptions {
  compactAfter?: number;
}

export interface Appended {
  seq: bigint;
  text: string;
  compacted: boolean;
  workspaceId: string;
}

/**
 * Inside the caller's transaction: lock, check, append, refresh text, maybe
 * compact. Restores go through here too, so a restore is an update like any
 * other. Returns null for an update that changes nothing.
 */
export async function appendUpdateLocked(
  tx: Tx,
  deps: ServiceDeps,
  args: { documentId: string; update: Uint8Array; clientId: string; userId: string; autoVersion?: boolean },
  options: AppendOptions = {},
): Promise<Appended | null> {
  const locked = await lockDocument(tx, args.documentId, { forEdit: true });
  const log = (await readAll(tx, args.documentId))!;
  const doc = loadDoc(log.updates);
  const textBefore = textOf(doc);
  const stateBefore = stateOf(doc);
  applyChecked(doc, args.update);
  if (isEmptyUpdate(args.update)) return null;
  const now = deps.clock();
  if (args.autoVersion && now.getTime() - locked.updatedAt.getTime() >= IDLE_VERSION_MS) {
    await saveVersionLocked(tx, args.documentId, { state: stateBefore, text: textBefore, label: 'Before editing resumed', createdById: args.userId, onlyIfChanged: true });
  }
  const { seq } = await tx.documentUpdate.create({ data: { documentId: args.documentId, update: forDb(args.update), clientId: args.clientId, userId: args.userId }, select: { seq: true } });
  const text = textOf(doc);
  const compacted = log.pending + 1 > (options.compactAfter ?? COMPACT_AFTER);
  await tx.document.update({
    where: { id: args.documentId },
    data: { text, updatedAt: now, ...(compacted ? { snapshot: forDb(stateOf(doc)), snapshotSeq: seq } : {}) },
  });
  // The newest row stays (it says who edited last); everything it and the snapshot cover goes.
  if (compacted) await tx.documentUpdate.deleteMany({ where: { documentId: args.documentId, seq: { lt: seq } } });
  doc.destroy();
  return { seq, text, compacted, workspaceId: locked.workspaceId };
}

/** Y.encodeStateAsUpdate of an empty doc, as sent by a transaction that changed nothing. */
const isEmptyUpdate = (u: Uint8Array) => u.byteLength === 2 && u[0] === 0 && u[1] === 0;

/** Last `document.edited` row per person and document, in this process: the cheap check before the database's. */
const lastEditedRow = new Map<string, number>();

async function recordEditIfDue(tx: Tx, deps: ServiceDeps, actor: Actor, userId: string, documentId: string, workspaceId: string): Promise<bigint | null> {
  const now = deps.clock();
  const seen = lastEditedRow.get(`${documentId}:${userId}`);
  if (seen !== undefined && now.getTime() - seen < EDITED_EVERY_MS) return null;
  // Another process may have written it; (resourceType, resourceId) is indexed.
  const recent = await tx.activityEvent.findFirst({
    where: { resourceType: 'document', resourceId: documentId, type: 'document.edited', actorId: userId, occurredAt: { gt: new Date(now.getTime() - EDITED_EVERY_MS) } },
    select: { occurredAt: true },
  });
  if (recent) {
    rememberEdit(documentId, userId, recent.occurredAt);
    return null;
  }
  return appendActivity(tx, actor, { ...documentSpec('document.edited', 'edit', documentId, workspaceId), status: 'success' }, now);
}

/** Remembered only once the row committed: a rolled-back one must not silence the next edit. */
function rememberEdit(documentId: string, userId: string, at: Date) {
  if (lastEditedRow.size > 10_000) lastEditedRow.clear();
  lastEditedRow.set(`${documentId}:${userId}`, at.getTime());
}

/** `document.update`: one client's edit. Returns the seq it was stored at (the client's new cursor). */
export async function applyUpdate(deps: ServiceDeps, actor: Actor, input: z.output<typeof applyUpdateInput>, options: AppendOptions = {}) {
  const userId = editorOf(actor);
  const update = fromBase64(input.update);
  const { appended, activityId } = await deps.db.$transaction(
    async (tx) => {
      const appended = await appendUpdateLocked(tx, deps, { documentId: input.documentId, update, clientId: input.clientId, userId, autoVersion: true }, options);
      const activityId = appended ? await recordEditIfDue(tx, deps, actor, userId, input.documentId, appended.workspaceId) : null;
      return { appended, activityId };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
  if (appended) notifyDocumentUpdated(input.documentId);
  if (activityId !== null) {
    rememberEdit(input.documentId, userId, deps.clock());
    await deps.bus.publish(activityId).catch(() => {});
  }
  return { seq: appended ? appended.seq.toString() : null, compacted: appended?.compacted ?? false };
}
