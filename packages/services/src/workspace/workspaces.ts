import type { Prisma, Tx } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, isUniqueViolation, notFound } from '../errors';
import { type AccessChecker, workspaceScope } from '../rbac/resolve';
import type { createFromTemplateInput, createWorkspaceInput, listWorkspacesInput, updateWorkspaceInput } from './schemas';
import { findTemplate, workspaceTemplates } from './templates';

export const workspaceSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  kind: true,
  environment: true,
  templateKey: true,
  settings: true,
  maxMembers: true,
  maxResources: true,
  createdAt: true,
  updatedAt: true,
  owner: { select: { id: true, name: true, email: true } },
  _count: { select: { members: true, resources: true } },
} satisfies Prisma.WorkspaceSelect;

/** The fields an audit row keeps of a workspace, before and after a change. */
const auditView = (w: { name: string; slug: string; description: string; environment: string; maxMembers: number; maxResources: number; settings: unknown }) => ({
  name: w.name,
  slug: w.slug,
  description: w.description,
  environment: w.environment,
  maxMembers: w.maxMembers,
  maxResources: w.maxResources,
  settings: w.settings,
});

export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base.length >= 2 ? base : `ws-${base || 'new'}`;
}

async function uniqueSlug(tx: Tx, wanted: string | undefined, name: string): Promise<string> {
  if (wanted) {
    if (await tx.workspace.findUnique({ where: { slug: wanted }, select: { id: true } }))
      throw new AppError('CONFLICT', `The slug "${wanted}" is already taken`, { field: 'slug' });
    return wanted;
  }
  const base = slugify(name);
  const taken = new Set(
    (await tx.workspace.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((w) => w.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function ownerId(actor: Actor): string {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'A workspace needs a human owner');
  return actor.userId;
}

export async function createWorkspace(
  deps: ServiceDeps,
  actor: Actor,
  input: z.output<typeof createWorkspaceInput>,
  templateKey: string | null = null,
) {
  const owner = ownerId(actor);
  try {
    return await mutate(deps, actor, { type: 'workspace.created', category: 'configuration', sourceGroup: 'workspace', action: 'create', resourceType: 'workspace', details: templateKey ? { templateKey } : {} }, async (tx) => {
      const workspace = await tx.workspace.create({
        data: {
          slug: await uniqueSlug(tx, input.slug, input.name),
          name: input.name,
          description: input.description,
          kind: input.kind,
          environment: input.environment,
          maxMembers: input.maxMembers,
          maxResources: input.maxResources,
          settings: input.settings as Prisma.InputJsonValue,
          templateKey,
          ownerId: owner,
          members: { create: { userId: owner, roleId: 'ws.owner' } },
        },
        select: workspaceSelect,
      });
      return { result: workspace, resourceId: workspace.id, workspaceId: workspace.id, after: auditView(workspace) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'That slug is already taken', { field: 'slug' });
    throw error;
  }
}

export function listTemplates() {
  return workspaceTemplates.map(({ key, name, description, defaults }) => ({ key, name, description, defaults }));
}

export async function createWorkspaceFromTemplate(deps: ServiceDeps, actor: Actor, input: z.output<typeof createFromTemplateInput>) {
  const template = findTemplate(input.templateKey);
  if (!template) throw new AppError('NOT_FOUND', `There is no workspace template "${input.templateKey}"`, { field: 'templateKey' });
  const d = template.defaults;
  return createWorkspace(
    deps,
    actor,
    {
      name: input.name,
      slug: input.slug,
      description: d.description ?? '',
      kind: d.kind ?? 'team',
      environment: d.environment ?? 'dev',
      maxMembers: d.maxMembers ?? 50,
      maxResources: d.maxResources ?? 500,
      settings: d.settings ?? {},
    },
    template.key,
  );
}

/** Workspaces the caller may read, newest first, with cursor pagination. */
export async function listWorkspaces(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof listWorkspacesInput>) {
  const visible = await access.workspacesWith('workspace.read');
  const where: Prisma.WorkspaceWhereInput = {
    ...(visible === 'all' ? {} : { id: { in: visible } }),
    ...(input.environment ? { environment: input.environment } : {}),
    ...(input.query
      ? { OR: [{ name: { contains: input.query, mode: 'insensitive' } }, { slug: { contains: input.query, mode: 'insensitive' } }, { description: { contains: input.query, mode: 'insensitive' } }] }
      : {}),
  };
  const [rows, total] = await Promise.all([
    deps.db.workspace.findMany({
      where,
      select: workspaceSelect,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: input.limit + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    }),
    deps.db.workspace.count({ where }),
  ]);
  const items = rows.slice(0, input.limit);
  return { items, total, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

export async function getWorkspace(deps: ServiceDeps, access: AccessChecker, id: string) {
  const workspace = await deps.db.workspace.findUnique({
    where: { id },
    select: {
      ...workspaceSelect,
      members: {
        select: { addedAt: true, roleId: true, user: { select: { id: true, name: true, email: true } } },
        orderBy: { addedAt: 'asc' },
      },
      resources: {
        select: { id: true, resourceType: true, resourceId: true, label: true, createdAt: true, linkedBy: { select: { id: true, name: true } } },
        orderBy: { createdAt: 'desc' },
      },
    },
  });
  if (!workspace) throw notFound('Workspace', id);
  const scope = workspaceScope(id);
  const [canUpdate, canDelete, canManageMembers, canManageResources] = await Promise.all([
    access.can('workspace.update', scope),
    access.can('workspace.delete', scope),
    access.can('workspace.members.manage', scope),
    access.can('workspace.resources.manage', scope),
  ]);
  const { members, ...rest } = workspace;
  return {
    ...rest,
    members: members.map((m) => ({ ...m.user, role: m.roleId.replace(/^ws\./, ''), addedAt: m.addedAt })),
    // What the caller may do here, so the UI hides what the server would refuse anyway.
    permissions: { canUpdate, canDelete, canManageMembers, canManageResources },
  };
}

export async function updateWorkspace(deps: ServiceDeps, actor: Actor, input: z.output<typeof updateWorkspaceInput>) {
  const { id, ...changes } = input;
  return mutate(deps, actor, { type: 'workspace.updated', category: 'configuration', sourceGroup: 'workspace', action: 'update', resourceType: 'workspace', resourceId: id, workspaceId: id }, async (tx) => {
    const current = await tx.workspace.findUnique({ where: { id }, select: { ...workspaceSelect } });
    if (!current) throw notFound('Workspace', id);
    if (changes.maxMembers !== undefined && changes.maxMembers < current._count.members)
      throw new AppError('BAD_REQUEST', `Max members cannot be below the current ${current._count.members} members`, { field: 'maxMembers' });
    if (changes.maxResources !== undefined && changes.maxResources < current._count.resources)
      throw new AppError('BAD_REQUEST', `Max linked resources cannot be below the current ${current._count.resources}`, { field: 'maxResources' });
    const updated = await tx.workspace.update({
      where: { id },
      data: { ...changes, settings: changes.settings as Prisma.InputJsonValue | undefined },
      select: workspaceSelect,
    });
    return { result: updated, before: auditView(current), after: auditView(updated) };
  });
}

export async function deleteWorkspace(deps: ServiceDeps, actor: Actor, id: string) {
  return mutate(deps, actor, { type: 'workspace.deleted', category: 'configuration', sourceGroup: 'workspace', action: 'delete', resourceType: 'workspace', resourceId: id, workspaceId: id, complianceRelevant: true }, async (tx) => {
    const current = await tx.workspace.findUnique({ where: { id }, select: workspaceSelect });
    if (!current) throw notFound('Workspace', id);
    await tx.workspace.delete({ where: { id } });
    return { result: { id, deleted: true as const }, before: { ...auditView(current), members: current._count.members, resources: current._count.resources } };
  });
}
