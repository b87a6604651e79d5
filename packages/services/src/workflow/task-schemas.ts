import { z } from 'zod';

export const taskStatuses = ['open', 'approved', 'rejected', 'expired', 'cancelled'] as const;

export const listTasksInput = z.object({
  status: z.enum(taskStatuses).optional(),
  workspaceId: z.uuid('Not a workspace id').optional(),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: z.uuid('Not a task id').optional(),
});

export const decideTaskInput = z.object({
  id: z.uuid('Not a task id'),
  comment: z.string().trim().max(2_000, 'A comment is at most 2,000 characters').optional(),
});
