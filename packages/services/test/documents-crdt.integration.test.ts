/**
 * Shared documents edited concurrently: two editors (two Y.Docs, two users)
 * change the same paragraph before either has seen the other's change, send
 * through applyUpdate, receive through syncDocument, and must converge on one
 * text holding both edits. Plus late joiners, compaction under concurrent
 * appends, restore, and a reconnect resuming from its last event id.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ServiceDeps } from '../src/deps';
import { CONTENT, createDocument, fromBase64, getDocument, listDocumentVersions, restoreDocumentVersion, saveDocumentVersion, syncDocument } from '../src/documents/index';
import { type Editor, openEditor } from './document-client';
import { makeWorkspace, person, testDeps } from './harness';

const open: Editor[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

/** A workspace with two members who edit, and a document holding `text`. */
async function scene(text: string) {
  const deps = await testDeps();
  const [ana, ben] = await Promise.all([person(deps), person(deps)]);
  const ws = await makeWorkspace(deps.db, { ownerId: ana.user.id, members: [{ userId: ben.user.id, role: 'member' }] });
  const created = await createDocument(deps, ana.actor, ana.access, { workspaceId: ws.id, title: 'Runbook', template: 'blank' });
  if (text) {
    const seed = await openEditor(deps, ana, created.id, 'seed');
    seed.text.insert(0, text);
    await seed.send();
    await seed.close();
  }
  return { deps, ana, ben, ws, documentId: created.id };
}

async function editor(deps: ServiceDeps, who: Parameters<typeof openEditor>[1], documentId: string, clientId: string, options?: Parameters<typeof openEditor>[4]) {
  const e = await openEditor(deps, who, documentId, clientId, options);
  open.push(e);
  return e;
}

describe('two editors on the same paragraph', () => {
  it('converge on one text that holds both edits', async () => {
    const paragraph = 'The quick brown fox jumps over the lazy dog.';
    const { deps, ana, ben, documentId } = await scene(paragraph);
    const a = await editor(deps, ana, documentId, 'tab-ana');
    const b = await editor(deps, ben, documentId, 'tab-ben');
    expect(a.read()).toBe(paragraph);
    expect(b.read()).toBe(paragraph);

    // Both edit before either sends: same insert offset, overlapping deletions.
    a.text.insert(10, 'red '); // "The quick red brown fox…"
    b.text.insert(10, 'lean '); // "The quick lean brown fox…"
    a.text.delete(4, 6); // Ana drops "quick "
    b.text.delete(6, 4); // Ben drops "ick ", inside what Ana dropped
    expect(a.read()).toBe('The red brown fox jumps over the lazy dog.');
    expect(b.read()).toBe('The qulean brown fox jumps over the lazy dog.');

    // What a correct merge gives: both sets of operations applied to one replica.
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(a.doc));
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(b.doc));
    const expected = merged.getText(CONTENT).toString();

    // Interleaved sends, at once; neither has received anything yet.
    expect(a.received).toHaveLength(0);
    expect(b.received).toHaveLength(0);
    await Promise.all([a.send(), b.send()]);

    await a.until('has Ben’s edit', (t) => t === expected);
    await b.until('has Ana’s edit', (t) => t === expected);
    expect(a.read()).toBe(b.read());
    // Neither edit was lost: both inserts side by side (Yjs orders them by client), the union of the deletions gone.
    expect(['The red lean brown fox jumps over the lazy dog.', 'The lean red brown fox jumps over the lazy dog.']).toContain(expected);

    // A third editor that joins later reads the same text, from the server's state alone.
    const late = await getDocument(deps, ana.access, documentId);
    expect(late.text).toBe(expected);
    const lateDoc = new Y.Doc();
    Y.applyUpdate(lateDoc, fromBase64(late.state));
    expect(lateDoc.getText(CONTENT).toString()).toBe(expected);
    expect((await deps.db.document.findUniqueOrThrow({ where: { id: documentId } })).text).toBe(expected);
  });

  it('keep converging over many interleaved rounds in the same line', async () => {
    const { deps, ana, ben, documentId } = await scene('0123456789');
    const a = await editor(deps, ana, documentId, 'tab-ana');
    const b = await editor(deps, ben, documentId, 'tab-ben');
    for (let round = 0; round < 8; round++) {
      // Each edits at the same spot it last saw, then both send at once.
      a.text.insert(5, `A${round}`);
      b.text.insert(5, `B${round}`);
      if (a.text.length > 12) a.text.delete(3, 2);
      if (b.text.length > 12) b.text.delete(2, 3);
      await Promise.all([a.send(), b.send()]);
      await a.until(`round ${round}`, () => a.read() === b.read());
    }
    const final = a.read();
    await b.until('the same final text', (t) => t === final);
    expect((await getDocument(deps, ben.access, documentId)).text).toBe(final);
  });
});

describe('compaction', () => {
  it('loses nothing while two editors append at once', async () => {
    const { deps, ana, ben, documentId } = await scene('|');
    const options = { compactAfter: 5 };
    const a = await editor(deps, ana, documentId, 'tab-ana', options);
    const b = await editor(deps, ben, documentId, 'tab-ben', options);
    // A reader that started before any of it, and never reads during it.
    const watcherAbort = new AbortController();
    const watcher = syncDocument(deps, documentId, 0n, watcherAbort.signal);

    const typeInto = async (e: Editor, letters: string, atEnd: boolean) => {
      for (const ch of letters) {
        // Each keystroke is its own update, sent at once, racing the other editor's.
        e.text.insert(atEnd ? e.text.length : 0, ch);
        await e.send();
      }
    };
    const aLetters = 'abcdefghijklmnopqrst';
    const bLetters = 'ABCDEFGHIJKLMNOPQRST';
    await Promise.all([typeInto(a, aLetters, false), typeInto(b, bLetters, true)]);

    const expected = `${[...aLetters].reverse().join('')}|${bLetters}`;
    await a.until('every keystroke', (t) => t === expected);
    await b.until('every keystroke', (t) => t === expected);
    const row = await deps.db.document.findUniqueOrThrow({ where: { id: documentId } });
    expect(row.text).toBe(expected);
    expect(row.snapshotSeq).toBeGreaterThan(0n);
    // Compacted rows are gone: the log holds the newest row plus what follows the snapshot.
    expect(await deps.db.documentUpdate.count({ where: { documentId } })).toBeLessThanOrEqual(6);
    expect((await getDocument(deps, ana.access, documentId)).text).toBe(expected);

    // The late reader gets the snapshot (the rows it covered are gone) and then the rest.
    const replica = new Y.Doc();
    const first = await watcher.next();
    expect(first.done).toBe(false);
    for (const u of first.value!.updates) Y.applyUpdate(replica, fromBase64(u));
    expect(first.value!.fromClientIds[0]).toBe('server:snapshot');
    expect(replica.getText(CONTENT).toString()).toBe(expected);
    watcherAbort.abort();
    await watcher.return(undefined);
  });
});

describe('versions', () => {
  it('restore brings the old text back on every open editor, as a new update', async () => {
    const { deps, ana, ben, documentId } = await scene('# Steps\n1. Check the backup\n');
    const a = await editor(deps, ana, documentId, 'tab-ana');
    const b = await editor(deps, ben, documentId, 'tab-ben');
    const v1 = await saveDocumentVersion(deps, ana.actor, { documentId, label: 'reviewed' });
    expect(v1).toMatchObject({ number: 1, label: 'reviewed' });

    b.text.insert(b.text.length, '2. Delete everything\n');
    await b.send();
    await a.until('Ben’s new step', (t) => t.includes('Delete everything'));
    const rowsBefore = await deps.db.documentUpdate.count({ where: { documentId } });

    const restored = await restoreDocumentVersion(deps, ana.actor, { documentId, versionId: v1.id });
    expect(restored).toMatchObject({ restored: 1, changed: true });
    await a.until('the restored text', (t) => t === '# Steps\n1. Check the backup\n');
    await b.until('the restored text', (t) => t === '# Steps\n1. Check the backup\n');
    // History is not rewritten: the restore is one more row.
    expect(await deps.db.documentUpdate.count({ where: { documentId } })).toBe(rowsBefore + 1);
    expect((await getDocument(deps, ben.access, documentId)).text).toBe('# Steps\n1. Check the backup\n');

    const versions = await listDocumentVersions(deps, documentId);
    expect(versions.map((v) => v.number)).toEqual([1]);
    const types = (await deps.db.activityEvent.findMany({ where: { resourceType: 'document', resourceId: documentId }, orderBy: { id: 'asc' } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['document.created', 'document.versionSaved', 'document.restored', 'document.edited']));
  });
});

describe('reconnecting', () => {
  it('with its last event id gets exactly the updates it missed', async () => {
    const { deps, ana, ben, documentId } = await scene('start');
    const a = await editor(deps, ana, documentId, 'tab-ana');
    const b = await editor(deps, ben, documentId, 'tab-ben');
    b.text.insert(5, ' one');
    await b.send();
    await a.until('the first edit', (t) => t === 'start one');
    const lastEventId = a.cursor;
    await a.close();

    // While Ana is away, Ben makes three edits.
    const missed: string[] = [];
    for (const word of [' two', ' three', ' four']) {
      b.text.insert(b.text.length, word);
      missed.push((await b.send())!);
    }

    const abort = new AbortController();
    const seen: { seq: string; from: string[]; count: number }[] = [];
    for await (const batch of syncDocument(deps, documentId, BigInt(lastEventId), abort.signal, { skipClientId: 'tab-ana' })) {
      seen.push({ seq: batch.seq, from: batch.fromClientIds, count: batch.updates.length });
      Y.applyUpdate(a.doc, fromBase64(batch.updates[0]!));
      for (const u of batch.updates.slice(1)) Y.applyUpdate(a.doc, fromBase64(u));
      if (batch.seq === missed.at(-1)) break;
    }
    abort.abort();
    // Exactly the three, all Ben's, nothing before the cursor and nothing twice.
    expect(seen.reduce((n, s) => n + s.count, 0)).toBe(3);
    expect(seen.flatMap((s) => s.from)).toEqual(['tab-ben', 'tab-ben', 'tab-ben']);
    expect(seen.at(-1)!.seq).toBe(missed.at(-1));
    expect(a.read()).toBe('start one two three four');
  });
});
