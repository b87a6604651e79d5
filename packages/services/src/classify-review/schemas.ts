import { z } from 'zod';

export const listClassificationsInput = z.object({
  dataSourceId: z.uuid().optional(),
  /** "schema.table" or just the table name. */
  table: z.string().trim().max(255).optional(),
  /** A label, or a prefix ending in "." or "*": "PII." matches every PII label. */
  label: z.string().trim().max(80).optional(),
  state: z.enum(['suggested', 'accepted', 'rejected']).optional(),
  minConfidence: z.number().min(0).max(1).optional(),
  maxConfidence: z.number().min(0).max(1).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});

export const reviewInput = z.object({
  id: z.uuid('Not a classification id'),
  note: z.string().trim().max(1000).optional(),
});

export const bulkReviewInput = z.object({
  ids: z.array(z.uuid()).min(1, 'Pick at least one label').max(500),
  decision: z.enum(['accept', 'reject']),
  note: z.string().trim().max(1000).optional(),
});
