/** Permission cases: shared documents. Reading takes document.read (any workspace role), writing document.edit (member and up). */
import { AccessChecker, createDocument, saveDocumentVersion, stateFromText, toBase64 } from '@racine/services';
import { testDeps } from '../harness';
import { type Case, global, uuid, workspaceScene } from './shared';

/** workspaceScene plus a runbook in it, written by the owner. */
async function documentScene() {
  const s = await workspaceScene();
  const { deps } = await testDeps();
  const doc = await createDocument(deps, s.owner.actor, new AccessChecker(deps.db, s.owner.actor), { workspaceId: s.ws.id, title: `Runbook ${uuid().slice(0, 8)}`, template: 'runbook' });
  return { ...s, deps, doc };
}

/** A valid Yjs update (independent of the document's state: it inserts into an empty text). */
const someUpdate = () => toBase64(stateFromText('Checked by the permission table. '));

type Scene = Awaited<ReturnType<typeof documentScene>>;

/** Readers: the workspace viewer may, the outsider (a steward in no workspace) may not. */
const toRead = (input: (s: Scene) => unknown | Promise<unknown>, badInput: unknown): Case => ({
  setup: async () => {
    const s = await documentScene();
    return { input: await input(s), allowed: s.viewer, denied: [s.outsider] };
  },
  badInput,
});

/** Writers: a member may, a viewer and the outsider may not. */
const toEdit = (input: (s: Scene) => unknown | Promise<unknown>, badInput: unknown): Case => ({
  setup: async () => {
    const s = await documentScene();
    return { input: await input(s), allowed: s.member, denied: [s.viewer, s.outsider] };
  },
  badInput,
});

const versionOf = async (s: Scene) => saveDocumentVersion(s.deps, s.owner.actor, { documentId: s.doc.id, label: 'baseline' });

export const documentCases: Record<string, Case> = {
  'document.create': {
    setup: async () => {
      const s = await workspaceScene();
      return { input: { workspaceId: s.ws.id, title: 'New notes', template: 'blank' }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { workspaceId: uuid(), title: '' },
  },
  'document.list': { setup: global([], [], { limit: 10 }), badInput: { limit: 101 } },
  'document.templates': { setup: global([], []), badInput: { kind: 'runbook' } },
  'document.get': toRead((s) => ({ documentId: s.doc.id }), { documentId: 'doc-1' }),
  'document.sync': toRead((s) => ({ documentId: s.doc.id, clientId: 'tab-1', lastEventId: '0' }), { documentId: uuid(), clientId: 'tab-1', lastEventId: 'yesterday' }),
  'document.versions': toRead((s) => ({ documentId: s.doc.id }), { documentId: uuid(), extra: true }),
  'document.version': toRead(async (s) => ({ documentId: s.doc.id, versionId: (await versionOf(s)).id }), { documentId: uuid(), versionId: 'v1' }),
  'document.update': toEdit((s) => ({ documentId: s.doc.id, clientId: 'tab-1', update: someUpdate() }), { documentId: uuid(), clientId: 'tab-1', update: 'not base64!' }),
  'document.rename': toEdit((s) => ({ documentId: s.doc.id, title: 'Renamed runbook' }), { documentId: uuid(), title: 'x'.repeat(201) }),
  'document.archive': toEdit((s) => ({ documentId: s.doc.id }), { documentId: 'doc-1' }),
  'document.saveVersion': toEdit((s) => ({ documentId: s.doc.id, label: 'before the change' }), { documentId: uuid(), label: 'x'.repeat(121) }),
  'document.restore': toEdit(async (s) => ({ documentId: s.doc.id, versionId: (await versionOf(s)).id }), { documentId: uuid(), versionId: 'v1' }),
};
