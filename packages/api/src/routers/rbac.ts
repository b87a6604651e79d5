import { listRoles } from '@racine/services';
import { procedure, router } from '../trpc';

export const rbacRouter = router({
  roles: procedure.meta({ permission: 'role.read' }).query(({ ctx }) => listRoles(ctx.deps)),
});
