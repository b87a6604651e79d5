/**
 * `compliance.evaluate`: evaluates frameworks now, in the step (an
 * evaluation of a workspace's sources takes well under a second to a few
 * seconds). A workflow only evaluates its own workspace: with a source, that
 * source; without one, each of the workspace's sources (incremental
 * evaluations), never the whole catalog. Each finished (framework, source)
 * evaluation is checkpointed, so a resumed step does not evaluate it again.
 */
import { z } from 'zod';
import { systemActor } from '../../actor';
import { scoreOf } from '../../compliance/snapshots';
import { evaluateFramework } from '../../compliance/evaluate';
import { AppError } from '../../errors';
import { defineStepType } from '../step-type';
import { sourceInWorkspace, stepAudit, workspaceSourceIds } from './scope';

const config = z
  .object({
    /** A framework by key ("gdpr", "pci-dss"…) or id; every enabled framework when neither is set. */
    frameworkKey: z.string().trim().min(1).max(80).optional(),
    frameworkId: z.uuid('Not a framework id').optional(),
    /** One source of the workspace; all of them when absent. */
    dataSourceId: z.uuid('Not a data source id').optional(),
  })
  .strict()
  .refine((c) => !(c.frameworkKey && c.frameworkId), { message: 'Name the framework by key or by id, not both' });

interface Done {
  evaluationId: string;
  frameworkId: string;
  checks: number;
  failures: number;
  opened: number;
  resolved: number;
}

export const complianceEvaluateStep = defineStepType({
  type: 'compliance.evaluate',
  title: 'Evaluate compliance',
  description: 'Evaluates a framework (or every enabled one) on a source of the workspace, or on all of its sources; opens and resolves findings.',
  group: 'compliance',
  config,
  output: {
    evaluationId: { type: 'string', description: 'The (first) evaluation written.' },
    evaluationIds: { type: 'list', description: 'Every evaluation written.' },
    score: { type: 'number', description: 'Passed checks ÷ all checks, 0–100 (100 when nothing applies).', range: [0, 100] },
    checks: { type: 'number', description: 'Rule checks made.' },
    failures: { type: 'number', description: 'Checks that failed (open findings).' },
    opened: { type: 'number', description: 'Findings opened or reopened.' },
    resolved: { type: 'number', description: 'Findings resolved.' },
    frameworks: { type: 'number', description: 'Frameworks evaluated.' },
  },
  defaults: { timeoutMs: 30 * 60_000 },
  async run(ctx) {
    const { db } = ctx.deps;
    const { frameworkKey, frameworkId } = ctx.config;
    const frameworks = frameworkKey || frameworkId
      ? await db.complianceFramework.findMany({ where: frameworkKey ? { key: frameworkKey } : { id: frameworkId }, select: { id: true, name: true, enabled: true } })
      : await db.complianceFramework.findMany({ where: { enabled: true }, select: { id: true, name: true, enabled: true }, orderBy: { name: 'asc' } });
    if ((frameworkKey || frameworkId) && frameworks.length === 0) throw new AppError('NOT_FOUND', `Framework ${frameworkKey ?? frameworkId} was not found`);
    const disabled = frameworks.find((f) => !f.enabled);
    if (disabled) throw new AppError('PRECONDITION_FAILED', `Framework ${disabled.name} is disabled; enable it to evaluate it`);
    const sources = ctx.config.dataSourceId ? [(await sourceInWorkspace(db, ctx.execution.workspaceId, ctx.config.dataSourceId)).id] : await workspaceSourceIds(db, ctx.execution.workspaceId);
    if (sources.length === 0) await ctx.log('The workspace has no data sources: nothing to evaluate', undefined, 'warn');

    const done: Record<string, Done> = { ...((ctx.state as { done?: Record<string, Done> } | null)?.done ?? {}) };
    for (const f of frameworks)
      for (const sourceId of sources) {
        const key = `${f.id}:${sourceId}`;
        if (done[key]) continue;
        const s = await evaluateFramework(ctx.deps, systemActor, { frameworkId: f.id, dataSourceId: sourceId, trigger: 'workflow', audit: stepAudit(ctx) });
        done[key] = { evaluationId: s.evaluationId, frameworkId: f.id, checks: s.checks, failures: s.failures, opened: s.opened + s.reopened, resolved: s.resolved };
        await ctx.checkpoint({ done });
        await ctx.log(`${f.name}: ${s.checks} checks, ${s.failures} failing, ${s.opened + s.reopened} opened, ${s.resolved} resolved (score ${s.score.toFixed(1)})`, { evaluationId: s.evaluationId, dataSourceId: sourceId });
      }
    const all = Object.values(done);
    const sum = (k: 'checks' | 'failures' | 'opened' | 'resolved') => all.reduce((n, d) => n + d[k], 0);
    const output = {
      evaluationId: all[0]?.evaluationId ?? null,
      evaluationIds: all.map((d) => d.evaluationId),
      score: scoreOf(sum('checks'), sum('failures')),
      checks: sum('checks'),
      failures: sum('failures'),
      opened: sum('opened'),
      resolved: sum('resolved'),
      frameworks: frameworks.length,
    };
    return { kind: 'done', output };
  },
});
