/**
 * Compliance end to end against a scanned demo shop: findings with evidence,
 * the lifecycle across evaluations (resolve, reopen, waiver expiry),
 * incremental evaluation, evaluation after a scan through the job queue,
 * visibility, testRule, and the CSV/PDF reports.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFramework } from '../src/compliance/evaluate';
import { listFindings, updateFinding } from '../src/compliance/findings';
import { reopenExpiredWaivers } from '../src/compliance/jobs';
import { getPosture } from '../src/compliance/posture';
import { csvField, exportReport } from '../src/compliance/report';
import { listFindingsInput, postureInput, updateFindingInput } from '../src/compliance/schemas';
import { testRule } from '../src/compliance/test-rule';
import { testRuleInput } from '../src/compliance/schemas';
import { startRacineWorker } from '../src/jobs/tasks';
import { AccessChecker } from '../src/rbac/resolve';
import { scannedShop } from './compliance-scene';
import { loadReaderCounts } from '../src/compliance/facts';
import { dataSourceScope } from '../src/rbac/resolve';
import { makeWorkspace, person, testDeps } from './harness';

const DAY = 86_400_000;

describe('evaluating PCI-DSS on the scanned demo shop', () => {
  it('fails the card-number rule with evidence; masking the column resolves it and raises the score', async () => {
    const { deps, fw, steward, source, column } = await scannedShop();
    const card = await column('payments', 'card_number');
    expect(card.labels).toContain('PCI.CardNumber');

    const first = await evaluateFramework(deps, steward.actor, { frameworkId: fw.pci.id, dataSourceId: source.id, trigger: 'manual' });
    expect(first.checks).toBeGreaterThan(0);
    expect(first.opened).toBe(first.failures);
    const findings = await deps.db.complianceFinding.findMany({ where: { frameworkId: fw.pci.id, assetId: card.id }, include: { rule: true } });
    const pan = findings.find((f) => f.rule.code === 'PCI-DSS 3.5.1')!;
    expect(pan).toMatchObject({ status: 'open', severity: 'critical', dataSourceId: source.id });
    expect(pan.evidence).toMatchObject({
      requires: 'asset.tags has_any ["masked", "tokenized", "encrypted", "truncated", "hashed"]',
      facts: { 'asset.labels': expect.arrayContaining(['PCI.CardNumber']), 'asset.tags': [] },
      message: expect.stringContaining(`${card.qualifiedName} does not satisfy`),
    });
    // The dev demo source also holds live card numbers (6.5.5).
    expect(findings.map((f) => f.rule.code)).toContain('PCI-DSS 6.5.5');

    await deps.db.asset.update({ where: { id: card.id }, data: { tags: ['masked'] } });
    const second = await evaluateFramework(deps, steward.actor, { frameworkId: fw.pci.id, dataSourceId: source.id, trigger: 'manual' });
    const after = await deps.db.complianceFinding.findUniqueOrThrow({ where: { id: pan.id } });
    expect(after.status).toBe('resolved');
    expect(after.resolvedAt).toBeInstanceOf(Date);
    expect(second.resolved).toBeGreaterThanOrEqual(1);
    expect(second.failures).toBe(first.failures - 1);
    expect(second.score).toBeGreaterThan(first.score);

    // Posture for the source shows both points (same day: the later one wins the daily bucket).
    const posture = await getPosture(deps, new AccessChecker(deps.db, steward.actor), postureInput.parse({ frameworkId: fw.pci.id, scope: { type: 'datasource', id: source.id } }));
    expect(posture.frameworks[0]).toMatchObject({ id: fw.pci.id, score: second.score, checks: second.checks, failures: second.failures });
    expect(posture.frameworks[0]!.trend.at(-1)!.score).toBe(second.score);
    expect(posture.bySource).toEqual([expect.objectContaining({ dataSourceId: source.id, scores: [{ frameworkId: fw.pci.id, score: second.score }] })]);

    // Removing the tag makes it fail again: the resolved finding reopens (same row).
    await deps.db.asset.update({ where: { id: card.id }, data: { tags: [] } });
    const third = await evaluateFramework(deps, steward.actor, { frameworkId: fw.pci.id, dataSourceId: source.id, trigger: 'manual' });
    expect(third.reopened).toBe(1);
    expect(await deps.db.complianceFinding.findUniqueOrThrow({ where: { id: pan.id } })).toMatchObject({ status: 'open', resolvedAt: null });

    // Each evaluation is in the activity log, compliance-relevant.
    const events = await deps.db.activityEvent.findMany({ where: { type: 'compliance.evaluated', resourceId: fw.pci.id, sourceGroup: 'compliance' }, orderBy: { id: 'desc' }, take: 3 });
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.complianceRelevant)).toBe(true);
    expect(await deps.db.complianceEvaluation.count({ where: { frameworkId: fw.pci.id, dataSourceId: source.id, status: 'succeeded' } })).toBe(3);
  });

  it('flags personal data in a dev source (GDPR Art. 25) until it is masked', async () => {
    const { deps, fw, steward, source, column } = await scannedShop();
    const email = await column('customers', 'email');
    await evaluateFramework(deps, steward.actor, { frameworkId: fw.gdpr.id, dataSourceId: source.id, trigger: 'manual' });
    const finding = await deps.db.complianceFinding.findFirstOrThrow({ where: { assetId: email.id, rule: { code: 'GDPR Art. 25' } } });
    expect(finding.evidence).toMatchObject({ facts: { 'source.environment': 'dev', 'asset.tags': [] } });
    // In production the rule does not apply at all.
    await deps.db.dataSource.update({ where: { id: source.id }, data: { environment: 'prod' } });
    await evaluateFramework(deps, steward.actor, { frameworkId: fw.gdpr.id, dataSourceId: source.id, trigger: 'manual' });
    expect((await deps.db.complianceFinding.findUniqueOrThrow({ where: { id: finding.id } })).status).toBe('resolved');
  });
});

describe('the finding lifecycle', () => {
  it('a waiver holds while it runs and reopens at the first evaluation after it expires', async () => {
    const { deps, fw, steward, source, column } = await scannedShop();
    const card = await column('payments', 'card_number');
    await evaluateFramework(deps, steward.actor, { frameworkId: fw.pci.id, dataSourceId: source.id, trigger: 'manual' });
    const finding = await deps.db.complianceFinding.findFirstOrThrow({ where: { assetId: card.id, rule: { code: 'PCI-DSS 3.5.1' } } });
    const access = new AccessChecker(deps.db, steward.actor);
    const waive = (over: object) => updateFinding(deps, steward.actor, access, updateFindingInput.parse({ id: finding.id, status: 'waived', waiverReason: 'Tokenization lands in Q1', waivedUntil: new Date(Date.now() + 2 * DAY), ...over }));
    await expect(waive({ waiverReason: 'later' })).rejects.toThrow(/at least 10 characters/);
    await expect(waive({ waivedUntil: new Date(Date.now() - DAY) })).rejects.toThrow(/in the future/);
    await expect(waive({ waivedUntil: new Date(Date.now() + 400 * DAY) })).rejects.toThrow(/at most a year/);
    const waived = await waive({});
    expect(waived).toMatchObject({ status: 'waived', waivedById: steward.user.id });
    // Waiving again renews the waiver (here: shortens it to one day).
    const renewedUntil = new Date(Date.now() + DAY);
    expect((await waive({ waivedUntil: renewedUntil })).waivedUntil).toEqual(renewedUntil);

    // A member of nothing may not touch it.
    const stranger = await person(deps, ['analyst']);
    await expect(updateFinding(deps, stranger.actor, stranger.access, updateFindingInput.parse({ id: finding.id, status: 'acknowledged' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await evaluateFramework(deps, steward.actor, { frameworkId: fw.pci.id, dataSourceId: source.id, trigger: 'manual' });
    expect((await deps.db.complianceFinding.findUniqueOrThrow({ where: { id: finding.id } })).status).toBe('waived');

    const later = { ...deps, clock: () => new Date(Date.now() + 3 * DAY) };
    await evaluateFramework(later, steward.actor, { frameworkId: fw.pci.id, dataSourceId: source.id, trigger: 'schedule' });
    expect(await deps.db.complianceFinding.findUniqueOrThrow({ where: { id: finding.id } })).toMatchObject({ status: 'open', waiverReason: null, waivedUntil: null });

    // The hourly sweep reopens expired waivers without an evaluation, too.
    await waive({});
    expect(await reopenExpiredWaivers(later)).toBeGreaterThanOrEqual(1);
    expect((await deps.db.complianceFinding.findUniqueOrThrow({ where: { id: finding.id } })).status).toBe('open');
  });

  it('acknowledge, assign, resolve by hand (the next failing evaluation reopens), audited with before/after', async () => {
    const { deps, fw, steward, source, column } = await scannedShop();
    const card = await column('payments', 'card_number');
    await evaluateFramework(deps, steward.actor, { frameworkId: fw.pci.id, dataSourceId: source.id, trigger: 'manual' });
    const finding = await deps.db.complianceFinding.findFirstOrThrow({ where: { assetId: card.id, rule: { code: 'PCI-DSS 3.5.1' } } });
    const access = new AccessChecker(deps.db, steward.actor);
    const due = new Date(Date.now() + 14 * DAY);
    await updateFinding(deps, steward.actor, access, updateFindingInput.parse({ id: finding.id, status: 'acknowledged', assigneeId: steward.user.id, dueAt: due, note: 'Tokenizing next sprint' }));
    await expect(updateFinding(deps, steward.actor, access, updateFindingInput.parse({ id: finding.id, assigneeId: crypto.randomUUID() }))).rejects.toThrow(/is not an active user/);
    const event = await deps.db.activityEvent.findFirstOrThrow({ where: { type: 'compliance.finding.acknowledged', resourceId: finding.id } });
    expect(event.before).toMatchObject({ status: 'open', assigneeId: null });
    expect(event.after).toMatchObject({ status: 'acknowledged', assigneeId: steward.user.id, note: 'Tokenizing next sprint' });

    const mine = await listFindings(deps, access, listFindingsInput.parse({ assigneeId: 'me', dataSourceId: source.id }));
    expect(mine.items.map((i) => i.id)).toEqual([finding.id]);
    expect(mine.items[0]).toMatchObject({ status: 'acknowledged', assignee: { id: steward.user.id }, rule: { code: 'PCI-DSS 3.5.1' }, asset: { id: card.id, qualifiedName: card.qualifiedName }, dataSource: { id: source.id, environment: 'dev' } });

    // Still failing: an evaluation keeps "acknowledged".
    await evaluateFramework(deps, steward.actor, { frameworkId: fw.pci.id, dataSourceId: source.id, trigger: 'manual' });
    expect((await deps.db.complianceFinding.findUniqueOrThrow({ where: { id: finding.id } })).status).toBe('acknowledged');
    await updateFinding(deps, steward.actor, access, updateFindingInput.parse({ id: finding.id, status: 'resolved' }));
    await evaluateFramework(deps, steward.actor, { frameworkId: fw.pci.id, dataSourceId: source.id, trigger: 'manual' });
    expect((await deps.db.complianceFinding.findUniqueOrThrow({ where: { id: finding.id } })).status).toBe('open');
  });
});

describe('scope and visibility', () => {
  it('an incremental evaluation leaves other sources’ findings alone', async () => {
    const [a, b] = await Promise.all([scannedShop(), scannedShop()]);
    const { deps, fw, steward } = a;
    await evaluateFramework(deps, steward.actor, { frameworkId: fw.pci.id, dataSourceId: a.source.id, trigger: 'manual' });
    await evaluateFramework(deps, steward.actor, { frameworkId: fw.pci.id, dataSourceId: b.source.id, trigger: 'manual' });
    const cardA = await a.column('payments', 'card_number');
    const cardB = await b.column('payments', 'card_number');
    await deps.db.asset.updateMany({ where: { id: { in: [cardA.id, cardB.id] } }, data: { tags: ['tokenized'] } });
    const before = await deps.db.complianceFinding.findFirstOrThrow({ where: { assetId: cardB.id, rule: { code: 'PCI-DSS 3.5.1' } } });
    await evaluateFramework(deps, steward.actor, { frameworkId: fw.pci.id, dataSourceId: a.source.id, trigger: 'scan' });
    expect((await deps.db.complianceFinding.findFirstOrThrow({ where: { assetId: cardA.id, rule: { code: 'PCI-DSS 3.5.1' } } })).status).toBe('resolved');
    expect(await deps.db.complianceFinding.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
  });

  it('findings of a source one may not read never show', async () => {
    const { deps, fw, steward, source } = await scannedShop();
    await evaluateFramework(deps, steward.actor, { frameworkId: fw.pci.id, dataSourceId: source.id, trigger: 'manual' });
    const mine = await listFindings(deps, new AccessChecker(deps.db, steward.actor), listFindingsInput.parse({ dataSourceId: source.id, frameworkId: fw.pci.id }));
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.counts.byStatus.open).toBe(mine.total);
    // Each row says what its reader may do with it: the source's owner everything, a source reader nothing.
    expect(mine.items.every((i) => i.canManage && i.canWaive)).toBe(true);
    const reader = await person(deps, ['viewer']);
    await deps.db.roleAssignment.create({ data: { userId: reader.user.id, roleId: 'ds.reader', scopeType: 'datasource', scopeId: source.id } });
    const read = await listFindings(deps, reader.access, listFindingsInput.parse({ dataSourceId: source.id, frameworkId: fw.pci.id }));
    expect(read.total).toBe(mine.total);
    expect(read.items.some((i) => i.canManage || i.canWaive)).toBe(false);
    const outsider = await person(deps, ['viewer']);
    const theirs = await listFindings(deps, outsider.access, listFindingsInput.parse({ dataSourceId: source.id }));
    expect(theirs).toMatchObject({ total: 0, items: [] });
    const all = await listFindings(deps, outsider.access, listFindingsInput.parse({ limit: 200 }));
    expect(all.items.filter((i) => i.dataSource.id === source.id)).toEqual([]);
    const report = await exportReport(deps, outsider.access, { frameworkId: fw.pci.id, format: 'csv' });
    expect(Buffer.from(report.base64, 'base64').toString()).not.toContain(source.name);
    await expect(getPosture(deps, outsider.access, postureInput.parse({ scope: { type: 'datasource', id: source.id } }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('evaluation after a scan', () => {
  it('a successful scan enqueues one evaluation per enabled framework, which the worker runs', async () => {
    const { deps, source, run } = await scannedShop({ scan: false });
    const runner = await startRacineWorker(deps, { databaseUrl: process.env.DATABASE_URL!, concurrency: 2, pollIntervalMs: 200 });
    try {
      // The five built-ins: other tests in this database add custom frameworks at any moment, so count only these.
      const builtIns = (await deps.db.complianceFramework.findMany({ where: { builtIn: true, enabled: true }, select: { id: true } })).map((f) => f.id);
      const ofBuiltIns = { dataSourceId: source.id, trigger: 'scan', frameworkId: { in: builtIns } };
      const deadline = Date.now() + 60_000;
      let done = 0;
      while (Date.now() < deadline) {
        done = await deps.db.complianceEvaluation.count({ where: { ...ofBuiltIns, status: 'succeeded' } });
        if (done >= builtIns.length) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect((await deps.db.scanRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe('succeeded');
      expect(builtIns).toHaveLength(5);
      expect(done).toBe(builtIns.length);
      // One evaluation per framework, none repeated.
      const evaluated = await deps.db.complianceEvaluation.findMany({ where: { dataSourceId: source.id, trigger: 'scan' }, select: { frameworkId: true } });
      expect(new Set(evaluated.map((e) => e.frameworkId)).size).toBe(evaluated.length);
      expect(await deps.db.complianceFinding.count({ where: { dataSourceId: source.id } })).toBeGreaterThan(0);
    } finally {
      await runner.stop();
    }
  }, 90_000);
});

describe('testRule', () => {
  it('previews failures of an unsaved rule over readable sources, writing nothing', async () => {
    const { deps, steward, source, column } = await scannedShop();
    const card = await column('payments', 'card_number');
    const findingsBefore = await deps.db.complianceFinding.count();
    const out = await testRule(deps, new AccessChecker(deps.db, steward.actor), testRuleInput.parse({ target: 'column', appliesWhen: 'asset.labels any like "PCI.*"', requires: 'asset.tags has "masked"', dataSourceId: source.id }));
    expect(out.applies).toBeGreaterThanOrEqual(1);
    expect(out.passing).toBe(0);
    expect(out.failing.map((f) => f.assetId)).toContain(card.id);
    expect(out.failing[0]).toMatchObject({ dataSourceName: source.name, evidence: { facts: { 'asset.tags': [] } } });
    expect(await deps.db.complianceFinding.count()).toBe(findingsBefore);
    const outsider = await person(deps, ['viewer']);
    await expect(testRule(deps, outsider.access, testRuleInput.parse({ target: 'column', requires: 'true', dataSourceId: source.id }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('reports', () => {
  it('CSV and PDF list the findings as of a date, with the score', async () => {
    const { deps, fw, steward, source, column } = await scannedShop();
    const card = await column('payments', 'card_number');
    const summary = await evaluateFramework(deps, steward.actor, { frameworkId: fw.pci.id, dataSourceId: source.id, trigger: 'manual' });
    const admin = await person(deps, ['admin']);

    const csv = await exportReport(deps, admin.access, { frameworkId: fw.pci.id, format: 'csv' });
    expect(csv).toMatchObject({ filename: expect.stringMatching(/^pci-dss-compliance-\d{4}-\d{2}-\d{2}\.csv$/), contentType: 'text/csv; charset=utf-8' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('rule code,title,severity,status,asset,source,environment,assignee,due,first seen,resolved/waived until,evidence');
    const row = lines.find((l) => l.startsWith('PCI-DSS 3.5.1,') && l.includes(card.qualifiedName))!;
    expect(row).toContain(`,critical,open,${card.qualifiedName},${source.name},dev,`);
    // The evidence holds quotes and commas: it is quoted, quotes doubled.
    expect(row).toMatch(/,"[^"]*does not satisfy asset\.tags has_any \[""masked"", ""tokenized""/);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");

    // As of yesterday the finding did not exist yet.
    const before = await exportReport(deps, admin.access, { frameworkId: fw.pci.id, format: 'csv', asOf: new Date(Date.now() - DAY) });
    expect(Buffer.from(before.base64, 'base64').toString()).not.toContain(card.qualifiedName);

    const pdf = await exportReport(deps, admin.access, { frameworkId: fw.pci.id, format: 'pdf' });
    expect(pdf.contentType).toBe('application/pdf');
    const dir = mkdtempSync(path.join(tmpdir(), 'racine-report-'));
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const pdfText = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(pdfText).toContain('PCI-DSS compliance report');
    expect(pdfText).toMatch(/Posture score: \d+(\.\d)?%/);
    expect(pdfText).toContain('card_number');
    expect(pdfText).toMatch(/page 1 of \d+/);
    expect(summary.failures).toBeGreaterThan(0);
  });
});

describe('access.readers', () => {
  it('counts distinct active users who may read the source, through every path rbac resolves', async () => {
    const deps = await testDeps();
    const [owner, member, viewer, direct, expired, inactive] = await Promise.all(Array.from({ length: 6 }, () => person(deps, ['viewer'])));
    const ws = await makeWorkspace(deps.db, { ownerId: owner!.user.id, members: [{ userId: member!.user.id, role: 'member' }, { userId: viewer!.user.id, role: 'viewer' }, { userId: inactive!.user.id, role: 'member' }] });
    const mk = (workspaceId: string | null) => deps.db.dataSource.create({ data: { name: `readers-${crypto.randomUUID().slice(0, 8)}`, engine: 'sqlite', database: '/nowhere.sqlite', workspaceId } });
    const [alone, shared] = await Promise.all([mk(null), mk(ws.id)]);
    await deps.db.roleAssignment.createMany({
      data: [
        { userId: direct!.user.id, roleId: 'ds.reader', scopeType: 'datasource', scopeId: shared.id, expiresAt: new Date(Date.now() + DAY) },
        { userId: expired!.user.id, roleId: 'ds.reader', scopeType: 'datasource', scopeId: shared.id, expiresAt: new Date(Date.now() - DAY) },
        // Two paths for one person count once.
        { userId: member!.user.id, roleId: 'ds.steward', scopeType: 'datasource', scopeId: shared.id },
      ],
    });
    await deps.db.user.update({ where: { id: inactive!.user.id }, data: { isActive: false } });
    // One query over both sources: global readers (admins) are in both counts, whatever other tests add.
    const counts = await loadReaderCounts(deps.db, [alone.id, shared.id], new Date());
    expect((counts.get(shared.id) ?? 0) - (counts.get(alone.id) ?? 0)).toBe(4); // owner, member, viewer, direct
    // The same answer as the permission checker, person by person.
    for (const p of [owner, member, viewer, direct]) expect(await p!.access.can('datasource.read', dataSourceScope(shared.id))).toBe(true);
    expect(await expired!.access.can('datasource.read', dataSourceScope(shared.id))).toBe(false);
  });
});
