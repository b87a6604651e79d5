/**
 * The built-in engine's answers against a really scanned source: each answer's
 * numbers and names are checked against the database, the write flow runs
 * through ai.confirm, and conversations continue, rename and delete.
 */
import { describe, expect, it } from 'vitest';
import { aiScene, askAll } from './ai-scene';

const scene = aiScene();

describe('built-in answers from real data', () => {
  it('lists the columns carrying a label in a named source, with the real count and links', async () => {
    const s = await scene;
    const a = await askAll(s.admin.caller, { question: `Which columns contain email addresses in ${s.open.source.name}?` });
    const rows = await s.deps.db.classification.findMany({ where: { label: 'PII.Email', state: { not: 'rejected' }, asset: { dataSourceId: s.open.source.id, removedAt: null } }, select: { assetId: true } });
    expect(rows.length).toBeGreaterThan(0);
    expect(a.results[0]).toMatchObject({ tool: 'list_columns_with_label', status: 'done', input: { label: 'PII.Email', source: s.open.source.name } });
    expect(a.text).toMatch(new RegExp(`^${rows.length} columns? carr(y|ies) email address \\(PII.Email\\) in ${s.open.source.name}`));
    expect(a.links.map((l) => l.href).sort()).toEqual(rows.map((r) => `/catalog/assets/${r.assetId}`).sort());
    // Reopened, the answer offers the same links.
    const stored = await s.admin.caller.ai.conversation({ id: a.start.conversationId });
    expect(stored.messages.find((m) => m.id === a.start.messageId)?.links).toEqual(a.links);
  });

  it('resolves "this table" from the page', async () => {
    const s = await scene;
    const customers = s.open.assets.find((a) => a.type === 'table' && a.name === 'customers')!;
    const a = await askAll(s.viewer.caller, { question: 'which columns in this table contain email addresses?', page: { assetId: customers.id } });
    expect(a.results.map((r) => [r.tool, r.status])).toEqual([['get_asset', 'done'], ['list_columns_with_label', 'done']]);
    const ids = (await s.deps.db.classification.findMany({ where: { label: 'PII.Email', state: { not: 'rejected' }, asset: { parentId: customers.id } }, select: { assetId: true } })).map((r) => `/catalog/assets/${r.assetId}`);
    expect(a.links.map((l) => l.href).sort()).toEqual(ids.sort());
    expect(a.text).toContain('in main.customers');
  });

  it('finds prod tables holding card numbers without an owner, and drops one once it has an owner', async () => {
    const s = await scene;
    const payments = s.closed.assets.find((a) => a.type === 'table' && a.name === 'payments')!;
    const question = 'Which production tables hold card numbers without an owner?';
    const before = await askAll(s.admin.caller, { question });
    expect(before.results[0]).toMatchObject({ tool: 'search_catalog', status: 'done', input: { labels: ['PCI.CardNumber'], environment: 'prod', unowned: true, types: ['table', 'view'] } });
    expect(before.links.map((l) => l.href)).toContain(`/catalog/assets/${payments.id}`);
    // The open copy is in dev: never listed.
    expect(before.links.map((l) => l.href)).not.toContain(`/catalog/assets/${s.open.assets.find((x) => x.type === 'table' && x.name === 'payments')!.id}`);
    await s.deps.db.assetSteward.create({ data: { assetId: payments.id, role: 'owner', principalType: 'user', principalId: s.closedOwner.user.id } });
    const after = await askAll(s.admin.caller, { question });
    expect(after.links.map((l) => l.href)).not.toContain(`/catalog/assets/${payments.id}`);
    const who = await askAll(s.admin.caller, { question: 'who owns this table?', page: { assetId: payments.id } });
    expect(who.results[0]).toMatchObject({ tool: 'who_owns', status: 'done' });
    expect(who.text).toContain(`${s.closedOwner.user.name} <${s.closedOwner.user.email}> (owner)`);
  });

  it("explains a column's label from its stored evidence", async () => {
    const s = await scene;
    const email = s.open.column('customers', 'email');
    const c = await s.deps.db.classification.findFirstOrThrow({ where: { assetId: email.id, label: 'PII.Email' } });
    const ev = c.evidence as { matched: number; sampled: number; detector: string };
    const a = await askAll(s.viewer.caller, { question: 'why is this column labelled PII.Email?', page: { assetId: email.id } });
    expect(a.results[0]).toMatchObject({ tool: 'explain_classification', status: 'done' });
    expect(a.text).toContain(`customers.email is labelled PII.Email (${c.state}`);
    expect(a.text).toContain(`the ${ev.detector} detector matched ${ev.matched} of ${ev.sampled} sampled values`);
  });

  it("tells a viewer what changed: the activity and drift of what they may see, counted exactly", async () => {
    const s = await scene;
    const since = new Date(Date.now() - 86_400_000);
    const a = await askAll(s.viewer.caller, { question: 'what changed in the last 24 hours?' });
    const out = a.results[0]!.output as { byType: { type: string; count: number }[]; drift: { added: number; removed: number; changed: number } };
    const visible = { occurredAt: { gte: since }, OR: [{ workspaceId: s.openWs.id }, { actorId: s.viewer.user.id }] };
    const queued = await s.deps.db.activityEvent.count({ where: { ...visible, type: 'scan.run.queued' } });
    expect(queued).toBeGreaterThan(0); // the open source's scan; the closed one's is in a workspace the viewer cannot see
    expect(out.byType.find((t) => t.type === 'scan.run.queued')?.count).toBe(queued);
    const drift = await s.deps.db.scanRunChange.count({ where: { run: { dataSourceId: s.open.source.id, finishedAt: { gte: since } } } });
    expect(out.drift.added + out.drift.removed + out.drift.changed).toBe(drift);
    expect(a.text).toContain(`${queued}× scan.run.queued`);
  });

  it('says when it does not understand, suggesting questions filled with what the asker may read', async () => {
    const s = await scene;
    const a = await askAll(s.viewer.caller, { question: 'what is the weather like in Lisbon?' });
    expect(a.results).toEqual([]);
    expect(a.text).toContain('I could not work out what to look up');
    expect(a.suggestions.length).toBeGreaterThan(3);
    expect(a.suggestions.join('\n')).not.toContain(s.closed.source.name);
    const stored = await s.viewer.caller.ai.conversation({ id: a.start.conversationId });
    expect(stored.messages.find((m) => m.id === a.start.messageId)?.suggestions).toEqual(a.suggestions);
    // Every suggestion is answerable: asked back, none falls to "not understood".
    for (const q of a.suggestions.slice(0, 4)) expect((await askAll(s.viewer.caller, { question: q })).text, q).not.toContain('I could not work out');
  });

  it('proposes a scan, runs it only on confirmation, as the asker (a viewer cannot), audited', async () => {
    const s = await scene;
    const asked = await askAll(s.admin.caller, { question: `Rescan ${s.open.source.name} and tell me what changed` });
    const proposal = asked.results.find((r) => r.tool === 'start_scan')!;
    expect(proposal.status).toBe('awaiting_confirmation');
    expect(await s.deps.db.scanRun.count({ where: { scanId: s.open.scan.id } })).toBe(1);
    const confirmed = await s.admin.caller.ai.confirm({ messageId: asked.start.messageId, callId: proposal.id, approve: true });
    expect(confirmed.call.status).toBe('done');
    const run = await s.deps.db.scanRun.findFirstOrThrow({ where: { scanId: s.open.scan.id, id: { not: s.open.run.id } } });
    expect(confirmed.text).toBe(`Started scan “full” of ${s.open.source.name}: run ${run.id} is queued.`);
    await expect(s.admin.caller.ai.confirm({ messageId: asked.start.messageId, callId: proposal.id, approve: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    const audit = await s.deps.db.activityEvent.findFirstOrThrow({ where: { type: 'ai.tool.confirmed', resourceId: asked.start.messageId } });
    expect(audit.details).toMatchObject({ tool: 'start_scan', callId: proposal.id });
    await s.deps.db.scanRun.update({ where: { id: run.id }, data: { status: 'cancelled', finishedAt: new Date() } });

    const viewerAsk = await askAll(s.viewer.caller, { question: `scan ${s.open.source.name}` });
    const viewerCall = viewerAsk.results.find((r) => r.tool === 'start_scan')!;
    const refused = await s.viewer.caller.ai.confirm({ messageId: viewerAsk.start.messageId, callId: viewerCall.id, approve: true });
    expect(refused.call).toMatchObject({ status: 'failed', error: `You need the scan.run permission in datasource ${s.open.source.id}` });
    expect(await s.deps.db.scanRun.count({ where: { scanId: s.open.scan.id } })).toBe(2);
    // Someone else's message is not theirs to confirm.
    await expect(s.viewer.caller.ai.confirm({ messageId: asked.start.messageId, callId: proposal.id, approve: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('continues, renames and deletes a conversation', async () => {
    const s = await scene;
    const first = await askAll(s.viewer.caller, { question: 'what failed in the last 3 days?' });
    expect(first.results[0]).toMatchObject({ tool: 'recent_failures', status: 'done' });
    const second = await askAll(s.viewer.caller, { question: 'who owns customers', conversationId: first.start.conversationId });
    expect(second.start.conversationId).toBe(first.start.conversationId);
    const c = await s.viewer.caller.ai.conversation({ id: first.start.conversationId });
    expect(c.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(c.messages.every((m) => m.status === 'complete')).toBe(true);
    expect(c.title).toBe('what failed in the last 3 days?');
    await s.viewer.caller.ai.renameConversation({ id: c.id, title: 'Failures' });
    expect((await s.viewer.caller.ai.conversations({ limit: 50 })).items.find((x) => x.id === c.id)).toMatchObject({ title: 'Failures', messageCount: 4 });
    await expect(s.admin.caller.ai.conversation({ id: c.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await s.viewer.caller.ai.deleteConversation({ id: c.id });
    await expect(s.viewer.caller.ai.conversation({ id: c.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a reconnect with lastEventId does not ask again: it ends with done once the stored answer is complete', async () => {
    const s = await scene;
    const first = await askAll(s.viewer.caller, { question: 'what failed today?' });
    const lastId = first.events.at(-2)!.id;
    expect(lastId.startsWith(`${first.start.messageId}:`)).toBe(true);
    const stream = (await s.viewer.caller.ai.ask({ question: 'what failed today?', conversationId: first.start.conversationId, lastEventId: lastId })) as AsyncIterable<[string, { type: string; messageId?: string }]>;
    const seen: { type: string; messageId?: string }[] = [];
    for await (const [, e] of stream) seen.push(e);
    expect(seen).toEqual([{ type: 'done', messageId: first.start.messageId }]);
    const c = await s.viewer.caller.ai.conversation({ id: first.start.conversationId });
    expect(c.messages).toHaveLength(2);
    expect(c.messages[1]!.content).toBe(first.text);
  });

  it('answers a posture question with posture, what changed and the failing rules', async () => {
    const s = await scene;
    const a = await askAll(s.viewer.caller, { question: 'Why is GDPR posture down this week?' });
    expect(a.results.map((r) => [r.tool, r.status])).toEqual([['get_posture', 'done'], ['what_changed', 'done'], ['list_findings', 'done']]);
  });

  it('lists the tools with their input JSON schemas', async () => {
    const s = await scene;
    const tools = await s.viewer.caller.ai.tools();
    expect(tools.find((t) => t.name === 'start_scan')).toMatchObject({ write: true, permission: 'ai.use' });
    expect(tools.find((t) => t.name === 'list_columns_with_label')!.inputSchema).toMatchObject({ type: 'object', required: ['label'] });
  });
});
