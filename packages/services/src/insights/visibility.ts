/**
 * Who may see which insight. Every rule starts from insight.read (every global role holds it), then:
 * - about a data source: those who may read the source (datasource.read there);
 * - about a workspace: those who may read the workspace;
 * - about a person (their reads, their activity volume): activity.report holders only, and
 *   never the person themself. An insider-risk signal shown to its subject tips them off and
 *   lets them dismiss it; stewards and admins investigate it instead;
 * - estate-wide (posture, the estate's sensitive-data growth): every insight.read holder.
 */
import type { Prisma } from '@racine/db';
import type { AccessChecker } from '../rbac/resolve';

/** The subject kinds a detector writes; anything else is estate-wide. */
export const personSubject = 'user';

export interface InsightReader {
  userId: string | null;
  where: Prisma.InsightWhereInput;
  /** May change status (insight.manage). */
  canManage: boolean;
}

const nothing: Prisma.InsightWhereInput = { id: { in: [] } };
// Spelled out: SQL's NOT (x = 'user') is null, not true, when x is null.
const notAboutPerson: Prisma.InsightWhereInput = { OR: [{ subjectType: null }, { subjectType: { not: personSubject } }] };

export async function insightReader(access: AccessChecker): Promise<InsightReader> {
  const userId = access.actor.kind === 'system' ? null : access.actor.userId;
  const [read, manage, report, sources, workspaces] = await Promise.all([
    access.can('insight.read'),
    access.can('insight.manage'),
    access.can('activity.report'),
    access.dataSourcesWith('datasource.read'),
    access.workspacesWith('workspace.read'),
  ]);
  if (!read) return { userId, where: nothing, canManage: false };
  const or: Prisma.InsightWhereInput[] = [];
  // Estate-wide: no source, no workspace, not about a person.
  or.push({ dataSourceId: null, workspaceId: null, AND: [notAboutPerson] });
  or.push({ dataSourceId: sources === 'all' ? { not: null } : { in: sources } });
  or.push({ dataSourceId: null, workspaceId: workspaces === 'all' ? { not: null } : { in: workspaces }, AND: [notAboutPerson] });
  if (report) or.push({ subjectType: personSubject, ...(userId ? { NOT: { subjectId: userId } } : {}) });
  return { userId, where: { OR: or }, canManage: manage };
}

