/** Inputs of presence and comment procedures, shared by the router and the web forms. */
import { z } from 'zod';
import { resourceRefInput } from './resource-ref';

const ref = resourceRefInput.shape;

export const heartbeatInput = z
  .object({ clientId: z.string().min(8, 'clientId: at least 8 characters').max(100).regex(/^[\w-]+$/, 'clientId: letters, digits, - and _ only'), ...ref })
  .strict();
export const leaveInput = z.object({ clientId: heartbeatInput.shape.clientId }).strict();
export const presenceInput = z.object({ ...ref }).strict();

/** The reactions offered: a short fixed set, so counts stay readable. */
export const allowedReactions = ['👍', '🎉', '❤️', '👀', '✅', '❓'] as const;
export type Reaction = (typeof allowedReactions)[number];

const body = z.string().trim().min(1, 'body: write something').max(10_000, 'body: at most 10,000 characters');

export const listCommentsInput = z
  .object({ ...ref, limit: z.number().int().min(1).max(100).default(50), cursor: z.string().uuid().nullish() })
  .strict();
export const createCommentInput = z.object({ ...ref, body, parentId: z.string().uuid().nullish() }).strict();
export const updateCommentInput = z.object({ id: z.string().uuid(), body }).strict();
export const deleteCommentInput = z.object({ id: z.string().uuid() }).strict();
export const reactInput = z.object({ commentId: z.string().uuid(), emoji: z.enum(allowedReactions, { message: `emoji: one of ${allowedReactions.join(' ')}` }) }).strict();
export const commentStreamInput = z.object({ ...ref, lastEventId: z.string().regex(/^\d{1,20}$/).nullish() }).strict();
export const mentionableInput = z.object({ ...ref, q: z.string().trim().max(100).default('') }).strict();
export const recentCommentsInput = z
  .object({
    limit: z.number().int().min(1).max(100).default(25),
    cursor: z.string().uuid().nullish(),
    mine: z.enum(['mentions', 'authored']).nullish(),
    // Infinite queries send which way they page; pages only go forward here.
    direction: z.enum(['forward', 'backward']).optional(),
  })
  .strict();
