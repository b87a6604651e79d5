/**
 * A reference to any resource people collaborate on (comment, watch, attach a
 * task or a document to), and the one place that knows, per kind, where it
 * lives, what it is called, where its page is and which permission reading it
 * takes. Presence, comments, tasks, documents and articles all check access
 * through here, so "may see the asset" means the same thing everywhere.
 */
import type { DbOrTx } from '@racine/db';
import { z } from 'zod';
import { AppError, notFound } from '../errors';
import type { PermissionKey } from '../rbac/catalog';
import { type AccessChecker, dataSourceScope, globalScope, type Scope, workspaceScope } from '../rbac/resolve';

export const resourceTypes = ['asset', 'finding', 'workflow', 'pipeline', 'dataSource', 'workspace', 'glossaryTerm', 'framework', 'document', 'kbArticle', 'task'] as const;
export type ResourceType = (typeof resourceTypes)[number];

export const resourceRefInput = z.object({
  resourceType: z.enum(resourceTypes),
  resourceId: z.string().uuid('resourceId must be a uuid'),
});
export type ResourceRef = z.output<typeof resourceRefInput>;

export interface ResolvedResource extends ResourceRef {
  title: string;
  /** The page that shows it, for notifications and "link back". */
  link: string;
  workspaceId: string | null;
  /** What reading it takes, and where. */
  read: { permission: PermissionKey; scope: Scope };
}

type Resolver = (db: DbOrTx, id: string) => Promise<Omit<ResolvedResource, 'resourceType' | 'resourceId'> | null>;

const resolvers: Record<ResourceType, Resolver> = {
  async asset(db, id) {
    const a = await db.asset.findUnique({ where: { id }, select: { qualifiedName: true, dataSourceId: true, dataSource: { select: { workspaceId: true } } } });
    return a && { title: a.qualifiedName, link: `/catalog/assets/${id}`, workspaceId: a.dataSource.workspaceId, read: { permission: 'datasource.read', scope: dataSourceScope(a.dataSourceId) } };
  },
  async finding(db, id) {
    const f = await db.complianceFinding.findUnique({ where: { id }, select: { dataSourceId: true, workspaceId: true, rule: { select: { title: true } }, asset: { select: { qualifiedName: true } } } });
    return f && { title: `${f.rule.title} — ${f.asset.qualifiedName}`, link: `/compliance/findings?finding=${id}`, workspaceId: f.workspaceId, read: { permission: 'datasource.read', scope: dataSourceScope(f.dataSourceId) } };
  },
  async workflow(db, id) {
    const w = await db.workflow.findFirst({ where: { id, deletedAt: null }, select: { name: true, workspaceId: true } });
    return w && { title: w.name, link: `/workflows/${id}`, workspaceId: w.workspaceId, read: { permission: 'workflow.read', scope: workspaceScope(w.workspaceId) } };
  },
  async pipeline(db, id) {
    const p = await db.pipeline.findFirst({ where: { id, deletedAt: null }, select: { name: true, workspaceId: true } });
    return p && { title: p.name, link: `/pipelines/${id}`, workspaceId: p.workspaceId, read: { permission: 'pipeline.read', scope: workspaceScope(p.workspaceId) } };
  },
  async dataSource(db, id) {
    const s = await db.dataSource.findUnique({ where: { id }, select: { name: true, workspaceId: true } });
    return s && { title: s.name, link: `/datasources/${id}`, workspaceId: s.workspaceId, read: { permission: 'datasource.read', scope: dataSourceScope(id) } };
  },
  async workspace(db, id) {
    const w = await db.workspace.findUnique({ where: { id }, select: { name: true } });
    return w && { title: w.name, link: `/workspaces/${id}`, workspaceId: id, read: { permission: 'workspace.read', scope: workspaceScope(id) } };
  },
  async glossaryTerm(db, id) {
    const t = await db.glossaryTerm.findUnique({ where: { id }, select: { name: true } });
    return t && { title: t.name, link: `/glossary/${id}`, workspaceId: null, read: { permission: 'glossary.read', scope: globalScope } };
  },
  async framework(db, id) {
    const f = await db.complianceFramework.findUnique({ where: { id }, select: { name: true } });
    return f && { title: f.name, link: `/compliance/frameworks/${id}`, workspaceId: null, read: { permission: 'compliance.read', scope: globalScope } };
  },
  async document(db, id) {
    const d = await db.document.findFirst({ where: { id, archivedAt: null }, select: { title: true, workspaceId: true } });
    return d && { title: d.title, link: `/collaboration/documents/${id}`, workspaceId: d.workspaceId, read: { permission: 'document.read', scope: workspaceScope(d.workspaceId) } };
  },
  async kbArticle(db, id) {
    const a = await db.kbArticle.findUnique({ where: { id }, select: { title: true, workspaceId: true } });
    return a && { title: a.title, link: `/collaboration/kb/${id}`, workspaceId: a.workspaceId, read: { permission: 'kb.read', scope: globalScope } };
  },
  async task(db, id) {
    const t = await db.humanTask.findUnique({ where: { id }, select: { title: true, workspaceId: true } });
    // A task is read through the task list's own rules; commenting on it takes reading its workspace.
    return t && { title: t.title, link: `/tasks?task=${id}`, workspaceId: t.workspaceId, read: t.workspaceId ? { permission: 'workspace.read', scope: workspaceScope(t.workspaceId) } : { permission: 'system.read', scope: globalScope } };
  },
};

/** The resource, or null when it does not exist. */
export async function resolveResource(db: DbOrTx, ref: ResourceRef): Promise<ResolvedResource | null> {
  const found = await resolvers[ref.resourceType](db, ref.resourceId);
  return found && { ...ref, ...found };
}

const typeNames: Record<ResourceType, string> = {
  asset: 'Asset',
  finding: 'Finding',
  workflow: 'Workflow',
  pipeline: 'Pipeline',
  dataSource: 'Data source',
  workspace: 'Workspace',
  glossaryTerm: 'Glossary term',
  framework: 'Framework',
  document: 'Document',
  kbArticle: 'Article',
  task: 'Task',
};

/**
 * The resource if the caller may read it. Missing: NOT_FOUND. Not readable:
 * FORBIDDEN, naming the permission, as the router's own check would.
 */
export async function requireReadableResource(db: DbOrTx, access: AccessChecker, ref: ResourceRef): Promise<ResolvedResource> {
  const resource = await resolveResource(db, ref);
  if (!resource) throw notFound(typeNames[ref.resourceType], ref.resourceId);
  if (!(await access.can(resource.read.permission, resource.read.scope))) {
    const where = resource.read.scope.type === 'global' ? '' : ` on ${resource.read.scope.type === 'workspace' ? 'workspace' : 'data source'} ${resource.read.scope.id}`;
    throw new AppError('FORBIDDEN', `You need the ${resource.read.permission} permission${where} to see this ${typeNames[ref.resourceType].toLowerCase()}`);
  }
  return resource;
}

/** Of `userIds`, those who may read the resource (e.g. who an @mention may notify). */
export async function readersAmong(db: DbOrTx, resource: ResolvedResource, userIds: readonly string[], checkerFor: (userId: string) => AccessChecker): Promise<string[]> {
  const checks = await Promise.all(userIds.map(async (id) => ((await checkerFor(id).can(resource.read.permission, resource.read.scope)) ? id : null)));
  return checks.filter((id): id is string => id !== null);
}
