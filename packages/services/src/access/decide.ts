/**
 * Approving or rejecting an access request. The decider needs access.approve
 * at the request's scope and may never be its requester. The request row is
 * locked first, so of two approvers deciding at once only the first counts.
 * Approval creates the time-bound RoleAssignment (or extends the one that
 * exists for the same user, role and scope); rbac/resolve.ts ignores it from
 * its expiresAt on, so access ends on the second without waiting for the sweep.
 */
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { sendNotifications } from '../notifications/notifications';
import type { AccessChecker } from '../rbac/resolve';
import { scopeOf } from './approvers';
import { describeScopes, scopeKey } from './describe';
import { personOf, requestSpec } from './requests';
import type { approveAccessRequestInput, rejectAccessRequestInput } from './schemas';

type Decision = 'approved' | 'rejected';

async function decide(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: { id: string; comment?: string }, decision: Decision) {
  const userId = personOf(actor);
  const request = await deps.db.accessRequest.findUnique({ where: { id: input.id } });
  if (!request) throw notFound('Access request', input.id);
  const scope = (await describeScopes(deps.db, [request])).get(scopeKey(request.scopeType, request.scopeId));
  const scopeName = scope?.name ?? `${request.scopeType} ${request.scopeId}`;
  const spec = requestSpec(decision === 'approved' ? 'access.approved' : 'access.rejected', decision === 'approved' ? 'approve' : 'reject', request.id, scope?.workspaceId ?? null);
  if (request.requesterId === userId) throw new AppError('FORBIDDEN', 'You may not decide your own access request; another approver must');
  // Checked before the transaction opens (see workspace/members.ts: the embedded PGlite runs one transaction at a time).
  if (!(await access.can('access.approve', scopeOf(request))))
    throw new AppError('FORBIDDEN', `Deciding this request needs the access.approve permission on ${scopeName}`, { permission: 'access.approve' });

  return mutate(deps, actor, spec, async (tx) => {
    const [current] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "AccessRequest" WHERE id = ${request.id} FOR UPDATE`;
    if (current?.status !== 'pending') throw new AppError('CONFLICT', `This request was already ${current?.status ?? 'removed'}; it can no longer be decided`, { status: current?.status });
    const now = deps.clock();
    const comment = input.comment?.length ? input.comment : null;
    const role = await tx.role.findUniqueOrThrow({ where: { id: request.roleId }, select: { name: true } });
    let expiresAt: Date | null = null;
    let assignmentId: string | null = null;
    let extended = false;
    if (decision === 'approved') {
      expiresAt = new Date(now.getTime() + request.durationMinutes * 60_000);
      const key = { userId: request.requesterId, roleId: request.roleId, scopeType: request.scopeType, scopeId: request.scopeId };
      const existing = await tx.roleAssignment.findUnique({ where: { userId_roleId_scopeType_scopeId: key } });
      if (existing) {
        // Extend, never shorten: a later end (or none) already given stays.
        extended = true;
        if (existing.expiresAt === null || existing.expiresAt > expiresAt) expiresAt = existing.expiresAt;
        await tx.roleAssignment.update({ where: { id: existing.id }, data: { expiresAt, accessRequestId: request.id, grantedById: userId } });
        assignmentId = existing.id;
      } else {
        assignmentId = (await tx.roleAssignment.create({ data: { ...key, expiresAt, accessRequestId: request.id, grantedById: userId } })).id;
      }
    }
    await tx.accessRequest.update({ where: { id: request.id }, data: { status: decision, decidedById: userId, decidedAt: now, decisionComment: comment, expiresAt, assignmentId } });
    await tx.humanTask.updateMany({ where: { accessRequestId: request.id, status: 'open' }, data: { status: decision, decidedById: userId, decidedAt: now, comment } });
    const until = expiresAt ? ` until ${expiresAt.toISOString().replace('T', ' ').slice(0, 16)} UTC` : '';
    await sendNotifications(tx, [request.requesterId], `access.decided:${request.id}`, {
      kind: 'access.decided',
      title: decision === 'approved' ? `You have ${role.name} on ${scopeName}${until}` : `Your request for ${role.name} on ${scopeName} was rejected`,
      body: comment ?? '',
      link: '/settings/access',
    });
    return {
      result: { id: request.id, status: decision, decidedById: userId, decidedAt: now, comment, expiresAt, assignmentId },
      before: { status: 'pending' },
      after: { status: decision, comment, expiresAt, assignmentId },
      details: { requesterId: request.requesterId, roleKey: request.roleId, scopeType: request.scopeType, scopeId: request.scopeId, scopeName, extended },
    };
  });
}

export const approveAccessRequest = (deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof approveAccessRequestInput>) => decide(deps, actor, access, input, 'approved');
export const rejectAccessRequest = (deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof rejectAccessRequestInput>) => decide(deps, actor, access, input, 'rejected');
