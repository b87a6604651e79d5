import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { hashPassword, verifyPassword } from '../users/password';
import { requireUserActor } from './profile';
import type { changePasswordInput } from './schemas';
import { revokeSessionsExcept } from './sessions';

/**
 * Changes the caller's password after checking the current one, and signs out
 * their other sessions (whoever knew the old password is out). The audit row
 * says that it changed and how many sessions ended, never the passwords.
 */
export async function changePassword(deps: ServiceDeps, actor: Actor, input: z.output<typeof changePasswordInput>) {
  const userId = requireUserActor(actor);
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw notFound('User', userId);
  const spec = { type: 'user.password.changed', category: 'security', sourceGroup: 'user', action: 'update', resourceType: 'user', resourceId: userId, complianceRelevant: true } as const;
  if (!user.passwordHash) throw new AppError('BAD_REQUEST', 'Your account signs in through single sign-on and has no password to change');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    // Through mutate so the refusal is recorded as a failure row, like every refused change.
    return mutate<never>(deps, actor, spec, async () => {
      throw new AppError('BAD_REQUEST', 'The current password is wrong', { field: 'currentPassword' });
    });
  }
  if (input.newPassword === input.currentPassword) throw new AppError('BAD_REQUEST', 'The new password must differ from the current one', { field: 'newPassword' });
  const passwordHash = await hashPassword(input.newPassword);
  const keep = actor.kind === 'user' ? actor.sessionId : undefined;
  return mutate(deps, actor, spec, async (tx) => {
    const now = deps.clock();
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: now } });
    const sessionsRevoked = await revokeSessionsExcept(tx, userId, keep, now);
    return { result: { passwordChangedAt: now, sessionsRevoked }, details: { sessionsRevoked } };
  });
}
