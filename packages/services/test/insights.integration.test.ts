/**
 * Insights against real Postgres. The "done when": a burst of Restricted reads by one
 * person, after a normal baseline spread over the previous weeks (written through the real
 * viewed-recording path, getAsset, with a backdated clock), produces an insight with evidence.
 * Also: a dismissed insight does not come back unchanged but does when the evidence changes;
 * the status machine; a posture forecast from a declining series (and none from a flat one); a
 * scan success collapse; a sensitive-column jump; who may see which insight; notifications.
 */
import { describe, expect, it } from 'vitest';
import { getAsset } from '../src/catalog/asset-view';
import { restrictedReadType } from '../src/catalog/restricted-read';
import type { ServiceDeps } from '../src/deps';
import { detectInsights } from '../src/insights/detect';
import { periodicTasks } from '../src/jobs/periodic';
import { listInsights } from '../src/insights/queries';
import { openInsightsMetric } from '../src/insights/metric';
import { metricQueryInput } from '../src/metrics/types';
import { updateInsightStatus } from '../src/insights/status';
import type { InsightEvidence } from '../src/insights/types';
import { makeSource, short } from './catalog-scene';
import { makeWorkspace, person, testDeps } from './harness';

const DAY = 86_400_000;
const MIN = 60_000;
const at = (deps: ServiceDeps, t: Date): ServiceDeps => ({ ...deps, clock: () => t });

/** A source in a workspace with `n` Restricted columns (PII.NationalId), a reader who is a workspace member. */
async function restrictedScene(deps: ServiceDeps, readerRoles: string[] = ['viewer']) {
  const [owner, reader, steward, viewer, admin] = await Promise.all([person(deps), person(deps, readerRoles), person(deps, ['steward']), person(deps), person(deps, ['admin'])]);
  const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, members: [{ userId: reader.user.id, role: 'member' }] });
  const columns = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`national_id_${i}`, ['PII.NationalId']]));
  const src = await makeSource(deps, { workspaceId: ws.id, tables: [{ name: `people_${short()}`, columns }, { name: `more_${short()}`, columns }] });
  const assets = Object.values(src.tables).flatMap((t) => Object.values(t.columns));
  return { ws, owner, reader, steward, viewer, admin, src, assets };
}

/** Opens asset i at time t through the real asset-page service. */
async function read(deps: ServiceDeps, who: Awaited<ReturnType<typeof person>>, assetId: string, t: Date) {
  await getAsset(at(deps, t), who.access, assetId);
}

async function insightFor(deps: ServiceDeps, type: string, subjectId: string) {
  return deps.db.insight.findFirst({ where: { type, subjectId } });
}

describe('restricted reads', () => {
  it('records one catalog.asset.viewed per user, asset and minute, and only for Restricted assets', async () => {
    const deps = await testDeps();
    const s = await restrictedScene(deps);
    const t = new Date(Math.floor(Date.now() / MIN) * MIN + 5_000);
    await read(deps, s.reader, s.assets[0]!, t);
    await read(deps, s.reader, s.assets[0]!, new Date(t.getTime() + 20_000));
    await read(deps, s.reader, s.assets[0]!, new Date(t.getTime() + MIN));
    const table = Object.values(s.src.tables)[0]!;
    await read(deps, s.reader, s.src.schema.id, t); // a schema has no sensitivity: not recorded
    const rows = await deps.db.activityEvent.findMany({ where: { type: restrictedReadType, actorId: s.reader.user.id }, orderBy: { occurredAt: 'asc' } });
    expect(rows.map((r) => [r.resourceId, r.occurredAt.getTime()])).toEqual([
      [s.assets[0], t.getTime()],
      [s.assets[0], t.getTime() + MIN],
    ]);
    expect(rows[0]).toMatchObject({ complianceRelevant: true, resourceType: 'asset', workspaceId: s.ws.id, details: expect.objectContaining({ sensitivity: 'Restricted', via: 'asset' }) });
    // The table is Restricted too (its columns are): opening it counts.
    await read(deps, s.reader, table.id, new Date(t.getTime() + 2 * MIN));
    expect(await deps.db.activityEvent.count({ where: { type: restrictedReadType, actorId: s.reader.user.id, resourceId: table.id } })).toBe(1);
  }, 60_000);

  it('a burst after a normal baseline produces an insight with its evidence; dismissed, it stays dismissed until the evidence changes', async () => {
    const deps = await testDeps();
    const s = await restrictedScene(deps);
    const now = new Date();
    // Baseline: 1–2 reads a day for 27 days (the 24-h windows 1…27 before now).
    for (let d = 1; d <= 27; d++) {
      await read(deps, s.reader, s.assets[d % s.assets.length]!, new Date(now.getTime() - d * DAY - 3 * 3_600_000));
      if (d % 3 === 0) await read(deps, s.reader, s.assets[(d + 1) % s.assets.length]!, new Date(now.getTime() - d * DAY - 5 * 3_600_000));
    }
    // The burst: 40 reads in the last hour, one a minute, across all 20 assets.
    for (let i = 0; i < 40; i++) await read(deps, s.reader, s.assets[i % s.assets.length]!, new Date(now.getTime() - (i + 1) * MIN));

    const first = await detectInsights(deps, { now, only: ['restrictedReads'] });
    expect(first.failed).toEqual([]);
    const insight = await insightFor(deps, 'activity.restricted_reads', s.reader.user.id);
    expect(insight).toMatchObject({ kind: 'anomaly', status: 'new', severity: 'critical', subjectType: 'user' });
    const evidence = insight!.evidence as unknown as InsightEvidence;
    expect(evidence.current).toBe(40);
    expect(evidence.baseline).toMatchObject({ points: 27, median: 1, mad: 0, scale: 1, floored: true });
    expect(evidence.score).toEqual({ name: 'robust z', value: 39, threshold: 5 });
    expect(evidence.ratio).toBe(40);
    expect(evidence.series).toHaveLength(28);
    expect(evidence.series.at(-1)!.value).toBe(40);
    expect(evidence.series.slice(0, -1).reduce((a, p) => a + p.value, 0)).toBe(27 + 9);
    expect(evidence.notes).toMatchObject({ distinctAssets: 20 });
    expect(insight!.title).toContain('40×');
    expect(insight!.actionLink).toContain(s.reader.user.id);
    expect(first.recorded.find((r) => r.id === insight!.id)?.outcome).toBe('created');
    // The detection is audited.
    expect(await deps.db.activityEvent.count({ where: { type: 'insight.detected', resourceId: insight!.id } })).toBe(1);

    // Told: an admin and the steward (activity.report); not the subject, not a plain viewer.
    const told = await deps.db.notification.findMany({ where: { kind: 'insight', sourceKey: { startsWith: `insight:${insight!.id}:` } }, select: { userId: true } });
    const toldIds = told.map((n) => n.userId);
    expect(toldIds).toEqual(expect.arrayContaining([s.admin.user.id, s.steward.user.id]));
    expect(toldIds).not.toContain(s.reader.user.id);
    expect(toldIds).not.toContain(s.viewer.user.id);

    // Nothing changed: the same record, untouched.
    const again = await detectInsights(deps, { now, only: ['restrictedReads'] });
    expect(again.recorded.find((r) => r.id === insight!.id)?.outcome).toBe('unchanged');

    await updateInsightStatus(deps, s.steward.actor, s.steward.access, { id: insight!.id, status: 'dismissed' });
    const later = new Date(now.getTime() + 5 * MIN);
    await detectInsights(deps, { now: later, only: ['restrictedReads'] });
    expect(await insightFor(deps, 'activity.restricted_reads', s.reader.user.id)).toMatchObject({ status: 'dismissed', evidenceHash: insight!.evidenceHash, seq: insight!.seq });

    // 30 more reads: 70 is a different magnitude from 40, so it comes back as new, at the top of the list.
    for (let i = 40; i < 70; i++) await read(deps, s.reader, s.assets[i % s.assets.length]!, new Date(now.getTime() - (i + 1) * MIN));
    const third = await detectInsights(deps, { now: later, only: ['restrictedReads'] });
    expect(third.recorded.find((r) => r.id === insight!.id)?.outcome).toBe('reopened');
    const reopened = await insightFor(deps, 'activity.restricted_reads', s.reader.user.id);
    expect(reopened).toMatchObject({ status: 'new', statusById: null });
    expect(reopened!.seq > insight!.seq).toBe(true);
    expect((reopened!.evidence as unknown as InsightEvidence).current).toBe(70);
    expect(await deps.db.activityEvent.count({ where: { type: 'insight.reopened', resourceId: insight!.id } })).toBe(1);
  }, 300_000);

  it('someone new has no baseline: a first busy day is not an anomaly', async () => {
    const deps = await testDeps();
    const s = await restrictedScene(deps);
    const now = new Date();
    for (let i = 0; i < 30; i++) await read(deps, s.reader, s.assets[i % s.assets.length]!, new Date(now.getTime() - (i + 1) * MIN));
    await detectInsights(deps, { now, only: ['restrictedReads'] });
    expect(await insightFor(deps, 'activity.restricted_reads', s.reader.user.id)).toBeNull();
  }, 120_000);
});

describe('who sees which insight', () => {
  it('person-level insights: activity.report holders but not the subject; source insights: readers of the source; estate-wide: everyone with insight.read', async () => {
    const deps = await testDeps();
    const [subject, steward, viewer, member, analyst] = await Promise.all([person(deps, ['steward']), person(deps, ['steward']), person(deps), person(deps), person(deps, ['analyst'])]);
    const ws = await makeWorkspace(deps.db, { ownerId: member.user.id });
    const source = await deps.db.dataSource.create({ data: { name: `src-${short()}`, engine: 'sqlite', database: '/tmp/none.sqlite', workspaceId: ws.id } });
    const base = { kind: 'anomaly' as const, severity: 'medium' as const, confidence: 0.8, summary: 's', evidence: {}, suggestedAction: 'a', evidenceHash: 'h' };
    const tag = short();
    const [aboutPerson, aboutSource, estate] = await Promise.all([
      deps.db.insight.create({ data: { ...base, type: 'activity.volume', title: `person ${tag}`, fingerprint: `t:${tag}:p`, subjectType: 'user', subjectId: subject.user.id } }),
      deps.db.insight.create({ data: { ...base, type: 'scan.success_collapse', title: `source ${tag}`, fingerprint: `t:${tag}:s`, subjectType: 'datasource', subjectId: source.id, dataSourceId: source.id, workspaceId: ws.id } }),
      deps.db.insight.create({ data: { ...base, kind: 'forecast', type: 'forecast.posture', title: `estate ${tag}`, fingerprint: `t:${tag}:e`, subjectType: 'framework', subjectId: tag } }),
    ]);
    const mine = [aboutPerson.id, aboutSource.id, estate.id];
    const seen = async (who: Awaited<ReturnType<typeof person>>) => {
      const out = new Set<string>();
      let cursor: string | undefined;
      // Page through everything (the shared database holds others' insights too).
      for (;;) {
        const page = await listInsights(deps, who.access, { limit: 100, cursor });
        page.items.filter((i) => mine.includes(i.id)).forEach((i) => out.add(i.id));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return [aboutPerson.id, aboutSource.id, estate.id].filter((id) => out.has(id)).map((id) => (id === aboutPerson.id ? 'person' : id === aboutSource.id ? 'source' : 'estate'));
    };
    expect(await seen(steward)).toEqual(['person', 'estate']); // stewards hold no datasource.read of their own
    expect(await seen(subject)).toEqual(['estate']);
    expect(await seen(viewer)).toEqual(['estate']);
    expect(await seen(member)).toEqual(['source', 'estate']);
    expect(await seen(analyst)).toEqual(['estate']);
    // Filters.
    const forecasts = await listInsights(deps, member.access, { kind: 'forecast', limit: 100 });
    expect(forecasts.items.every((i) => i.kind === 'forecast')).toBe(true);
    // The dashboards' insights.open metric lists the same.
    const metric = await openInsightsMetric({ deps, access: member.access, userId: member.user.id }, metricQueryInput.parse({ metric: 'insights.open', limit: 100 }));
    const keys = metric.rows!.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining([aboutSource.id, estate.id]));
    expect(keys).not.toContain(aboutPerson.id);
    expect(metric.value).toBeGreaterThanOrEqual(2);
    // What one may not see cannot be changed either: "not found".
    await expect(updateInsightStatus(deps, analyst.actor, analyst.access, { id: aboutSource.id, status: 'acknowledged' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('status', () => {
  it('new → acknowledged → actioned; final statuses refuse further moves with a clear error, audited', async () => {
    const deps = await testDeps();
    const analyst = await person(deps, ['analyst']);
    const tag = short();
    const insight = await deps.db.insight.create({
      data: { kind: 'forecast', type: 'forecast.posture', severity: 'low', confidence: 0.5, title: `t ${tag}`, summary: 's', evidence: {}, suggestedAction: 'a', fingerprint: `status:${tag}`, evidenceHash: 'h', subjectType: 'framework', subjectId: tag },
    });
    const acked = await updateInsightStatus(deps, analyst.actor, analyst.access, { id: insight.id, status: 'acknowledged' });
    expect(acked).toMatchObject({ status: 'acknowledged', statusById: analyst.user.id, statusByName: analyst.user.name });
    await expect(updateInsightStatus(deps, analyst.actor, analyst.access, { id: insight.id, status: 'acknowledged' })).rejects.toThrow('An insight that is acknowledged cannot become acknowledged; it can become dismissed or actioned');
    await updateInsightStatus(deps, analyst.actor, analyst.access, { id: insight.id, status: 'actioned' });
    await expect(updateInsightStatus(deps, analyst.actor, analyst.access, { id: insight.id, status: 'dismissed' })).rejects.toMatchObject({ code: 'CONFLICT', message: 'An insight that is actioned cannot become dismissed; actioned is final' });
    const rows = await deps.db.activityEvent.findMany({ where: { resourceType: 'insight', resourceId: insight.id }, orderBy: { id: 'asc' }, select: { type: true, status: true } });
    expect(rows).toEqual([
      { type: 'insight.acknowledged', status: 'success' },
      { type: 'insight.acknowledged', status: 'failure' },
      { type: 'insight.actioned', status: 'success' },
      { type: 'insight.dismissed', status: 'failure' },
    ]);
  });
});

describe('forecasts', () => {
  it('a declining posture series gives "falls below 80% in ~N days" with a band; a flat one gives nothing', async () => {
    const deps = await testDeps();
    const now = new Date();
    const [falling, flat] = await Promise.all([
      deps.db.complianceFramework.create({ data: { name: `Falling ${short()}` } }),
      deps.db.complianceFramework.create({ data: { name: `Flat ${short()}` } }),
    ]);
    try {
      const days = 20;
      const rows = [];
      for (let d = days; d >= 1; d--) {
        const takenAt = new Date(now.getTime() - d * DAY);
        // 95 falling 0.6 a day with a small wobble: ends near 83, crossing 80 in about a week.
        rows.push({ frameworkId: falling.id, scopeType: 'global' as const, scopeId: '*', score: 95 - 0.6 * (days - d) + (d % 2 ? 0.3 : -0.3), checks: 100, failures: 5, takenAt });
        rows.push({ frameworkId: flat.id, scopeType: 'global' as const, scopeId: '*', score: 92 + (d % 2 ? 0.2 : -0.2), checks: 100, failures: 8, takenAt });
      }
      await deps.db.postureSnapshot.createMany({ data: rows });
      await detectInsights(deps, { now, only: ['postureForecast'] });
      const insight = await insightFor(deps, 'forecast.posture', falling.id);
      expect(insight).toMatchObject({ kind: 'forecast', status: 'new', actionLink: `/compliance/frameworks/${falling.id}` });
      expect(insight!.title).toMatch(new RegExp(`^At this rate ${falling.name} posture falls below 80% in ~\\d+ days$`));
      const e = insight!.evidence as unknown as InsightEvidence;
      expect(e.method).toBe('holt');
      expect(e.series).toHaveLength(days);
      expect(e.forecast!.threshold).toBe(80);
      expect(e.forecast!.direction).toBe('below');
      expect(e.forecast!.crossesInDays).toBeGreaterThan(3);
      expect(e.forecast!.crossesInDays).toBeLessThan(10);
      // The band widens with the horizon.
      const [p1, pn] = [e.forecast!.points[0]!, e.forecast!.points.at(-1)!];
      expect(pn.upper - pn.lower).toBeGreaterThan(p1.upper - p1.lower);
      expect(p1.lower).toBeLessThan(p1.value);
      expect(insight!.confidence).toBeGreaterThan(0.3);
      expect(await insightFor(deps, 'forecast.posture', flat.id)).toBeNull();
    } finally {
      // Other test files read the estate's enabled frameworks.
      await deps.db.complianceFramework.updateMany({ where: { id: { in: [falling.id, flat.id] } }, data: { enabled: false } });
    }
  });
});

describe('metric and scan anomalies', () => {
  it('a collapse in scan success on one source', async () => {
    const deps = await testDeps();
    const now = new Date();
    const source = await deps.db.dataSource.create({ data: { name: `src-${short()}`, engine: 'sqlite', database: '/tmp/none.sqlite' } });
    const ruleSet = await deps.db.scanRuleSet.create({ data: { name: `rules-${short()}` } });
    const scan = await deps.db.scan.create({ data: { name: 'nightly', dataSourceId: source.id, ruleSetId: ruleSet.id } });
    const runs = [];
    for (let d = 1; d <= 10; d++) for (const h of [2, 8]) runs.push({ scanId: scan.id, dataSourceId: source.id, status: 'succeeded' as const, finishedAt: new Date(now.getTime() - d * DAY - h * 3_600_000) });
    for (let h = 1; h <= 4; h++) runs.push({ scanId: scan.id, dataSourceId: source.id, status: 'failed' as const, finishedAt: new Date(now.getTime() - h * 3_600_000), error: 'connection refused' });
    await deps.db.scanRun.createMany({ data: runs });
    await detectInsights(deps, { now, only: ['scanCollapse'] });
    const insight = await insightFor(deps, 'scan.success_collapse', source.id);
    expect(insight).toMatchObject({ severity: 'high', dataSourceId: source.id, actionLink: `/datasources/${source.id}` });
    const e = insight!.evidence as unknown as InsightEvidence;
    expect(e).toMatchObject({ current: 0, baseline: { median: 100, points: 10, ewma: 100, sigma: 0, lower: 90 }, score: { value: -10, threshold: -3 }, notes: { recentRuns: 4, recentSucceeded: 0 } });
  });

  it('the hourly metrics snapshot runs the series detectors at once: a jump it records becomes an insight in the same run', async () => {
    const deps = await testDeps();
    const now = new Date();
    const emails = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`email_${i}`, ['PII.Email']]));
    const { source } = await makeSource(deps, { tables: [{ name: `contacts_${short()}`, columns: emails }] });
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    // Eleven quiet days with no sensitive columns; today's value is the snapshot's own count of the 12 above.
    await deps.db.systemMetric.createMany({
      data: Array.from({ length: 11 }, (_, i) => ({ metric: 'sensitive.columns', dimension: `datasource:${source.id}`, grain: 'day', bucket: new Date(today - (11 - i) * DAY), value: 0 })),
    });
    const task = periodicTasks.find((t) => t.name === 'metrics:snapshot')!;
    const outcome = (await task.run({ ...deps, clock: () => now })) as { insights: number };
    expect(outcome.insights).toBeGreaterThanOrEqual(1);
    const insight = await insightFor(deps, 'metric.sensitive_columns_jump', source.id);
    expect(insight).toMatchObject({ title: `12 new sensitive columns on ${source.name} in a day` });
    expect((insight!.evidence as unknown as InsightEvidence).current).toBe(12);
  });

  it('a jump in sensitive columns on one source, from the daily SystemMetric series', async () => {
    const deps = await testDeps();
    const now = new Date();
    const source = await deps.db.dataSource.create({ data: { name: `src-${short()}`, engine: 'sqlite', database: '/tmp/none.sqlite' } });
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const values = [10, 10, 11, 11, 12, 12, 12, 13, 13, 14, 14, 300];
    await deps.db.systemMetric.createMany({
      data: values.map((value, i) => ({ metric: 'sensitive.columns', dimension: `datasource:${source.id}`, grain: 'day', bucket: new Date(today - (values.length - i) * DAY), value })),
    });
    await detectInsights(deps, { now, only: ['sensitiveJump'] });
    const insight = await insightFor(deps, 'metric.sensitive_columns_jump', source.id);
    expect(insight).toMatchObject({ severity: 'high', title: `286 new sensitive columns on ${source.name} in a day` });
    const e = insight!.evidence as unknown as InsightEvidence;
    expect(e.series.map((p) => p.value)).toEqual(values);
    expect(e.score!.value).toBeGreaterThan(100);
  });
});
