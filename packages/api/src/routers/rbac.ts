import { listRoles, setRoleRequiresMfa, setRoleRequiresMfaInput } from '@racine/services';
import { procedure, router } from '../trpc';

export const rbacRouter = router({
  roles: procedure.meta({ permission: 'role.read' }).query(({ ctx }) => listRoles(ctx.deps)),
  setRoleRequiresMfa: procedure
    .meta({ permission: 'user.manage' })
    .input(setRoleRequiresMfaInput)
    .mutation(({ ctx, input }) => setRoleRequiresMfa(ctx.deps, ctx.actor, input)),
});
