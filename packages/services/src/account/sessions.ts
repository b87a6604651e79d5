import type { Tx } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { notFound } from '../errors';
import { requireUserActor } from './profile';
import type { revokeSessionInput } from './schemas';

/** How long a browser session lasts without use; the web app's JWT cookie has the same max age. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
/** lastSeenAt (and the sliding expiry) is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

const sessionSpec = { category: 'security', sourceGroup: 'user', resourceType: 'userSession', complianceRelevant: true } as const;

/** A sign-in starts a session row; its id travels in the JWT so the session can be signed out server-side. */
export async function startUserSession(deps: ServiceDeps, input: { userId: string; userAgent?: string | null; ip?: string | null; method: string }) {
  const now = deps.clock();
  const actor: Actor = { kind: 'user', userId: input.userId };
  return mutate(deps, actor, { ...sessionSpec, type: 'user.session.started', action: 'create', details: { method: input.method } }, async (tx) => {
    const row = await tx.userSession.create({
      data: {
        userId: input.userId,
        userAgent: (input.userAgent ?? '').slice(0, 400),
        ip: (input.ip ?? '').slice(0, 64),
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      },
      select: { id: true, expiresAt: true },
    });
    return { result: row, resourceId: row.id, after: { userAgent: input.userAgent ?? '', ip: input.ip ?? '' } };
  });
}

/**
 * True while the session row is the user's, not revoked and not expired.
 * Touches lastSeenAt and slides the expiry along at most once a minute, like
 * the cookie that next-auth re-issues while the user is active.
 */
export async function isSessionLive(deps: ServiceDeps, userId: string, sessionId: string): Promise<boolean> {
  const row = await deps.db.userSession.findUnique({ where: { id: sessionId }, select: { userId: true, revokedAt: true, expiresAt: true, lastSeenAt: true } });
  const now = deps.clock();
  if (!row || row.userId !== userId || row.revokedAt || row.expiresAt <= now) return false;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await deps.db.userSession.updateMany({
      where: { id: sessionId, revokedAt: null },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
    });
  return true;
}

/** The caller's live sessions, most recently used first, the one they are using marked. */
export async function listSessions(deps: ServiceDeps, actor: Actor) {
  const userId = requireUserActor(actor);
  const rows = await deps.db.userSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: deps.clock() } },
    select: { id: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true, expiresAt: true },
    orderBy: { lastSeenAt: 'desc' },
    take: 100,
  });
  const current = actor.kind === 'user' ? actor.sessionId : undefined;
  return rows.map((r) => ({ ...r, current: r.id === current }));
}

export async function revokeSession(deps: ServiceDeps, actor: Actor, input: z.output<typeof revokeSessionInput>) {
  const userId = requireUserActor(actor);
  return mutate(deps, actor, { ...sessionSpec, type: 'user.session.revoked', action: 'revoke', resourceId: input.id }, async (tx) => {
    // Someone else's session is reported as not found: its id says nothing.
    const row = await tx.userSession.findFirst({ where: { id: input.id, userId }, select: { id: true, revokedAt: true } });
    if (!row) throw notFound('Session', input.id);
    if (row.revokedAt) return { result: { id: row.id, revokedAt: row.revokedAt } };
    const revoked = await tx.userSession.update({ where: { id: row.id }, data: { revokedAt: deps.clock() }, select: { id: true, revokedAt: true } });
    return { result: revoked, before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt } };
  });
}

/** Revokes every live session of the user but `keep` (the caller's own); returns how many. */
export async function revokeSessionsExcept(tx: Tx, userId: string, keep: string | undefined, now: Date): Promise<number> {
  const { count } = await tx.userSession.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now }, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: now },
  });
  return count;
}

export async function revokeOtherSessions(deps: ServiceDeps, actor: Actor) {
  const userId = requireUserActor(actor);
  const keep = actor.kind === 'user' ? actor.sessionId : undefined;
  return mutate(deps, actor, { ...sessionSpec, type: 'user.sessions.revoked', action: 'revoke', resourceType: 'user', resourceId: userId }, async (tx) => {
    const revoked = await revokeSessionsExcept(tx, userId, keep, deps.clock());
    return { result: { revoked }, details: { revoked, kept: keep ?? null } };
  });
}

/** Sign-out: the session row ends with the cookie, so a copied cookie is useless afterwards. */
export async function endUserSession(deps: ServiceDeps, userId: string, sessionId: string) {
  const actor: Actor = { kind: 'user', userId, sessionId };
  await mutate(deps, actor, { ...sessionSpec, type: 'user.signed-out', action: 'sign-out', resourceId: sessionId }, async (tx) => {
    const { count } = await tx.userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: deps.clock() } });
    return { result: null, details: { ended: count === 1 } };
  });
}
