import { AccessChecker, type Actor, type ActivityFeed, authenticateApiToken, getActivityFeed, getServiceDeps, type ServiceDeps } from '@racine/services';
import { TRPCError } from '@trpc/server';

export interface Context {
  deps: ServiceDeps;
  feed: ActivityFeed;
  actor: Actor | null;
  access: AccessChecker | null;
}

/** For in-process callers (tests, scripts, other packages): a context acting as `actor`. */
export function createContextForActor(deps: ServiceDeps, feed: ActivityFeed, actor: Actor | null): Context {
  return { deps, feed, actor, access: actor ? new AccessChecker(deps.db, actor) : null };
}

/**
 * The HTTP context: an API token in `Authorization: Bearer …` wins over the
 * browser session. A token that is unknown, revoked or expired is refused
 * outright rather than treated as anonymous, so a caller learns why.
 */
export async function createTRPCContext(opts: { headers: Headers; sessionUserId: string | null; deps?: ServiceDeps; feed?: ActivityFeed }): Promise<Context> {
  const deps = opts.deps ?? getServiceDeps();
  const feed = opts.feed ?? getActivityFeed();
  const authorization = opts.headers.get('authorization');
  if (authorization?.toLowerCase().startsWith('bearer ')) {
    const actor = await authenticateApiToken(deps, authorization.slice(7).trim());
    if (!actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'The API token is invalid, expired or revoked' });
    return createContextForActor(deps, feed, actor);
  }
  if (opts.sessionUserId) {
    const user = await deps.db.user.findUnique({ where: { id: opts.sessionUserId }, select: { isActive: true, isGuest: true } });
    if (user?.isActive) return createContextForActor(deps, feed, { kind: 'user', userId: opts.sessionUserId, ...(user.isGuest ? { guest: true as const } : {}) });
  }
  return createContextForActor(deps, feed, null);
}
