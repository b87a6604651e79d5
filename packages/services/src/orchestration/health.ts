import { latestExpectedMigration } from '@racine/db/migrations-manifest';
import type { ServiceDeps } from '../deps';

export type HealthStatus = 'healthy' | 'degraded' | 'down';

export interface HealthReport {
  status: HealthStatus;
  checkedAt: Date;
  uptimeSeconds: number;
  version: string;
  checks: {
    database: { ok: boolean; latencyMs: number | null; error?: string };
    migrations: { ok: boolean; applied: number; latest: string | null; expected: string; failed: number; error?: string };
    bus: { ok: boolean; kind: string; latencyMs: number | null; error?: string };
    activityLog: { ok: boolean; headId: string | null; error?: string };
  };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const timed = async <T>(fn: () => Promise<T>) => {
  const started = performance.now();
  const value = await fn();
  return { value, ms: Math.round((performance.now() - started) * 100) / 100 };
};

async function checkDatabase(deps: ServiceDeps): Promise<HealthReport['checks']['database']> {
  try {
    const { ms } = await timed(() => deps.db.$queryRawUnsafe('SELECT 1'));
    return { ok: true, latencyMs: ms };
  } catch (e) {
    return { ok: false, latencyMs: null, error: message(e) };
  }
}

async function checkMigrations(deps: ServiceDeps): Promise<HealthReport['checks']['migrations']> {
  try {
    const rows = await deps.db.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }[]>(
      'SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
    );
    const applied = rows.filter((r) => r.finished_at && !r.rolled_back_at);
    const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at).length;
    const latest = applied.at(-1)?.migration_name ?? null;
    return { ok: failed === 0 && latest === latestExpectedMigration, applied: applied.length, latest, expected: latestExpectedMigration, failed };
  } catch (e) {
    return { ok: false, applied: 0, latest: null, expected: latestExpectedMigration, failed: 0, error: message(e) };
  }
}

async function checkBus(deps: ServiceDeps): Promise<HealthReport['checks']['bus']> {
  try {
    return { ok: true, kind: deps.bus.kind, latencyMs: Math.round((await deps.bus.ping(1500)) * 100) / 100 };
  } catch (e) {
    return { ok: false, kind: deps.bus.kind, latencyMs: null, error: message(e) };
  }
}

async function checkActivityLog(deps: ServiceDeps): Promise<HealthReport['checks']['activityLog']> {
  try {
    const head = await deps.db.activityEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
    return { ok: true, headId: head?.id.toString() ?? null };
  } catch (e) {
    return { ok: false, headId: null, error: message(e) };
  }
}

/** Real checks, run concurrently: a load balancer and the UI's health dot read the same report. */
export async function getHealth(deps: ServiceDeps): Promise<HealthReport> {
  const [database, migrations, bus, activityLog] = await Promise.all([checkDatabase(deps), checkMigrations(deps), checkBus(deps), checkActivityLog(deps)]);
  const status: HealthStatus = !database.ok ? 'down' : migrations.ok && bus.ok && activityLog.ok ? 'healthy' : 'degraded';
  return {
    status,
    checkedAt: deps.clock(),
    uptimeSeconds: Math.round(process.uptime()),
    version: process.env.RACINE_VERSION ?? '0.1.0',
    checks: { database, migrations, bus, activityLog },
  };
}
