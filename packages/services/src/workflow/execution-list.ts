/**
 * Run history: executions across the workspaces the caller may read, newest
 * first, filtered by workflow, workspace, status and trigger.
 */
import type { Prisma } from '@racine/db';
import type { z } from 'zod';
import type { ServiceDeps } from '../deps';
import type { AccessChecker } from '../rbac/resolve';
import type { listExecutionsInput } from './inputs';

const executionSelect = {
  id: true,
  workflowId: true,
  workspaceId: true,
  version: true,
  status: true,
  trigger: true,
  triggerDetails: true,
  createdById: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  error: true,
  workflow: { select: { name: true } },
} satisfies Prisma.WorkflowExecutionSelect;

export async function listExecutions(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof listExecutionsInput>) {
  const visible = await access.workspacesWith('workflow.read');
  const where: Prisma.WorkflowExecutionWhereInput = {
    ...(visible === 'all' ? {} : { workspaceId: { in: visible } }),
    ...(input.workspaceId ? { AND: [{ workspaceId: input.workspaceId }] } : {}),
    ...(input.workflowId ? { workflowId: input.workflowId } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.trigger ? { trigger: input.trigger } : {}),
  };
  const rows = await deps.db.workflowExecution.findMany({
    where,
    select: executionSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  const counts = page.length
    ? await deps.db.workflowStepRun.groupBy({ by: ['executionId', 'status'], where: { executionId: { in: page.map((r) => r.id) }, parentId: null }, _count: { _all: true } })
    : [];
  const starterIds = [...new Set(page.flatMap((r) => (r.createdById ? [r.createdById] : [])))];
  const starters = new Map(
    starterIds.length ? (await deps.db.user.findMany({ where: { id: { in: starterIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]) : [],
  );
  const items = page.map(({ workflow, ...r }) => {
    const mine = counts.filter((c) => c.executionId === r.id);
    const count = (status?: string) => mine.filter((c) => !status || c.status === status).reduce((n, c) => n + c._count._all, 0);
    return {
      ...r,
      workflowName: workflow.name,
      createdByName: r.createdById ? (starters.get(r.createdById) ?? null) : null,
      durationMs: r.startedAt && r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
      steps: { total: count(), succeeded: count('succeeded'), failed: count('failed'), skipped: count('skipped') },
    };
  });
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}
