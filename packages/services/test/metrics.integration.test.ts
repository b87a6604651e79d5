/**
 * The metric catalogue over a real scene: the demo shop scanned for real and
 * evaluated against PCI-DSS, in a workspace with a failed and a succeeded
 * workflow execution and some activity. Every number is checked exactly
 * against the scene's own rows (other test files share the database, so
 * every query is narrowed to the scene's source or workspace), and a viewer
 * without grants must see none of it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { recordActivity } from '../src/activity/record';
import { systemActor } from '../src/actor';
import { evaluateFramework } from '../src/compliance/evaluate';
import { scoreOf } from '../src/compliance/snapshots';
import { AppError } from '../src/errors';
import { builtInDashboards } from '../src/dashboards/builtins';
import { metricCatalog } from '../src/metrics/catalog';
import { MetricCache } from '../src/metrics/cache';
import { SENSITIVE_LABELS } from '../src/metrics/classification';
import { metricCatalogList, queryMetric } from '../src/metrics/query';
import { snapshotMetrics } from '../src/metrics/snapshot';
import { metricQueryInput, type MetricQuery } from '../src/metrics/types';
import { AccessChecker } from '../src/rbac/resolve';
import type { ServiceDeps } from '../src/deps';
import { scannedShop } from './compliance-scene';
import { makeWorkspace, person } from './harness';

type Shop = Awaited<ReturnType<typeof scannedShop>>;
let shop: Shop;
let deps: ServiceDeps;
let admin: Awaited<ReturnType<typeof person>>;
let ws: { id: string };
let workflowIds: { failed: string; succeeded: string };

const q = (metric: string, extra: Partial<MetricQuery> = {}): MetricQuery => metricQueryInput.parse({ metric, ...extra });
const ask = (who: { access: AccessChecker; user: { id: string } }, metric: string, extra: Partial<MetricQuery> = {}) =>
  queryMetric(deps, who.access, who.user.id, q(metric, extra), { cache: false });
/** A fresh access checker per question (its permission memo lives for one request). */
const fresh = (p: { user: { id: string } }) => ({ user: p.user, access: new AccessChecker(deps.db, { kind: 'user', userId: p.user.id }) });

beforeAll(async () => {
  shop = await scannedShop();
  deps = shop.deps;
  admin = await person(deps, ['admin']);
  ws = await makeWorkspace(deps.db, { ownerId: shop.steward.user.id });
  await deps.db.dataSource.update({ where: { id: shop.source.id }, data: { workspaceId: ws.id } });
  await evaluateFramework(deps, shop.steward.actor, { frameworkId: shop.fw.pci.id, dataSourceId: shop.source.id, trigger: 'manual' });

  // Two executions of one workflow in the workspace: one failed after 4 s, one succeeded after 2 s.
  const wf = await deps.db.workflow.create({ data: { workspaceId: ws.id, name: `wf-${crypto.randomUUID().slice(0, 6)}` } });
  const version = await deps.db.workflowVersion.create({ data: { workflowId: wf.id, version: 1, definition: { steps: [] } } });
  const t0 = new Date(Date.now() - 60_000);
  const exec = (status: 'failed' | 'succeeded', ms: number) =>
    deps.db.workflowExecution.create({
      data: { workflowId: wf.id, versionId: version.id, version: 1, workspaceId: ws.id, status, trigger: 'manual', startedAt: t0, finishedAt: new Date(t0.getTime() + ms), error: status === 'failed' ? 'step x failed' : null },
    });
  workflowIds = { failed: (await exec('failed', 4000)).id, succeeded: (await exec('succeeded', 2000)).id };

  // Three rows of activity in the workspace, by the steward, in the "catalog" group.
  for (let i = 0; i < 3; i++)
    await recordActivity(deps, shop.steward.actor, { type: 'catalog.asset.viewed', category: 'data', sourceGroup: 'catalog', action: 'view', workspaceId: ws.id, resourceType: 'asset', resourceId: crypto.randomUUID() });
}, 180_000);

describe('the catalogue', () => {
  it('has every metric the built-in dashboards use, each documented, and lists them without compute functions', () => {
    const keys = new Set(metricCatalog.map((m) => m.key));
    expect(keys.size).toBe(metricCatalog.length);
    for (const d of Object.values(builtInDashboards)) for (const w of d.widgets) if (w.metric !== 'insights.open') expect(keys.has(w.metric), w.metric).toBe(true);
    for (const m of metricCatalog) {
      expect(m.description.length, m.key).toBeGreaterThan(40);
      if (m.snapshot) expect(m.snapshotRows, m.key).toBeTypeOf('function');
    }
    const listed = metricCatalogList();
    expect(listed.map((m) => m.key)).toEqual(metricCatalog.map((m) => m.key));
    expect(Object.keys(listed[0]!)).not.toContain('compute');
  });

  it('refuses an unknown metric, a grouping the metric has not, and someone without dashboard.use', async () => {
    await expect(queryMetric(deps, admin.access, admin.user.id, q('no.such.metric'))).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/Unknown metric "no.such.metric"/) });
    await expect(queryMetric(deps, admin.access, admin.user.id, q('queue.depth', { groupBy: 'severity' }))).rejects.toBeInstanceOf(AppError);
    const nobody = await person(deps, []);
    await expect(queryMetric(deps, nobody.access, nobody.user.id, q('sensitive.columns'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('numbers over the scene', () => {
  it('sensitive columns and coverage match the scanned catalogue exactly', async () => {
    const columns = await deps.db.asset.findMany({ where: { dataSourceId: shop.source.id, type: 'column', removedAt: null }, select: { labels: true, lastScannedAt: true } });
    const sensitive = columns.filter((c) => c.labels.some((l) => SENSITIVE_LABELS.includes(l)));
    expect(sensitive.length).toBeGreaterThan(3);
    const r = await ask(fresh(admin), 'sensitive.columns', { filters: { dataSourceId: shop.source.id }, groupBy: 'label' });
    expect(r.value).toBe(sensitive.length);
    const perCategory = new Map<string, number>();
    for (const c of sensitive) for (const p of new Set(c.labels.filter((l) => SENSITIVE_LABELS.includes(l)).map((l) => l.split('.')[0]!))) perCategory.set(p, (perCategory.get(p) ?? 0) + 1);
    expect(r.breakdown.find((b) => b.key === 'PII')?.value).toBe(perCategory.get('PII'));
    expect(r.breakdown.reduce((s, b) => s + (b.value ?? 0), 0)).toBe([...perCategory.values()].reduce((s, n) => s + n, 0));

    const scanned = columns.filter((c) => c.lastScannedAt);
    const labelled = scanned.filter((c) => c.labels.length > 0);
    const cov = await ask(fresh(admin), 'classification.coverage', { filters: { workspaceId: ws.id } });
    expect(cov.value).toBe(Math.round((labelled.length / scanned.length) * 1000) / 10);
    expect(cov.breakdown).toEqual([expect.objectContaining({ key: shop.source.id, meta: { labelled: labelled.length, scanned: scanned.length } })]);

    const states = await deps.db.classification.groupBy({ by: ['state'], where: { asset: { dataSourceId: shop.source.id } }, _count: { _all: true } });
    const labels = await ask(fresh(admin), 'classification.labels', { filters: { dataSourceId: shop.source.id } });
    for (const s of states) expect(labels.breakdown.find((b) => b.key === s.state)?.value).toBe(s._count._all);
  });

  it('findings, SLA breaches, attention, posture and risks match the PCI evaluation', async () => {
    const open = await deps.db.complianceFinding.findMany({ where: { dataSourceId: shop.source.id, status: { in: ['open', 'acknowledged'] } } });
    expect(open.length).toBeGreaterThan(0);
    const bySeverity = await ask(fresh(admin), 'findings.open', { filters: { dataSourceId: shop.source.id }, groupBy: 'severity' });
    expect(bySeverity.value).toBe(open.length);
    for (const s of ['critical', 'high', 'medium', 'low']) expect(bySeverity.breakdown.find((b) => b.key === s)?.value, s).toBe(open.filter((f) => f.severity === s).length);

    // Make one finding overdue and one unassigned critical/high due later: both need attention; only the first breaches.
    const [first] = open.filter((f) => f.severity === 'critical' || f.severity === 'high');
    expect(first).toBeDefined();
    await deps.db.complianceFinding.update({ where: { id: first!.id }, data: { dueAt: new Date(Date.now() - 3 * 86_400_000) } });
    const sla = await ask(fresh(admin), 'findings.sla_breaches', { filters: { dataSourceId: shop.source.id } });
    expect(sla.value).toBe(1);
    expect(sla.rows?.[0]).toMatchObject({ key: first!.id, link: `/compliance/findings?finding=${first!.id}`, meta: expect.objectContaining({ overdueDays: 3 }) });
    const att = await ask(fresh(admin), 'findings.attention', { filters: { dataSourceId: shop.source.id }, limit: 100 });
    expect(att.value).toBe(open.filter((f) => f.severity === 'critical' || f.severity === 'high').length);
    expect(att.rows?.[0]?.key).toBe(first!.id);

    const snap = await deps.db.postureSnapshot.findFirstOrThrow({ where: { frameworkId: shop.fw.pci.id, scopeType: 'datasource', scopeId: shop.source.id }, orderBy: { takenAt: 'desc' } });
    const posture = await ask(fresh(admin), 'posture.score', { filters: { dataSourceId: shop.source.id, frameworkId: shop.fw.pci.id }, groupBy: 'framework' });
    expect(posture.value).toBe(scoreOf(snap.checks, snap.failures));
    expect(posture.breakdown).toEqual([expect.objectContaining({ key: shop.fw.pci.id, value: scoreOf(snap.checks, snap.failures) })]);
    expect(posture.seriesByGroup?.[0]?.points.at(-1)?.value).toBe(scoreOf(snap.checks, snap.failures));

    const risks = await ask(fresh(admin), 'risks.top', { filters: { dataSourceId: shop.source.id }, limit: 3 });
    expect(risks.rows?.length).toBeGreaterThan(0);
    const values = risks.rows!.map((r) => r.value!);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect(risks.rows![0]!.meta?.score).toMatch(/sensitivity .* open finding/);
  });

  it('scan freshness, scan runs, workflow rates and failures over the workspace', async () => {
    const fresh1 = await ask(fresh(admin), 'scan.freshness', { filters: { dataSourceId: shop.source.id } });
    expect(fresh1.value).toBe(0);
    expect(fresh1.breakdown).toEqual([expect.objectContaining({ key: shop.source.id, meta: expect.objectContaining({ state: 'scanned' }) })]);
    const runs = await ask(fresh(admin), 'scan.runs', { filters: { dataSourceId: shop.source.id }, groupBy: 'status', range: '7d' });
    expect(runs.value).toBe(1);
    expect(runs.breakdown.find((b) => b.key === 'succeeded')?.value).toBe(1);
    const scanRate = await ask(fresh(admin), 'scan.success_rate', { filters: { dataSourceId: shop.source.id } });
    expect(scanRate.value).toBe(100);

    const rate = await ask(fresh(admin), 'workflow.success_rate', { filters: { workspaceId: ws.id } });
    expect(rate.value).toBe(50);
    const p95 = await ask(fresh(admin), 'workflow.duration_p95', { filters: { workspaceId: ws.id } });
    expect(p95.value).toBe(3900); // percentile_cont over 2000 and 4000 ms
    const failures = await ask(fresh(admin), 'runs.failures', { filters: { workspaceId: ws.id }, groupBy: 'type', range: '7d' });
    expect(failures.value).toBe(1);
    expect(failures.breakdown.find((b) => b.key === 'workflow')?.value).toBe(1);
    expect(failures.rows?.[0]).toMatchObject({ key: `workflow:${workflowIds.failed}`, link: `/workflows/executions/${workflowIds.failed}` });
  });

  it('activity volume over the workspace by group, with its heatmap', async () => {
    const r = await ask(fresh(admin), 'activity.volume', { filters: { workspaceId: ws.id, group: 'catalog' }, groupBy: 'user', range: '24h', grain: 'hour' });
    expect(r.value).toBe(3);
    expect(r.breakdown).toEqual([expect.objectContaining({ key: shop.steward.user.id, value: 3 })]);
    expect(r.matrix?.reduce((s, m) => s + m.value, 0)).toBe(3);
    const now = new Date();
    expect(r.matrix).toContainEqual({ x: now.getUTCHours(), y: now.getUTCDay(), value: 3 });
    const mine = await ask(fresh(shop.steward), 'activity.mine', { filters: { workspaceId: ws.id, group: 'catalog' }, range: '24h' });
    expect(mine.value).toBe(3);
  });

  it('a viewer with no grants sees zeros, not the estate, whatever the filters say', async () => {
    const viewer = await person(deps, ['viewer']);
    for (const filters of [{}, { dataSourceId: shop.source.id }, { workspaceId: ws.id }]) {
      const v = fresh(viewer);
      expect((await ask(v, 'sensitive.columns', { filters })).value).toBe(0);
      expect((await ask(v, 'sensitive.columns', { filters, groupBy: 'label' })).breakdown).toEqual([]);
      expect((await ask(v, 'findings.open', { filters })).value).toBe(0);
      expect((await ask(v, 'posture.score', { filters })).value).toBeNull();
      expect((await ask(v, 'classification.coverage', { filters })).value).toBeNull();
      expect((await ask(v, 'risks.top', { filters })).rows).toEqual([]);
      expect((await ask(v, 'runs.failures', { filters })).value).toBe(0);
      expect((await ask(v, 'workflow.success_rate', { filters })).value).toBeNull();
      expect((await ask(v, 'scan.freshness', { filters })).breakdown).toEqual([]);
    }
    // The workspace's own member sees the workspace's source and runs.
    await deps.db.workspaceMember.create({ data: { workspaceId: ws.id, userId: viewer.user.id, roleId: 'ws.member' } });
    expect((await ask(fresh(viewer), 'workflow.success_rate', { filters: { workspaceId: ws.id } })).value).toBe(50);
  });
});

describe('snapshots', () => {
  it('are idempotent per bucket, and series combine the visible sources by numerator and denominator', async () => {
    // A second, tiny source in the workspace: 1 of 4 scanned columns labelled.
    const other = await deps.db.dataSource.create({ data: { name: `tiny-${crypto.randomUUID().slice(0, 8)}`, engine: 'sqlite', database: '/nowhere.sqlite', workspaceId: ws.id } });
    const table = await deps.db.asset.create({ data: { dataSourceId: other.id, type: 'table', qualifiedName: 'main.main.t', name: 't', lastScannedAt: new Date() } });
    for (let i = 0; i < 4; i++)
      await deps.db.asset.create({ data: { dataSourceId: other.id, type: 'column', parentId: table.id, qualifiedName: `main.main.t.c${i}`, name: `c${i}`, lastScannedAt: new Date(), labels: i === 0 ? ['PII.Email'] : [] } });

    const at = new Date(Date.now() - 2 * 86_400_000);
    const then: ServiceDeps = { ...deps, clock: () => at };
    await snapshotMetrics(then);
    await snapshotMetrics(then);
    const rows = await deps.db.systemMetric.findMany({ where: { metric: 'classification.coverage', dimension: { in: [`datasource:${shop.source.id}`, `datasource:${other.id}`] }, grain: 'day', bucket: { gte: new Date(at.getTime() - 86_400_000) } } });
    expect(rows).toHaveLength(2); // one per source, however often the job ran
    const a = rows.find((r) => r.dimension === `datasource:${shop.source.id}`)!;
    const b = rows.find((r) => r.dimension === `datasource:${other.id}`)!;
    expect([b.numerator, b.denominator, b.value]).toEqual([1, 4, 25]);

    const cov = await ask(fresh(admin), 'classification.coverage', { filters: { workspaceId: ws.id }, range: '7d' });
    const point = cov.series.find((p) => p.t.getTime() === rows[0]!.bucket.getTime());
    expect(point?.value).toBe(Math.round(((a.numerator! + 1) / (a.denominator! + 4)) * 1000) / 10);
    const sens = await ask(fresh(admin), 'sensitive.columns', { filters: { workspaceId: ws.id }, range: '7d' });
    const sa = await deps.db.systemMetric.findFirstOrThrow({ where: { metric: 'sensitive.columns', dimension: `datasource:${shop.source.id}`, grain: 'day', bucket: rows[0]!.bucket } });
    expect(sens.series.find((p) => p.t.getTime() === rows[0]!.bucket.getTime())?.value).toBe(sa.value + 1);
    expect(sens.previous).toBe(sa.value + 1);
  });
});

describe('the cache', () => {
  it('serves a repeated query from memory until a scan-type activity row lands', async () => {
    const cache = new MetricCache(deps.db);
    const query = q('sensitive.columns', { filters: { dataSourceId: shop.source.id } });
    const compute = () => queryMetric(deps, fresh(admin).access, admin.user.id, query, { cache: false });
    const tags = metricCatalog.find((m) => m.key === 'sensitive.columns')!.invalidatedBy;
    const first = await cache.through('k', tags, 60_000, compute);

    // Change the catalogue behind the cache's back (no activity row): the cached value stays.
    const column = await deps.db.asset.findFirstOrThrow({ where: { dataSourceId: shop.source.id, type: 'column', labels: { isEmpty: true } } });
    await deps.db.asset.update({ where: { id: column.id }, data: { labels: ['PII.Email'] } });
    expect((await cache.through('k', tags, 60_000, compute)).value).toBe(first.value);
    expect(cache.hits).toBe(1);

    // Activity of an unrelated type does not drop it; a scan-type row does.
    await recordActivity(deps, systemActor, { type: 'kb.article.viewed', category: 'data', sourceGroup: 'kb', action: 'view' });
    expect((await cache.through('k', tags, 60_000, compute)).value).toBe(first.value);
    await recordActivity(deps, systemActor, { type: 'scan.run.succeeded', category: 'execution', sourceGroup: 'scan', action: 'run', resourceType: 'scanRun', resourceId: crypto.randomUUID() });
    expect((await cache.through('k', tags, 60_000, compute)).value).toBe(first.value! + 1);
    await deps.db.asset.update({ where: { id: column.id }, data: { labels: [] } });
  });

  it('queryMetric caches per caller visibility: a viewer never gets the admin’s cached numbers', async () => {
    const query = q('findings.open', { filters: { dataSourceId: shop.source.id } });
    const byAdmin = await queryMetric(deps, fresh(admin).access, admin.user.id, query);
    expect(byAdmin.value).toBeGreaterThan(0);
    const viewer = await person(deps, ['viewer']);
    expect((await queryMetric(deps, fresh(viewer).access, viewer.user.id, query)).value).toBe(0);
    expect((await queryMetric(deps, fresh(admin).access, admin.user.id, query)).value).toBe(byAdmin.value);
  });
});
