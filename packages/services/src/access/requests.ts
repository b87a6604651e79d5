/**
 * Access requests: a person asks for a role at a workspace or data source,
 * with a justification and a duration. Creating one opens ONE access task
 * for the scope's admins and notifies every approver, in the same
 * transaction as the request and its audit row. Deciding is in decide.ts.
 */
import type { Prisma } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { sendNotifications } from '../notifications/notifications';
import type { AccessChecker } from '../rbac/resolve';
import { approversAt, decidableRequestsWhere } from './approvers';
import { describeScopes, presentRequests, scopeKey } from './describe';
import { type accessRequestIdInput, type createAccessRequestInput, type listAccessRequestsInput, type requestScopesInput, requestableRoles } from './schemas';

export function personOf(actor: Actor): string {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'Access requests are made and decided by people');
  return actor.userId;
}

export const requestSpec = (type: string, action: string, id?: string, workspaceId?: string | null) =>
  ({ type, category: 'access', sourceGroup: 'rbac', action, resourceType: 'accessRequest', resourceId: id, workspaceId, complianceRelevant: true }) as const;

/** Workspaces and data sources one may ask for (names only: discovering a name is how one asks), with their requestable roles. */
export async function requestScopes(deps: ServiceDeps, input: z.output<typeof requestScopesInput>) {
  const name = input.q ? { name: { contains: input.q, mode: 'insensitive' as const } } : {};
  const [workspaces, sources, roles] = await Promise.all([
    deps.db.workspace.findMany({ where: name, select: { id: true, name: true, kind: true, environment: true }, orderBy: { name: 'asc' }, take: 50 }),
    deps.db.dataSource.findMany({ where: name, select: { id: true, name: true, engine: true, environment: true, workspace: { select: { name: true } } }, orderBy: { name: 'asc' }, take: 50 }),
    deps.db.role.findMany({ where: { id: { in: [...requestableRoles.workspace, ...requestableRoles.datasource] } }, select: { key: true, name: true, description: true } }),
  ]);
  const rolesFor = (type: keyof typeof requestableRoles) => requestableRoles[type].map((key) => roles.find((r) => r.key === key) ?? { key, name: key, description: '' });
  return {
    items: [
      ...workspaces.map((w) => ({ scopeType: 'workspace' as const, id: w.id, name: w.name, kind: w.kind as string, environment: w.environment as string, workspaceName: null, roles: rolesFor('workspace') })),
      ...sources.map((s) => ({ scopeType: 'datasource' as const, id: s.id, name: s.name, kind: s.engine as string, environment: s.environment as string, workspaceName: s.workspace?.name ?? null, roles: rolesFor('datasource') })),
    ],
  };
}

/** True when the user already holds exactly this role there, as a member or through a live assignment. */
async function alreadyHolds(tx: Prisma.TransactionClient, userId: string, roleId: string, scopeType: 'workspace' | 'datasource', scopeId: string, now: Date) {
  const [assignment, member] = await Promise.all([
    tx.roleAssignment.findFirst({ where: { userId, roleId, scopeType, scopeId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, select: { expiresAt: true } }),
    scopeType === 'workspace' ? tx.workspaceMember.findFirst({ where: { workspaceId: scopeId, userId, roleId }, select: { userId: true } }) : null,
  ]);
  return assignment ?? (member ? { expiresAt: null } : null);
}

export async function createAccessRequest(deps: ServiceDeps, actor: Actor, input: z.output<typeof createAccessRequestInput>) {
  const userId = personOf(actor);
  if (!(requestableRoles[input.scopeType] as readonly string[]).includes(input.roleKey))
    throw new AppError('BAD_REQUEST', `${input.roleKey} is not a ${input.scopeType === 'workspace' ? 'workspace' : 'data source'} role; pick one of ${requestableRoles[input.scopeType].join(', ')}`, { field: 'roleKey' });
  return mutate(deps, actor, requestSpec('access.requested', 'request'), async (tx) => {
    const now = deps.clock();
    const scope = (await describeScopes(tx, [input])).get(scopeKey(input.scopeType, input.scopeId));
    if (!scope) throw notFound(input.scopeType === 'workspace' ? 'Workspace' : 'Data source', input.scopeId);
    const [requester, role] = await Promise.all([
      tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } }),
      tx.role.findUniqueOrThrow({ where: { id: input.roleKey }, select: { name: true } }),
    ]);
    const held = await alreadyHolds(tx, userId, input.roleKey, input.scopeType, input.scopeId, now);
    if (held) throw new AppError('CONFLICT', `You already hold ${role.name} on ${scope.name}${held.expiresAt ? ` until ${held.expiresAt.toISOString()}` : ''}`);
    const pending = await tx.accessRequest.findFirst({ where: { requesterId: userId, roleId: input.roleKey, scopeType: input.scopeType, scopeId: input.scopeId, status: 'pending' }, select: { id: true } });
    if (pending) throw new AppError('CONFLICT', `You already asked for ${role.name} on ${scope.name}; that request is still pending`, { requestId: pending.id });

    const request = await tx.accessRequest.create({
      data: { requesterId: userId, roleId: input.roleKey, scopeType: input.scopeType, scopeId: input.scopeId, justification: input.justification, durationMinutes: input.durationMinutes },
    });
    const title = `${requester.name} requests ${role.name} on ${scope.name}`;
    const link = `/admin/access-requests?request=${request.id}`;
    // Workspace admins (and owners, who cover admins) decide; a source outside any workspace falls to the global admins.
    const task = await tx.humanTask.create({
      data: { kind: 'access', accessRequestId: request.id, title, description: input.justification, workspaceId: scope.workspaceId, assigneeRole: 'admin', link, createdById: userId, resourceType: input.scopeType === 'workspace' ? 'workspace' : 'dataSource', resourceId: input.scopeId },
    });
    const approvers = (await approversAt(tx, { type: input.scopeType, id: input.scopeId }, now)).filter((id) => id !== userId);
    const notified = await sendNotifications(tx, approvers, `access.requested:${request.id}`, { kind: 'access.requested', title, body: input.justification, link });
    return {
      result: { id: request.id, status: request.status, taskId: task.id, approvers: notified },
      resourceId: request.id,
      workspaceId: scope.workspaceId,
      after: { roleKey: input.roleKey, scopeType: input.scopeType, scopeId: input.scopeId, durationMinutes: input.durationMinutes, justification: input.justification },
      details: { scopeName: scope.name, taskId: task.id, approversNotified: notified },
    };
  });
}

/** The requester withdraws a pending request; its task closes as cancelled. */
export async function cancelAccessRequest(deps: ServiceDeps, actor: Actor, input: z.output<typeof accessRequestIdInput>) {
  const userId = personOf(actor);
  const request = await deps.db.accessRequest.findUnique({ where: { id: input.id }, select: { requesterId: true } });
  if (!request) throw notFound('Access request', input.id);
  if (request.requesterId !== userId) throw new AppError('FORBIDDEN', 'Only the person who made an access request may cancel it');
  return mutate(deps, actor, requestSpec('access.cancelled', 'cancel', input.id), async (tx) => {
    const [current] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM "AccessRequest" WHERE id = ${input.id} FOR UPDATE`;
    if (current?.status !== 'pending') throw new AppError('CONFLICT', `This request is ${current?.status ?? 'gone'}; only a pending request can be cancelled`);
    const now = deps.clock();
    await tx.accessRequest.update({ where: { id: input.id }, data: { status: 'cancelled', decidedAt: now } });
    await tx.humanTask.updateMany({ where: { accessRequestId: input.id, status: 'open' }, data: { status: 'cancelled', decidedAt: now, decidedById: userId } });
    return { result: { id: input.id, status: 'cancelled' as const }, before: { status: 'pending' }, after: { status: 'cancelled' } };
  });
}

/** mine: the caller's; toDecide: at scopes where they hold access.approve (never their own); all: needs access.audit. */
export async function listAccessRequests(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof listAccessRequestsInput>) {
  const userId = personOf(actor);
  const decidable = await decidableRequestsWhere(access, userId);
  let where: Prisma.AccessRequestWhereInput;
  if (input.view === 'mine') where = { requesterId: userId };
  else if (input.view === 'toDecide') where = decidable;
  else {
    if (!(await access.can('access.audit'))) throw new AppError('FORBIDDEN', 'Seeing every access request needs the access.audit permission');
    where = {};
  }
  if (input.status) where = { AND: [where, { status: input.status }] };
  const rows = await deps.db.accessRequest.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}) });
  const page = rows.slice(0, input.limit);
  const items = await presentRequests(deps.db, page, await decidableIds(deps, decidable, page), deps.clock());
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

async function decidableIds(deps: ServiceDeps, decidable: Prisma.AccessRequestWhereInput, page: readonly { id: string }[]) {
  if (!page.length) return new Set<string>();
  const rows = await deps.db.accessRequest.findMany({ where: { AND: [decidable, { id: { in: page.map((r) => r.id) } }] }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** One request, for its detail sheet: seen by its requester, by those who may decide it, and by auditors. */
export async function getAccessRequest(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof accessRequestIdInput>) {
  const userId = personOf(actor);
  const row = await deps.db.accessRequest.findUnique({ where: { id: input.id } });
  if (!row) throw notFound('Access request', input.id);
  const decidable = await decidableIds(deps, await decidableRequestsWhere(access, userId), [row]);
  if (row.requesterId !== userId && !decidable.has(row.id) && !(await access.can('access.audit')))
    throw new AppError('FORBIDDEN', 'Only the requester, the approvers of its scope and auditors may see this access request');
  const [item] = await presentRequests(deps.db, [row], decidable, deps.clock());
  return item!;
}
