/**
 * The minute sweep over time-bound grants. Access itself already ends at
 * expiresAt (rbac/resolve.ts ignores an expired assignment), so this only
 * closes the books: the request becomes `expired`, the end is audited and the
 * requester told. A day before a long grant ends, its holder is warned.
 * Idempotent: a request already expired, or already warned, is skipped.
 */
import { mutate } from '../activity/record';
import { systemActor } from '../actor';
import type { ServiceDeps } from '../deps';
import type { PeriodicTask } from '../jobs/periodic';
import { sendNotifications } from '../notifications/notifications';
import { describeScopes, scopeKey } from './describe';
import { requestSpec } from './requests';

/** Grants shorter than this get no "ends tomorrow" warning: their holder knows. */
const warnLongerThanMinutes = 2 * 24 * 60;
const warnAheadMs = 24 * 3_600_000;

/** Thrown inside a mutation when another sweep got there first: rolls back without a failure row. */
class AlreadySwept extends Error {}

export async function expireAccessGrants(deps: ServiceDeps): Promise<{ expired: number; warned: number }> {
  const now = deps.clock();
  const due = await deps.db.accessRequest.findMany({ where: { status: 'approved', expiresAt: { lte: now } }, orderBy: { expiresAt: 'asc' }, take: 200 });
  const scopes = await describeScopes(deps.db, due);
  let expired = 0;
  for (const request of due) {
    const scope = scopes.get(scopeKey(request.scopeType, request.scopeId));
    const scopeName = scope?.name ?? `${request.scopeType} ${request.scopeId}`;
    try {
      await mutate(deps, systemActor, requestSpec('access.expired', 'expire', request.id, scope?.workspaceId ?? null), async (tx) => {
        const { count } = await tx.accessRequest.updateMany({ where: { id: request.id, status: 'approved' }, data: { status: 'expired' } });
        if (count === 0) throw new AlreadySwept();
        const [role, assignment] = await Promise.all([
          tx.role.findUnique({ where: { id: request.roleId }, select: { name: true } }),
          request.assignmentId ? tx.roleAssignment.findUnique({ where: { id: request.assignmentId }, select: { expiresAt: true } }) : null,
        ]);
        // A later request may have extended the same assignment: say so rather than announce an end that did not happen.
        const stillUntil = assignment && (assignment.expiresAt === null || assignment.expiresAt > now) ? assignment.expiresAt : undefined;
        await sendNotifications(tx, [request.requesterId], `access.expired:${request.id}`, {
          kind: 'access.expired',
          title: `Your ${role?.name ?? request.roleId} access on ${scopeName} has ended`,
          body: stillUntil === undefined ? 'Request access again if you still need it.' : `You still hold it through a later grant${stillUntil ? ` until ${stillUntil.toISOString()}` : ''}.`,
          link: '/settings/access',
        });
        return {
          result: null,
          before: { status: 'approved', expiresAt: request.expiresAt },
          after: { status: 'expired' },
          details: { requesterId: request.requesterId, roleKey: request.roleId, scopeType: request.scopeType, scopeId: request.scopeId, scopeName },
        };
      });
      expired++;
    } catch (error) {
      if (!(error instanceof AlreadySwept)) throw error;
    }
  }
  return { expired, warned: await warnExpiringSoon(deps, now) };
}

async function warnExpiringSoon(deps: ServiceDeps, now: Date): Promise<number> {
  const soon = await deps.db.accessRequest.findMany({
    where: { status: 'approved', durationMinutes: { gt: warnLongerThanMinutes }, expiresAt: { gt: now, lte: new Date(now.getTime() + warnAheadMs) } },
    take: 200,
  });
  if (!soon.length) return 0;
  const warned = new Set(
    (await deps.db.notification.findMany({ where: { sourceKey: { in: soon.map((r) => `access.expiring:${r.id}`) } }, select: { sourceKey: true } })).map((n) => n.sourceKey),
  );
  const toWarn = soon.filter((r) => !warned.has(`access.expiring:${r.id}`));
  const scopes = await describeScopes(deps.db, toWarn);
  for (const request of toWarn) {
    const scopeName = scopes.get(scopeKey(request.scopeType, request.scopeId))?.name ?? request.scopeId;
    await mutate(deps, systemActor, { ...requestSpec('access.expiring', 'warn', request.id), complianceRelevant: false }, async (tx) => {
      const role = await tx.role.findUnique({ where: { id: request.roleId }, select: { name: true } });
      await sendNotifications(tx, [request.requesterId], `access.expiring:${request.id}`, {
        kind: 'access.expiring',
        title: `Your ${role?.name ?? request.roleId} access on ${scopeName} ends ${request.expiresAt!.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
        body: 'Request it again before then if you still need it.',
        link: '/settings/access',
      });
      return { result: null, details: { requesterId: request.requesterId, expiresAt: request.expiresAt } };
    });
  }
  return toWarn.length;
}

export const accessExpiryTask: PeriodicTask = { name: 'access:expire', cron: '* * * * *', run: expireAccessGrants };
