import {
  createApiToken,
  createApiTokenInput,
  createUser,
  createUserInput,
  getMe,
  listApiTokens,
  listUsers,
  listUsersInput,
  revokeApiToken,
  revokeApiTokenInput,
  setGlobalRoles,
  setGlobalRolesInput,
} from '@racine/services';
import { procedure, router } from '../trpc';

export const userRouter = router({
  me: procedure.meta({ permission: 'authenticated' }).query(({ ctx }) => getMe(ctx.deps, ctx.actor.userId!)),
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
});
