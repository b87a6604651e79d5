/** Inputs of the business glossary. Client-safe: the web forms validate with these. */
import { z } from 'zod';
import { isLabelId } from '../classification/taxonomy';

export const termStatuses = ['draft', 'approved', 'deprecated'] as const;

/** Classification labels a term stands for; only labels the taxonomy knows. */
const termLabels = z
  .array(z.string().trim().min(1).max(80))
  .max(50)
  .superRefine((labels, ctx) => {
    const unknown = labels.filter((l) => !isLabelId(l));
    if (unknown.length) ctx.addIssue({ code: 'custom', message: `Unknown classification label${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (see the taxonomy for the labels there are)` });
  })
  .transform((labels) => [...new Set(labels)]);

const termName = z.string().trim().min(2, 'Term names need at least 2 characters').max(120);
const synonyms = z
  .array(z.string().trim().min(1).max(120))
  .max(30)
  .transform((s) => [...new Set(s)]);

export const createTermInput = z.object({
  name: termName,
  definition: z.string().max(20_000, 'Definitions are at most 20,000 characters').default(''),
  synonyms: synonyms.default([]),
  parentId: z.uuid('Not a glossary term id').nullable().optional(),
  ownerId: z.uuid('Not a user id').nullable().optional(),
  status: z.enum(termStatuses).default('draft'),
  labels: termLabels.default([]),
});

export const updateTermInput = z.object({
  id: z.uuid('Not a glossary term id'),
  name: termName.optional(),
  definition: z.string().max(20_000, 'Definitions are at most 20,000 characters').optional(),
  synonyms: synonyms.optional(),
  parentId: z.uuid('Not a glossary term id').nullable().optional(),
  ownerId: z.uuid('Not a user id').nullable().optional(),
  status: z.enum(termStatuses).optional(),
  labels: termLabels.optional(),
});

export const listTermsInput = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(termStatuses).optional(),
  /** A parent's id for its children; null for the top-level terms; absent for all. */
  parentId: z.uuid('Not a glossary term id').nullable().optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});

export const termIdInput = z.object({ id: z.uuid('Not a glossary term id') });

export const linkTermInput = z
  .object({
    termId: z.uuid('Not a glossary term id'),
    assetIds: z.array(z.uuid('Not an asset id')).max(500).optional(),
    unlinkAssetIds: z.array(z.uuid('Not an asset id')).max(500).optional(),
    /** Replaces the labels the term stands for. */
    labels: termLabels.optional(),
  })
  .refine((v) => v.assetIds?.length || v.unlinkAssetIds?.length || v.labels, { message: 'Say what to link: assetIds, unlinkAssetIds or labels' });

export type CreateTermInput = z.output<typeof createTermInput>;
export type UpdateTermInput = z.output<typeof updateTermInput>;
export type ListTermsInput = z.output<typeof listTermsInput>;
export type LinkTermInput = z.output<typeof linkTermInput>;
