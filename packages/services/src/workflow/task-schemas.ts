import { z } from 'zod';
import { resourceRefInput } from '../collab/resource-ref';

export const taskStatuses = ['open', 'in_progress', 'done', 'approved', 'rejected', 'expired', 'cancelled'] as const;
/** approval: a workflow step; todo: a task on any resource; access: an access request to decide. */
export const taskKinds = ['approval', 'todo', 'access'] as const;
/** Where a todo can be moved (approvals are approved or rejected instead). */
export const todoStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;

export const listTasksInput = z.object({
  status: z.enum(taskStatuses).optional(),
  /** Several statuses at once, e.g. the inbox's open and in-progress ones. */
  statuses: z.array(z.enum(taskStatuses)).min(1).max(taskStatuses.length).optional(),
  kind: z.enum(taskKinds).optional(),
  workspaceId: z.uuid('Not a workspace id').optional(),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: z.uuid('Not a task id').optional(),
});

export const decideTaskInput = z.object({
  id: z.uuid('Not a task id'),
  comment: z.string().trim().max(2_000, 'A comment is at most 2,000 characters').optional(),
});

const taskTitle = z.string().trim().min(1, 'A task needs a title').max(200, 'A title is at most 200 characters');
const dueAt = z.coerce.date('Not a date').nullable();

export const createTaskInput = resourceRefInput
  .extend({
    title: taskTitle,
    description: z.string().trim().max(5_000, 'A description is at most 5,000 characters').optional(),
    assigneeUserId: z.uuid('Not a user id'),
    dueAt: dueAt.optional(),
  })
  .strict();

export const updateTaskInput = z
  .object({
    id: z.uuid('Not a task id'),
    status: z.enum(todoStatuses, 'A todo is open, in_progress, done or cancelled').optional(),
    assigneeUserId: z.uuid('Not a user id').optional(),
    dueAt: dueAt.optional(),
    title: taskTitle.optional(),
  })
  .strict()
  .refine((v) => v.status !== undefined || v.assigneeUserId !== undefined || v.dueAt !== undefined || v.title !== undefined, { message: 'Change at least one of status, assignee, due date or title' });

export const tasksForResourceInput = resourceRefInput
  .extend({
    limit: z.number().int().min(1).max(100).default(50),
    cursor: z.uuid('Not a task id').optional(),
  })
  .strict();
