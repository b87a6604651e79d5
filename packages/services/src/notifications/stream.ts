/**
 * The caller's new notifications, live: yields each one after `afterSeq`
 * (the tracked id a reconnecting client sends back), in seq order. Wakes on
 * the bus (every activity append, across processes; a notification is always
 * written inside one) and polls every `pollMs` in case a wake was lost.
 */
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { wakeableSleep } from '../events/wake-sleep';

const select = { id: true, seq: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const;

export async function* watchNotifications(deps: ServiceDeps, actor: Actor, afterSeq: string | null | undefined, signal?: AbortSignal, pollMs = 2_000) {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'Notifications belong to people');
  const userId = actor.userId;
  // No cursor: start from now (the bell loads what came before through notification.list).
  let cursor = afterSeq ? BigInt(afterSeq) : ((await deps.db.notification.aggregate({ where: { userId }, _max: { seq: true } }))._max.seq ?? 0n);
  const nap = wakeableSleep();
  const unsubscribe = deps.bus.onNotify(nap.wake);
  signal?.addEventListener('abort', nap.wake);
  try {
    while (!signal?.aborted) {
      const rows = await deps.db.notification.findMany({ where: { userId, seq: { gt: cursor } }, orderBy: { seq: 'asc' }, take: 100, select });
      for (const row of rows) {
        cursor = row.seq;
        yield { ...row, seq: row.seq.toString() };
      }
      if (rows.length < 100) await nap.sleep(pollMs);
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener('abort', nap.wake);
  }
}
