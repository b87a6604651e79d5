/** Names for what requests point at (people, roles, scopes), loaded in one round per page. */
import type { AccessRequest, DbOrTx } from '@racine/db';

export interface ScopeInfo {
  name: string;
  /** The workspace itself, or the workspace that owns the source (null when none does). */
  workspaceId: string | null;
  environment: string;
  /** For a source: its engine; for a workspace: team or personal. */
  kind: string;
}

export const scopeKey = (scopeType: string, scopeId: string) => `${scopeType}:${scopeId}`;

export async function describeScopes(db: DbOrTx, refs: readonly { scopeType: string; scopeId: string }[]): Promise<Map<string, ScopeInfo>> {
  const ids = (type: string) => [...new Set(refs.filter((r) => r.scopeType === type).map((r) => r.scopeId))];
  const [workspaces, sources] = await Promise.all([
    db.workspace.findMany({ where: { id: { in: ids('workspace') } }, select: { id: true, name: true, environment: true, kind: true } }),
    db.dataSource.findMany({ where: { id: { in: ids('datasource') } }, select: { id: true, name: true, environment: true, engine: true, workspaceId: true } }),
  ]);
  const map = new Map<string, ScopeInfo>();
  for (const w of workspaces) map.set(scopeKey('workspace', w.id), { name: w.name, workspaceId: w.id, environment: w.environment, kind: w.kind });
  for (const s of sources) map.set(scopeKey('datasource', s.id), { name: s.name, workspaceId: s.workspaceId, environment: s.environment, kind: s.engine });
  return map;
}

/** A page of requests as the API shows them: with names, the task, and whether the caller may decide each. */
export async function presentRequests(db: DbOrTx, rows: readonly AccessRequest[], decidable: ReadonlySet<string>, now: Date) {
  const userIds = [...new Set(rows.flatMap((r) => [r.requesterId, r.decidedById]).filter((id): id is string => id !== null))];
  const [users, roles, scopes, tasks] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }),
    db.role.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.roleId))] } }, select: { id: true, key: true, name: true } }),
    describeScopes(db, rows),
    db.humanTask.findMany({ where: { accessRequestId: { in: rows.map((r) => r.id) } }, select: { id: true, accessRequestId: true } }),
  ]);
  return rows.map((r) => {
    const requester = users.find((u) => u.id === r.requesterId);
    const role = roles.find((x) => x.id === r.roleId);
    const scope = scopes.get(scopeKey(r.scopeType, r.scopeId));
    return {
      id: r.id,
      status: r.status,
      requesterId: r.requesterId,
      requesterName: requester?.name ?? 'a removed user',
      requesterEmail: requester?.email ?? null,
      roleKey: role?.key ?? r.roleId,
      roleName: role?.name ?? r.roleId,
      scopeType: r.scopeType as 'workspace' | 'datasource',
      scopeId: r.scopeId,
      scopeName: scope?.name ?? 'a removed scope',
      justification: r.justification,
      durationMinutes: r.durationMinutes,
      decidedById: r.decidedById,
      decidedByName: users.find((u) => u.id === r.decidedById)?.name ?? null,
      decidedAt: r.decidedAt,
      decisionComment: r.decisionComment,
      expiresAt: r.expiresAt,
      /** Approved and not yet past its end. */
      active: r.status === 'approved' && !!r.expiresAt && r.expiresAt > now,
      taskId: tasks.find((t) => t.accessRequestId === r.id)?.id ?? null,
      createdAt: r.createdAt,
      canDecide: r.status === 'pending' && decidable.has(r.id),
    };
  });
}
