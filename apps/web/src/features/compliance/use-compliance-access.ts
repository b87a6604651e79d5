import { useCurrentUser } from '~/components/shell/current-user';

/**
 * What the signed-in user may do on compliance pages, from their global
 * roles: admins and stewards hold compliance.manage and compliance.evaluate
 * (packages/services/src/rbac/catalog.ts). It only hides buttons; the server
 * checks every call.
 */
export function useComplianceAccess() {
  const { roles, loading } = useCurrentUser();
  const governs = roles.includes('admin') || roles.includes('steward');
  return { canManage: governs, canEvaluate: governs, loading };
}
