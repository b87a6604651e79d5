/**
 * Done-when for the assistant's permissions: a viewer's question cannot reach
 * assets of a source they hold no grant on — not in the answer, not in any
 * tool's output, not in the stored conversation — while an admin's can.
 */
import { describe, expect, it } from 'vitest';
import { aiScene, askAll } from './ai-scene';

const scene = aiScene();

describe('the assistant asks as the asker', () => {
  it("keeps a viewer's answer and every tool output inside what they may read; an admin's answer reaches both sources", async () => {
    const s = await scene;
    const question = 'which columns contain email addresses?';
    const restricted = [s.closed.source.id, s.closed.source.name, ...s.closed.assets.map((a) => a.id)];
    const openEmail = s.open.column('customers', 'email');
    const closedEmail = s.closed.column('customers', 'email');

    const viewer = await askAll(s.viewer.caller, { question });
    expect(viewer.start.mode).toBe('builtin');
    expect(viewer.results.map((r) => [r.tool, r.status])).toEqual([['list_columns_with_label', 'done']]);
    const everything = JSON.stringify(viewer.events);
    for (const r of restricted) expect(everything, r).not.toContain(r);
    expect(viewer.links).toContainEqual({ label: 'customers.email', href: `/catalog/assets/${openEmail.id}` });
    expect(viewer.text).toContain('customers.email');
    // The stored conversation holds the same calls, and nothing restricted either.
    const stored = await s.viewer.caller.ai.conversation({ id: viewer.start.conversationId });
    expect(stored.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(stored.messages[1]!.toolCalls.map((c) => c.tool)).toEqual(['list_columns_with_label']);
    for (const r of restricted) expect(JSON.stringify(stored), r).not.toContain(r);

    // The admin reaches both sources. Asked per source: the shared test database holds many
    // other scanned demo shops, so an unnarrowed list need not show this scene's first.
    for (const [source, email] of [[s.closed.source, closedEmail], [s.open.source, openEmail]] as const) {
      const admin = await askAll(s.admin.caller, { question: `which columns in ${source.name} contain email addresses?` });
      expect(admin.links.map((l) => l.href), source.name).toContain(`/catalog/assets/${email.id}`);
      expect(JSON.stringify(admin.results)).toContain(source.name);
    }
  });

  it('refuses a restricted asset by id and a restricted source by name, in the same words as a missing one', async () => {
    const s = await scene;
    const closedTable = s.closed.assets.find((a) => a.type === 'table' && a.name === 'customers')!;
    const viewer = await askAll(s.viewer.caller, { question: 'tell me about this table', page: { assetId: closedTable.id } });
    expect(viewer.results.map((r) => [r.tool, r.status])).toEqual([['get_asset', 'failed']]);
    expect(viewer.results[0]!.error).toBe(`No asset ${closedTable.id} that you may read`);
    expect(viewer.text).not.toContain(s.closed.source.name);
    const byName = await askAll(s.viewer.caller, { question: `list columns with email addresses in ${s.closed.source.name}` });
    // The restricted source is not even in the viewer's vocabulary: the question is answered over what they read.
    expect(JSON.stringify(byName.results)).not.toContain(s.closed.assets[0]!.id);
    const admin = await askAll(s.admin.caller, { question: 'tell me about this table', page: { assetId: closedTable.id } });
    expect(admin.results.map((r) => [r.tool, r.status])).toEqual([['get_asset', 'done']]);
    expect(admin.text).toContain(s.closed.source.name);
  });
});
