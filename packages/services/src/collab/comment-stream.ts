/**
 * A thread's changes, live. Every comment change appends an activity row on
 * the commented resource (comments.ts), so the activity log already is the
 * thread's change feed: the cursor is the activity id, a reconnect passes it
 * back as lastEventId and gets exactly the changes it missed.
 */
import type { ServiceDeps } from '../deps';
import { wakeableSleep } from '../events/wake-sleep';
import type { AccessChecker } from '../rbac/resolve';
import { requireReadableResource, type ResourceRef } from './resource-ref';

const POLL_MS = 2_000;

export interface CommentChange {
  /** The activity id: the tracked cursor. */
  cursor: string;
  /** comment.created | comment.updated | comment.deleted | comment.reacted | comment.unreacted, or `sync` on a fresh start. */
  change: string;
  commentId: string | null;
  actorId: string | null;
}

async function changesAfter(deps: ServiceDeps, ref: ResourceRef, after: bigint) {
  return deps.db.activityEvent.findMany({
    where: { resourceType: ref.resourceType, resourceId: ref.resourceId, type: { startsWith: 'comment.' }, status: 'success', id: { gt: after } },
    select: { id: true, type: true, actorId: true, details: true },
    orderBy: { id: 'asc' },
    take: 200,
  });
}

/**
 * From `lastEventId`, every change after it; without one, a `sync` at the
 * log's current end first (the client refetches once, closing the gap
 * between its first read and the subscription), then every change after.
 */
export async function* watchComments(deps: ServiceDeps, ref: ResourceRef, lastEventId: string | null | undefined, signal?: AbortSignal): AsyncGenerator<CommentChange> {
  const nap = wakeableSleep();
  // A notification while the consumer holds a yielded change (not sleeping) must not wait for the poll.
  let pending = false;
  const unsubscribe = deps.bus.onNotify(() => {
    pending = true;
    nap.wake();
  });
  signal?.addEventListener('abort', nap.wake);
  try {
    let cursor: bigint;
    if (lastEventId) cursor = BigInt(lastEventId);
    else {
      const last = await deps.db.activityEvent.aggregate({ where: { resourceType: ref.resourceType, resourceId: ref.resourceId, type: { startsWith: 'comment.' } }, _max: { id: true } });
      cursor = last._max.id ?? 0n;
      yield { cursor: cursor.toString(), change: 'sync', commentId: null, actorId: null };
    }
    while (!signal?.aborted) {
      pending = false;
      const rows = await changesAfter(deps, ref, cursor);
      for (const row of rows) {
        cursor = row.id;
        yield { cursor: row.id.toString(), change: row.type, commentId: ((row.details as { commentId?: string } | null)?.commentId ?? null), actorId: row.actorId };
      }
      if (rows.length < 200 && !pending) await nap.sleep(POLL_MS);
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener('abort', nap.wake);
  }
}

/** Checks access before the stream starts, so a refusal is an error of the call itself. */
export async function commentStream(deps: ServiceDeps, access: AccessChecker, ref: ResourceRef, lastEventId?: string | null, signal?: AbortSignal) {
  await requireReadableResource(deps.db, access, ref);
  return watchComments(deps, ref, lastEventId, signal);
}
