import { z } from 'zod';

export const activityCategories = ['configuration', 'access', 'security', 'execution', 'data', 'system'] as const;
export type ActivityCategory = (typeof activityCategories)[number];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What a service says about one mutation. The actor and time are filled in by the recorder. */
export interface ActivityInput {
  type: string;
  category: ActivityCategory;
  sourceGroup: string;
  targetGroup?: string | null;
  action: string;
  resourceType?: string | null;
  resourceId?: string | null;
  workspaceId?: string | null;
  status?: 'success' | 'failure';
  durationMs?: number | null;
  details?: Record<string, unknown>;
  before?: unknown;
  after?: unknown;
  complianceRelevant?: boolean;
}

/** An activity row as the API returns it (id as a decimal string, safe for JSON and SSE ids). */
export const activityEventSchema = z.object({
  id: z.string(),
  occurredAt: z.date(),
  type: z.string(),
  category: z.string(),
  sourceGroup: z.string(),
  targetGroup: z.string().nullable(),
  action: z.string(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  actorId: z.string().nullable(),
  actorType: z.enum(['user', 'token', 'system']),
  actorName: z.string().nullable(),
  workspaceId: z.string().nullable(),
  status: z.enum(['success', 'failure']),
  durationMs: z.number().nullable(),
  details: z.unknown(),
  before: z.unknown(),
  after: z.unknown(),
  complianceRelevant: z.boolean(),
  hash: z.string(),
});
export type ActivityEventView = z.infer<typeof activityEventSchema>;
