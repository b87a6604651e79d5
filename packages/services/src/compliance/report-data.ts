/**
 * What a report shows: a framework's findings as they stood at a moment
 * ("as of"), over the sources the caller may read, and the posture snapshot
 * nearest at or before it. A finding existed at D if first seen by D; it was
 * resolved at D if its resolvedAt is at or before D, waived if it is waived
 * now with a waiver still running at D, and otherwise open or acknowledged as
 * it is now. (Every individual status change is in the activity log.)
 */
import type { ServiceDeps } from '../deps';
import type { AccessChecker } from '../rbac/resolve';
import { getFramework } from './frameworks';
import type { FindingEvidence } from './check';
import { scoreOf } from './snapshots';

export interface ReportRow {
  code: string;
  title: string;
  severity: string;
  status: string;
  qualifiedName: string;
  source: string;
  environment: string;
  assignee: string;
  dueAt: Date | null;
  firstSeenAt: Date;
  closedAt: Date | null;
  evidence: string;
}

export interface ReportData {
  framework: { id: string; name: string; version: string; description: string };
  asOf: Date;
  score: number | null;
  checks: number;
  failures: number;
  trend: { at: Date; score: number }[];
  bySeverity: Record<string, number>;
  byStatus: Record<string, number>;
  rows: ReportRow[];
}

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'];

export async function loadReportData(deps: ServiceDeps, access: AccessChecker, frameworkId: string, asOf: Date): Promise<ReportData> {
  const fw = await getFramework(deps, frameworkId);
  const visible = await access.dataSourcesWith('datasource.read');
  const findings = await deps.db.complianceFinding.findMany({
    where: { frameworkId, firstSeenAt: { lte: asOf }, ...(visible === 'all' ? {} : { dataSourceId: { in: visible } }) },
    select: {
      severity: true,
      status: true,
      evidence: true,
      dueAt: true,
      firstSeenAt: true,
      resolvedAt: true,
      waivedUntil: true,
      assigneeId: true,
      rule: { select: { code: true, title: true } },
      asset: { select: { qualifiedName: true, dataSource: { select: { name: true, environment: true } } } },
    },
  });
  const assignees = await deps.db.user.findMany({ where: { id: { in: [...new Set(findings.map((f) => f.assigneeId).filter((x): x is string => !!x))] } }, select: { id: true, name: true } });
  const nameOf = new Map(assignees.map((u) => [u.id, u.name]));
  const rows: ReportRow[] = findings.map((f) => {
    const resolvedByThen = f.resolvedAt !== null && f.resolvedAt <= asOf;
    const waivedThen = f.status === 'waived' && f.waivedUntil !== null && f.waivedUntil > asOf;
    const status = resolvedByThen ? 'resolved' : waivedThen ? 'waived' : f.status === 'resolved' || f.status === 'waived' ? 'open' : f.status;
    return {
      code: f.rule.code,
      title: f.rule.title,
      severity: f.severity,
      status,
      qualifiedName: f.asset.qualifiedName,
      source: f.asset.dataSource.name,
      environment: f.asset.dataSource.environment,
      assignee: f.assigneeId ? (nameOf.get(f.assigneeId) ?? f.assigneeId) : '',
      dueAt: f.dueAt,
      firstSeenAt: f.firstSeenAt,
      closedAt: status === 'resolved' ? f.resolvedAt : status === 'waived' ? f.waivedUntil : null,
      evidence: (f.evidence as unknown as FindingEvidence | null)?.message ?? '',
    };
  });
  rows.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.code.localeCompare(b.code) || a.qualifiedName.localeCompare(b.qualifiedName));
  const posture = await postureAt(deps, frameworkId, visible, asOf);
  const count = (key: 'severity' | 'status', values: string[]) => Object.fromEntries(values.map((v) => [v, rows.filter((r) => r[key] === v).length]));
  return {
    framework: { id: fw.id, name: fw.name, version: fw.version, description: fw.description },
    asOf,
    ...posture,
    bySeverity: count('severity', SEVERITY_ORDER),
    byStatus: count('status', ['open', 'acknowledged', 'waived', 'resolved']),
    rows,
  };
}

/** The snapshot nearest at or before `asOf` (summed over visible sources for a restricted caller) and a 30-day daily trend before it. */
async function postureAt(deps: ServiceDeps, frameworkId: string, visible: 'all' | string[], asOf: Date) {
  const since = new Date(asOf.getTime() - 30 * 86_400_000);
  const rows = await deps.db.$queryRawUnsafe<{ day: Date; checks: number; failures: number }[]>(
    visible === 'all'
      ? `SELECT day, checks, failures FROM (
           SELECT date_trunc('day', "takenAt") AS day, checks, failures, row_number() OVER (PARTITION BY date_trunc('day', "takenAt") ORDER BY "takenAt" DESC) AS n
             FROM "PostureSnapshot" WHERE "frameworkId" = $1 AND "scopeType" = 'global' AND "takenAt" <= $2::timestamp(3) AND "takenAt" >= $3::timestamp(3)) s
          WHERE n = 1 ORDER BY day`
      : `SELECT day, sum(checks)::int AS checks, sum(failures)::int AS failures FROM (
           SELECT date_trunc('day', "takenAt") AS day, checks, failures, row_number() OVER (PARTITION BY "scopeId", date_trunc('day', "takenAt") ORDER BY "takenAt" DESC) AS n
             FROM "PostureSnapshot" WHERE "frameworkId" = $1 AND "scopeType" = 'datasource' AND "scopeId" = ANY($4::text[]) AND "takenAt" <= $2::timestamp(3) AND "takenAt" >= $3::timestamp(3)) s
          WHERE n = 1 GROUP BY day ORDER BY day`,
    frameworkId,
    asOf.toISOString(),
    since.toISOString(),
    ...(visible === 'all' ? [] : [visible]),
  );
  const trend = rows.map((r) => ({ at: new Date(r.day), score: scoreOf(Number(r.checks), Number(r.failures)) }));
  const last = rows[rows.length - 1];
  return { score: last ? scoreOf(Number(last.checks), Number(last.failures)) : null, checks: last ? Number(last.checks) : 0, failures: last ? Number(last.failures) : 0, trend };
}
