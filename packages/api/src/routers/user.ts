import {
  changePassword,
  changePasswordInput,
  createApiToken,
  createApiTokenInput,
  createUser,
  createUserInput,
  disableMfa,
  disableMfaInput,
  effectivePermissions,
  effectivePermissionsInput,
  enrollMfa,
  getMe,
  getProfile,
  listApiTokens,
  listSessions,
  listUsers,
  listUsersInput,
  ownActivity,
  ownActivityInput,
  regenerateRecoveryCodes,
  regenerateRecoveryCodesInput,
  revokeApiToken,
  revokeApiTokenInput,
  revokeOtherSessions,
  revokeSession,
  revokeSessionInput,
  setGlobalRoles,
  setGlobalRolesInput,
  updateProfile,
  updateProfileInput,
  verifyMfa,
  verifyMfaInput,
} from '@racine/services';
import { procedure, router } from '../trpc';

// The caller's own account: 'authenticated' is the gate (a role that requires MFA still leaves these open).
const own = procedure.meta({ permission: 'authenticated' });

export const userRouter = router({
  me: own.query(({ ctx }) => getMe(ctx.deps, ctx.actor.userId!)),
  list: procedure
    .meta({ permission: 'user.read' })
    .input(listUsersInput.default({ limit: 25 }))
    .query(({ ctx, input }) => listUsers(ctx.deps, input)),
  create: procedure
    .meta({ permission: 'user.manage' })
    .input(createUserInput)
    .mutation(({ ctx, input }) => createUser(ctx.deps, ctx.actor, input)),
  setRoles: procedure
    .meta({ permission: 'user.manage' })
    .input(setGlobalRolesInput)
    .mutation(({ ctx, input }) => setGlobalRoles(ctx.deps, ctx.actor, input)),
  tokens: procedure.meta({ permission: 'token.manage' }).query(({ ctx }) => listApiTokens(ctx.deps, ctx.actor)),
  createApiToken: procedure
    .meta({ permission: 'token.manage' })
    .input(createApiTokenInput)
    .mutation(({ ctx, input }) => createApiToken(ctx.deps, ctx.actor, input)),
  revokeApiToken: procedure
    .meta({ permission: 'token.manage' })
    .input(revokeApiTokenInput)
    .mutation(({ ctx, input }) => revokeApiToken(ctx.deps, ctx.actor, input)),

  profile: own.query(({ ctx }) => getProfile(ctx.deps, ctx.actor)),
  updateProfile: own.input(updateProfileInput).mutation(({ ctx, input }) => updateProfile(ctx.deps, ctx.actor, ctx.access, input)),
  changePassword: own.input(changePasswordInput).mutation(({ ctx, input }) => changePassword(ctx.deps, ctx.actor, input)),
  enrollMfa: own.mutation(({ ctx }) => enrollMfa(ctx.deps, ctx.actor)),
  verifyMfa: own.input(verifyMfaInput).mutation(({ ctx, input }) => verifyMfa(ctx.deps, ctx.actor, input)),
  disableMfa: own.input(disableMfaInput).mutation(({ ctx, input }) => disableMfa(ctx.deps, ctx.actor, input)),
  regenerateRecoveryCodes: own.input(regenerateRecoveryCodesInput).mutation(({ ctx, input }) => regenerateRecoveryCodes(ctx.deps, ctx.actor, input)),
  sessions: own.query(({ ctx }) => listSessions(ctx.deps, ctx.actor)),
  revokeSession: own.input(revokeSessionInput).mutation(({ ctx, input }) => revokeSession(ctx.deps, ctx.actor, input)),
  revokeOtherSessions: own.mutation(({ ctx }) => revokeOtherSessions(ctx.deps, ctx.actor)),
  // Self needs nothing more; another user's needs user.read, checked in the service so it can say why.
  effectivePermissions: own.input(effectivePermissionsInput).query(({ ctx, input }) => effectivePermissions(ctx.deps, ctx.access, input)),
  activity: own.input(ownActivityInput.default({ limit: 25 })).query(({ ctx, input }) => ownActivity(ctx.deps, ctx.actor, input)),
});
