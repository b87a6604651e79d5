import { AccessChecker, type Actor, type ActivityFeed, authenticateApiToken, getActivityFeed, getServiceDeps, isSessionLive, mfaSetupRequiredBy, type ServiceDeps } from '@racine/services';
import { TRPCError } from '@trpc/server';

export interface Context {
  deps: ServiceDeps;
  feed: ActivityFeed;
  actor: Actor | null;
  access: AccessChecker | null;
  /**
   * The role (its label) that requires two-factor authentication the caller
   * has not set up, or null. Asked only by procedures beyond the caller's own
   * account, at most once per request.
   */
  mfaRequiredBy: () => Promise<string | null>;
  /**
   * The same caller signed in again from the same credentials (token, session
   * or in-process actor), with a fresh AccessChecker: long-lived subscriptions
   * check with it that the caller still may (see reauthorize.ts).
   */
  renew: () => Promise<Context>;
}

/** For in-process callers (tests, scripts, other packages): a context acting as `actor`. */
export function createContextForActor(deps: ServiceDeps, feed: ActivityFeed, actor: Actor | null): Context {
  let mfa: Promise<string | null> | undefined;
  const mfaRequiredBy = () => (mfa ??= actor && actor.kind !== 'system' ? mfaSetupRequiredBy(deps.db, actor.userId, deps.clock()) : Promise.resolve(null));
  return { deps, feed, actor, access: actor ? new AccessChecker(deps.db, actor) : null, mfaRequiredBy, renew: async () => createContextForActor(deps, feed, actor) };
}

/**
 * The HTTP context: an API token in `Authorization: Bearer …` wins over the
 * browser session. A token that is unknown, revoked or expired is refused
 * outright rather than treated as anonymous, so a caller learns why.
 *
 * `sessionId` is the browser session's UserSession row (from the JWT). When
 * the caller passes the field (the web app's route handlers do), a session
 * without a live row is refused: revoked, expired, unknown, or a cookie from
 * before session rows existed (null). Leaving it out skips the check, for
 * in-process callers that have no browser session.
 */
export async function createTRPCContext(opts: ContextOptions): Promise<Context> {
  return { ...(await signIn(opts)), renew: () => createTRPCContext(opts) };
}

interface ContextOptions {
  headers: Headers;
  sessionUserId: string | null;
  sessionId?: string | null;
  deps?: ServiceDeps;
  feed?: ActivityFeed;
}

async function signIn(opts: ContextOptions): Promise<Context> {
  const deps = opts.deps ?? getServiceDeps();
  const feed = opts.feed ?? getActivityFeed();
  const authorization = opts.headers.get('authorization');
  if (authorization?.toLowerCase().startsWith('bearer ')) {
    const actor = await authenticateApiToken(deps, authorization.slice(7).trim());
    if (!actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'The API token is invalid, expired or revoked' });
    return createContextForActor(deps, feed, actor);
  }
  if (opts.sessionUserId) {
    const userId = opts.sessionUserId;
    const sessionId = opts.sessionId;
    const [user, live] = await Promise.all([
      deps.db.user.findUnique({ where: { id: userId }, select: { isActive: true, isGuest: true } }),
      sessionId === undefined ? true : sessionId ? isSessionLive(deps, userId, sessionId) : false,
    ]);
    if (!live) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'This session was signed out: sign in again' });
    if (user?.isActive)
      return createContextForActor(deps, feed, { kind: 'user', userId, ...(sessionId ? { sessionId } : {}), ...(user.isGuest ? { guest: true as const } : {}) });
  }
  return createContextForActor(deps, feed, null);
}
