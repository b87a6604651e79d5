/**
 * Posture: each framework's current score and its trend (the last snapshot of
 * each day over `days`), for the whole catalog, a workspace or a source, plus
 * the latest score of every visible source. A caller who may not read every
 * source sees, for the global scope, the sum over the sources they may read.
 */
import type { z } from 'zod';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { type AccessChecker, dataSourceScope, workspaceScope } from '../rbac/resolve';
import type { postureInput } from './schemas';
import { scoreOf } from './snapshots';

const DAY = 86_400_000;

interface Point {
  frameworkId: string;
  day: Date;
  checks: number;
  failures: number;
}

export async function getPosture(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof postureInput>) {
  const now = deps.clock();
  const since = new Date(now.getTime() - input.days * DAY);
  const visible = await access.dataSourcesWith('datasource.read');
  const scope = input.scope ?? { type: 'global' as const };
  let sourceIds: 'all' | string[] = visible;
  if (scope.type === 'datasource') {
    if (!(await access.can('datasource.read', dataSourceScope(scope.id!)))) throw new AppError('FORBIDDEN', `You need the datasource.read permission on data source ${scope.id}`);
    sourceIds = [scope.id!];
  } else if (scope.type === 'workspace') {
    if (!(await access.can('workspace.read', workspaceScope(scope.id!)))) throw new AppError('FORBIDDEN', `You need the workspace.read permission on workspace ${scope.id}`);
    const inWs = await deps.db.dataSource.findMany({ where: { workspaceId: scope.id }, select: { id: true } });
    sourceIds = inWs.map((s) => s.id).filter((id) => visible === 'all' || visible.includes(id));
  }
  const frameworks = await deps.db.complianceFramework.findMany({ where: input.frameworkId ? { id: input.frameworkId } : { enabled: true }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
  const fwIds = frameworks.map((f) => f.id);

  // Whole-catalog or whole-workspace snapshots exist as such; anything narrower is summed from per-source ones.
  const direct = sourceIds === 'all' ? { type: 'global', id: '*' } : scope.type === 'workspace' && visible === 'all' ? { type: 'workspace', id: scope.id! } : null;
  const points = direct
    ? await deps.db.$queryRawUnsafe<Point[]>(
        `SELECT "frameworkId", day, checks, failures FROM (
           SELECT "frameworkId", date_trunc('day', "takenAt") AS day, checks, failures,
                  row_number() OVER (PARTITION BY "frameworkId", date_trunc('day', "takenAt") ORDER BY "takenAt" DESC) AS n
             FROM "PostureSnapshot" WHERE "frameworkId" = ANY($1::text[]) AND "scopeType" = $2::"ScopeType" AND "scopeId" = $3 AND "takenAt" >= $4::timestamp(3)) s
          WHERE n = 1 ORDER BY day`,
        fwIds,
        direct.type,
        direct.id,
        since.toISOString(),
      )
    : await deps.db.$queryRawUnsafe<Point[]>(
        `SELECT "frameworkId", day, sum(checks)::int AS checks, sum(failures)::int AS failures FROM (
           SELECT "frameworkId", date_trunc('day', "takenAt") AS day, checks, failures,
                  row_number() OVER (PARTITION BY "frameworkId", "scopeId", date_trunc('day', "takenAt") ORDER BY "takenAt" DESC) AS n
             FROM "PostureSnapshot" WHERE "frameworkId" = ANY($1::text[]) AND "scopeType" = 'datasource' AND "scopeId" = ANY($2::text[]) AND "takenAt" >= $3::timestamp(3)) s
          WHERE n = 1 GROUP BY "frameworkId", day ORDER BY day`,
        fwIds,
        sourceIds,
        since.toISOString(),
      );
  const latest = await latestBySource(deps, fwIds, sourceIds);
  const current = new Map<string, { checks: number; failures: number }>();
  if (direct) {
    const rows = await deps.db.$queryRawUnsafe<{ frameworkId: string; checks: number; failures: number }[]>(
      `SELECT DISTINCT ON ("frameworkId") "frameworkId", checks, failures FROM "PostureSnapshot" WHERE "frameworkId" = ANY($1::text[]) AND "scopeType" = $2::"ScopeType" AND "scopeId" = $3 ORDER BY "frameworkId", "takenAt" DESC`,
      fwIds,
      direct.type,
      direct.id,
    );
    for (const r of rows) current.set(r.frameworkId, { checks: Number(r.checks), failures: Number(r.failures) });
  } else
    for (const r of latest) {
      const c = current.get(r.frameworkId) ?? { checks: 0, failures: 0 };
      c.checks += Number(r.checks);
      c.failures += Number(r.failures);
      current.set(r.frameworkId, c);
    }

  const sources = await deps.db.dataSource.findMany({ where: sourceIds === 'all' ? {} : { id: { in: sourceIds } }, select: { id: true, name: true, environment: true }, orderBy: { name: 'asc' } });
  return {
    frameworks: frameworks.map((f) => {
      const c = current.get(f.id);
      return {
        id: f.id,
        name: f.name,
        score: c ? scoreOf(c.checks, c.failures) : null,
        checks: c?.checks ?? 0,
        failures: c?.failures ?? 0,
        trend: points.filter((p) => p.frameworkId === f.id).map((p) => ({ at: new Date(p.day), score: scoreOf(Number(p.checks), Number(p.failures)) })),
      };
    }),
    bySource: sources.map((s) => ({
      dataSourceId: s.id,
      name: s.name,
      environment: s.environment,
      scores: latest.filter((l) => l.scopeId === s.id).map((l) => ({ frameworkId: l.frameworkId, score: Number(l.score) })),
    })),
  };
}

async function latestBySource(deps: ServiceDeps, fwIds: string[], sourceIds: 'all' | string[]) {
  return deps.db.$queryRawUnsafe<{ frameworkId: string; scopeId: string; score: number; checks: number; failures: number }[]>(
    `SELECT DISTINCT ON ("frameworkId", "scopeId") "frameworkId", "scopeId", score, checks, failures FROM "PostureSnapshot"
      WHERE "frameworkId" = ANY($1::text[]) AND "scopeType" = 'datasource' AND ($2::text[] IS NULL OR "scopeId" = ANY($2::text[]))
        AND "scopeId" IN (SELECT id FROM "DataSource")
      ORDER BY "frameworkId", "scopeId", "takenAt" DESC`,
    fwIds,
    sourceIds === 'all' ? null : sourceIds,
  );
}
