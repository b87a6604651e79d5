/**
 * Workflows: create, read, list, update. A workflow's definition lives in
 * immutable versions; changing it writes version n+1 and never touches n, so
 * an execution always points at exactly what it ran. The Workflow row keeps
 * what the schedulers query (cron, nextRunAt, eventType, eventCursor)
 * mirrored from the latest version.
 */
import type { Prisma, Tx } from '@racine/db';
import type { z } from 'zod';
import { type Actor, actorUserId } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, isUniqueViolation, notFound } from '../errors';
import type { AccessChecker } from '../rbac/resolve';
import { workspaceScope } from '../rbac/resolve';
import { type WorkflowDefinition, workflowDefinitionSchema } from './definition';
import type { createWorkflowInput, listWorkflowsInput, updateWorkflowInput } from './inputs';
import { stepRegistry } from './engine/registry';
import { startExecution } from './engine/start';
import { activityHead, triggerColumns } from './triggers/mirror';
import { type DefinitionError, type StepRegistry, validateDefinition } from './validate';

export const webhookPathOf = (workflowId: string) => `/api/workflows/${workflowId}/webhook`;

/** A stored version's definition, typed. Stored definitions were validated when written. */
export const storedDefinition = (json: unknown): WorkflowDefinition => workflowDefinitionSchema.parse(json);

/** Key order does not make a definition different: compare canonical JSON. */
export function sameDefinition(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : value,
  );
}

/** Validates or throws BAD_REQUEST naming every problem (the `validate` procedure answers the same list without throwing). */
/** Validation against the registry the engine will run (a test's own, else the production one). */
export function validateWorkflowDefinition(deps: ServiceDeps, input: unknown) {
  return validateDefinition(input, stepRegistry(deps));
}

export function requireValidDefinition(input: unknown, registry?: StepRegistry): WorkflowDefinition {
  const result = validateDefinition(input, registry);
  if (result.ok) return result.definition;
  throw invalidDefinition(result.errors);
}

export function invalidDefinition(errors: DefinitionError[]): AppError {
  const shown = errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`);
  const more = errors.length > 5 ? `; and ${errors.length - 5} more` : '';
  return new AppError('BAD_REQUEST', `The workflow definition is invalid: ${shown.join('; ')}${more}`, { errors });
}

const workflowSelect = {
  id: true,
  workspaceId: true,
  name: true,
  description: true,
  enabled: true,
  latestVersion: true,
  cron: true,
  nextRunAt: true,
  eventType: true,
  webhookSecret: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  workspace: { select: { name: true } },
  versions: { orderBy: { version: 'desc' }, take: 1, select: { version: true, definition: true } },
  executions: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1, select: { id: true, status: true, createdAt: true } },
} satisfies Prisma.WorkflowSelect;
type WorkflowRow = Prisma.WorkflowGetPayload<{ select: typeof workflowSelect }>;

function triggersView(row: WorkflowRow, definition: WorkflowDefinition) {
  return { ...definition.triggers, nextRunAt: row.nextRunAt, webhookSecretSet: row.webhookSecret !== null };
}

function toDetail(row: WorkflowRow, rights: { canManage: boolean; canExecute: boolean }) {
  const definition = storedDefinition(row.versions[0]!.definition);
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    workspaceName: row.workspace.name,
    name: row.name,
    description: row.description,
    enabled: row.enabled,
    latestVersion: row.latestVersion,
    definition,
    triggers: triggersView(row, definition),
    webhookPath: definition.triggers.webhook ? webhookPathOf(row.id) : null,
    createdById: row.createdById,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...rights,
    lastExecution: row.executions[0] ?? null,
  };
}
export type WorkflowDetail = ReturnType<typeof toDetail>;

function toListItem(row: WorkflowRow) {
  const definition = storedDefinition(row.versions[0]!.definition);
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    workspaceName: row.workspace.name,
    name: row.name,
    description: row.description,
    enabled: row.enabled,
    latestVersion: row.latestVersion,
    stepCount: definition.steps.length,
    triggers: { manual: definition.triggers.manual, cron: row.cron, eventType: row.eventType, webhook: definition.triggers.webhook },
    nextRunAt: row.nextRunAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lastExecution: row.executions[0] ?? null,
  };
}
export type WorkflowListItem = ReturnType<typeof toListItem>;

const auditView = (w: { name: string; description: string; enabled: boolean; latestVersion: number }) => ({ name: w.name, description: w.description, enabled: w.enabled, latestVersion: w.latestVersion });

const nameTaken = (name: string) => new AppError('CONFLICT', `This workspace already has a workflow named "${name}"; pick another name`, { field: 'name' });

async function rightsIn(access: AccessChecker, workspaceId: string) {
  const scope = workspaceScope(workspaceId);
  const [canManage, canExecute] = await Promise.all([access.can('workflow.manage', scope), access.can('workflow.execute', scope)]);
  return { canManage, canExecute };
}

async function readRow(db: ServiceDeps['db'] | Tx, id: string): Promise<WorkflowRow> {
  const row = await db.workflow.findFirst({ where: { id, deletedAt: null }, select: workflowSelect });
  if (!row) throw notFound('Workflow', id);
  return row;
}

export async function createWorkflow(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof createWorkflowInput>, registry?: StepRegistry) {
  const definition = requireValidDefinition(input.definition, registry ?? stepRegistry(deps));
  try {
    const row = await mutate(deps, actor, { type: 'workflow.created', category: 'configuration', sourceGroup: 'workflow', action: 'create', resourceType: 'workflow', workspaceId: input.workspaceId }, async (tx) => {
      const workspace = await tx.workspace.findUnique({ where: { id: input.workspaceId }, select: { id: true } });
      if (!workspace) throw notFound('Workspace', input.workspaceId);
      if (await tx.workflow.findFirst({ where: { workspaceId: input.workspaceId, name: input.name }, select: { id: true } })) throw nameTaken(input.name);
      const creator = actorUserId(actor);
      const columns = triggerColumns(definition, input.enabled, deps.clock());
      const workflow = await tx.workflow.create({
        data: {
          workspaceId: input.workspaceId,
          name: input.name,
          description: input.description,
          enabled: input.enabled,
          latestVersion: 1,
          ...columns,
          eventCursor: columns.eventType ? await activityHead(tx) : 0n,
          createdById: creator,
          versions: { create: { version: 1, definition: definition as unknown as Prisma.InputJsonValue, note: input.note ?? 'Created', createdById: creator } },
        },
        select: { id: true },
      });
      // How every group's objects show up in a workspace's resource list.
      await tx.workspaceResource.create({ data: { workspaceId: input.workspaceId, resourceType: 'workflow', resourceId: workflow.id, label: input.name, linkedById: creator } });
      const created = await readRow(tx, workflow.id);
      return { result: created, resourceId: workflow.id, after: { ...auditView(created), steps: definition.steps.map((s) => s.id), triggers: definition.triggers } };
    });
    return toDetail(row, await rightsIn(access, row.workspaceId));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export interface UpdateOptions {
  registry?: StepRegistry;
  /** Refuse (CONFLICT) unless the latest version is still this one: a change prepared from version n is not applied over n+1. */
  expectVersion?: number;
  /** The audit row's type (applying a suggestion is recorded as such). */
  auditType?: string;
}

export async function updateWorkflow(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof updateWorkflowInput>, options: UpdateOptions = {}) {
  const next = input.definition !== undefined ? requireValidDefinition(input.definition, options.registry ?? stepRegistry(deps)) : undefined;
  try {
    const row = await mutate(deps, actor, { type: options.auditType ?? 'workflow.updated', category: 'configuration', sourceGroup: 'workflow', action: 'update', resourceType: 'workflow', resourceId: input.id }, async (tx) => {
      // Lock the row: two saves at once must not both write version n+1.
      await tx.$queryRaw`SELECT id FROM "Workflow" WHERE id = ${input.id} AND "deletedAt" IS NULL FOR UPDATE`;
      const current = await readRow(tx, input.id);
      if (options.expectVersion !== undefined && current.latestVersion !== options.expectVersion)
        throw new AppError('CONFLICT', `The workflow changed since version ${options.expectVersion} (it is at version ${current.latestVersion}); analyze it again`);
      const currentDefinition = storedDefinition(current.versions[0]!.definition);
      const changedDefinition = next !== undefined && !sameDefinition(next, currentDefinition);
      const definition = changedDefinition ? next! : currentDefinition;
      const name = input.name ?? current.name;
      if (name !== current.name && (await tx.workflow.findFirst({ where: { workspaceId: current.workspaceId, name, id: { not: current.id } }, select: { id: true } }))) throw nameTaken(name);
      const enabled = input.enabled ?? current.enabled;
      const version = changedDefinition ? current.latestVersion + 1 : current.latestVersion;
      const data: Prisma.WorkflowUpdateInput = { name, description: input.description ?? current.description, enabled, latestVersion: version };
      const columns = triggerColumns(definition, enabled, deps.clock());
      // Recompute the schedule only when what it depends on changed, so an unrelated edit does not push a due run back.
      if (changedDefinition || enabled !== current.enabled) {
        data.cron = columns.cron;
        if (columns.cron !== current.cron || enabled !== current.enabled || !current.nextRunAt) data.nextRunAt = columns.nextRunAt;
        if (!columns.cron) data.nextRunAt = null;
        data.eventType = columns.eventType;
        // A workflow that starts listening for a type (or listens again after being off) reads from now on.
        if (columns.eventType && (columns.eventType !== current.eventType || (enabled && !current.enabled))) data.eventCursor = await activityHead(tx);
      }
      await tx.workflow.update({ where: { id: current.id }, data });
      if (changedDefinition)
        await tx.workflowVersion.create({ data: { workflowId: current.id, version, definition: definition as unknown as Prisma.InputJsonValue, note: input.note ?? '', createdById: actorUserId(actor) } });
      if (name !== current.name) await tx.workspaceResource.updateMany({ where: { workspaceId: current.workspaceId, resourceType: 'workflow', resourceId: current.id }, data: { label: name } });
      const updated = await readRow(tx, current.id);
      return {
        result: updated,
        workspaceId: current.workspaceId,
        before: auditView(current),
        after: auditView(updated),
        details: changedDefinition ? { newVersion: version, note: input.note ?? '' } : {},
      };
    });
    return toDetail(row, await rightsIn(access, row.workspaceId));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name ?? '');
    throw error;
  }
}

export async function getWorkflow(deps: ServiceDeps, access: AccessChecker, id: string) {
  const row = await readRow(deps.db, id);
  return toDetail(row, await rightsIn(access, row.workspaceId));
}

/** Workflows in the workspaces where the caller holds workflow.read, newest change first. */
export async function listWorkflows(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof listWorkflowsInput>) {
  const visible = await access.workspacesWith('workflow.read');
  const search = input.search?.trim();
  const where: Prisma.WorkflowWhereInput = {
    deletedAt: null,
    ...(visible === 'all' ? {} : { workspaceId: { in: visible } }),
    ...(input.workspaceId ? { AND: [{ workspaceId: input.workspaceId }] } : {}),
    ...(search ? { OR: [{ name: { contains: search, mode: 'insensitive' } }, { description: { contains: search, mode: 'insensitive' } }] } : {}),
  };
  const rows = await deps.db.workflow.findMany({ where, select: workflowSelect, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}) });
  const items = rows.slice(0, input.limit).map(toListItem);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

/** Every version, newest first, with who wrote it. */
export async function listVersions(deps: ServiceDeps, id: string) {
  const workflow = await deps.db.workflow.findFirst({ where: { id, deletedAt: null }, select: { id: true } });
  if (!workflow) throw notFound('Workflow', id);
  const versions = await deps.db.workflowVersion.findMany({ where: { workflowId: id }, orderBy: { version: 'desc' }, select: { id: true, version: true, note: true, definition: true, createdAt: true, createdById: true, _count: { select: { executions: true } } } });
  const authorIds = [...new Set(versions.map((v) => v.createdById).filter((x): x is string => !!x))];
  const authors = new Map((await deps.db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return versions.map((v) => {
    const definition = storedDefinition(v.definition);
    return {
      id: v.id,
      version: v.version,
      note: v.note,
      createdAt: v.createdAt,
      createdById: v.createdById,
      createdByName: v.createdById ? (authors.get(v.createdById) ?? null) : null,
      stepCount: definition.steps.length,
      executions: v._count.executions,
      definition,
    };
  });
}

/** A manual run (`workflow.execute`): refused when the version to run turned manual runs off. */
export async function executeWorkflow(deps: ServiceDeps, actor: Actor, input: { id: string; params?: Record<string, unknown>; version?: number }) {
  const version = await deps.db.workflowVersion.findFirst({
    where: { workflowId: input.id, workflow: { deletedAt: null }, ...(input.version ? { version: input.version } : {}) },
    orderBy: { version: 'desc' },
    select: { definition: true, version: true },
  });
  // No such workflow or version: the engine answers NOT_FOUND in its own words.
  if (version && !storedDefinition(version.definition).triggers.manual)
    throw new AppError('PRECONDITION_FAILED', `Version ${version.version} of this workflow does not allow manual runs (its manual trigger is off)`);
  const started = await startExecution(deps, actor, { workflowId: input.id, version: input.version, trigger: 'manual', params: input.params ?? {} });
  return { id: started.id, status: started.status };
}
