/**
 * An editor as the browser runs it, minus the browser: a Y.Doc loaded from
 * getDocument, a sync loop applying what syncDocument yields (origin
 * 'remote'), and local edits queued until `send()` posts them through
 * applyUpdate. Tests decide when each step happens, so they can make two
 * editors change the same text before either has seen the other's change.
 */
import * as Y from 'yjs';
import type { Actor } from '../src/actor';
import type { ServiceDeps } from '../src/deps';
import { applyUpdate, CONTENT, fromBase64, getDocument, syncDocument, toBase64, type SyncBatch } from '../src/documents/index';
import type { AccessChecker } from '../src/rbac/resolve';
import { waitFor } from './wait-for';

export interface EditorOptions {
  compactAfter?: number;
  pollMs?: number;
}

export async function openEditor(deps: ServiceDeps, who: { actor: Actor; access: AccessChecker }, documentId: string, clientId: string, options: EditorOptions = {}) {
  const loaded = await getDocument(deps, who.access, documentId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(loaded.state), 'remote');
  const text = doc.getText(CONTENT);
  const outbox: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') outbox.push(update);
  });
  const received: SyncBatch[] = [];
  let cursor = loaded.cursor;
  const abort = new AbortController();
  let failure: unknown = null;
  const loop = (async () => {
    for await (const batch of syncDocument(deps, documentId, BigInt(loaded.cursor), abort.signal, { skipClientId: clientId, pollMs: options.pollMs })) {
      received.push(batch);
      cursor = batch.seq;
      doc.transact(() => batch.updates.forEach((u) => Y.applyUpdate(doc, fromBase64(u))), 'remote');
    }
  })().catch((e) => {
    if (!abort.signal.aborted) failure = e;
  });

  return {
    doc,
    text,
    clientId,
    received,
    get cursor() {
      return cursor;
    },
    get failure() {
      return failure;
    },
    read: () => text.toString(),
    /** Posts everything edited locally since the last send, merged into one update; returns its seq. */
    async send() {
      if (!outbox.length) return null;
      const update = Y.mergeUpdates(outbox.splice(0));
      const { seq } = await applyUpdate(deps, who.actor, { documentId, clientId, update: toBase64(update) }, { compactAfter: options.compactAfter });
      return seq;
    },
    /** Waits until this editor's text satisfies `ok` (it has received what it needs). */
    async until(what: string, ok: (text: string) => boolean, timeoutMs = 30_000) {
      await waitFor(`${clientId}: ${what}`, async () => ok(text.toString()), timeoutMs, 20).catch((e: Error) => {
        throw new Error(`${e.message}; its text is ${JSON.stringify(text.toString())}`);
      });
    },
    async close() {
      abort.abort();
      await loop;
    },
  };
}
export type Editor = Awaited<ReturnType<typeof openEditor>>;
