/**
 * "My work" metrics for the asking user: open tasks they may decide or work
 * on, and the assets they own or steward (themselves or through a team they
 * belong to) in sources they may still read. Findings assigned to them are in
 * findings.ts (findings.mine).
 */
import type { Prisma } from '@racine/db';
import { decidableFilterOf } from '../workflow/tasks';
import { none, visibleSources } from './scope';
import { days } from './time';
import type { MetricComputation, MetricContext, MetricQuery } from './types';

type Computed = MetricComputation;
const nothing = (): Computed => ({ value: 0, previous: null, series: [], breakdown: [], rows: [] });

/**
 * Open or in-progress tasks assigned to me by name or to a role I hold (as
 * the task list counts them). A global admin may decide every task, but
 * "mine" for them is the ones assigned to them by name.
 */
export async function myTasks(ctx: MetricContext, q: MetricQuery): Promise<Computed> {
  if (!ctx.userId || ctx.access.actor.kind === 'system') return nothing();
  const decidable = await decidableFilterOf(ctx.deps, ctx.access);
  const where: Prisma.HumanTaskWhereInput = {
    AND: [decidable ?? { assigneeUserId: ctx.userId }, { status: { in: ['open', 'in_progress'] } }, q.filters.workspaceId ? { workspaceId: q.filters.workspaceId } : {}],
  };
  const now = ctx.deps.clock();
  const [total, rows, byKind] = await Promise.all([
    ctx.deps.db.humanTask.count({ where }),
    ctx.deps.db.humanTask.findMany({ where, orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }], take: q.limit }),
    ctx.deps.db.humanTask.groupBy({ by: ['kind'], where, _count: { _all: true } }),
  ]);
  return {
    value: total,
    previous: null,
    series: [],
    breakdown: byKind.map((k) => ({ key: k.kind, label: k.kind[0]!.toUpperCase() + k.kind.slice(1), value: k._count._all })).sort((a, b) => b.value - a.value),
    rows: rows.map((t) => ({
      key: t.id,
      label: t.title,
      value: days(now.getTime() - t.createdAt.getTime()),
      link: `/tasks?task=${t.id}`,
      meta: { kind: t.kind, status: t.status, due: t.dueAt?.toISOString() ?? null, overdue: t.dueAt && t.dueAt < now ? 'yes' : null, age: days(now.getTime() - t.createdAt.getTime()) },
    })),
  };
}

/** Assets I own or steward, or a team I am a member of does, in the sources I may read; tables and views first. */
export async function myAssets(ctx: MetricContext, q: MetricQuery): Promise<Computed> {
  if (!ctx.userId) return nothing();
  const sources = await visibleSources(ctx, q.filters);
  if (none(sources)) return nothing();
  const teams = await ctx.deps.db.workspaceMember.findMany({ where: { userId: ctx.userId, workspace: { kind: 'team' } }, select: { workspaceId: true } });
  const where: Prisma.AssetWhereInput = {
    removedAt: null,
    ...(sources === null ? {} : { dataSourceId: { in: sources } }),
    stewards: { some: { OR: [{ principalType: 'user', principalId: ctx.userId }, ...(teams.length ? [{ principalType: 'team' as const, principalId: { in: teams.map((t) => t.workspaceId) } }] : [])] } },
  };
  const [total, rows, byRole] = await Promise.all([
    ctx.deps.db.asset.count({ where }),
    ctx.deps.db.asset.findMany({
      where,
      orderBy: [{ type: 'asc' }, { qualifiedName: 'asc' }, { id: 'asc' }],
      take: q.limit,
      select: { id: true, qualifiedName: true, type: true, sensitivity: true, certification: true, dataSource: { select: { name: true } }, stewards: { select: { role: true, principalType: true, principalId: true } } },
    }),
    ctx.deps.db.assetSteward.groupBy({ by: ['role'], where: { asset: where, OR: [{ principalType: 'user', principalId: ctx.userId }, { principalType: 'team', principalId: { in: teams.map((t) => t.workspaceId) } }] }, _count: { _all: true } }),
  ]);
  const mine = (s: { principalType: string; principalId: string }) => (s.principalType === 'user' ? s.principalId === ctx.userId : teams.some((t) => t.workspaceId === s.principalId));
  return {
    value: total,
    previous: null,
    series: [],
    breakdown: byRole.map((r) => ({ key: r.role, label: r.role === 'owner' ? 'Owner' : 'Steward', value: r._count._all })),
    rows: rows.map((a) => ({
      key: a.id,
      label: a.qualifiedName,
      value: null,
      link: `/catalog/assets/${a.id}`,
      meta: { type: a.type, role: [...new Set(a.stewards.filter(mine).map((s) => s.role))].join(', '), sensitivity: a.sensitivity, certification: a.certification, source: a.dataSource.name },
    })),
  };
}
