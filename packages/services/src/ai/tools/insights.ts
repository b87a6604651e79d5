/** Insights (anomalies and forecasts) the asker may see, through the insights service. */
import { z } from 'zod';
import { listInsights } from '../../insights/queries';
import { insightKinds, insightSeverities, insightStatuses } from '../../insights/schemas';
import type { AiTool } from '../types';

const input = z
  .object({
    status: z.array(z.enum(insightStatuses)).min(1).max(4).optional().describe('Omit for the open ones: new and acknowledged'),
    kind: z.enum(insightKinds).optional(),
    severity: z.array(z.enum(insightSeverities)).min(1).max(4).optional(),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .strict();

const output = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      type: z.string(),
      severity: z.string(),
      status: z.string(),
      title: z.string(),
      summary: z.string(),
      suggestedAction: z.string().nullable(),
      link: z.string().nullable(),
      detectedAt: z.date(),
    }),
  ),
});

export const listInsightsTool: AiTool<z.output<typeof input>, z.output<typeof output>> = {
  name: 'list_insights',
  description: 'Anomaly and forecast insights about what the asker may read (open ones by default), newest first, with their suggested action.',
  permission: 'insight.read',
  write: false,
  input,
  output,
  async run(ctx, i) {
    const found = await listInsights(ctx.deps, ctx.access, { status: i.status ?? ['new', 'acknowledged'], kind: i.kind, severity: i.severity, limit: i.limit });
    return {
      items: found.items.map((x) => ({ id: x.id, kind: x.kind, type: x.type, severity: x.severity, status: x.status, title: x.title, summary: x.summary, suggestedAction: x.suggestedAction ?? null, link: x.actionLink ?? null, detectedAt: x.detectedAt })),
    };
  },
};
