import type { DbOrTx, Prisma } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { actorUserId } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, isUniqueViolation, notFound } from '../errors';
import { type AccessChecker, workspaceScope } from '../rbac/resolve';
import { type PipelineDefinition, parsePipelineDefinition } from './definition';
import { computeHealth, type PipelineHealth } from './health';
import { type RunSummary, runSummaries } from './run-views';
import type { createPipelineInput, listPipelinesInput, updatePipelineInput } from './schemas';

const pipelineSelect = {
  id: true,
  workspaceId: true,
  name: true,
  description: true,
  enabled: true,
  version: true,
  definition: true,
  createdAt: true,
  updatedAt: true,
  workspace: { select: { name: true } },
} satisfies Prisma.PipelineSelect;
type PipelineRow = Prisma.PipelineGetPayload<{ select: typeof pipelineSelect }>;

export interface PipelineDetail {
  id: string;
  workspaceId: string;
  workspaceName: string;
  name: string;
  description: string;
  enabled: boolean;
  version: number;
  definition: PipelineDefinition;
  dataSourceName: string | null;
  createdAt: Date;
  updatedAt: Date;
  canManage: boolean;
  canExecute: boolean;
  health: PipelineHealth;
  lastRun: RunSummary | null;
}
export type PipelineListItem = Omit<PipelineDetail, 'definition'>;

/** The source must be one of the pipeline's workspace: running the pipeline reads it with the workspace's authority. */
async function requireSourceOfWorkspace(db: DbOrTx, dataSourceId: string, workspaceId: string) {
  const source = await db.dataSource.findUnique({
    where: { id: dataSourceId },
    select: { id: true, workspaceId: true, name: true },
  });
  if (!source)
    throw new AppError('NOT_FOUND', `Data source ${dataSourceId} was not found`, {
      field: 'definition.source.dataSourceId',
    });
  if (source.workspaceId !== workspaceId)
    throw new AppError(
      'BAD_REQUEST',
      `Data source "${source.name}" does not belong to this pipeline's workspace; a pipeline processes its own workspace's sources`,
      {
        field: 'definition.source.dataSourceId',
      },
    );
}

const auditView = (p: {
  name: string;
  description: string;
  enabled: boolean;
  version: number;
  definition: unknown;
}) => ({
  name: p.name,
  description: p.description,
  enabled: p.enabled,
  version: p.version,
  definition: p.definition,
});

export async function createPipeline(
  deps: ServiceDeps,
  actor: Actor,
  access: AccessChecker,
  input: z.output<typeof createPipelineInput>,
): Promise<PipelineDetail> {
  const created = await mutate(
    deps,
    actor,
    {
      type: 'pipeline.created',
      category: 'configuration',
      sourceGroup: 'pipeline',
      action: 'create',
      resourceType: 'pipeline',
      workspaceId: input.workspaceId,
    },
    async (tx) => {
      const workspace = await tx.workspace.findUnique({
        where: { id: input.workspaceId },
        select: { id: true },
      });
      if (!workspace) throw notFound('Workspace', input.workspaceId);
      await requireSourceOfWorkspace(tx, input.definition.source.dataSourceId, input.workspaceId);
      try {
        const row = await tx.pipeline.create({
          data: {
            workspaceId: input.workspaceId,
            name: input.name,
            description: input.description ?? '',
            definition: input.definition as Prisma.InputJsonValue,
            createdById: actorUserId(actor),
          },
          select: pipelineSelect,
        });
        return { result: row, resourceId: row.id, after: auditView(row) };
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError(
            'CONFLICT',
            `A pipeline named "${input.name}" already exists in this workspace`,
            { field: 'name' },
          );
        throw error;
      }
    },
  );
  return (await details(deps, access, [created]))[0]!;
}

/** A new definition makes a new version; name, description and enabled do not. Runs keep the definition they started with. */
export async function updatePipeline(
  deps: ServiceDeps,
  actor: Actor,
  access: AccessChecker,
  input: z.output<typeof updatePipelineInput>,
): Promise<PipelineDetail> {
  const { id, definition, ...changes } = input;
  const updated = await mutate(
    deps,
    actor,
    {
      type: 'pipeline.updated',
      category: 'configuration',
      sourceGroup: 'pipeline',
      action: 'update',
      resourceType: 'pipeline',
      resourceId: id,
    },
    async (tx) => {
      const current = await tx.pipeline.findFirst({
        where: { id, deletedAt: null },
        select: pipelineSelect,
      });
      if (!current) throw notFound('Pipeline', id);
      const definitionChanged =
        definition !== undefined &&
        JSON.stringify(definition) !== JSON.stringify(parsePipelineDefinition(current.definition));
      if (definition)
        await requireSourceOfWorkspace(tx, definition.source.dataSourceId, current.workspaceId);
      try {
        const row = await tx.pipeline.update({
          where: { id },
          data: {
            ...changes,
            ...(definitionChanged
              ? { definition: definition as Prisma.InputJsonValue, version: { increment: 1 } }
              : {}),
          },
          select: pipelineSelect,
        });
        return {
          result: row,
          workspaceId: current.workspaceId,
          before: auditView(current),
          after: auditView(row),
        };
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError(
            'CONFLICT',
            `A pipeline named "${changes.name}" already exists in this workspace`,
            { field: 'name' },
          );
        throw error;
      }
    },
  );
  return (await details(deps, access, [updated]))[0]!;
}

export async function getPipeline(
  deps: ServiceDeps,
  access: AccessChecker,
  id: string,
): Promise<PipelineDetail> {
  const row = await deps.db.pipeline.findFirst({
    where: { id, deletedAt: null },
    select: pipelineSelect,
  });
  if (!row) throw notFound('Pipeline', id);
  return (await details(deps, access, [row]))[0]!;
}

export async function listPipelines(
  deps: ServiceDeps,
  access: AccessChecker,
  input: z.output<typeof listPipelinesInput>,
): Promise<{ items: PipelineListItem[]; nextCursor: string | null }> {
  const visible = await access.workspacesWith('pipeline.read');
  const where: Prisma.PipelineWhereInput = {
    deletedAt: null,
    ...(visible === 'all' ? {} : { workspaceId: { in: visible } }),
    ...(input.workspaceId ? { workspaceId: input.workspaceId } : {}),
    ...(input.search
      ? {
          OR: [
            { name: { contains: input.search, mode: 'insensitive' } },
            { description: { contains: input.search, mode: 'insensitive' } },
          ],
        }
      : {}),
  };
  const rows = await deps.db.pipeline.findMany({
    where,
    select: pipelineSelect,
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  const items = (await details(deps, access, page)).map(
    ({ definition: _definition, ...rest }) => rest,
  );
  return { items, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

/** Rows → details: source names, the caller's rights, health and last run, in a few queries for the whole page. */
async function details(
  deps: ServiceDeps,
  access: AccessChecker,
  rows: PipelineRow[],
): Promise<PipelineDetail[]> {
  if (!rows.length) return [];
  const definitions = rows.map((r) => parsePipelineDefinition(r.definition));
  const sourceIds = [...new Set(definitions.map((d) => d.source.dataSourceId))];
  const sources = await deps.db.dataSource.findMany({
    where: { id: { in: sourceIds } },
    select: { id: true, name: true },
  });
  const sourceName = new Map(sources.map((s) => [s.id, s.name]));
  const lastRuns = await Promise.all(
    rows.map((r) =>
      deps.db.pipelineRun.findFirst({
        where: { pipelineId: r.id },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { id: true },
      }),
    ),
  );
  const summaries = new Map(
    (
      await runSummaries(
        deps.db,
        lastRuns.flatMap((r) => (r ? [r.id] : [])),
      )
    ).map((s) => [s.id, s]),
  );
  return Promise.all(
    rows.map(async (row, i) => {
      const definition = definitions[i]!;
      const scope = workspaceScope(row.workspaceId);
      const [canManage, canExecute, health] = await Promise.all([
        access.can('pipeline.manage', scope),
        access.can('pipeline.execute', scope),
        computeHealth(deps, row.id, definition.sla),
      ]);
      const lastRunId = lastRuns[i]?.id;
      return {
        id: row.id,
        workspaceId: row.workspaceId,
        workspaceName: row.workspace.name,
        name: row.name,
        description: row.description,
        enabled: row.enabled,
        version: row.version,
        definition,
        dataSourceName: sourceName.get(definition.source.dataSourceId) ?? null,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        canManage,
        canExecute,
        health,
        lastRun: lastRunId ? (summaries.get(lastRunId) ?? null) : null,
      };
    }),
  );
}
