import type { Prisma } from '@racine/db';
import type { ServiceDeps } from '../deps';
import type { AccessChecker } from '../rbac/resolve';
import { listInsightsInput, type InsightSeverity, type InsightStatus, type ListInsightsInput } from './schemas';
import { insightReader } from './visibility';

export const insightSelect = {
  id: true,
  kind: true,
  type: true,
  severity: true,
  confidence: true,
  title: true,
  summary: true,
  evidence: true,
  suggestedAction: true,
  actionLink: true,
  subjectType: true,
  subjectId: true,
  workspaceId: true,
  dataSourceId: true,
  status: true,
  statusById: true,
  statusAt: true,
  seq: true,
  detectedAt: true,
  updatedAt: true,
} satisfies Prisma.InsightSelect;

type Row = Prisma.InsightGetPayload<{ select: typeof insightSelect }>;

export interface InsightView extends Omit<Row, 'seq' | 'severity' | 'status'> {
  seq: string;
  severity: InsightSeverity;
  status: InsightStatus;
  statusByName: string | null;
}

const asArray = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/**
 * Insights the caller may see (see visibility.ts), newest (last materially changed) first,
 * keyset-paginated by seq. The assistant and the dashboards' insights widget call this too.
 */
export async function listInsights(
  deps: ServiceDeps,
  access: AccessChecker,
  rawInput: ListInsightsInput = {},
): Promise<{ items: InsightView[]; nextCursor: string | null; canManage: boolean }> {
  const input = listInsightsInput.parse(rawInput);
  const reader = await insightReader(access);
  const and: Prisma.InsightWhereInput[] = [reader.where];
  const statuses = asArray(input.status);
  const severities = asArray(input.severity);
  if (statuses) and.push({ status: { in: statuses } });
  if (severities) and.push({ severity: { in: severities } });
  if (input.kind) and.push({ kind: input.kind });
  if (input.type) and.push({ type: input.type });
  if (input.cursor) and.push({ seq: { lt: BigInt(input.cursor) } });
  const rows = await deps.db.insight.findMany({ where: { AND: and }, select: insightSelect, orderBy: { seq: 'desc' }, take: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  return { items: await toViews(deps, page), nextCursor: rows.length > input.limit ? String(page.at(-1)!.seq) : null, canManage: reader.canManage };
}

export async function toViews(deps: ServiceDeps, rows: Row[]): Promise<InsightView[]> {
  const ids = [...new Set(rows.map((r) => r.statusById).filter((x): x is string => !!x))];
  const people = ids.length ? await deps.db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }) : [];
  const names = new Map(people.map((p) => [p.id, p.name || p.email]));
  return rows.map((r) => ({
    ...r,
    seq: String(r.seq),
    severity: r.severity as InsightSeverity,
    status: r.status as InsightStatus,
    statusByName: r.statusById ? (names.get(r.statusById) ?? null) : null,
  }));
}
