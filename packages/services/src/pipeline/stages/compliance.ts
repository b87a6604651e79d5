/**
 * compliance: evaluates every enabled framework on the source, once per
 * batch (evaluation is per source: its facts are loaded and its findings
 * resolved source-wide, so a per-table evaluation would resolve the other
 * tables' findings), then attributes to each table the findings now open on
 * it and its columns. The evaluations are recorded as a scan's are
 * (ComplianceEvaluation rows, posture snapshots, activity).
 */
import { systemActor } from '../../actor';
import { evaluateFrameworks } from '../../compliance/evaluate';
import type { ItemResult, StageHandler } from './types';

export const complianceStage: StageHandler<'compliance'> = {
  kind: 'compliance',
  async processBatch(ctx, items) {
    const started = performance.now();
    const db = ctx.deps.db;
    const { evaluations } = await evaluateFrameworks(ctx.deps, systemActor, {
      dataSourceId: ctx.source.id,
      trigger: 'workflow',
    });
    const evaluatedMs = (performance.now() - started) / Math.max(1, items.length);
    const columns = await db.asset.findMany({
      where: { parentId: { in: items.map((i) => i.item.assetId) }, type: 'column' },
      select: { id: true, parentId: true },
    });
    const tableOf = new Map<string, string>(columns.map((c) => [c.id, c.parentId!]));
    for (const i of items) tableOf.set(i.item.assetId, i.item.assetId);
    const findings = await db.complianceFinding.findMany({
      where: { assetId: { in: [...tableOf.keys()] }, status: { in: ['open', 'acknowledged'] } },
      select: {
        assetId: true,
        severity: true,
        rule: { select: { code: true, framework: { select: { name: true } } } },
      },
    });
    return items.map(({ item }): ItemResult => {
      const t = performance.now();
      const own = findings.filter((f) => tableOf.get(f.assetId) === item.assetId);
      const bySeverity: Record<string, number> = {};
      for (const f of own) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
      const rules = [...new Set(own.map((f) => `${f.rule.framework.name} ${f.rule.code}`))].sort();
      return {
        ok: true,
        output: {
          frameworksEvaluated: evaluations.map((e) => e.frameworkName),
          openFindings: own.length,
          bySeverity,
          rules,
        },
        // The evaluation's time is shared by the batch's tables.
        durationMs: evaluatedMs + (performance.now() - t),
      };
    });
  },
};
