import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { type AccessChecker, workspaceScope } from '../rbac/resolve';
import { mfaSetupRequiredBy } from './mfa-policy';
import type { updateProfileInput } from './schemas';

export function requireUserActor(actor: Actor): string {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'The system actor has no account');
  return actor.userId;
}

const profileSelect = { title: true, department: true, timeZone: true, theme: true, defaultWorkspaceId: true, preferences: true } as const;
const defaults = { title: null, department: null, timeZone: 'UTC', theme: 'system' as const, defaultWorkspaceId: null, preferences: {} };

/** The caller's account page: who they are, their profile, their global roles and where MFA stands. */
export async function getProfile(deps: ServiceDeps, actor: Actor) {
  const userId = requireUserActor(actor);
  const user = await deps.db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      isGuest: true,
      createdAt: true,
      lastLoginAt: true,
      passwordHash: true,
      passwordChangedAt: true,
      mfaEnabledAt: true,
      profile: { select: profileSelect },
      roleAssignments: { where: { scopeType: 'global' }, select: { roleId: true } },
    },
  });
  if (!user) throw notFound('User', userId);
  const [recoveryCodesLeft, requiredBy] = await Promise.all([
    user.mfaEnabledAt ? deps.db.mfaRecoveryCode.count({ where: { userId, usedAt: null } }) : 0,
    mfaSetupRequiredBy(deps.db, userId),
  ]);
  const { passwordHash, profile, roleAssignments, mfaEnabledAt, ...rest } = user;
  return {
    ...rest,
    hasPassword: passwordHash !== null,
    profile: profile ?? defaults,
    roles: roleAssignments.map((a) => a.roleId),
    mfa: { enabled: mfaEnabledAt !== null, enabledAt: mfaEnabledAt, recoveryCodesLeft, requiredBy },
  };
}

export async function updateProfile(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof updateProfileInput>) {
  const userId = requireUserActor(actor);
  if (input.defaultWorkspaceId) {
    const exists = await deps.db.workspace.findUnique({ where: { id: input.defaultWorkspaceId }, select: { id: true } });
    // A workspace the caller may not read is reported like one that does not exist: its id says nothing.
    if (!exists || !(await access.can('workspace.read', workspaceScope(input.defaultWorkspaceId))))
      throw new AppError('BAD_REQUEST', `Workspace ${input.defaultWorkspaceId} is not one you can open, so it cannot be your default`, { field: 'defaultWorkspaceId' });
  }
  const { name, ...profileFields } = input;
  return mutate(deps, actor, { type: 'user.profile.updated', category: 'configuration', sourceGroup: 'user', action: 'update', resourceType: 'user', resourceId: userId }, async (tx) => {
    const current = await tx.user.findUnique({ where: { id: userId }, select: { name: true, profile: { select: profileSelect } } });
    if (!current) throw notFound('User', userId);
    const beforeProfile = current.profile ?? defaults;
    if (name !== undefined) await tx.user.update({ where: { id: userId }, data: { name } });
    const saved = await tx.userProfile.upsert({ where: { userId }, create: { userId, ...profileFields }, update: profileFields, select: profileSelect });
    // Only what was asked to change goes in the audit row, before and after.
    const keys = Object.keys(input) as (keyof typeof input)[];
    const pick = (source: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, source[k] ?? null]));
    const before = pick({ ...beforeProfile, name: current.name });
    const after = pick({ ...saved, name: name ?? current.name });
    return { result: { name: name ?? current.name, profile: saved }, before, after };
  });
}
