/** The compliance API as the web uses it: condition errors with positions, the frameworks list, evaluate → findings → posture. */
import { syncBuiltInFrameworks } from '@racine/services';
import { describe, expect, it } from 'vitest';
import { personWith, testDeps } from './harness';
import { sourceScene } from './source-scene';

describe('compliance API', () => {
  it('refuses a rule whose condition does not parse, saying where and what', async () => {
    const steward = await personWith(['steward']);
    const fw = await steward.caller.compliance.createFramework({ name: `Internal ${crypto.randomUUID().slice(0, 8)}` });
    const error = await steward.caller.compliance
      .createRule({ frameworkId: fw.id, code: 'X-1', title: 'Masked emails', severity: 'high', target: 'column', appliesWhen: 'asset.labels has "PII.Email"', requires: 'asset.tag has "masked"' })
      .then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((error as Error).message).toContain('requires: Unknown field "asset.tag" at 1:1 — did you mean "asset.tags"?');
    // Built-in rules can be switched off, not rewritten.
    const { deps } = await testDeps();
    await syncBuiltInFrameworks(deps).catch(() => syncBuiltInFrameworks(deps));
    const gdpr = await steward.caller.compliance.framework({ id: (await deps.db.complianceFramework.findUniqueOrThrow({ where: { key: 'gdpr' } })).id });
    const rule = gdpr.rules[0]!;
    await expect(steward.caller.compliance.updateRule({ id: rule.id, requires: 'true' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/built-in rule .* can be disabled, not edited/) });
    expect(await steward.caller.compliance.updateRule({ id: rule.id, enabled: false })).toMatchObject({ enabled: false });
    await steward.caller.compliance.updateRule({ id: rule.id, enabled: true });
  });

  it('evaluate → findings → posture for a workspace member, who sees only their sources', async () => {
    const s = await sourceScene();
    const { deps } = await testDeps();
    await syncBuiltInFrameworks(deps).catch(() => syncBuiltInFrameworks(deps));
    const gdpr = await deps.db.complianceFramework.findUniqueOrThrow({ where: { key: 'gdpr' } });
    // What a scan's sensitivity pass denormalises from the scene's label.
    await deps.db.asset.updateMany({ where: { dataSourceId: s.source.id, type: 'column' }, data: { labels: ['PII.Email'], sensitivity: 'Confidential' } });
    const steward = await personWith(['steward']);
    const { evaluations } = await steward.caller.compliance.evaluate({ frameworkId: gdpr.id, dataSourceId: s.source.id });
    expect(evaluations).toEqual([expect.objectContaining({ frameworkId: gdpr.id, frameworkName: 'GDPR', score: expect.any(Number), durationMs: expect.any(Number) })]);

    // The scene's email column (PII.Email, dev source, untagged) fails GDPR Art. 25.
    const page = await s.member.caller.compliance.findings({ frameworkId: gdpr.id });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => i.dataSource.id === s.source.id)).toBe(true);
    expect(page.items.find((i) => i.rule.code === 'GDPR Art. 25')).toMatchObject({ status: 'open', asset: { name: 'email' }, framework: { id: gdpr.id, name: 'GDPR' }, assignee: null });
    expect(page.counts.byStatus.open).toBe(page.total);

    const listed = (await s.member.caller.compliance.frameworks({})).find((f) => f.id === gdpr.id)!;
    expect(listed).toMatchObject({ builtIn: true, key: 'gdpr', score: evaluations[0]!.score, checks: evaluations[0]!.checks, openFindings: page.total });
    // The card's severities come with the list: the same counts the findings board shows.
    expect(listed.openBySeverity).toEqual(page.counts.bySeverity);

    const posture = await s.member.caller.compliance.posture({ frameworkId: gdpr.id, scope: { type: 'workspace', id: s.ws.id } });
    expect(posture.frameworks[0]).toMatchObject({ id: gdpr.id, score: evaluations[0]!.score });
    expect(posture.bySource.map((b) => b.dataSourceId)).toEqual([s.source.id]);

    const report = await s.member.caller.compliance.exportReport({ frameworkId: gdpr.id, format: 'csv' });
    expect(Buffer.from(report.base64, 'base64').toString()).toContain('GDPR Art. 25');
  });
});
