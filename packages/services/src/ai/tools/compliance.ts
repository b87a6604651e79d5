/**
 * Compliance tools: findings (of readable sources only) and posture with its
 * change over a range, both straight from the compliance services.
 */
import { z } from 'zod';
import { listFindings } from '../../compliance/findings';
import { getPosture } from '../../compliance/posture';
import { FINDING_STATUSES, listFindingsInput, SEVERITIES } from '../../compliance/schemas';
import type { AiTool } from '../types';
import { assetLink, frameworkId, sourceIds } from './resolve';

const findingsInput = z
  .object({
    framework: z.string().trim().min(1).max(100).optional().describe('A framework name, key or id: GDPR, HIPAA, PCI-DSS…'),
    severity: z.array(z.enum(SEVERITIES)).max(4).optional(),
    status: z.array(z.enum(FINDING_STATUSES)).max(4).optional().describe('Omit for open and acknowledged findings'),
    source: z.string().trim().min(1).max(200).optional(),
    assetId: z.uuid().optional(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .strict();

const findingRow = z.object({
  id: z.string(),
  framework: z.string(),
  rule: z.object({ code: z.string(), title: z.string() }),
  severity: z.string(),
  status: z.string(),
  asset: z.object({ id: z.string(), qualifiedName: z.string(), link: z.string() }),
  source: z.string(),
  dueAt: z.date().nullable(),
  lastSeenAt: z.date(),
});
const findingsOutput = z.object({
  total: z.number().int(),
  bySeverity: z.record(z.string(), z.number().int()),
  byRule: z.array(z.object({ code: z.string(), title: z.string(), count: z.number().int() })),
  items: z.array(findingRow),
});

export const listFindingsTool: AiTool<z.output<typeof findingsInput>, z.output<typeof findingsOutput>> = {
  name: 'list_findings',
  description: 'Compliance findings (failed rules on assets) by framework, severity, status and source, with counts by severity and by rule; only of sources the asker may read.',
  permission: 'compliance.read',
  write: false,
  input: findingsInput,
  output: findingsOutput,
  async run(ctx, input) {
    const [fw, sources] = await Promise.all([frameworkId(ctx, input.framework), sourceIds(ctx, input.source)]);
    const status = input.status ?? ['open', 'acknowledged'];
    const pages = await Promise.all(
      (sources ?? [undefined]).map((dataSourceId) => listFindings(ctx.deps, ctx.access, listFindingsInput.parse({ frameworkId: fw, dataSourceId, assetId: input.assetId, severity: input.severity, status, limit: input.limit }))),
    );
    const items = pages.flatMap((p) => p.items);
    const bySeverity: Record<string, number> = {};
    for (const p of pages) for (const [k, v] of Object.entries(p.counts.bySeverity)) bySeverity[k] = (bySeverity[k] ?? 0) + v;
    const rules = new Map<string, { code: string; title: string; count: number }>();
    for (const f of items) {
      const r = rules.get(f.rule.code) ?? { code: f.rule.code, title: f.rule.title, count: 0 };
      r.count += 1;
      rules.set(f.rule.code, r);
    }
    return {
      total: pages.reduce((n, p) => n + p.total, 0),
      bySeverity,
      byRule: [...rules.values()].sort((a, b) => b.count - a.count),
      items: items.slice(0, input.limit).map((f) => ({
        id: f.id,
        framework: f.framework.name,
        rule: { code: f.rule.code, title: f.rule.title },
        severity: f.severity,
        status: f.status,
        asset: { id: f.asset.id, qualifiedName: f.asset.qualifiedName, link: assetLink(f.asset.id) },
        source: f.dataSource.name,
        dueAt: f.dueAt,
        lastSeenAt: f.lastSeenAt,
      })),
    };
  },
};

const postureInput = z
  .object({
    framework: z.string().trim().min(1).max(100).optional(),
    source: z.string().trim().min(1).max(200).optional().describe('One data source; the whole readable catalog when omitted'),
    days: z.number().int().min(1).max(365).default(7).describe('The range the change is measured over'),
  })
  .strict();

const postureOutput = z.object({
  days: z.number().int(),
  frameworks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      score: z.number().nullable(),
      /** The score at the start of the range (its first daily snapshot). */
      previous: z.number().nullable(),
      change: z.number().nullable(),
      checks: z.number().int(),
      failures: z.number().int(),
      trend: z.array(z.object({ at: z.date(), score: z.number() })),
      link: z.string(),
    }),
  ),
});

export const getPostureTool: AiTool<z.output<typeof postureInput>, z.output<typeof postureOutput>> = {
  name: 'get_posture',
  description: "Compliance posture per framework: the current score (share of checks passing), its value at the start of the range and the change, over the sources the asker may read.",
  permission: 'compliance.read',
  write: false,
  input: postureInput,
  output: postureOutput,
  async run(ctx, input) {
    const [fw, sources] = await Promise.all([frameworkId(ctx, input.framework), sourceIds(ctx, input.source)]);
    const posture = await getPosture(ctx.deps, ctx.access, { frameworkId: fw, days: input.days, scope: sources?.[0] ? { type: 'datasource', id: sources[0] } : undefined });
    return {
      days: input.days,
      frameworks: posture.frameworks.map((f) => {
        const previous = f.trend[0]?.score ?? null;
        const change = f.score !== null && previous !== null ? Math.round((f.score - previous) * 10) / 10 : null;
        return { id: f.id, name: f.name, score: f.score, previous, change, checks: f.checks, failures: f.failures, trend: f.trend, link: `/compliance/frameworks/${f.id}` };
      }),
    };
  },
};
