/**
 * Version history. A version is a copy of the state and text at a moment.
 * Restoring never rewrites history: it appends a new CRDT update that turns
 * the current text into the version's, so every open editor converges to it
 * live and the edits since stay in the log.
 */
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { notFound } from '../errors';
import { documentExcerpt } from './documents';
import { loadDoc, replaceTextUpdate, stateOf, textOf } from './crdt';
import { documentSpec, editorOf } from './people';
import type { saveVersionInput, versionIdInput } from './schemas';
import { notifyDocumentUpdated } from './signals';
import { lockDocument, readAll } from './store';
import { appendUpdateLocked } from './updates';
import { saveVersionLocked } from './version-store';

/** Updates a restore appends carry this client id, so no editor mistakes them for its own echo. */
export const RESTORE_CLIENT_ID = 'server:restore';

async function workspaceOf(deps: ServiceDeps, documentId: string) {
  const d = await deps.db.document.findUnique({ where: { id: documentId }, select: { workspaceId: true, title: true } });
  if (!d) throw notFound('Document', documentId);
  return d;
}

export async function saveDocumentVersion(deps: ServiceDeps, actor: Actor, input: z.output<typeof saveVersionInput>) {
  const userId = editorOf(actor);
  const { workspaceId } = await workspaceOf(deps, input.documentId);
  return mutate(deps, actor, documentSpec('document.versionSaved', 'create', input.documentId, workspaceId), async (tx) => {
    await lockDocument(tx, input.documentId, { forEdit: false });
    const doc = loadDoc((await readAll(tx, input.documentId))!.updates);
    const version = (await saveVersionLocked(tx, input.documentId, { state: stateOf(doc), text: textOf(doc), label: input.label ?? '', createdById: userId }))!;
    doc.destroy();
    return { result: version, after: { number: version.number, label: version.label }, details: { versionId: version.id } };
  });
}

export async function listDocumentVersions(deps: ServiceDeps, documentId: string) {
  await workspaceOf(deps, documentId);
  const rows = await deps.db.documentVersion.findMany({
    where: { documentId },
    orderBy: { number: 'desc' },
    take: 500,
    select: { id: true, number: true, label: true, createdById: true, createdAt: true, text: true },
  });
  const users = await deps.db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } }, select: { id: true, name: true } });
  return rows.map(({ text, ...r }) => ({ ...r, createdByName: users.find((u) => u.id === r.createdById)?.name ?? null, length: text.length, excerpt: documentExcerpt(text, 120) }));
}

export async function getDocumentVersion(deps: ServiceDeps, input: z.output<typeof versionIdInput>) {
  const v = await deps.db.documentVersion.findFirst({
    where: { id: input.versionId, documentId: input.documentId },
    select: { id: true, number: true, label: true, text: true, createdById: true, createdAt: true },
  });
  if (!v) throw notFound('Version', input.versionId);
  const creator = await deps.db.user.findUnique({ where: { id: v.createdById }, select: { name: true } });
  return { ...v, createdByName: creator?.name ?? null };
}

export async function restoreDocumentVersion(deps: ServiceDeps, actor: Actor, input: z.output<typeof versionIdInput>) {
  const userId = editorOf(actor);
  const { workspaceId } = await workspaceOf(deps, input.documentId);
  const result = await mutate(deps, actor, documentSpec('document.restored', 'restore', input.documentId, workspaceId), async (tx) => {
    const version = await tx.documentVersion.findFirst({ where: { id: input.versionId, documentId: input.documentId }, select: { id: true, number: true, label: true, text: true } });
    if (!version) throw notFound('Version', input.versionId);
    await lockDocument(tx, input.documentId, { forEdit: true });
    const doc = loadDoc((await readAll(tx, input.documentId))!.updates);
    const before = textOf(doc);
    const diff = replaceTextUpdate(doc, version.text);
    doc.destroy();
    // The lock is already ours (row locks are re-entrant within a transaction).
    const appended = diff ? await appendUpdateLocked(tx, deps, { documentId: input.documentId, update: diff, clientId: RESTORE_CLIENT_ID, userId }) : null;
    return {
      result: { restored: version.number, seq: appended ? appended.seq.toString() : null, changed: diff !== null },
      before: { length: before.length },
      after: { length: version.text.length },
      details: { versionId: version.id, number: version.number, label: version.label },
    };
  });
  if (result.changed) notifyDocumentUpdated(input.documentId);
  return result;
}
