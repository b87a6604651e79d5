import type { z } from 'zod';
import type { Actor } from '../actor';
import { systemActor } from '../actor';
import { mutate, recordActivity } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, isUniqueViolation, notFound } from '../errors';
import type { GlobalRoleKey } from '../rbac/catalog';
import { checkSecondFactor } from '../account/mfa';
import { mfaSetupRequiredBy } from '../account/mfa-policy';
import { guestAccessOf } from '../guests/my-access';
import { hashPassword, verifyPassword } from './password';
import type { createUserInput, listUsersInput, setGlobalRolesInput } from './schemas';

export const publicUserSelect = { id: true, email: true, name: true, isActive: true, createdAt: true, lastLoginAt: true } as const;

export async function createUser(deps: ServiceDeps, actor: Actor, input: z.output<typeof createUserInput>) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await mutate(deps, actor, { type: 'user.created', category: 'access', sourceGroup: 'rbac', action: 'create', resourceType: 'user', complianceRelevant: true }, async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          profile: { create: {} },
          roleAssignments: {
            create: input.roles.map((role) => ({
              roleId: role,
              scopeType: 'global' as const,
              grantedById: actor.kind === 'system' ? null : actor.userId,
            })),
          },
        },
        select: publicUserSelect,
      });
      return { result: { ...user, roles: input.roles }, resourceId: user.id, after: { email: user.email, name: user.name, roles: input.roles } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `A user with email ${input.email} already exists`);
    throw error;
  }
}

export async function listUsers(deps: ServiceDeps, input: z.output<typeof listUsersInput>) {
  const where = input.query
    ? { OR: [{ email: { contains: input.query, mode: 'insensitive' as const } }, { name: { contains: input.query, mode: 'insensitive' as const } }] }
    : {};
  const rows = await deps.db.user.findMany({
    where,
    select: { ...publicUserSelect, roleAssignments: { where: { scopeType: 'global' }, select: { roleId: true } } },
    orderBy: [{ email: 'asc' }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, input.limit).map(({ roleAssignments, ...u }) => ({ ...u, roles: roleAssignments.map((a) => a.roleId) }));
  return { items, nextCursor: rows.length > input.limit ? items.at(-1)?.id ?? null : null };
}

export async function setGlobalRoles(deps: ServiceDeps, actor: Actor, input: z.output<typeof setGlobalRolesInput>) {
  return mutate(deps, actor, { type: 'user.roles.changed', category: 'access', sourceGroup: 'rbac', action: 'update', resourceType: 'user', resourceId: input.userId, complianceRelevant: true }, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw notFound('User', input.userId);
    const current = await tx.roleAssignment.findMany({ where: { userId: input.userId, scopeType: 'global' }, select: { roleId: true } });
    const before = current.map((c) => c.roleId).sort();
    if (before.includes('admin') && !input.roles.includes('admin')) {
      const admins = await tx.roleAssignment.count({ where: { roleId: 'admin', scopeType: 'global' } });
      if (admins <= 1) throw new AppError('PRECONDITION_FAILED', 'Racine needs at least one admin; make someone else admin first');
    }
    await tx.roleAssignment.deleteMany({ where: { userId: input.userId, scopeType: 'global', roleId: { notIn: input.roles } } });
    await tx.roleAssignment.createMany({
      data: input.roles.map((roleId: GlobalRoleKey) => ({ userId: input.userId, roleId, scopeType: 'global' as const, grantedById: actor.kind === 'system' ? null : actor.userId })),
      skipDuplicates: true,
    });
    const after = [...input.roles].sort();
    return { result: { userId: input.userId, roles: after }, before: { roles: before }, after: { roles: after } };
  });
}

const signInSpec = { category: 'security', sourceGroup: 'user', resourceType: 'user', complianceRelevant: true } as const;

/** Thrown by a sign-in whose password was right but whose second factor is missing or wrong; next-auth passes the message to the form. */
export const MFA_REQUIRED = 'MFA_REQUIRED';
export const MFA_INVALID = 'MFA_INVALID';

/**
 * Credentials sign-in. Returns the user, or null for any mismatch (no hint
 * which part was wrong). With MFA on, the right password alone throws
 * MFA_REQUIRED (the form then asks for a code), and a wrong code MFA_INVALID;
 * `otp` is a TOTP code or an unused recovery code. Every outcome is audited;
 * the password and codes never are.
 */
export async function authenticateWithPassword(deps: ServiceDeps, email: string, password: string, otp?: string | null) {
  const normalized = email.trim().toLowerCase();
  const user = await deps.db.user.findUnique({ where: { email: normalized } });
  const ok = !!user?.passwordHash && user.isActive && (await verifyPassword(user.passwordHash, password));
  // A guest's sign-ins are flagged in the log like everything else they do.
  const self: Actor | null = user ? { kind: 'user', userId: user.id, ...(user.isGuest ? { guest: true as const } : {}) } : null;
  if (!ok) {
    await recordActivity(deps, self ?? systemActor, {
      ...signInSpec,
      type: 'user.sign-in.failed',
      action: 'sign-in',
      resourceId: user?.id ?? null,
      status: 'failure',
      details: { email: normalized, reason: !user ? 'unknown email' : !user.isActive ? 'inactive user' : 'wrong password' },
    }).catch(() => {});
    return null;
  }
  let secondFactor: 'totp' | 'recovery-code' | null = null;
  if (user.mfaEnabledAt) {
    const code = otp?.trim();
    if (!code) throw new AppError('UNAUTHORIZED', MFA_REQUIRED);
    secondFactor = await checkSecondFactor(deps, user, code);
    if (!secondFactor) {
      await recordActivity(deps, self!, {
        ...signInSpec,
        type: 'user.sign-in.failed',
        action: 'sign-in',
        resourceId: user.id,
        status: 'failure',
        details: { email: normalized, reason: 'wrong second factor' },
      }).catch(() => {});
      throw new AppError('UNAUTHORIZED', MFA_INVALID);
    }
  }
  const details = { method: 'password', ...(secondFactor ? { secondFactor } : {}) };
  await mutate(deps, self!, { ...signInSpec, type: 'user.signed-in', action: 'sign-in', resourceId: user.id, details }, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: deps.clock() } });
    return { result: null };
  });
  return { id: user.id, email: user.email, name: user.name };
}

/** For single sign-on: an existing, active user with this email (nobody is created on the fly). */
export async function findActiveUserByEmail(deps: ServiceDeps, email: string) {
  const user = await deps.db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true, email: true, isActive: true } });
  return user?.isActive ? { id: user.id, name: user.name, email: user.email } : null;
}

/** The signed-in user's own summary: who they are and their global roles. */
export async function getMe(deps: ServiceDeps, userId: string) {
  const user = await deps.db.user.findUnique({
    where: { id: userId },
    select: { ...publicUserSelect, roleAssignments: { where: { scopeType: 'global' }, select: { roleId: true } }, profile: { select: { theme: true, defaultWorkspaceId: true, timeZone: true } } },
  });
  if (!user) throw notFound('User', userId);
  const { roleAssignments, ...rest } = user;
  // Set when a role of theirs requires MFA they have not set up: the web app then shows a blocking banner.
  // guest: an external collaborator's live workspaces and when each ends (null for everyone else), for the shell's banner.
  const [mfaRequiredBy, guest] = await Promise.all([mfaSetupRequiredBy(deps.db, userId), guestAccessOf(deps.db, userId, deps.clock())]);
  return { ...rest, roles: roleAssignments.map((a) => a.roleId), mfaRequiredBy, guest };
}
