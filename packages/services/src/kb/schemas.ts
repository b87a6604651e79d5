/** zod inputs of the knowledge base and the expert finder (client-safe: no database here). */
import { z } from 'zod';
import { governanceGroups } from './expert-groups';

export const articleStatuses = ['draft', 'published', 'archived'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];
/** What an article may be linked to. */
export const articleTargetTypes = ['asset', 'glossaryTerm', 'framework'] as const;
export type ArticleTargetType = (typeof articleTargetTypes)[number];

const articleTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'A tag cannot be empty')
  .max(40, 'Tags are at most 40 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_.:-]*$/u, 'Tags are letters, digits and _ . : - (no spaces)');
const tags = z.array(articleTag).max(20, 'At most 20 tags').transform((t) => [...new Set(t)]);
const title = z.string().trim().min(3, 'A title needs at least 3 characters').max(200, 'Titles are at most 200 characters');
const body = z.string().max(100_000, 'Articles are at most 100,000 characters');

export const articleTargetInput = z.object({ targetType: z.enum(articleTargetTypes), targetId: z.uuid('targetId must be a uuid') }).strict();
export type ArticleTarget = z.output<typeof articleTargetInput>;

export const listArticlesInput = z
  .object({
    q: z.string().trim().max(200).optional(),
    status: z.enum(articleStatuses).optional(),
    tag: articleTag.optional(),
    linkedTo: articleTargetInput.optional(),
    /** Only articles the caller wrote. */
    mine: z.boolean().optional(),
    cursor: z.uuid().optional(),
    /** Sent by useInfiniteQuery; pages only go forward. */
    direction: z.enum(['forward', 'backward']).optional(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .strict();
export type ListArticlesInput = z.output<typeof listArticlesInput>;

export const articleIdInput = z.object({ id: z.uuid('Not an article id') }).strict();

export const createArticleInput = z
  .object({
    title,
    body: body.default(''),
    tags: tags.default([]),
    workspaceId: z.uuid().nullish(),
    /** Links to make at once (each must exist and be readable). */
    links: z.array(articleTargetInput).max(20).default([]),
  })
  .strict();
export type CreateArticleInput = z.output<typeof createArticleInput>;

export const updateArticleInput = z
  .object({ id: z.uuid('Not an article id'), title: title.optional(), body: body.optional(), tags: tags.optional(), status: z.enum(articleStatuses).optional() })
  .strict()
  .refine((v) => v.title !== undefined || v.body !== undefined || v.tags !== undefined || v.status !== undefined, { message: 'Say what to change: title, body, tags or status' });
export type UpdateArticleInput = z.output<typeof updateArticleInput>;

export const linkArticleInput = z.object({ articleId: z.uuid('Not an article id'), targetType: z.enum(articleTargetTypes), targetId: z.uuid('targetId must be a uuid') }).strict();
export type LinkArticleInput = z.output<typeof linkArticleInput>;

export const articlesForTargetInput = articleTargetInput.extend({ limit: z.number().int().min(1).max(50).default(10) }).strict();
export type ArticlesForTargetInput = z.output<typeof articlesForTargetInput>;

export const findExpertsInput = z
  .object({
    assetId: z.uuid('Not an asset id').optional(),
    /** A classification label, e.g. PII.Email. */
    label: z
      .string()
      .trim()
      .min(2)
      .max(80)
      .regex(/^[A-Za-z][\w.-]*$/, 'A label looks like PII.Email')
      .optional(),
    group: z.enum(governanceGroups).optional(),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .strict()
  .refine((v) => [v.assetId, v.label, v.group].filter((x) => x !== undefined).length === 1, { message: 'Give exactly one of assetId, label or group' });
export type FindExpertsInput = z.output<typeof findExpertsInput>;
