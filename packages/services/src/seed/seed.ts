import { randomBytes } from 'node:crypto';
import { systemActor } from '../actor';
import type { ServiceDeps } from '../deps';
import { syncBuiltInRoles } from '../rbac/seed';
import { createUserInput } from '../users/schemas';
import { createUser } from '../users/users';
import { createWorkspaceFromTemplate } from '../workspace/workspaces';

export interface SeedOptions {
  adminEmail?: string;
  adminPassword?: string;
}

export interface SeedResult {
  adminEmail: string;
  /** Set only when this run created the admin with a generated password: print it once. */
  generatedPassword: string | null;
  createdAdmin: boolean;
  createdDemoWorkspace: boolean;
}

/**
 * Idempotent: syncs built-in roles every time; creates the bootstrap admin and
 * the demo workspace only when no admin exists yet (a fresh database).
 */
export async function seed(deps: ServiceDeps, options: SeedOptions = {}): Promise<SeedResult> {
  await syncBuiltInRoles(deps.db);
  const adminEmail = (options.adminEmail ?? 'admin@racine.local').toLowerCase();
  const existingAdmin = await deps.db.roleAssignment.findFirst({ where: { roleId: 'admin', scopeType: 'global' }, select: { user: { select: { email: true } } } });
  if (existingAdmin) return { adminEmail: existingAdmin.user.email, generatedPassword: null, createdAdmin: false, createdDemoWorkspace: false };

  const generatedPassword = options.adminPassword ? null : randomBytes(12).toString('base64url');
  const admin = await createUser(deps, systemActor, createUserInput.parse({ email: adminEmail, name: 'Racine Admin', password: options.adminPassword ?? generatedPassword, roles: ['admin'] }));
  const adminActor = { kind: 'user' as const, userId: admin.id };
  await createWorkspaceFromTemplate(deps, adminActor, { templateKey: 'governance-team', name: 'Demo governance', slug: 'demo' });
  return { adminEmail, generatedPassword, createdAdmin: true, createdDemoWorkspace: true };
}
