/**
 * Who is told about a new high or critical insight: the platform's admins and stewards, and for
 * an insight about a workspace or one of its sources, that workspace's owners and admins; each
 * only if they may see the insight (visibility.ts), so a person-level insight never reaches its
 * subject and a source insight never reaches someone who may not read the source.
 */
import type { Tx } from '@racine/db';
import { AccessChecker } from '../rbac/resolve';
import { insightReader } from './visibility';

export async function insightRecipients(tx: Tx, insight: { id: string; workspaceId: string | null; subjectType: string | null; subjectId: string | null }): Promise<string[]> {
  const now = new Date();
  const live = { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  const [global, members] = await Promise.all([
    tx.roleAssignment.findMany({
      where: { scopeType: 'global', role: { key: { in: ['admin', 'steward'] } }, user: { isActive: true, isGuest: false }, ...live },
      select: { userId: true, role: { select: { key: true } } },
    }),
    insight.workspaceId
      ? tx.workspaceMember.findMany({ where: { workspaceId: insight.workspaceId, role: { key: { in: ['ws.owner', 'ws.admin'] } }, user: { isActive: true } }, select: { userId: true } })
      : [],
  ]);
  const admins = new Set(global.filter((g) => g.role.key === 'admin').map((g) => g.userId));
  const others = [...new Set([...global.map((g) => g.userId), ...members.map((m) => m.userId)])].filter((id) => !admins.has(id));
  const out = [...admins];
  // Admins hold every permission; everyone else is checked against the insight's visibility.
  for (const userId of others) {
    const reader = await insightReader(new AccessChecker(tx, { kind: 'user', userId }));
    if ((await tx.insight.count({ where: { AND: [{ id: insight.id }, reader.where] } })) === 1) out.push(userId);
  }
  const subject = insight.subjectType === 'user' ? insight.subjectId : null;
  return out.filter((id) => id !== subject);
}
