'use client';
import * as React from 'react';
import { useSubscription } from '@trpc/tanstack-react-query';
import { toast } from '@racine/ui';
import * as Y from 'yjs';
import { trpcErrorCode, useTRPC, useTRPCClient } from '~/trpc/react';

/** The shared Y.Text's name; the server reads the same one. */
export const CONTENT = 'content';
/** Keystrokes within this window go up as one update. */
const BATCH_MS = 150;
/** After a failed send (network, server restarting), try again this much later. */
const RETRY_MS = 2_000;
/** Errors that sending again will not fix. */
const FINAL = new Set(['BAD_REQUEST', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNAUTHORIZED']);

export type SyncStatus = 'saved' | 'saving' | 'offline' | 'failed';

const toBase64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * One Y.Doc per open document, kept in step with the server: local changes
 * (any origin but 'remote') are merged and sent every BATCH_MS through
 * `document.update`, one request at a time so the server always has what an
 * update builds on; `document.sync` streams everyone else's updates from the
 * cursor the page loaded at, and a reconnect resumes from its last event id.
 */
export function useDocumentSync(documentId: string, loaded: { state: string; cursor: string } | undefined) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [clientId] = React.useState(() => `tab-${crypto.randomUUID()}`);
  const [status, setStatus] = React.useState<SyncStatus>('saved');
  const [failure, setFailure] = React.useState<string | null>(null);

  // Built once per document, from the state first loaded; later refetches must not reset it.
  const doc = React.useMemo(() => {
    if (!loaded) return null;
    const d = new Y.Doc();
    Y.applyUpdate(d, fromBase64(loaded.state), 'remote');
    return d;
    // Deliberately keyed on the first load only: a refetch must not replace the live doc.
  }, [documentId, loaded === undefined]);
  const startCursor = React.useRef<string | null>(null);
  if (loaded && startCursor.current === null) startCursor.current = loaded.cursor;

  React.useEffect(() => {
    if (!doc) return;
    let pending: Uint8Array[] = [];
    let sending = false;
    let timer: number | undefined;
    let stopped = false;
    const schedule = (ms: number) => {
      window.clearTimeout(timer);
      timer = window.setTimeout(flush, ms);
    };
    async function flush() {
      if (sending || stopped || pending.length === 0) return;
      sending = true;
      const batch = pending;
      pending = [];
      try {
        await client.document.update.mutate({ documentId, clientId, update: toBase64(Y.mergeUpdates(batch)) });
        setFailure(null);
        setStatus(pending.length ? 'saving' : 'saved');
      } catch (error) {
        const code = trpcErrorCode(error);
        if (code && FINAL.has(code)) {
          const message = error instanceof Error ? error.message : 'The server refused the edit';
          setFailure(message);
          setStatus('failed');
          toast.error(`Your last edit was not saved: ${message}`);
        } else {
          // Keep it, in order, ahead of anything typed since; send again shortly.
          pending = [...batch, ...pending];
          setStatus('offline');
          schedule(RETRY_MS);
        }
      } finally {
        sending = false;
      }
      if (pending.length && !stopped) schedule(BATCH_MS);
    }
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      pending.push(update);
      setStatus((s) => (s === 'offline' ? s : 'saving'));
      schedule(BATCH_MS);
    };
    doc.on('update', onUpdate);
    // Leaving with unsent edits: the browser may still deliver one last request.
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (pending.length || sending) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      stopped = true;
      doc.off('update', onUpdate);
      window.removeEventListener('beforeunload', beforeUnload);
      window.clearTimeout(timer);
      if (pending.length) void client.document.update.mutate({ documentId, clientId, update: toBase64(Y.mergeUpdates(pending)) }).catch(() => {});
    };
  }, [doc, client, documentId, clientId]);

  const input = React.useMemo(() => ({ documentId, clientId, lastEventId: startCursor.current ?? '0' }), [documentId, clientId, doc]);
  const subscription = useSubscription(
    trpc.document.sync.subscriptionOptions(input, {
      enabled: doc !== null,
      onData: (event) => {
        if (!doc) return;
        const batch = event.data;
        doc.transact(() => {
          batch.updates.forEach((u, i) => {
            if (batch.fromClientIds[i] !== clientId) Y.applyUpdate(doc, fromBase64(u), 'remote');
          });
        }, 'remote');
      },
    }),
  );

  // 'connecting' before the first event stream opened is a first connection, after it a reconnect.
  const everLive = React.useRef(false);
  if (subscription.status === 'pending') everLive.current = true;
  const connection: 'connecting' | 'live' | 'reconnecting' =
    subscription.status === 'pending' ? 'live' : everLive.current || subscription.status === 'error' ? 'reconnecting' : 'connecting';
  return { doc, text: doc?.getText(CONTENT) ?? null, clientId, status, failure, connection } as const;
}
