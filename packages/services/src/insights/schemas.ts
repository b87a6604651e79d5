import { z } from 'zod';

export const insightKinds = ['anomaly', 'forecast'] as const;
export const insightStatuses = ['new', 'acknowledged', 'dismissed', 'actioned'] as const;
export const insightSeverities = ['low', 'medium', 'high', 'critical'] as const;
export type InsightStatus = (typeof insightStatuses)[number];
export type InsightSeverity = (typeof insightSeverities)[number];

export const listInsightsInput = z
  .object({
    /** One status, or several (e.g. the open ones: new + acknowledged). */
    status: z.union([z.enum(insightStatuses), z.array(z.enum(insightStatuses)).min(1).max(4)]).optional(),
    kind: z.enum(insightKinds).optional(),
    severity: z.union([z.enum(insightSeverities), z.array(z.enum(insightSeverities)).min(1).max(4)]).optional(),
    type: z.string().trim().min(1).max(80).optional(),
    /** The `seq` of the last insight of the previous page (newest first). */
    cursor: z.string().regex(/^\d+$/, 'A cursor is the seq of an insight').optional(),
    /** Sent by useInfiniteQuery; pages only go forward. */
    direction: z.enum(['forward', 'backward']).optional(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .strict();
export type ListInsightsInput = z.input<typeof listInsightsInput>;

export const updateInsightInput = z
  .object({
    id: z.uuid('Not an insight id'),
    status: z.enum(['acknowledged', 'dismissed', 'actioned'], 'Status is one of acknowledged, dismissed, actioned'),
  })
  .strict();
export type UpdateInsightInput = z.output<typeof updateInsightInput>;
