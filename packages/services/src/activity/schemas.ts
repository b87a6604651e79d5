import { z } from 'zod';

const eventId = z.string().regex(/^\d{1,19}$/, 'Event ids are decimal numbers');

export const activityFilters = z.object({
  type: z.string().trim().max(100).optional(),
  category: z.string().trim().max(40).optional(),
  actorId: z.uuid('Not a user id').optional(),
  workspaceId: z.uuid('Not a workspace id').optional(),
  resourceType: z.string().trim().max(60).optional(),
  resourceId: z.string().trim().max(200).optional(),
  status: z.enum(['success', 'failure']).optional(),
  complianceRelevant: z.boolean().optional(),
  /** Only what external collaborators did (rows whose details carry guest: true). */
  guestOnly: z.boolean().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
export type ActivityFilters = z.infer<typeof activityFilters>;

const refineRange = <T extends { from?: Date; to?: Date }>(i: T) => !i.from || !i.to || i.from <= i.to;
const rangeMessage = { message: '"from" must be before "to"', path: ['from'] };

export const listActivityInput = activityFilters
  .extend({
    limit: z.number().int().min(1).max(200).default(50),
    /** Return events older than this id (the previous page's nextCursor). */
    cursor: eventId.optional(),
  })
  .refine(refineRange, rangeMessage);

export const searchActivityInput = activityFilters
  .extend({
    query: z.string().trim().min(1, 'Type something to search for').max(200),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: eventId.optional(),
  })
  .refine(refineRange, rangeMessage);

export const streamActivityInput = z.object({
  /** Set by the SSE client on reconnect: resume right after this event. */
  lastEventId: eventId.nullish(),
  workspaceId: z.uuid().optional(),
  type: z.string().trim().max(100).optional(),
});
