import { getServiceDeps } from '@racine/services';

/**
 * OIDC sign-in maps to an existing, active Racine user with the same email;
 * nobody is created on the fly. Uses the services' db handle directly because
 * @racine/services has no "find active user by email" function yet.
 */
export async function findActiveUserByEmail(email: string): Promise<{ id: string; name: string; email: string } | null> {
  const user = await getServiceDeps().db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, name: true, email: true, isActive: true },
  });
  return user?.isActive ? { id: user.id, name: user.name, email: user.email } : null;
}
