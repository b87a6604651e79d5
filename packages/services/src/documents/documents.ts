/** Creating, finding, reading, renaming and archiving shared documents. */
import type { Prisma } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import { requireReadableResource, resolveResource, type ResolvedResource, type ResourceRef, type ResourceType } from '../collab/resource-ref';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { type AccessChecker, workspaceScope } from '../rbac/resolve';
import { forDb, loadDoc, stateFromText, stateOf, textOf, toBase64 } from './crdt';
import { documentSpec, editorOf } from './people';
import type { createDocumentInput, listDocumentsInput, renameDocumentInput } from './schemas';
import { readAll } from './store';
import { documentTemplates } from './templates';

/** The first update of a document made from a template. */
export const TEMPLATE_CLIENT_ID = 'server:template';

export async function createDocument(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof createDocumentInput>) {
  const userId = editorOf(actor);
  const workspace = await deps.db.workspace.findUnique({ where: { id: input.workspaceId }, select: { id: true, name: true } });
  if (!workspace) throw notFound('Workspace', input.workspaceId);
  let resource: ResolvedResource | null = null;
  if (input.resourceType && input.resourceId) {
    resource = await requireReadableResource(deps.db, access, { resourceType: input.resourceType, resourceId: input.resourceId });
    if (resource.workspaceId && resource.workspaceId !== workspace.id) {
      throw new AppError('BAD_REQUEST', `"${resource.title}" belongs to another workspace: attach the document from there`);
    }
  }
  const template = documentTemplates[input.template];
  const kind = input.kind ?? template.kind;
  return mutate(deps, actor, documentSpec('document.created', 'create', undefined, workspace.id), async (tx) => {
    const doc = await tx.document.create({
      data: {
        workspaceId: workspace.id,
        resourceType: resource?.resourceType ?? null,
        resourceId: resource?.resourceId ?? null,
        kind,
        title: input.title,
        text: template.text,
        createdById: userId,
      },
      select: { id: true, title: true, kind: true, workspaceId: true },
    });
    // The template's text is the first update (not a snapshot at seq 0), so every reader's cursor starts past it.
    if (template.text) {
      await tx.documentUpdate.create({ data: { documentId: doc.id, update: forDb(stateFromText(template.text)), clientId: TEMPLATE_CLIENT_ID, userId } });
    }
    return {
      result: doc,
      resourceId: doc.id,
      after: { title: doc.title, kind, template: input.template, attachedTo: resource && { type: resource.resourceType, id: resource.resourceId, title: resource.title } },
    };
  });
}

/** What a reader sees of the resource a document is attached to: its title only if they may read it. */
async function attachedView(deps: ServiceDeps, access: AccessChecker, ref: ResourceRef | null) {
  if (!ref) return null;
  const resource = await resolveResource(deps.db, ref);
  if (!resource) return { ...ref, title: 'Removed', link: null, readable: false };
  const readable = await access.can(resource.read.permission, resource.read.scope);
  return { ...ref, title: readable ? resource.title : `A ${ref.resourceType} you cannot see`, link: readable ? resource.link : null, readable };
}

/** The first words of the text, without markdown's heading, list and quote markers. */
export const documentExcerpt = (text: string, max = 160) =>
  text
    .replace(/^\s{0,3}(#{1,6}|[-*+>]|\d+[.)])\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);

const refOf = (d: { resourceType: string | null; resourceId: string | null }): ResourceRef | null =>
  d.resourceType && d.resourceId ? { resourceType: d.resourceType as ResourceType, resourceId: d.resourceId } : null;

/** Metadata, the whole Yjs state (base64) and the seq it runs to: the editor loads this, then syncs from `cursor`. */
export async function getDocument(deps: ServiceDeps, access: AccessChecker, documentId: string) {
  const d = await deps.db.document.findUnique({
    where: { id: documentId },
    select: { id: true, workspaceId: true, resourceType: true, resourceId: true, kind: true, title: true, createdById: true, createdAt: true, updatedAt: true, archivedAt: true },
  });
  if (!d) throw notFound('Document', documentId);
  const [log, workspace, creator, attached, canEdit] = await Promise.all([
    readAll(deps.db, documentId),
    deps.db.workspace.findUnique({ where: { id: d.workspaceId }, select: { name: true } }),
    deps.db.user.findUnique({ where: { id: d.createdById }, select: { id: true, name: true } }),
    attachedView(deps, access, refOf(d)),
    access.can('document.edit', workspaceScope(d.workspaceId)),
  ]);
  if (!log) throw notFound('Document', documentId);
  const doc = loadDoc(log.updates);
  const result = {
    ...d,
    workspaceName: workspace?.name ?? null,
    createdBy: creator,
    attachedTo: attached,
    canEdit: canEdit && d.archivedAt === null,
    state: toBase64(stateOf(doc)),
    text: textOf(doc),
    cursor: log.cursor.toString(),
  };
  doc.destroy();
  return result;
}

export async function listDocuments(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof listDocumentsInput>) {
  const readable = await access.workspacesWith('document.read');
  if (readable !== 'all' && readable.length === 0) return { items: [], nextCursor: null };
  const where: Prisma.DocumentWhereInput = {
    AND: [
      readable === 'all' ? {} : { workspaceId: { in: readable } },
      input.workspaceId ? { workspaceId: input.workspaceId } : {},
      input.resourceType ? { resourceType: input.resourceType } : {},
      input.resourceId ? { resourceId: input.resourceId } : {},
      input.kind ? { kind: input.kind } : {},
      input.archived ? { archivedAt: { not: null } } : { archivedAt: null },
      input.q ? { OR: [{ title: { contains: input.q, mode: 'insensitive' } }, { text: { contains: input.q, mode: 'insensitive' } }] } : {},
    ],
  };
  const rows = await deps.db.document.findMany({
    where,
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: { id: true, title: true, kind: true, workspaceId: true, resourceType: true, resourceId: true, text: true, createdById: true, createdAt: true, updatedAt: true, archivedAt: true },
  });
  const page = rows.slice(0, input.limit);
  const ids = page.map((d) => d.id);
  // The newest update row of each document says who edited it last (compaction always keeps it).
  const lastEdits = ids.length
    ? await deps.db.$queryRaw<{ documentId: string; userId: string }[]>`
        SELECT DISTINCT ON ("documentId") "documentId", "userId" FROM "DocumentUpdate"
        WHERE "documentId" = ANY(${ids}::text[]) ORDER BY "documentId", seq DESC`
    : [];
  const userIds = [...new Set([...page.map((d) => d.createdById), ...lastEdits.map((e) => e.userId)])];
  const [users, workspaces, attached] = await Promise.all([
    deps.db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    deps.db.workspace.findMany({ where: { id: { in: [...new Set(page.map((d) => d.workspaceId))] } }, select: { id: true, name: true } }),
    Promise.all(page.map((d) => attachedView(deps, access, refOf(d)))),
  ]);
  const nameOf = (id: string) => users.find((u) => u.id === id) ?? null;
  const items = page.map((d, i) => {
    const lastEditor = lastEdits.find((e) => e.documentId === d.id)?.userId ?? d.createdById;
    return {
      id: d.id,
      title: d.title,
      kind: d.kind,
      workspaceId: d.workspaceId,
      workspaceName: workspaces.find((w) => w.id === d.workspaceId)?.name ?? null,
      attachedTo: attached[i] ?? null,
      excerpt: documentExcerpt(d.text),
      lastEditedBy: nameOf(lastEditor),
      lastEditedAt: d.updatedAt,
      createdAt: d.createdAt,
      archivedAt: d.archivedAt,
    };
  });
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

export async function renameDocument(deps: ServiceDeps, actor: Actor, input: z.output<typeof renameDocumentInput>) {
  editorOf(actor);
  const current = await deps.db.document.findUnique({ where: { id: input.documentId }, select: { title: true, workspaceId: true, archivedAt: true } });
  if (!current) throw notFound('Document', input.documentId);
  return mutate(deps, actor, documentSpec('document.renamed', 'update', input.documentId, current.workspaceId), async (tx) => {
    if (current.archivedAt) throw new AppError('CONFLICT', `"${current.title}" is archived: it can no longer be renamed`);
    const doc = await tx.document.update({ where: { id: input.documentId }, data: { title: input.title }, select: { id: true, title: true } });
    return { result: doc, before: { title: current.title }, after: { title: doc.title } };
  });
}

export async function archiveDocument(deps: ServiceDeps, actor: Actor, documentId: string) {
  editorOf(actor);
  const current = await deps.db.document.findUnique({ where: { id: documentId }, select: { title: true, workspaceId: true, archivedAt: true } });
  if (!current) throw notFound('Document', documentId);
  return mutate(deps, actor, documentSpec('document.archived', 'archive', documentId, current.workspaceId), async (tx) => {
    // Only the first archive counts; a second is a conflict, not a new timestamp.
    const { count } = await tx.document.updateMany({ where: { id: documentId, archivedAt: null }, data: { archivedAt: deps.clock() } });
    if (count === 0) throw new AppError('CONFLICT', `"${current.title}" is already archived`);
    return { result: { id: documentId, archived: true }, before: { archivedAt: null }, after: { archivedAt: deps.clock() }, details: { title: current.title } };
  });
}
