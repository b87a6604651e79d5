import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { notFound } from '../errors';
import type { setRoleRequiresMfaInput } from './schemas';

/**
 * Makes a role require two-factor authentication of its holders (or not).
 * Holders without MFA keep signing in but may only use their own account
 * until they set it up (enforced by the API on every request).
 */
export async function setRoleRequiresMfa(deps: ServiceDeps, actor: Actor, input: z.output<typeof setRoleRequiresMfaInput>) {
  return mutate(deps, actor, { type: 'rbac.role.mfa-changed', category: 'security', sourceGroup: 'rbac', action: 'update', resourceType: 'role', resourceId: input.roleId, complianceRelevant: true }, async (tx) => {
    const role = await tx.role.findUnique({ where: { id: input.roleId }, select: { id: true, key: true, requiresMfa: true } });
    if (!role) throw notFound('Role', input.roleId);
    const updated = await tx.role.update({ where: { id: role.id }, data: { requiresMfa: input.requiresMfa }, select: { id: true, key: true, name: true, requiresMfa: true } });
    const holdersWithoutMfa = input.requiresMfa
      ? await tx.user.count({ where: { mfaEnabledAt: null, isActive: true, OR: [{ roleAssignments: { some: { roleId: role.id } } }, { memberships: { some: { roleId: role.id } } }] } })
      : 0;
    return { result: { ...updated, holdersWithoutMfa }, before: { requiresMfa: role.requiresMfa }, after: { requiresMfa: updated.requiresMfa }, details: { role: role.key } };
  });
}
