import { approveTask, createTaskInput, createTodoTask, decideTaskInput, listTasks, listTasksInput, rejectTask, tasksForResource, tasksForResourceInput, updateTaskInput, updateTodoTask } from '@racine/services';
import { procedure, router } from '../trpc';

/**
 * Human tasks: approvals of workflow steps, access requests to decide, and
 * todos on any resource. Filtered: who may see, decide or move a task
 * depends on the task (its assignee, its creator, its role in its
 * workspace, the resource it is on), so the service checks and says why it
 * refuses.
 */
export const taskRouter = router({
  list: procedure
    .meta({ permission: 'workflow.read', filtered: true })
    .input(listTasksInput.default({ limit: 25 }))
    .query(({ ctx, input }) => listTasks(ctx.deps, ctx.access, input)),
  approve: procedure.meta({ permission: 'workflow.execute', filtered: true }).input(decideTaskInput).mutation(({ ctx, input }) => approveTask(ctx.deps, ctx.actor, ctx.access, input)),
  reject: procedure.meta({ permission: 'workflow.execute', filtered: true }).input(decideTaskInput).mutation(({ ctx, input }) => rejectTask(ctx.deps, ctx.actor, ctx.access, input)),
  create: procedure.meta({ permission: 'authenticated', filtered: true }).input(createTaskInput).mutation(({ ctx, input }) => createTodoTask(ctx.deps, ctx.access, input)),
  update: procedure.meta({ permission: 'authenticated', filtered: true }).input(updateTaskInput).mutation(({ ctx, input }) => updateTodoTask(ctx.deps, ctx.access, input)),
  forResource: procedure
    .meta({ permission: 'authenticated', filtered: true })
    .input(tasksForResourceInput)
    .query(({ ctx, input }) => tasksForResource(ctx.deps, ctx.access, input)),
});
