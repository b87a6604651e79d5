import {
  applyUpdate,
  applyUpdateInput,
  archiveDocument,
  createDocument,
  createDocumentInput,
  documentIdInput,
  documentTemplates,
  getDocument,
  getDocumentVersion,
  listDocuments,
  listDocumentsInput,
  listDocumentVersions,
  renameDocument,
  renameDocumentInput,
  restoreDocumentVersion,
  saveDocumentVersion,
  saveVersionInput,
  syncDocument,
  syncDocumentInput,
  versionIdInput,
} from '@racine/services';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { procedure, router } from '../trpc';

/** Id-based procedures are checked at the workspace the document belongs to. */
const ofDocument = { workspaceOf: 'document', field: 'documentId' } as const;

/**
 * Shared documents (Yjs). Edits travel as a mutation up (`update`, one Yjs
 * update) and a subscription down (`sync`, the updates after a cursor).
 */
export const documentRouter = router({
  create: procedure
    .meta({ permission: 'document.edit', scope: { workspace: 'workspaceId' } })
    .input(createDocumentInput)
    .mutation(({ ctx, input }) => createDocument(ctx.deps, ctx.actor, ctx.access, input)),
  list: procedure
    .meta({ permission: 'document.read', filtered: true })
    .input(listDocumentsInput.default({ archived: false, limit: 25 }))
    .query(({ ctx, input }) => listDocuments(ctx.deps, ctx.access, input)),
  templates: procedure
    .meta({ permission: 'authenticated' })
    .input(z.object({}).strict().default({}))
    .query(() => Object.entries(documentTemplates).map(([key, t]) => ({ key, name: t.name, kind: t.kind }))),
  get: procedure.meta({ permission: 'document.read', scope: ofDocument }).input(documentIdInput).query(({ ctx, input }) => getDocument(ctx.deps, ctx.access, input.documentId)),
  update: procedure.meta({ permission: 'document.edit', scope: ofDocument }).input(applyUpdateInput).mutation(({ ctx, input }) => applyUpdate(ctx.deps, ctx.actor, input)),
  /** Updates after `lastEventId` (a reconnect resumes there, skipping nothing), except the subscriber's own. */
  sync: procedure
    .meta({ permission: 'document.read', scope: ofDocument })
    .input(syncDocumentInput)
    .subscription(async function* ({ ctx, input, signal }) {
      const after = BigInt(input.lastEventId ?? '0');
      for await (const batch of syncDocument(ctx.deps, input.documentId, after, signal ?? new AbortController().signal, { skipClientId: input.clientId })) {
        yield tracked(batch.seq, batch);
      }
    }),
  rename: procedure.meta({ permission: 'document.edit', scope: ofDocument }).input(renameDocumentInput).mutation(({ ctx, input }) => renameDocument(ctx.deps, ctx.actor, input)),
  archive: procedure.meta({ permission: 'document.edit', scope: ofDocument }).input(documentIdInput).mutation(({ ctx, input }) => archiveDocument(ctx.deps, ctx.actor, input.documentId)),
  versions: procedure.meta({ permission: 'document.read', scope: ofDocument }).input(documentIdInput).query(({ ctx, input }) => listDocumentVersions(ctx.deps, input.documentId)),
  version: procedure.meta({ permission: 'document.read', scope: ofDocument }).input(versionIdInput).query(({ ctx, input }) => getDocumentVersion(ctx.deps, input)),
  saveVersion: procedure.meta({ permission: 'document.edit', scope: ofDocument }).input(saveVersionInput).mutation(({ ctx, input }) => saveDocumentVersion(ctx.deps, ctx.actor, input)),
  restore: procedure.meta({ permission: 'document.edit', scope: ofDocument }).input(versionIdInput).mutation(({ ctx, input }) => restoreDocumentVersion(ctx.deps, ctx.actor, input)),
});
