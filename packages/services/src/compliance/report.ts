/**
 * `exportReport`: a framework's findings as of a date, as CSV (RFC 4180
 * quoting) or PDF (pdfkit: title, framework, date, score and trend, counts by
 * severity, the findings table, page numbers), returned base64-encoded so the
 * browser can download it.
 */
import PDFDocument from 'pdfkit';
import type { z } from 'zod';
import type { ServiceDeps } from '../deps';
import type { AccessChecker } from '../rbac/resolve';
import { drawPdfFooters, drawPdfTable } from '../reports/pdf-table';
import { loadReportData, type ReportData } from './report-data';
import type { exportReportInput } from './schemas';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

/** One CSV field: quoted when it holds a comma, quote, CR or LF; quotes doubled. A leading =, +, - or @ is prefixed with ' so spreadsheets do not run it. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(data: ReportData): string {
  const header = ['rule code', 'title', 'severity', 'status', 'asset', 'source', 'environment', 'assignee', 'due', 'first seen', 'resolved/waived until', 'evidence'];
  const lines = [header, ...data.rows.map((r) => [r.code, r.title, r.severity, r.status, r.qualifiedName, r.source, r.environment, r.assignee, day(r.dueAt), day(r.firstSeenAt), day(r.closedAt), r.evidence])];
  return `${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function toPdf(data: ReportData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, bufferPages: true, info: { Title: `${data.framework.name} compliance report`, Producer: 'Racine' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fontSize(20).font('Helvetica-Bold').text(`${data.framework.name} compliance report`);
  doc.moveDown(0.3).fontSize(10).font('Helvetica').fillColor('#444').text(`${data.framework.description} (version ${data.framework.version})`);
  doc.text(`As of ${data.asOf.toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  doc.moveDown(0.6).fillColor('#000').fontSize(14).font('Helvetica-Bold').text(`Posture score: ${data.score === null ? 'not evaluated' : `${data.score}%`}`);
  doc.fontSize(10).font('Helvetica').text(`${data.checks} checks, ${data.failures} failing`);
  if (data.trend.length > 1) doc.text(`Trend (last 30 days, daily): ${data.trend.map((t) => `${day(t.at).slice(5)} ${t.score}%`).join('  ·  ')}`);
  doc.moveDown(0.4).text(`Findings by severity: ${Object.entries(data.bySeverity).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  doc.text(`Findings by status: ${Object.entries(data.byStatus).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  doc.moveDown(0.8);

  const cols = [
    { title: 'Rule', width: 95, get: (r: ReportData['rows'][number]) => r.code },
    { title: 'Severity', width: 50, get: (r: ReportData['rows'][number]) => r.severity },
    { title: 'Status', width: 62, get: (r: ReportData['rows'][number]) => r.status },
    { title: 'Asset', width: 190, get: (r: ReportData['rows'][number]) => r.qualifiedName },
    { title: 'Source', width: 95, get: (r: ReportData['rows'][number]) => `${r.source} (${r.environment})` },
    { title: 'Assignee', width: 70, get: (r: ReportData['rows'][number]) => r.assignee },
    { title: 'First seen', width: 58, get: (r: ReportData['rows'][number]) => day(r.firstSeenAt) },
    { title: 'Closed', width: 58, get: (r: ReportData['rows'][number]) => day(r.closedAt) },
  ];
  drawPdfTable(doc, cols, data.rows, 'No findings.');
  drawPdfFooters(doc, (page, pages) => `${data.framework.name} · as of ${day(data.asOf)} · page ${page} of ${pages}`);
  doc.end();
  return done;
}

export async function exportReport(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof exportReportInput>) {
  const asOf = input.asOf ?? deps.clock();
  const data = await loadReportData(deps, access, input.frameworkId, asOf);
  const base = `${data.framework.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-compliance-${day(asOf)}`;
  if (input.format === 'csv') return { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', base64: Buffer.from(toCsv(data), 'utf8').toString('base64') };
  return { filename: `${base}.pdf`, contentType: 'application/pdf', base64: (await toPdf(data)).toString('base64') };
}
