import { z } from 'zod';

export const listNotificationsInput = z.object({
  unreadOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: z.uuid('Not a notification id').optional(),
});

export const markNotificationsReadInput = z
  .object({
    ids: z.array(z.uuid('Not a notification id')).min(1).max(500).optional(),
    all: z.boolean().optional(),
  })
  .refine((v) => Boolean(v.ids?.length) !== Boolean(v.all), { message: 'Mark some notifications (ids) or all of them (all: true), not both' });
