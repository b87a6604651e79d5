/**
 * Recommendations from the current state, and the learning: dismissing a
 * type's items lowers that type's acceptance rate by the Beta(1,1) rule and
 * sinks its remaining items below ones it used to outrank.
 */
import { describe, expect, it } from 'vitest';
import { aiScene } from './ai-scene';

describe('recommendations', () => {
  it('ranks real candidates, hides what the person dismissed, and lowers the rank of a dismissed type', async () => {
    const s = await aiScene();
    const fresh = await Promise.all([1, 2, 3].map((n) => s.deps.db.dataSource.create({ data: { name: `ai-fresh-${s.tag}-${n}`, engine: 'sqlite', database: 'x.sqlite', workspaceId: s.openWs.id } })));
    const before = await s.viewer.caller.ai.recommendations({ limit: 50 });
    const keys = before.items.map((i) => i.subjectKey);
    for (const f of fresh) expect(keys).toContain(`source_unscanned:${f.id}`);
    // The scanned open copy's customers table holds personal data and has no owner; the closed copy is not the viewer's.
    const customers = s.open.assets.find((a) => a.type === 'table' && a.name === 'customers')!;
    const pii = before.items.find((i) => i.subjectKey === `pii_unowned:${customers.id}`)!;
    expect(pii.evidence.piiLabels).toBeGreaterThanOrEqual(4);
    expect(pii.action).toEqual({ kind: 'link', label: 'Assign an owner', href: `/catalog/assets/${customers.id}` });
    expect(keys.some((k) => s.closed.assets.some((a) => k.endsWith(a.id)))).toBe(false);
    expect(before.items.find((i) => i.subjectKey === `source_unscanned:${fresh[0]!.id}`)!.action).toEqual({ kind: 'ask', label: 'Scan it', question: `Scan ${fresh[0]!.name}` });

    const counts = await s.deps.db.recommendationFeedback.groupBy({ by: ['decision'], where: { type: 'source_unscanned' }, _count: { _all: true } });
    const n = (d: string) => counts.find((c) => c.decision === d)?._count._all ?? 0;
    const rate0 = before.acceptance.find((a) => a.type === 'source_unscanned')!.rate;
    expect(rate0).toBeCloseTo((n('accepted') + 1) / (n('accepted') + n('dismissed') + 2), 4);
    const remaining = `source_unscanned:${fresh[2]!.id}`;
    const rank0 = keys.indexOf(remaining);
    const outranked = before.items.slice(rank0 + 1).filter((i) => i.type === 'pii_unowned');
    expect(outranked.length).toBeGreaterThan(0);

    for (const f of fresh.slice(0, 2)) await s.viewer.caller.ai.feedback({ subjectKey: `source_unscanned:${f.id}`, type: 'source_unscanned', decision: 'dismissed' });
    const after = await s.viewer.caller.ai.recommendations({ limit: 50 });
    const rate1 = after.acceptance.find((a) => a.type === 'source_unscanned')!.rate;
    expect(rate1).toBeCloseTo((n('accepted') + 1) / (n('accepted') + n('dismissed') + 4), 4);
    expect(rate1).toBeLessThan(rate0);
    const afterKeys = after.items.map((i) => i.subjectKey);
    expect(afterKeys).not.toContain(`source_unscanned:${fresh[0]!.id}`);
    expect(afterKeys).not.toContain(`source_unscanned:${fresh[1]!.id}`);
    const item1 = after.items.find((i) => i.subjectKey === remaining)!;
    expect(item1.score).toBeLessThan(before.items[rank0]!.score);
    // At least one personal-data table it used to outrank is now above it.
    expect(outranked.some((o) => afterKeys.indexOf(o.subjectKey) < afterKeys.indexOf(remaining))).toBe(true);

    await s.viewer.caller.ai.feedback({ subjectKey: pii.subjectKey, type: 'pii_unowned', decision: 'accepted' });
    const accepted = await s.viewer.caller.ai.recommendations({ limit: 50 });
    expect(accepted.items.find((i) => i.subjectKey === pii.subjectKey)).toMatchObject({ accepted: true });
    expect(accepted.acceptance.find((a) => a.type === 'pii_unowned')!.rate).toBeGreaterThan(after.acceptance.find((a) => a.type === 'pii_unowned')!.rate);
    const audit = await s.deps.db.activityEvent.count({ where: { type: 'ai.recommendation.dismissed', actorId: s.viewer.user.id } });
    expect(audit).toBe(2);
    await expect(s.viewer.caller.ai.feedback({ subjectKey: `pii_unowned:${customers.id}`, type: 'source_stale', decision: 'dismissed' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
