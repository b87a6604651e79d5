/**
 * What went wrong and what changed: failed scan runs, workflow executions and
 * pipeline runs; the activity log since a time, summarised by type, plus the
 * schema drift scans found. Each list is filtered to what the asker may see.
 */
import { z } from 'zod';
import { filterWhere, listActivity } from '../../activity/queries';
import { activityVisibility, visibilityWhere } from '../../activity/visibility';
import { listRuns } from '../../scan/scans';
import { listExecutions } from '../../workflow/execution-list';
import type { AiTool } from '../types';

const DAY = 86_400_000;
const sinceField = z.coerce.date().optional().describe('ISO time; 7 days ago when omitted');

const failuresInput = z.object({ since: sinceField, limit: z.number().int().min(1).max(50).default(10) }).strict();
const failure = z.object({ kind: z.enum(['scan', 'workflow', 'pipeline']), id: z.string(), name: z.string(), at: z.date(), error: z.string().nullable(), link: z.string() });
const failuresOutput = z.object({ since: z.date(), counts: z.object({ scan: z.number().int(), workflow: z.number().int(), pipeline: z.number().int() }), items: z.array(failure) });

export const recentFailuresTool: AiTool<z.output<typeof failuresInput>, z.output<typeof failuresOutput>> = {
  name: 'recent_failures',
  description: 'Failed scan runs, workflow executions and pipeline runs since a time (default: the last 7 days), newest first, with their errors.',
  permission: 'ai.use',
  write: false,
  input: failuresInput,
  output: failuresOutput,
  async run(ctx, input) {
    const since = input.since ?? new Date(ctx.deps.clock().getTime() - 7 * DAY);
    const pipelineWorkspaces = await ctx.access.workspacesWith('pipeline.read');
    const [runs, executions, pipelineRuns] = await Promise.all([
      listRuns(ctx.deps, ctx.access, { status: 'failed', limit: 100 }),
      listExecutions(ctx.deps, ctx.access, { status: 'failed', limit: 100 }),
      // No service lists pipeline runs across pipelines; the same workspace filter the pipeline pages use.
      ctx.deps.db.pipelineRun.findMany({
        where: { status: 'failed', createdAt: { gte: since }, ...(pipelineWorkspaces === 'all' ? {} : { workspaceId: { in: pipelineWorkspaces } }) },
        select: { id: true, error: true, createdAt: true, finishedAt: true, pipeline: { select: { name: true } } },
        orderBy: { createdAt: 'desc' },
        take: 100,
      }),
    ]);
    const scanIds = [...new Set(runs.items.map((r) => r.scanId))];
    const scans = new Map((await ctx.deps.db.scan.findMany({ where: { id: { in: scanIds } }, select: { id: true, name: true, dataSource: { select: { name: true } } } })).map((s) => [s.id, s]));
    const all = [
      ...runs.items
        .map((r) => ({ kind: 'scan' as const, id: r.id, name: `${scans.get(r.scanId)?.dataSource.name ?? 'source'} / ${scans.get(r.scanId)?.name ?? 'scan'}`, at: r.finishedAt ?? r.queuedAt, error: r.error, link: `/datasources/${r.dataSourceId}` }))
        .filter((r) => r.at >= since),
      ...executions.items.map((e) => ({ kind: 'workflow' as const, id: e.id, name: e.workflowName, at: e.finishedAt ?? e.createdAt, error: e.error, link: `/workflows/executions/${e.id}` })).filter((e) => e.at >= since),
      ...pipelineRuns.map((p) => ({ kind: 'pipeline' as const, id: p.id, name: p.pipeline.name, at: p.finishedAt ?? p.createdAt, error: p.error, link: `/pipelines/runs/${p.id}` })),
    ].sort((a, b) => b.at.getTime() - a.at.getTime());
    const count = (k: string) => all.filter((f) => f.kind === k).length;
    return { since, counts: { scan: count('scan'), workflow: count('workflow'), pipeline: count('pipeline') }, items: all.slice(0, input.limit) };
  },
};

const changedInput = z
  .object({
    since: sinceField,
    type: z.string().trim().max(100).optional().describe('An activity type or prefix ending in "." (scan., compliance.)'),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .strict();

const changedOutput = z.object({
  since: z.date(),
  total: z.number().int(),
  byType: z.array(z.object({ type: z.string(), count: z.number().int() })),
  drift: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int(), examples: z.array(z.object({ change: z.string(), qualifiedName: z.string(), assetType: z.string(), source: z.string() })) }),
  recent: z.array(z.object({ at: z.date(), type: z.string(), actor: z.string().nullable(), resourceType: z.string().nullable(), resourceId: z.string().nullable(), status: z.string() })),
});

export const whatChangedTool: AiTool<z.output<typeof changedInput>, z.output<typeof changedOutput>> = {
  name: 'what_changed',
  description: 'What happened since a time: activity counted by type, the schema drift scans found (tables and columns added, removed, changed), and the latest events; only what the asker may see.',
  permission: 'ai.use',
  write: false,
  input: changedInput,
  output: changedOutput,
  async run(ctx, input) {
    const since = input.since ?? new Date(ctx.deps.clock().getTime() - 7 * DAY);
    const [visibility, scanSources] = await Promise.all([activityVisibility(ctx.access), ctx.access.dataSourcesWith('scan.read')]);
    // The assistant's own bookkeeping (conversations, confirmations) is not news about the estate.
    const where = { AND: [visibilityWhere(visibility), filterWhere({ from: since, type: input.type }), { NOT: { type: { startsWith: 'ai.' } } }] };
    const runWhere = { finishedAt: { gte: since }, ...(scanSources === 'all' ? {} : { dataSourceId: { in: scanSources } }) };
    const [groups, recent, drift, examples] = await Promise.all([
      ctx.deps.db.activityEvent.groupBy({ by: ['type'], where, _count: { _all: true } }),
      listActivity(ctx.deps, visibility, { from: since, type: input.type, limit: input.limit + 20 }),
      ctx.deps.db.scanRunChange.groupBy({ by: ['change'], where: { run: runWhere }, _count: { _all: true } }),
      ctx.deps.db.scanRunChange.findMany({ where: { run: runWhere }, select: { change: true, qualifiedName: true, assetType: true, run: { select: { dataSource: { select: { name: true } } } } }, orderBy: [{ run: { finishedAt: 'desc' } }, { qualifiedName: 'asc' }], take: 10 }),
    ]);
    const byType = groups.map((g) => ({ type: g.type, count: g._count._all })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
    const driftCount = (c: string) => drift.find((d) => d.change === c)?._count._all ?? 0;
    return {
      since,
      total: byType.reduce((n, t) => n + t.count, 0),
      byType,
      drift: { added: driftCount('added'), removed: driftCount('removed'), changed: driftCount('changed'), examples: examples.map((e) => ({ change: e.change, qualifiedName: e.qualifiedName, assetType: e.assetType, source: e.run.dataSource.name })) },
      recent: recent.items.filter((e) => !e.type.startsWith('ai.')).slice(0, input.limit).map((e) => ({ at: e.occurredAt, type: e.type, actor: e.actorName, resourceType: e.resourceType, resourceId: e.resourceId, status: e.status })),
    };
  },
};
