import { getHealth } from '@racine/services';
import { procedure, router } from '../trpc';

export const orchestrationRouter = router({
  health: procedure.meta({ permission: 'system.read' }).query(({ ctx }) => getHealth(ctx.deps)),
});
