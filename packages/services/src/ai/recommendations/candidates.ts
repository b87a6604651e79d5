/**
 * What could be recommended now, from the current state, each type read
 * through the service (or the same access filter its page uses) as the
 * asker. Every candidate carries the numbers it rests on and an urgency in
 * [0, 1] that orders it within its type.
 */
import { listFindings } from '../../compliance/findings';
import { listFindingsInput } from '../../compliance/schemas';
import { listInsights } from '../../insights/queries';
import { listExecutions } from '../../workflow/execution-list';
import { runTool } from '../tools/index';
import type { ToolContext } from '../types';
import type { RecommendationType } from '../schemas';

export type RecommendationAction = { kind: 'link'; label: string; href: string } | { kind: 'ask'; label: string; question: string };

export interface Candidate {
  type: RecommendationType;
  subjectKey: string;
  title: string;
  evidence: Record<string, number | string>;
  action: RecommendationAction;
  urgency: number;
}

const DAY = 86_400_000;
/** A source last scanned longer ago than this is stale. */
export const STALE_AFTER_DAYS = 30;
const WORKFLOW_WINDOW_DAYS = 14;
const DUE_SOON_DAYS = 7;

async function sources(ctx: ToolContext): Promise<Candidate[]> {
  const visible = await ctx.access.dataSourcesWith('datasource.read');
  const now = ctx.deps.clock().getTime();
  const rows = await ctx.deps.db.dataSource.findMany({
    where: { ...(visible === 'all' ? {} : { id: { in: visible } }), OR: [{ lastScanAt: null }, { lastScanAt: { lt: new Date(now - STALE_AFTER_DAYS * DAY) } }] },
    select: { id: true, name: true, createdAt: true, lastScanAt: true, criticality: true },
    take: 200,
  });
  const crit = { low: 0.25, medium: 0.5, high: 0.75, critical: 1 } as Record<string, number>;
  return rows.map((s): Candidate =>
    s.lastScanAt
      ? {
          type: 'source_stale' as const,
          subjectKey: `source_stale:${s.id}`,
          title: `${s.name} was last scanned ${Math.floor((now - s.lastScanAt.getTime()) / DAY)} days ago`,
          evidence: { daysSinceScan: Math.floor((now - s.lastScanAt.getTime()) / DAY), criticality: s.criticality },
          action: { kind: 'ask' as const, label: 'Rescan', question: `Rescan ${s.name}` },
          urgency: Math.min(1, (now - s.lastScanAt.getTime()) / DAY / 90) * 0.5 + (crit[s.criticality] ?? 0.5) * 0.5,
        }
      : {
          type: 'source_unscanned' as const,
          subjectKey: `source_unscanned:${s.id}`,
          title: `${s.name} has never been scanned`,
          evidence: { daysSinceConnected: Math.floor((now - s.createdAt.getTime()) / DAY), criticality: s.criticality },
          action: { kind: 'ask' as const, label: 'Scan it', question: `Scan ${s.name}` },
          urgency: crit[s.criticality] ?? 0.5,
        },
  );
}

async function unownedPii(ctx: ToolContext): Promise<Candidate[]> {
  const rec = await runTool(ctx, 'search_catalog', { labels: ['PII.*'], types: ['table', 'view'], unowned: true, limit: 100 });
  if (rec.status !== 'done') return [];
  const out = rec.output as { items: { id: string; name: string; qualifiedName: string; source: string | null; labels: string[]; link: string }[] };
  return out.items.map((t) => {
    const pii = t.labels.filter((l) => l.startsWith('PII.'));
    return {
      type: 'pii_unowned' as const,
      subjectKey: `pii_unowned:${t.id}`,
      title: `${t.name}${t.source ? ` (${t.source})` : ''} holds ${pii.length} kind${pii.length === 1 ? '' : 's'} of personal data and has no owner`,
      evidence: { piiLabels: pii.length, labels: pii.join(', ') },
      action: { kind: 'link' as const, label: 'Assign an owner', href: t.link },
      urgency: Math.min(1, pii.length / 5),
    };
  });
}

async function labelsToReview(ctx: ToolContext): Promise<Candidate[]> {
  const visible = await ctx.access.dataSourcesWith('classification.review');
  if (Array.isArray(visible) && !visible.length) return [];
  // Counted per source with the review queue's own filter (suggested, column present, sources the asker reviews).
  const rows = await ctx.deps.db.$queryRawUnsafe<{ id: string; name: string; n: number }[]>(
    `SELECT s.id, s.name, count(*)::int AS n FROM "Classification" c JOIN "Asset" a ON a.id = c."assetId" JOIN "DataSource" s ON s.id = a."dataSourceId"
      WHERE c.state = 'suggested' AND a."removedAt" IS NULL AND ($1::text[] IS NULL OR s.id = ANY($1::text[]))
      GROUP BY s.id, s.name ORDER BY n DESC LIMIT 50`,
    visible === 'all' ? null : visible,
  );
  return rows.map((r) => ({
    type: 'labels_to_review' as const,
    subjectKey: `labels_to_review:${r.id}`,
    title: `${r.n} suggested labels in ${r.name} await review`,
    evidence: { suggested: r.n },
    action: { kind: 'link' as const, label: 'Review', href: `/classifications?dataSourceId=${r.id}&state=suggested` },
    urgency: Math.min(1, r.n / 50),
  }));
}

async function findingsDue(ctx: ToolContext): Promise<Candidate[]> {
  if (!(await ctx.access.can('compliance.read'))) return [];
  const now = ctx.deps.clock().getTime();
  const found = await listFindings(ctx.deps, ctx.access, listFindingsInput.parse({ severity: ['critical', 'high'], status: ['open', 'acknowledged'], limit: 200 }));
  return found.items
    .filter((f) => f.dueAt && f.dueAt.getTime() <= now + DUE_SOON_DAYS * DAY)
    .map((f) => {
      const days = Math.round((f.dueAt!.getTime() - now) / DAY);
      return {
        type: 'finding_due' as const,
        subjectKey: `finding_due:${f.id}`,
        title: `${f.severity} ${f.framework.name} finding ${f.rule.code} on ${f.asset.qualifiedName} is ${days < 0 ? `${-days} days overdue` : `due in ${days} days`}`,
        evidence: { daysUntilDue: days, severity: f.severity },
        action: { kind: 'link' as const, label: 'Open the finding', href: `/compliance/findings?id=${f.id}` },
        urgency: (f.severity === 'critical' ? 0.5 : 0.25) + (days < 0 ? 0.5 : 0.5 * (1 - days / DUE_SOON_DAYS)),
      };
    });
}

async function failingWorkflows(ctx: ToolContext): Promise<Candidate[]> {
  const since = ctx.deps.clock().getTime() - WORKFLOW_WINDOW_DAYS * DAY;
  const runs = await listExecutions(ctx.deps, ctx.access, { limit: 100 });
  const by = new Map<string, { name: string; failed: number; succeeded: number }>();
  for (const e of runs.items) {
    if (e.createdAt.getTime() < since || !['failed', 'succeeded'].includes(e.status)) continue;
    const w = by.get(e.workflowId) ?? { name: e.workflowName, failed: 0, succeeded: 0 };
    if (e.status === 'failed') w.failed += 1;
    else w.succeeded += 1;
    by.set(e.workflowId, w);
  }
  return [...by.entries()]
    .filter(([, w]) => w.failed > 0)
    .map(([id, w]) => {
      const total = w.failed + w.succeeded;
      const flaky = w.succeeded > 0;
      return {
        type: 'workflow_failing' as const,
        subjectKey: `workflow_failing:${id}`,
        title: `${w.name} ${flaky ? 'is flaky' : 'keeps failing'}: ${w.failed} of its last ${total} runs failed`,
        evidence: { failed: w.failed, runs: total, failureRate: Math.round((w.failed / total) * 100) / 100 },
        action: { kind: 'link' as const, label: 'Open the workflow', href: `/workflows/${id}` },
        urgency: w.failed / total,
      };
    });
}

async function openInsights(ctx: ToolContext): Promise<Candidate[]> {
  if (!(await ctx.access.can('insight.read'))) return [];
  const found = await listInsights(ctx.deps, ctx.access, { status: 'new', limit: 50 });
  const sev = { low: 0.25, medium: 0.5, high: 0.75, critical: 1 } as Record<string, number>;
  return found.items.map((i) => ({
    type: 'insight_unacknowledged' as const,
    subjectKey: `insight_unacknowledged:${i.id}`,
    title: i.title,
    evidence: { severity: i.severity, confidence: i.confidence },
    action: i.actionLink ? { kind: 'link' as const, label: i.suggestedAction || 'Open', href: i.actionLink } : { kind: 'ask' as const, label: 'Ask about it', question: 'Any anomalies I should know about?' },
    urgency: (sev[i.severity] ?? 0.5) * i.confidence,
  }));
}

export async function candidates(ctx: ToolContext): Promise<Candidate[]> {
  const lists = await Promise.all([sources(ctx), unownedPii(ctx), labelsToReview(ctx), findingsDue(ctx), failingWorkflows(ctx), openInsights(ctx)]);
  return lists.flat();
}
