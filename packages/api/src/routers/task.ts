import { approveTask, decideTaskInput, listTasks, listTasksInput, rejectTask } from '@racine/services';
import { procedure, router } from '../trpc';

/**
 * Human tasks of approval steps. Filtered: who may see or decide a task
 * depends on the task (its assignee, its role in its workspace), so the
 * service checks and says why it refuses.
 */
export const taskRouter = router({
  list: procedure
    .meta({ permission: 'workflow.read', filtered: true })
    .input(listTasksInput.default({ limit: 25 }))
    .query(({ ctx, input }) => listTasks(ctx.deps, ctx.access, input)),
  approve: procedure.meta({ permission: 'workflow.execute', filtered: true }).input(decideTaskInput).mutation(({ ctx, input }) => approveTask(ctx.deps, ctx.actor, ctx.access, input)),
  reject: procedure.meta({ permission: 'workflow.execute', filtered: true }).input(decideTaskInput).mutation(({ ctx, input }) => rejectTask(ctx.deps, ctx.actor, ctx.access, input)),
});
