/** Shared documents: creation and attachment rules, the list's filtering, edit checks and the audit trail. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyUpdate, archiveDocument, CONTENT, createDocument, getDocument, getDocumentVersion, listDocuments, renameDocument, saveDocumentVersion, toBase64 } from '../src/documents/index';
import { makeWorkspace, person, testDeps } from './harness';

async function scene() {
  const deps = await testDeps();
  const [owner, member, viewer, outsider] = await Promise.all([person(deps), person(deps), person(deps), person(deps)]);
  const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, members: [{ userId: member.user.id, role: 'member' }, { userId: viewer.user.id, role: 'viewer' }] });
  return { deps, owner, member, viewer, outsider, ws };
}

/** An update that appends `text` to the document's current state. */
async function appendText(deps: Awaited<ReturnType<typeof testDeps>>, access: Parameters<typeof getDocument>[1], documentId: string, text: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from((await getDocument(deps, access, documentId)).state, 'base64'));
  const sv = Y.encodeStateVector(doc);
  doc.getText(CONTENT).insert(doc.getText(CONTENT).length, text);
  return toBase64(Y.encodeStateAsUpdate(doc, sv));
}

describe('creating documents', () => {
  it('starts from a template, with the template’s kind', async () => {
    const { deps, member, ws } = await scene();
    const doc = await createDocument(deps, member.actor, member.access, { workspaceId: ws.id, title: 'Restore the warehouse', template: 'runbook' });
    expect(doc.kind).toBe('runbook');
    const got = await getDocument(deps, member.access, doc.id);
    expect(got.text).toContain('## Rollback');
    expect(got).toMatchObject({ title: 'Restore the warehouse', canEdit: true, workspaceName: ws.name });
    expect(BigInt(got.cursor)).toBeGreaterThan(0n);
    const created = await deps.db.activityEvent.findFirstOrThrow({ where: { type: 'document.created', resourceId: doc.id } });
    expect(created.actorId).toBe(member.user.id);
  });

  it('attaches only to a resource the creator may read, in the same workspace', async () => {
    const { deps, member, owner, ws } = await scene();
    const other = await makeWorkspace(deps.db, { ownerId: owner.user.id });
    const source = await deps.db.dataSource.create({ data: { name: `notes-${crypto.randomUUID().slice(0, 8)}`, engine: 'sqlite', database: '/nowhere.sqlite', workspaceId: other.id } });
    // The member cannot read a source of a workspace they are not in.
    await expect(createDocument(deps, member.actor, member.access, { workspaceId: ws.id, title: 'Notes', template: 'blank', resourceType: 'dataSource', resourceId: source.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The owner may read it, but it lives in another workspace.
    await expect(createDocument(deps, owner.actor, owner.access, { workspaceId: ws.id, title: 'Notes', template: 'blank', resourceType: 'dataSource', resourceId: source.id })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('another workspace') });
    const attached = await createDocument(deps, owner.actor, owner.access, { workspaceId: other.id, title: 'Source notes', template: 'blank', resourceType: 'dataSource', resourceId: source.id });
    const listed = await listDocuments(deps, owner.access, { resourceType: 'dataSource', resourceId: source.id, archived: false, limit: 10 });
    expect(listed.items.map((d) => d.id)).toEqual([attached.id]);
    expect(listed.items[0]!.attachedTo).toMatchObject({ title: source.name, readable: true });
  });
});

describe('editing', () => {
  it('refuses bytes that are not a Yjs update, and edits to an archived document', async () => {
    const { deps, member, ws } = await scene();
    const doc = await createDocument(deps, member.actor, member.access, { workspaceId: ws.id, title: 'Notes', template: 'blank' });
    await expect(applyUpdate(deps, member.actor, { documentId: doc.id, clientId: 't', update: Buffer.from('definitely not yjs').toString('base64') })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await deps.db.documentUpdate.count({ where: { documentId: doc.id } })).toBe(0);
    await archiveDocument(deps, member.actor, doc.id);
    await expect(applyUpdate(deps, member.actor, { documentId: doc.id, clientId: 't', update: await appendText(deps, member.access, doc.id, 'x') })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(archiveDocument(deps, member.actor, doc.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await getDocument(deps, member.access, doc.id)).canEdit).toBe(false);
  });

  it('records who edited once per few minutes, not once per keystroke', async () => {
    const { deps, member, owner, ws } = await scene();
    const doc = await createDocument(deps, member.actor, member.access, { workspaceId: ws.id, title: 'Notes', template: 'blank' });
    for (const ch of 'hello') await applyUpdate(deps, member.actor, { documentId: doc.id, clientId: 'm', update: await appendText(deps, member.access, doc.id, ch) });
    await applyUpdate(deps, owner.actor, { documentId: doc.id, clientId: 'o', update: await appendText(deps, owner.access, doc.id, '!') });
    const edited = await deps.db.activityEvent.findMany({ where: { type: 'document.edited', resourceId: doc.id } });
    expect(edited.map((e) => e.actorId).sort()).toEqual([member.user.id, owner.user.id].sort());
    expect(await deps.db.documentUpdate.count({ where: { documentId: doc.id } })).toBe(6);
    const listed = await listDocuments(deps, member.access, { workspaceId: ws.id, archived: false, limit: 10 });
    expect(listed.items[0]).toMatchObject({ id: doc.id, excerpt: 'hello!', lastEditedBy: { id: owner.user.id } });
  });

  it('keeps the state an edit after a long pause interrupts as a version', async () => {
    const { deps, member, ws } = await scene();
    const doc = await createDocument(deps, member.actor, member.access, { workspaceId: ws.id, title: 'Notes', template: 'blank' });
    await applyUpdate(deps, member.actor, { documentId: doc.id, clientId: 'm', update: await appendText(deps, member.access, doc.id, 'before the break') });
    expect(await deps.db.documentVersion.count({ where: { documentId: doc.id } })).toBe(0);
    const later = { ...deps, clock: () => new Date(Date.now() + 31 * 60_000) };
    await applyUpdate(later, member.actor, { documentId: doc.id, clientId: 'm', update: await appendText(deps, member.access, doc.id, ', after it') });
    await applyUpdate(later, member.actor, { documentId: doc.id, clientId: 'm', update: await appendText(deps, member.access, doc.id, '!') });
    const versions = await deps.db.documentVersion.findMany({ where: { documentId: doc.id } });
    expect(versions.map((v) => [v.label, v.text])).toEqual([['Before editing resumed', 'before the break']]);
  });

  it('renames with before and after in the trail', async () => {
    const { deps, member, ws } = await scene();
    const doc = await createDocument(deps, member.actor, member.access, { workspaceId: ws.id, title: 'Draft', template: 'blank' });
    await renameDocument(deps, member.actor, { documentId: doc.id, title: 'Final' });
    const row = await deps.db.activityEvent.findFirstOrThrow({ where: { type: 'document.renamed', resourceId: doc.id } });
    expect(row.before).toEqual({ title: 'Draft' });
    expect(row.after).toEqual({ title: 'Final' });
  });

  it('keeps the text of each saved version', async () => {
    const { deps, member, ws } = await scene();
    const doc = await createDocument(deps, member.actor, member.access, { workspaceId: ws.id, title: 'Notes', template: 'blank' });
    await applyUpdate(deps, member.actor, { documentId: doc.id, clientId: 'm', update: await appendText(deps, member.access, doc.id, 'first') });
    const v1 = await saveDocumentVersion(deps, member.actor, { documentId: doc.id });
    await applyUpdate(deps, member.actor, { documentId: doc.id, clientId: 'm', update: await appendText(deps, member.access, doc.id, ' second') });
    const v2 = await saveDocumentVersion(deps, member.actor, { documentId: doc.id, label: 'two' });
    expect([v1.number, v2.number]).toEqual([1, 2]);
    expect((await getDocumentVersion(deps, { documentId: doc.id, versionId: v1.id })).text).toBe('first');
    expect((await getDocumentVersion(deps, { documentId: doc.id, versionId: v2.id })).text).toBe('first second');
  });
});

describe('listing', () => {
  it('shows only documents of workspaces the caller may read, and searches title and text', async () => {
    const { deps, member, outsider, viewer, ws } = await scene();
    const tag = `zebra${Date.now()}`;
    const a = await createDocument(deps, member.actor, member.access, { workspaceId: ws.id, title: `About ${tag}`, template: 'blank' });
    const b = await createDocument(deps, member.actor, member.access, { workspaceId: ws.id, title: 'Other', template: 'blank' });
    await applyUpdate(deps, member.actor, { documentId: b.id, clientId: 'm', update: await appendText(deps, member.access, b.id, `mentions ${tag} inside`) });
    const found = await listDocuments(deps, viewer.access, { q: tag, archived: false, limit: 10 });
    expect(found.items.map((d) => d.id).sort()).toEqual([a.id, b.id].sort());
    expect((await listDocuments(deps, outsider.access, { q: tag, archived: false, limit: 10 })).items).toEqual([]);
    const page1 = await listDocuments(deps, viewer.access, { q: tag, archived: false, limit: 1 });
    const page2 = await listDocuments(deps, viewer.access, { q: tag, archived: false, limit: 1, cursor: page1.nextCursor! });
    expect([...page1.items, ...page2.items].map((d) => d.id).sort()).toEqual([a.id, b.id].sort());
    expect(page2.nextCursor).toBeNull();
  });
});
