/**
 * Inputs of the assistant's procedures. Client-safe (no server imports): the
 * web panel validates with these same schemas.
 */
import { z } from 'zod';

const id = (what: string) => z.uuid(`Not a ${what} id`);

export const pageContextSchema = z
  .object({
    path: z.string().trim().max(500).optional(),
    assetId: id('asset').optional(),
    dataSourceId: id('data source').optional(),
    workspaceId: id('workspace').optional(),
    frameworkId: id('framework').optional(),
  })
  .strict();

export const askInput = z
  .object({
    conversationId: id('conversation').optional(),
    question: z.string().trim().min(1, 'Ask a question').max(2000, 'Questions are at most 2,000 characters'),
    page: pageContextSchema.default({}),
    /** Set by the SSE client on reconnect; the stored message answers for what was missed. */
    lastEventId: z.string().max(100).nullish(),
  })
  .strict();
export type AskRequest = z.output<typeof askInput>;

export const conversationIdInput = z.object({ id: id('conversation') }).strict();

export const listConversationsInput = z
  .object({
    limit: z.number().int().min(1).max(100).default(30),
    cursor: z.string().max(100).optional(),
  })
  .strict();

export const renameConversationInput = z
  .object({
    id: id('conversation'),
    title: z.string().trim().min(1, 'Give the conversation a title').max(200, 'Titles are at most 200 characters'),
  })
  .strict();

export const confirmInput = z
  .object({
    messageId: id('message'),
    callId: z.string().trim().min(1).max(100),
    approve: z.boolean(),
  })
  .strict();

export const recommendationTypes = ['source_unscanned', 'source_stale', 'pii_unowned', 'labels_to_review', 'finding_due', 'workflow_failing', 'insight_unacknowledged'] as const;
export type RecommendationType = (typeof recommendationTypes)[number];

export const recommendationsInput = z.object({ limit: z.number().int().min(1).max(50).default(10) }).strict();

export const feedbackInput = z
  .object({
    subjectKey: z.string().trim().min(1).max(300),
    type: z.enum(recommendationTypes),
    decision: z.enum(['accepted', 'dismissed']),
  })
  .strict();
