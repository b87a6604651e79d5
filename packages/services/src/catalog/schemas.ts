/**
 * Inputs of the catalog: search, asset curation and lineage. Client-safe (no
 * server imports): the web forms validate with these same schemas.
 */
import { z } from 'zod';
import { invalidTags, MAX_TAGS, normalizeTags } from './tags';

/** 'article': published knowledge-base articles (kb/article-search.ts), searched beside the catalog. */
export const catalogSearchTypes = ['source', 'database', 'schema', 'table', 'view', 'column', 'term', 'article'] as const;
export const catalogSensitivities = ['Public', 'Internal', 'Confidential', 'Restricted'] as const;
export const catalogEnvironments = ['dev', 'staging', 'prod'] as const;
export const certificationValues = ['draft', 'certified', 'deprecated'] as const;
export const lineagePropagations = ['none', 'downstream', 'both'] as const;

/** Tags as people type them, normalised; an invalid one is named in the error. */
export const assetTagsSchema = z
  .array(z.string().max(200))
  .transform((raw) => normalizeTags(raw))
  .superRefine((tags, ctx) => {
    const bad = invalidTags(tags);
    if (bad.length) ctx.addIssue({ code: 'custom', message: `Tags are letters, digits and _ : . - * (up to 64, starting with a letter or digit): ${bad.map((t) => `"${t}"`).join(', ')} do not fit` });
    if (tags.length > MAX_TAGS) ctx.addIssue({ code: 'custom', message: `At most ${MAX_TAGS} tags, got ${tags.length}` });
  });

export const searchCatalogInput = z.object({
  q: z.string().trim().max(200).optional(),
  types: z.array(z.enum(catalogSearchTypes)).max(catalogSearchTypes.length).optional(),
  dataSourceIds: z.array(z.uuid()).max(100).optional(),
  /** A label, or a prefix ending in "*" ("PII.*"). */
  labels: z.array(z.string().trim().min(1).max(80)).max(50).optional(),
  sensitivities: z.array(z.enum(catalogSensitivities)).optional(),
  /** User ids: assets where that user is an owner or a steward. */
  ownerIds: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
  tags: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
  environments: z.array(z.enum(catalogEnvironments)).optional(),
  certifications: z.array(z.enum(certificationValues)).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  offset: z.number().int().min(0).max(10_000).default(0),
});
export type SearchCatalogInput = z.output<typeof searchCatalogInput>;

export const assetIdInput = z.object({ id: z.uuid('Not an asset id') });

export const principalSchema = z.object({ type: z.enum(['user', 'team']), id: z.uuid('Not a user or team id') });
export type Principal = z.output<typeof principalSchema>;

export const updateAssetInput = z.object({
  id: z.uuid('Not an asset id'),
  description: z.string().max(20_000, 'Descriptions are at most 20,000 characters').optional(),
  tags: assetTagsSchema.optional(),
  certification: z.enum(certificationValues).optional(),
  owners: z.array(principalSchema).max(50).optional(),
  stewards: z.array(principalSchema).max(50).optional(),
  termIds: z.array(z.uuid('Not a glossary term id')).max(100).optional(),
});
export type UpdateAssetInput = z.output<typeof updateAssetInput>;

export const bulkUpdateAssetsInput = z
  .object({
    ids: z.array(z.uuid('Not an asset id')).min(1, 'Pick at least one asset').max(500),
    addTags: assetTagsSchema.optional(),
    removeTags: assetTagsSchema.optional(),
    certification: z.enum(certificationValues).optional(),
    addOwner: principalSchema.optional(),
    addSteward: principalSchema.optional(),
  })
  .refine((v) => v.addTags?.length || v.removeTags?.length || v.certification || v.addOwner || v.addSteward, { message: 'Say what to change: tags, certification, an owner or a steward' });
export type BulkUpdateAssetsInput = z.output<typeof bulkUpdateAssetsInput>;

export const lineageInput = z.object({
  id: z.uuid('Not an asset id'),
  direction: z.enum(['upstream', 'downstream', 'both']).default('both'),
  depth: z.number().int().min(1).max(10).default(3),
});
export type LineageInput = z.output<typeof lineageInput>;

export const addLineageEdgeInput = z
  .object({
    fromAssetId: z.uuid('Not an asset id'),
    toAssetId: z.uuid('Not an asset id'),
    note: z.string().trim().max(500).default(''),
    propagation: z.enum(lineagePropagations).default('none'),
  })
  .refine((v) => v.fromAssetId !== v.toAssetId, { message: 'An asset cannot feed itself: pick two different assets', path: ['toAssetId'] });

export const lineageEdgeIdInput = z.object({ id: z.uuid('Not a lineage edge id') });

export const updateLineageEdgeInput = z.object({
  id: z.uuid('Not a lineage edge id'),
  note: z.string().trim().max(500).optional(),
  propagation: z.enum(lineagePropagations).optional(),
});
