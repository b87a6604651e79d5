/**
 * Shared documents through a tRPC caller: an edit goes up as `document.update`
 * and comes down to another user's `document.sync` subscription as a tracked
 * event; a resubscription with that event's id resumes after it.
 */
import { fromBase64, loadDoc, replaceTextUpdate, textOf, toBase64 } from '@racine/services';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, personWith, testDeps } from './harness';

type Batch = { seq: string; updates: string[]; fromClientIds: string[] };

async function scene() {
  const { deps } = await testDeps();
  const [owner, member, viewer] = await Promise.all([personWith(['viewer']), personWith(['viewer']), personWith(['viewer'])]);
  const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, members: [{ userId: member.user.id, role: 'member' }, { userId: viewer.user.id, role: 'viewer' }] });
  return { owner, member, viewer, ws };
}

/** The next tracked event of a subscription, as [id, data]. */
async function nextEvent(stream: unknown): Promise<[string, Batch]> {
  const iterator = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  const { value } = await iterator.next();
  await iterator.return?.();
  return value as [string, Batch];
}

describe('document router', () => {
  it('sends an edit up by mutation and down by subscription, and resumes from lastEventId', async () => {
    const { owner, member, viewer, ws } = await scene();
    const created = await member.caller.document.create({ workspaceId: ws.id, title: 'Failover runbook', template: 'blank' });
    const loaded = await viewer.caller.document.get({ documentId: created.id });
    expect(loaded).toMatchObject({ text: '', canEdit: false });

    // The member types; the edit is a Yjs update built on the state they loaded.
    const memberDoc = loadDoc([fromBase64((await member.caller.document.get({ documentId: created.id })).state)]);
    const first = replaceTextUpdate(memberDoc, '# Failover\n')!;
    const stream = await viewer.caller.document.sync({ documentId: created.id, clientId: 'viewer-tab', lastEventId: loaded.cursor });
    const sent = await member.caller.document.update({ documentId: created.id, clientId: 'member-tab', update: toBase64(first) });
    const [id, batch] = await nextEvent(stream);
    expect(id).toBe(sent.seq);
    expect(batch.fromClientIds).toEqual(['member-tab']);
    expect(textOf(loadDoc([fromBase64(loaded.state), ...batch.updates.map(fromBase64)]))).toBe('# Failover\n');

    // The viewer may watch but not write.
    await expect(viewer.caller.document.update({ documentId: created.id, clientId: 'viewer-tab', update: toBase64(first) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(member.caller.document.update({ documentId: created.id, clientId: 'member-tab', update: Buffer.from('garbage').toString('base64') })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    // Two more edits, one from the owner; a resubscription from `id` gets exactly those, and its own tab's edit is left out.
    const second = replaceTextUpdate(memberDoc, '# Failover\n1. Promote the replica\n')!;
    await member.caller.document.update({ documentId: created.id, clientId: 'member-tab', update: toBase64(second) });
    const ownerDoc = loadDoc([fromBase64((await owner.caller.document.get({ documentId: created.id })).state)]);
    const third = await owner.caller.document.update({ documentId: created.id, clientId: 'owner-tab', update: toBase64(replaceTextUpdate(ownerDoc, '# Failover\n1. Promote the replica\n2. Repoint DNS\n')!) });
    const [resumedId, resumed] = await nextEvent(await owner.caller.document.sync({ documentId: created.id, clientId: 'owner-tab', lastEventId: id }));
    expect(resumed.fromClientIds).toEqual(['member-tab']);
    expect(BigInt(resumedId)).toBe(BigInt(third.seq!));
    const [, all] = await nextEvent(await viewer.caller.document.sync({ documentId: created.id, clientId: 'viewer-tab', lastEventId: id }));
    expect(all.fromClientIds).toEqual(['member-tab', 'owner-tab']);
    expect(textOf(loadDoc([fromBase64(loaded.state), ...batch.updates.map(fromBase64), ...all.updates.map(fromBase64)]))).toBe('# Failover\n1. Promote the replica\n2. Repoint DNS\n');

    // Versions and restore through the router.
    const v = await member.caller.document.saveVersion({ documentId: created.id, label: 'three steps' });
    await member.caller.document.rename({ documentId: created.id, title: 'Failover (reviewed)' });
    expect((await viewer.caller.document.versions({ documentId: created.id })).map((x) => x.label)).toEqual(['three steps']);
    expect((await viewer.caller.document.version({ documentId: created.id, versionId: v.id })).text).toContain('Repoint DNS');
    const list = await viewer.caller.document.list({ workspaceId: ws.id, limit: 10 });
    expect(list.items.map((d) => d.title)).toEqual(['Failover (reviewed)']);
  });
});
