/**
 * Who is looking at a resource right now. Each open tab sends a heartbeat
 * every few seconds under its own client id; a viewer is anyone with a
 * heartbeat younger than the TTL. Presence is ephemeral: plain writes, no
 * activity row (a heartbeat is not an audit event), and a periodic task
 * forgets rows nobody refreshed for an hour.
 */
import { EventEmitter } from 'node:events';
import type { z } from 'zod';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { wakeableSleep } from '../events/wake-sleep';
import type { PeriodicTask } from '../jobs/periodic';
import type { AccessChecker } from '../rbac/resolve';
import { requireReadableResource, type ResourceRef } from './resource-ref';
import type { heartbeatInput, leaveInput } from './schemas';

/** A tab that sent nothing for this long has gone (the client beats every 5 s). */
export const PRESENCE_TTL_MS = 15_000;
/** Another process may hold the other tab, so watchers also poll this often. */
const PRESENCE_POLL_MS = 2_000;
const FORGET_AFTER_MS = 60 * 60 * 1000;

const emitter = new EventEmitter().setMaxListeners(0);
const keyOf = (ref: { resourceType: string; resourceId: string }) => `${ref.resourceType}:${ref.resourceId}`;

function personOf(actor: Actor): string {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'Presence is for people');
  return actor.userId;
}

export async function heartbeat(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof heartbeatInput>) {
  const userId = personOf(access.actor);
  const ref = { resourceType: input.resourceType, resourceId: input.resourceId };
  await requireReadableResource(deps.db, access, ref);
  const now = deps.clock();
  // A client id is the tab's, so a row of someone else's is never taken over.
  const written = await deps.db.$executeRaw`
    INSERT INTO "PresenceHeartbeat" ("clientId", "userId", "resourceType", "resourceId", "lastSeenAt")
    VALUES (${input.clientId}, ${userId}, ${ref.resourceType}, ${ref.resourceId}, ${now})
    ON CONFLICT ("clientId") DO UPDATE SET "resourceType" = EXCLUDED."resourceType", "resourceId" = EXCLUDED."resourceId", "lastSeenAt" = EXCLUDED."lastSeenAt"
    WHERE "PresenceHeartbeat"."userId" = EXCLUDED."userId"`;
  if (written === 0) throw new AppError('CONFLICT', 'This client id belongs to another user; pick a new one');
  emitter.emit('change', keyOf(ref));
  // Who is here now, so a page can show presence from its own heartbeats without
  // holding one more long-lived connection (browsers allow six per host over HTTP/1.1,
  // across all tabs; the presence subscription stays for API clients).
  return { ok: true as const, ttlMs: PRESENCE_TTL_MS, viewers: await currentViewers(deps, ref) };
}

/** The tab closed or moved on: others see it go at once rather than at the TTL. */
export async function leave(deps: ServiceDeps, actor: Actor, input: z.output<typeof leaveInput>) {
  const userId = personOf(actor);
  const rows = await deps.db.presenceHeartbeat.findMany({ where: { clientId: input.clientId, userId }, select: { resourceType: true, resourceId: true } });
  await deps.db.presenceHeartbeat.deleteMany({ where: { clientId: input.clientId, userId } });
  for (const row of rows) emitter.emit('change', keyOf(row));
  return { left: rows.length > 0 };
}

export interface Viewer {
  userId: string;
  name: string;
  /** The newest heartbeat of any of their tabs. */
  lastSeenAt: Date;
}

/** Distinct people with a live heartbeat on the resource, by name. */
export async function currentViewers(deps: ServiceDeps, ref: ResourceRef): Promise<Viewer[]> {
  const since = new Date(deps.clock().getTime() - PRESENCE_TTL_MS);
  const beats = await deps.db.presenceHeartbeat.groupBy({
    by: ['userId'],
    where: { resourceType: ref.resourceType, resourceId: ref.resourceId, lastSeenAt: { gt: since } },
    _max: { lastSeenAt: true },
  });
  if (!beats.length) return [];
  const users = await deps.db.user.findMany({ where: { id: { in: beats.map((b) => b.userId) }, isActive: true }, select: { id: true, name: true } });
  return users
    .map((u) => ({ userId: u.id, name: u.name, lastSeenAt: beats.find((b) => b.userId === u.id)!._max.lastSeenAt! }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The viewers now, then again each time the set of people changes: woken by
 * a heartbeat or leave in this process, polling for other processes and for
 * tabs that simply stopped beating.
 */
export async function* watchPresence(deps: ServiceDeps, ref: ResourceRef, signal?: AbortSignal): AsyncGenerator<Viewer[]> {
  const key = keyOf(ref);
  const nap = wakeableSleep();
  // A change while the consumer holds a yielded value (not sleeping) must not wait for the poll.
  let pending = false;
  const onChange = (changed: string) => {
    if (changed !== key) return;
    pending = true;
    nap.wake();
  };
  emitter.on('change', onChange);
  signal?.addEventListener('abort', nap.wake);
  let last: string | null = null;
  try {
    while (!signal?.aborted) {
      pending = false;
      const viewers = await currentViewers(deps, ref);
      const now = viewers.map((v) => v.userId).join(',');
      if (now !== last) {
        last = now;
        yield viewers;
      }
      if (!pending) await nap.sleep(PRESENCE_POLL_MS);
    }
  } finally {
    emitter.off('change', onChange);
    signal?.removeEventListener('abort', nap.wake);
  }
}

/** Checks access before the stream starts, so a refusal is an error of the call itself. */
export async function presenceStream(deps: ServiceDeps, access: AccessChecker, ref: ResourceRef, signal?: AbortSignal) {
  await requireReadableResource(deps.db, access, ref);
  return watchPresence(deps, ref, signal);
}

export const presenceCleanupTask: PeriodicTask = {
  name: 'presence:forget',
  cron: '17 * * * *',
  run: async (deps) => {
    const { count } = await deps.db.presenceHeartbeat.deleteMany({ where: { lastSeenAt: { lt: new Date(deps.clock().getTime() - FORGET_AFTER_MS) } } });
    return { forgotten: count };
  },
};
