import type { Tx } from '@racine/db';
import { forDb } from './crdt';

/**
 * A new version numbered after the last, under the Document row lock the
 * caller holds (so two saves never take the same number). With
 * `onlyIfChanged`, nothing is saved when the latest version already has this text.
 */
export async function saveVersionLocked(
  tx: Tx,
  documentId: string,
  v: { state: Uint8Array; text: string; label: string; createdById: string; onlyIfChanged?: boolean },
) {
  const last = await tx.documentVersion.findFirst({ where: { documentId }, orderBy: { number: 'desc' }, select: { number: true, text: true } });
  if (v.onlyIfChanged && (last ? last.text === v.text : v.text === '')) return null;
  return tx.documentVersion.create({
    data: { documentId, number: (last?.number ?? 0) + 1, label: v.label, state: forDb(v.state), text: v.text, createdById: v.createdById },
    select: { id: true, number: true, label: true, createdAt: true },
  });
}
