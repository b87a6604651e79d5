/**
 * `activity.report`: the compliance-relevant rows of the log for a range and
 * a scope, as CSV or PDF, returned base64-encoded like the compliance report
 * (compliance/report.ts), so the browser downloads it the same way. Summary
 * counts cover every matching row; the row listing stops at maxRows and the
 * report says so. The header carries a hash-chain check of the log segment
 * the rows span, when that segment is small enough to check on the spot.
 */
import PDFDocument from 'pdfkit';
import type { Actor } from '../actor';
import { csvField } from '../compliance/report';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import type { ActivityReportInput } from './analytics-schemas';
import { visibilitySql } from './analytics';
import { activityHash, GENESIS_HASH } from './hash';
import { actorNames } from './queries';
import { drawPdfFooters, drawPdfTable } from '../reports/pdf-table';
import { recordActivity } from './record';
import type { ActivityVisibility } from './visibility';

/** Beyond this many log rows between the first and last reported id, the segment check is left to activity.verifyChain. */
export const VERIFY_SPAN_LIMIT = 50_000;

export interface ReportRow {
  id: string;
  occurredAt: Date;
  actor: string;
  type: string;
  action: string;
  resource: string;
  status: string;
  details: string;
}

export interface ActivityReportData {
  scopeLabel: string;
  from: Date;
  to: Date;
  generatedBy: string;
  generatedAt: Date;
  total: number;
  rows: ReportRow[];
  capped: boolean;
  byType: { key: string; count: number }[];
  byGroup: { key: string; count: number }[];
  byActor: { key: string; count: number }[];
  verification: { checked: number; ok: boolean; text: string };
}

const stamp = (d: Date) => `${d.toISOString().replace('T', ' ').slice(0, 19)} UTC`;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** A short, stable digest of a row's details: top-level keys and scalar values, ids shortened. */
export function detailsDigest(details: unknown, max = 160): string {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(details as Record<string, unknown>)) {
    if (v === null || v === undefined || k === 'timings') continue;
    const text = typeof v === 'object' ? (Array.isArray(v) ? `[${v.length}]` : '{…}') : String(v);
    parts.push(`${k}=${/^[0-9a-f-]{36}$/.test(text) ? text.slice(0, 8) : text.slice(0, 60)}`);
  }
  const joined = parts.join(' ');
  return joined.length > max ? `${joined.slice(0, max - 1)}…` : joined;
}

async function scopeSql(deps: ServiceDeps, scope: ActivityReportInput['scope'], params: unknown[]): Promise<{ sql: string; label: string }> {
  if (scope.type === 'all') return { sql: 'TRUE', label: 'Everything you may read' };
  if (scope.type === 'workspace') {
    const ws = await deps.db.workspace.findUnique({ where: { id: scope.id }, select: { name: true } });
    if (!ws) throw new AppError('NOT_FOUND', `Workspace ${scope.id} was not found`);
    params.push(scope.id);
    return { sql: `"workspaceId" = $${params.length}`, label: `Workspace “${ws.name}”` };
  }
  const source = await deps.db.dataSource.findUnique({ where: { id: scope.id }, select: { name: true } });
  if (!source) throw new AppError('NOT_FOUND', `Data source ${scope.id} was not found`);
  params.push(scope.id);
  const p = `$${params.length}`;
  // A source's rows: about the source itself, or naming it in details/after (scan runs, findings, evaluations of that source).
  return { sql: `(("resourceType" = 'datasource' AND "resourceId" = ${p}) OR details->>'dataSourceId' = ${p} OR after->>'dataSourceId' = ${p})`, label: `Data source “${source.name}”` };
}

export async function loadActivityReport(deps: ServiceDeps, actor: Actor, visibility: ActivityVisibility, input: ActivityReportInput): Promise<ActivityReportData> {
  const { db } = deps;
  const params: unknown[] = [input.from.toISOString(), input.to.toISOString()];
  const vis = visibilitySql(visibility, params);
  const scope = await scopeSql(deps, input.scope, params);
  const where = `"complianceRelevant" AND "occurredAt" >= $1::timestamp(3) AND "occurredAt" <= $2::timestamp(3) AND ${vis} AND ${scope.sql}`;
  const count = (column: string) =>
    db.$queryRawUnsafe<{ key: string | null; count: bigint }[]>(`SELECT ${column} AS key, count(*) AS count FROM "ActivityEvent" WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST LIMIT 25`, ...params);
  const [totals, idRows, byType, byGroup, byActor] = await Promise.all([
    db.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) AS count FROM "ActivityEvent" WHERE ${where}`, ...params),
    db.$queryRawUnsafe<{ id: bigint }[]>(`SELECT id FROM "ActivityEvent" WHERE ${where} ORDER BY id ASC LIMIT ${input.maxRows}`, ...params),
    count('type'),
    count('"sourceGroup"'),
    count(`CASE WHEN "actorType" = 'system' THEN 'system' ELSE "actorId" END`),
  ]);
  const rows = idRows.length ? await db.activityEvent.findMany({ where: { id: { in: idRows.map((r) => r.id) } }, orderBy: { id: 'asc' } }) : [];
  const names = await actorNames(db, [...rows.map((r) => r.actorId), ...byActor.map((a) => a.key), actor.kind === 'system' ? null : actor.userId]);
  const nameOf = (id: string | null) => (id === 'system' ? 'system' : id ? (names.get(id) ?? id.slice(0, 8)) : '—');
  const total = Number(totals[0]?.count ?? 0);

  return {
    scopeLabel: scope.label,
    from: input.from,
    to: input.to,
    generatedBy: actor.kind === 'system' ? 'system' : nameOf(actor.userId),
    generatedAt: deps.clock(),
    total,
    capped: total > rows.length,
    rows: rows.map((r) => ({
      id: r.id.toString(),
      occurredAt: r.occurredAt,
      actor: r.actorType === 'system' ? 'system' : nameOf(r.actorId),
      type: r.type,
      action: r.action,
      resource: r.resourceType ? `${r.resourceType}${r.resourceId ? ` ${r.resourceId.slice(0, 36)}` : ''}` : '',
      status: r.status,
      details: detailsDigest(r.details),
    })),
    byType: byType.map((b) => ({ key: b.key ?? '—', count: Number(b.count) })),
    byGroup: byGroup.map((b) => ({ key: b.key ?? '—', count: Number(b.count) })),
    byActor: byActor.map((b) => ({ key: nameOf(b.key), count: Number(b.count) })),
    verification: await verifySegment(deps, rows.length ? rows[0]!.id : null, rows.length ? rows.at(-1)!.id : null),
  };
}

/**
 * Checks the chain across every log row from the first to the last reported
 * id (all rows, not only the reported ones: a removed row between them
 * breaks the link): each row's hash recomputes and links to its predecessor.
 */
async function verifySegment(deps: ServiceDeps, first: bigint | null, last: bigint | null): Promise<ActivityReportData['verification']> {
  if (first === null || last === null) return { checked: 0, ok: true, text: 'No rows to verify.' };
  const span = await deps.db.activityEvent.count({ where: { id: { gte: first, lte: last } } });
  if (span > VERIFY_SPAN_LIMIT) return { checked: 0, ok: true, text: `Not verified here: the rows span ${span.toLocaleString('en')} log entries (over ${VERIFY_SPAN_LIMIT.toLocaleString('en')}); run the full chain verification.` };
  const before = await deps.db.activityEvent.findFirst({ where: { id: { lt: first } }, orderBy: { id: 'desc' }, select: { hash: true } });
  let expected = before?.hash ?? GENESIS_HASH;
  let checked = 0;
  for (let cursor = first - 1n; ; ) {
    const batch = await deps.db.activityEvent.findMany({ where: { id: { gt: cursor, lte: last } }, orderBy: { id: 'asc' }, take: 2000 });
    for (const row of batch) {
      if (row.prevHash !== expected || activityHash(row.prevHash, row) !== row.hash)
        return { checked, ok: false, text: `BROKEN at log entry #${row.id}: ${row.prevHash !== expected ? 'it does not link to the entry before it' : 'its contents do not match its hash'}.` };
      expected = row.hash;
      checked++;
    }
    if (batch.length < 2000) break;
    cursor = batch.at(-1)!.id;
  }
  return { checked, ok: true, text: `Hash chain verified: ${checked.toLocaleString('en')} log entries from #${first} to #${last} hold together.` };
}

export function activityReportCsv(data: ActivityReportData): string {
  const meta = [
    ['# Compliance activity report'],
    [`# Scope: ${data.scopeLabel}`],
    [`# Range: ${stamp(data.from)} to ${stamp(data.to)}`],
    [`# Generated by ${data.generatedBy} at ${stamp(data.generatedAt)}`],
    [`# ${data.verification.text}`],
    [`# ${data.capped ? `Showing the first ${data.rows.length} of ${data.total} rows (capped)` : `${data.total} rows`}`],
  ];
  const header = ['id', 'time (UTC)', 'actor', 'type', 'action', 'resource', 'status', 'details'];
  const lines = [...meta, header, ...data.rows.map((r) => [r.id, r.occurredAt.toISOString(), r.actor, r.type, r.action, r.resource, r.status, r.details])];
  return `${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function activityReportPdf(data: ActivityReportData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, bufferPages: true, info: { Title: 'Compliance activity report', Producer: 'Racine' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fontSize(20).font('Helvetica-Bold').text('Compliance activity report');
  doc.moveDown(0.3).fontSize(10).font('Helvetica').fillColor('#444');
  doc.text(`Scope: ${data.scopeLabel}`);
  doc.text(`Range: ${stamp(data.from)} to ${stamp(data.to)}`);
  doc.text(`Generated by ${data.generatedBy} at ${stamp(data.generatedAt)}`);
  doc.fillColor(data.verification.ok ? '#444' : '#b00020').text(data.verification.text);
  doc.moveDown(0.5).fillColor('#000').fontSize(12).font('Helvetica-Bold').text(`${data.total} compliance-relevant events`);
  doc.fontSize(9).font('Helvetica');
  const list = (title: string, items: { key: string; count: number }[]) => doc.text(`${title}: ${items.length ? items.slice(0, 12).map((i) => `${i.key} ${i.count}`).join(', ') : 'none'}`);
  list('By type', data.byType);
  list('By group', data.byGroup);
  list('By actor', data.byActor);
  if (data.capped) doc.moveDown(0.3).font('Helvetica-Bold').text(`Rows capped: showing the first ${data.rows.length} of ${data.total}. Narrow the range or scope for the rest.`).font('Helvetica');
  doc.moveDown(0.8);

  const cols = [
    { title: 'Time (UTC)', width: 92, get: (r: ReportRow) => r.occurredAt.toISOString().replace('T', ' ').slice(0, 19) },
    { title: 'Actor', width: 80, get: (r: ReportRow) => r.actor },
    { title: 'Action', width: 140, get: (r: ReportRow) => r.type },
    { title: 'Resource', width: 200, get: (r: ReportRow) => r.resource },
    { title: 'Status', width: 45, get: (r: ReportRow) => r.status },
    { title: 'Details', width: 212, get: (r: ReportRow) => r.details },
  ];
  drawPdfTable(doc, cols, data.rows, 'No compliance-relevant activity in this range and scope.');
  drawPdfFooters(doc, (page, pages) => `Compliance activity · ${day(data.from)} to ${day(data.to)} · page ${page} of ${pages}`);
  doc.end();
  return done;
}

export async function exportActivityReport(deps: ServiceDeps, actor: Actor, visibility: ActivityVisibility, input: ActivityReportInput) {
  const data = await loadActivityReport(deps, actor, visibility, input);
  // Who exported what is itself compliance-relevant.
  await recordActivity(deps, actor, {
    type: 'activity.report.exported',
    category: 'security',
    sourceGroup: 'activity',
    action: 'export',
    resourceType: 'activityReport',
    workspaceId: input.scope.type === 'workspace' ? input.scope.id : null,
    details: { format: input.format, scope: input.scope, from: input.from.toISOString(), to: input.to.toISOString(), rows: data.rows.length, total: data.total },
    complianceRelevant: true,
  });
  const base = `compliance-activity-${day(input.from)}-to-${day(input.to)}`;
  const summary = { total: data.total, rows: data.rows.length, capped: data.capped, verified: data.verification.ok && data.verification.checked > 0 };
  if (input.format === 'csv') return { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', base64: Buffer.from(activityReportCsv(data), 'utf8').toString('base64'), ...summary };
  return { filename: `${base}.pdf`, contentType: 'application/pdf', base64: (await activityReportPdf(data)).toString('base64'), ...summary };
}
