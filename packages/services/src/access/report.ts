/**
 * "Who has had access to restricted data, and why": for every data source
 * holding Restricted assets, each person who held datasource.read there at
 * any time in [from, to], by route — global role, workspace membership,
 * workspace or source assignment, approved access request, guest invite —
 * with when it started and ended and the reason (the justification and its
 * approver, the inviter, or who added them according to the activity log).
 * Past memberships are rebuilt from the log's "member removed" rows.
 */
import type { DbOrTx } from '@racine/db';
import type { z } from 'zod';
import type { ServiceDeps } from '../deps';
import { csvField } from '../compliance/report';
import type { accessReportInput } from './schemas';

export type AccessRoute = 'global-role' | 'workspace-member' | 'workspace-assignment' | 'source-assignment' | 'access-request' | 'guest-invite';

export interface AccessReportEntry {
  userId: string;
  userName: string;
  email: string;
  isGuest: boolean;
  roleKey: string;
  roleName: string;
  route: AccessRoute;
  from: Date | null;
  until: Date | null;
  reason: string;
  grantedBy: string | null;
}

type Event = { type: string; occurredAt: Date; actorId: string | null; resourceId: string | null; workspaceId: string | null; details: unknown; before: unknown; after: unknown };
const eventSelect = { type: true, occurredAt: true, actorId: true, resourceId: true, workspaceId: true, details: true, before: true, after: true } as const;
const field = (json: unknown, key: string): unknown => (json && typeof json === 'object' ? (json as Record<string, unknown>)[key] : undefined);
const overlaps = (from: Date | null, until: Date | null, range: { from: Date; to: Date }) => (from === null || from <= range.to) && (until === null || until >= range.from);

async function readRoles(db: DbOrTx) {
  const roles = await db.role.findMany({ where: { permissions: { some: { permissionKey: 'datasource.read' } } }, select: { id: true, key: true, name: true, scopeType: true } });
  return new Map(roles.map((r) => [r.id, r]));
}

export async function accessReport(deps: ServiceDeps, input: z.output<typeof accessReportInput>) {
  const db = deps.db;
  const range = { from: input.from, to: input.to };
  const sources = await db.dataSource.findMany({
    where: { assets: { some: { sensitivity: 'Restricted' } }, ...(input.dataSourceId ? { id: input.dataSourceId } : {}) },
    select: { id: true, name: true, environment: true, workspaceId: true, workspace: { select: { name: true, ownerId: true } }, _count: { select: { assets: { where: { sensitivity: 'Restricted' } } } } },
    orderBy: { name: 'asc' },
  });
  const roles = await readRoles(db);
  const roleIds = [...roles.keys()];
  const workspaceIds = [...new Set(sources.map((s) => s.workspaceId).filter((id): id is string => id !== null))];
  const sourceIds = sources.map((s) => s.id);

  const [globals, members, assignments, requests, invites, events] = await Promise.all([
    db.roleAssignment.findMany({ where: { scopeType: 'global', roleId: { in: roleIds } } }),
    db.workspaceMember.findMany({ where: { workspaceId: { in: workspaceIds }, roleId: { in: roleIds } } }),
    db.roleAssignment.findMany({ where: { roleId: { in: roleIds }, OR: [{ scopeType: 'workspace', scopeId: { in: workspaceIds } }, { scopeType: 'datasource', scopeId: { in: sourceIds } }] } }),
    db.accessRequest.findMany({ where: { status: { in: ['approved', 'expired'] }, roleId: { in: roleIds }, OR: [{ scopeType: 'workspace', scopeId: { in: workspaceIds } }, { scopeType: 'datasource', scopeId: { in: sourceIds } }] } }),
    db.guestInvite.findMany({ where: { workspaceId: { in: workspaceIds }, acceptedAt: { not: null }, acceptedUserId: { not: null } } }),
    db.activityEvent.findMany({
      where: { type: { in: ['workspace.member.added', 'workspace.member.role-changed', 'workspace.member.removed'] }, workspaceId: { in: workspaceIds }, status: 'success', occurredAt: { lte: range.to } },
      select: eventSelect,
      orderBy: { id: 'asc' },
    }) as Promise<Event[]>,
  ]);
  // Who set each global role: only for the few people holding one that reads sources.
  events.push(
    ...((await db.activityEvent.findMany({
      where: { type: { in: ['user.roles.changed', 'user.created'] }, resourceType: 'user', resourceId: { in: [...new Set(globals.map((g) => g.userId))] }, status: 'success' },
      select: eventSelect,
      orderBy: { id: 'asc' },
    })) as Event[]),
  );
  const userIds = new Set<string>([...globals, ...members, ...assignments].map((a) => a.userId));
  for (const r of requests) userIds.add(r.requesterId).add(r.decidedById ?? r.requesterId);
  for (const i of invites) userIds.add(i.acceptedUserId!).add(i.invitedById);
  for (const e of events) {
    if (e.actorId) userIds.add(e.actorId);
    const subject = field(e.details, 'userId');
    if (typeof subject === 'string') userIds.add(subject);
  }
  const users = new Map((await db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true, email: true, isGuest: true } })).map((u) => [u.id, u]));
  const nameOf = (id: string | null | undefined) => (id ? (users.get(id)?.name ?? 'a removed user') : null);
  const when = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

  /** The last log row before `at` that gave `userId` their membership or its role in the workspace. */
  const lastMemberEvent = (workspaceId: string, userId: string, at: Date) =>
    events.findLast((e) => e.workspaceId === workspaceId && e.type !== 'workspace.member.removed' && e.type.startsWith('workspace.member.') && field(e.details, 'userId') === userId && e.occurredAt <= at);
  const lastRolesEvent = (userId: string, roleKey: string) =>
    events.findLast((e) => (e.type === 'user.roles.changed' || e.type === 'user.created') && e.resourceId === userId && (field(e.after, 'roles') as string[] | undefined)?.includes(roleKey));

  const entry = (userId: string, roleId: string, route: AccessRoute, from: Date | null, until: Date | null, reason: string, grantedBy: string | null): AccessReportEntry => {
    const u = users.get(userId);
    const role = roles.get(roleId);
    return { userId, userName: u?.name ?? 'a removed user', email: u?.email ?? '', isGuest: u?.isGuest ?? false, roleKey: role?.key ?? roleId, roleName: role?.name ?? roleId, route, from, until, reason, grantedBy };
  };

  // Global roles reach every source alike.
  const globalEntries = globals.map((g) => {
    const set = lastRolesEvent(g.userId, g.roleId);
    const by = nameOf(set?.actorId ?? g.grantedById);
    return entry(g.userId, g.roleId, 'global-role', g.createdAt, g.expiresAt, set ? `${set.type === 'user.created' ? 'created with' : 'roles set to include'} ${g.roleId} by ${by ?? 'the system'} on ${when(set.occurredAt)}` : `global ${g.roleId} role`, by);
  });

  const report = sources.map((source) => {
    const entries: AccessReportEntry[] = [...globalEntries];
    const wsId = source.workspaceId;
    if (wsId) {
      for (const m of members.filter((x) => x.workspaceId === wsId)) {
        const added = lastMemberEvent(wsId, m.userId, new Date(8.64e15));
        const reason = added
          ? `${added.type === 'workspace.member.added' ? 'added' : 'role changed'} by ${nameOf(added.actorId) ?? 'the system'} on ${when(added.occurredAt)}`
          : m.userId === source.workspace?.ownerId
            ? 'created the workspace'
            : `member since ${when(m.addedAt)}`;
        entries.push(entry(m.userId, m.roleId, 'workspace-member', m.addedAt, null, reason, nameOf(added?.actorId)));
      }
      // Memberships that ended: each removal, back to the row that granted it.
      for (const removed of events.filter((e) => e.type === 'workspace.member.removed' && e.workspaceId === wsId)) {
        const userId = field(removed.details, 'userId');
        const role = `ws.${String(field(removed.before, 'role') ?? '')}`;
        if (typeof userId !== 'string' || !roles.has(role)) continue;
        const added = lastMemberEvent(wsId, userId, removed.occurredAt);
        entries.push(entry(userId, role, 'workspace-member', added?.occurredAt ?? null, removed.occurredAt, `${added ? `added by ${nameOf(added.actorId) ?? 'the system'}; ` : ''}removed by ${nameOf(removed.actorId) ?? 'the system'} on ${when(removed.occurredAt)}`, nameOf(added?.actorId)));
      }
    }
    const here = (a: { scopeType: string; scopeId: string }) => (a.scopeType === 'workspace' ? a.scopeId === wsId : a.scopeId === source.id);
    // Assignments from a request or an invite are told through that request or invite, which keep their own history.
    for (const a of assignments.filter((x) => here(x) && !x.accessRequestId && !x.guestInviteId))
      entries.push(entry(a.userId, a.roleId, a.scopeType === 'workspace' ? 'workspace-assignment' : 'source-assignment', a.createdAt, a.expiresAt, `assigned by ${nameOf(a.grantedById) ?? 'the system'}${a.expiresAt ? ', time-bound' : ''}`, nameOf(a.grantedById)));
    for (const r of requests.filter(here))
      entries.push(entry(r.requesterId, r.roleId, 'access-request', r.decidedAt, r.expiresAt, `requested: “${r.justification}”; approved by ${nameOf(r.decidedById) ?? 'someone'}${r.decisionComment ? ` (“${r.decisionComment}”)` : ''}`, nameOf(r.decidedById)));
    for (const i of invites.filter((x) => x.workspaceId === wsId)) {
      const until = i.revokedAt && i.revokedAt < i.accessEndsAt ? i.revokedAt : i.accessEndsAt;
      entries.push(entry(i.acceptedUserId!, i.roleKey, 'guest-invite', i.acceptedAt, until, `guest invited by ${nameOf(i.invitedById)}${i.message ? `: “${i.message}”` : ''}${i.revokedAt ? `; revoked ${when(i.revokedAt)}` : ''}`, nameOf(i.invitedById)));
    }
    const inRange = entries.filter((e) => overlaps(e.from, e.until, range)).sort((a, b) => a.userName.localeCompare(b.userName) || (a.from?.getTime() ?? 0) - (b.from?.getTime() ?? 0));
    return { id: source.id, name: source.name, environment: source.environment as string, workspaceName: source.workspace?.name ?? null, restrictedAssets: source._count.assets, entries: inRange };
  });

  const result = { from: range.from, to: range.to, sources: report };
  if (input.format !== 'csv') return { ...result, csv: null };
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { ...result, csv: { filename: `restricted-access-${day(range.from)}-to-${day(range.to)}.csv`, contentType: 'text/csv; charset=utf-8', base64: Buffer.from(toCsv(report), 'utf8').toString('base64') } };
}

export function toCsv(sources: readonly { name: string; environment: string; workspaceName: string | null; entries: readonly AccessReportEntry[] }[]): string {
  const iso = (d: Date | null) => (d ? d.toISOString() : '');
  const header = ['source', 'environment', 'workspace', 'person', 'email', 'guest', 'role', 'route', 'from', 'until', 'reason', 'granted by'];
  const lines = [header, ...sources.flatMap((s) => s.entries.map((e) => [s.name, s.environment, s.workspaceName ?? '', e.userName, e.email, e.isGuest ? 'yes' : 'no', e.roleName, e.route, iso(e.from), iso(e.until), e.reason, e.grantedBy ?? '']))];
  return `${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}
