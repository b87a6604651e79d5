/**
 * activity.analytics and activity.report through the router, on rows this
 * file appends to its own workspace at fixed past times (so other files'
 * rows never count): counts by hour × weekday, day, group, type and user;
 * who sees what; the CSV parsed back and the PDF read with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appendActivity, type Actor, systemActor } from '@racine/services';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, personWith, testDeps } from './harness';

// Monday 3 March 2025 and the Tuesday after, UTC.
const MON_0915 = new Date('2025-03-03T09:15:00.000Z');
const MON_0940 = new Date('2025-03-03T09:40:00.000Z');
const TUE_1430 = new Date('2025-03-04T14:30:00.000Z');
const range = { from: new Date('2025-03-01T00:00:00.000Z'), to: new Date('2025-03-07T23:59:59.000Z') };

async function scene() {
  const { deps } = await testDeps();
  const [owner, member, steward, outsider] = await Promise.all([personWith(['viewer']), personWith(['viewer']), personWith(['steward']), personWith(['viewer'])]);
  const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, members: [{ userId: member.user.id, role: 'member' }, { userId: steward.user.id, role: 'viewer' }] });
  const tag = crypto.randomUUID().slice(0, 8);
  const add = (actor: Actor, at: Date, type: string, sourceGroup: string, extra: { status?: 'success' | 'failure'; complianceRelevant?: boolean; details?: Record<string, unknown> } = {}) =>
    appendActivity(deps.db, actor, { type, category: 'data', sourceGroup, action: type.split('.').at(-1)!, resourceType: 'asset', resourceId: `asset-${tag}`, workspaceId: ws.id, ...extra }, at);
  // Owner: three scans on Monday morning (one failed). Member: two compliance changes on Tuesday afternoon. The system: one.
  await add(owner.actor, MON_0915, 'test.scan.ran', 'scan');
  await add(owner.actor, MON_0940, 'test.scan.ran', 'scan', { status: 'failure' });
  await add(owner.actor, MON_0940, 'test.scan.ran', 'scan');
  await add(member.actor, TUE_1430, 'test.compliance.finding.resolved', 'compliance', { complianceRelevant: true, details: { note: `fixed ${tag}`, dataSourceId: crypto.randomUUID() } });
  await add(member.actor, TUE_1430, 'test.compliance.finding.resolved', 'compliance', { complianceRelevant: true, details: { note: 'second' } });
  await add(systemActor, TUE_1430, 'test.compliance.evaluated', 'compliance', { complianceRelevant: true });
  return { deps, ws, owner, member, steward, outsider, tag };
}

/** RFC 4180 fields of one CSV text (quotes doubled inside quoted fields). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

describe('activity analytics', () => {
  it('counts the scene by hour × weekday, day, group, type and user, naming others only with activity.report', async () => {
    const s = await scene();
    const a = await s.owner.caller.activity.analytics({ ...range, workspaceId: s.ws.id, typePrefix: 'test.' });
    expect(a.totals).toEqual({ events: 6, success: 5, failure: 1, complianceRelevant: 3, complianceShare: 0.5, actors: 2 });
    expect(a.heatmap.values[0]![9]).toBe(3); // Monday 09h
    expect(a.heatmap.values[1]![14]).toBe(3); // Tuesday 14h
    expect(a.heatmap.values.flat().reduce((x, y) => x + y, 0)).toBe(6);
    expect(a.byDay.map((d) => d.day)).toEqual(['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07']);
    expect(a.byDay.find((d) => d.day === '2025-03-03')).toEqual({ day: '2025-03-03', events: 3, failures: 1 });
    expect(a.bySourceGroup).toEqual([{ group: 'compliance', events: 3, failures: 0 }, { group: 'scan', events: 3, failures: 1 }]);
    expect(a.byType).toEqual([{ type: 'test.scan.ran', events: 3 }, { type: 'test.compliance.finding.resolved', events: 2 }, { type: 'test.compliance.evaluated', events: 1 }]);
    // The owner lacks activity.report: their own row and the system's are named, the member is only counted.
    expect(a.usersNamed).toBe(false);
    expect(a.byUser).toEqual([
      { actorId: s.owner.user.id, actorType: 'user', name: s.owner.user.name, events: 3, failures: 1 },
      { actorId: null, actorType: 'system', name: 'system', events: 1, failures: 0 },
    ]);
    expect(a.otherUsers).toBe(2);
    expect(a.notes.join(' ')).toContain('activity.report');

    // A steward (activity.report) who reads the workspace sees everyone by name; top 1 leaves the rest as "other".
    const named = await s.steward.caller.activity.analytics({ ...range, workspaceId: s.ws.id, typePrefix: 'test.', top: 1 });
    expect(named.usersNamed).toBe(true);
    expect(named.byUser).toEqual([{ actorId: s.owner.user.id, actorType: 'user', name: s.owner.user.name, events: 3, failures: 1 }]);
    expect(named.otherUsers).toBe(3);
    expect(named.otherTypes).toBe(3);
    const scoped = await s.steward.caller.activity.analytics({ ...range, workspaceId: s.ws.id, actorId: s.member.user.id, complianceOnly: true });
    expect(scoped.totals.events).toBe(2);
    expect(scoped.byUser).toEqual([{ actorId: s.member.user.id, actorType: 'user', name: s.member.user.name, events: 2, failures: 0 }]);

    // In Tokyo (UTC+9) Monday 09:15 UTC is Monday 18h, Tuesday 14:30 is Tuesday 23h.
    const tokyo = await s.owner.caller.activity.analytics({ ...range, workspaceId: s.ws.id, typePrefix: 'test.', timeZone: 'Asia/Tokyo' });
    expect(tokyo.heatmap.values[0]![18]).toBe(3);
    expect(tokyo.heatmap.values[1]![23]).toBe(3);
  });

  it('shows someone outside the workspace none of its rows', async () => {
    const s = await scene();
    const a = await s.outsider.caller.activity.analytics({ ...range, workspaceId: s.ws.id });
    expect(a.totals.events).toBe(0);
    expect(a.heatmap.values.flat().every((v) => v === 0)).toBe(true);
    expect(a.byUser).toEqual([]);
    const corr = await s.outsider.caller.activity.correlate({ ...range, workspaceId: s.ws.id });
    expect(corr.chains).toEqual([]);
  });

  it('refuses reversed and over-long ranges, saying which', async () => {
    const s = await scene();
    await expect(s.owner.caller.activity.analytics({ from: range.to, to: range.from })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('"from" must be before "to"') });
    await expect(s.owner.caller.activity.analytics({ from: new Date('2024-01-01'), to: new Date('2025-03-01') })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('at most 366 days') });
    await expect(s.owner.caller.activity.analytics({ ...range, timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('Not a time zone') });
  });
});

describe('activity.report', () => {
  it('exports the compliance-relevant rows as CSV and PDF, with scope, range, author and chain check', async () => {
    const s = await scene();
    const csv = await s.steward.caller.activity.report({ ...range, scope: { type: 'workspace', id: s.ws.id }, format: 'csv' });
    expect(csv).toMatchObject({ contentType: 'text/csv; charset=utf-8', filename: 'compliance-activity-2025-03-01-to-2025-03-07.csv', total: 3, rows: 3, capped: false });
    const lines = parseCsv(Buffer.from(csv.base64, 'base64').toString('utf8'));
    const meta = lines.filter((l) => l[0]!.startsWith('#')).map((l) => l.join(','));
    expect(meta).toContain(`# Scope: Workspace “${s.ws.name}”`);
    expect(meta).toContain('# Range: 2025-03-01 00:00:00 UTC to 2025-03-07 23:59:59 UTC');
    expect(meta.some((m) => m.startsWith(`# Generated by ${s.steward.user.name} at `))).toBe(true);
    const table = lines.filter((l) => !l[0]!.startsWith('#'));
    expect(table[0]).toEqual(['id', 'time (UTC)', 'actor', 'type', 'action', 'resource', 'status', 'details']);
    expect(table.slice(1).map((r) => [r[1], r[2], r[3], r[6]])).toEqual([
      [TUE_1430.toISOString(), s.member.user.name, 'test.compliance.finding.resolved', 'success'],
      [TUE_1430.toISOString(), s.member.user.name, 'test.compliance.finding.resolved', 'success'],
      [TUE_1430.toISOString(), 'system', 'test.compliance.evaluated', 'success'],
    ]);
    expect(table[1]![7]).toContain(`note=fixed ${s.tag}`);
    expect(table[1]![5]).toBe(`asset asset-${s.tag}`);

    const pdf = await s.steward.caller.activity.report({ ...range, scope: { type: 'workspace', id: s.ws.id }, format: 'pdf', maxRows: 2 });
    expect(pdf).toMatchObject({ contentType: 'application/pdf', total: 3, rows: 2, capped: true });
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'activity-report-')), 'report.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Compliance activity report');
    expect(text).toContain(`Scope: Workspace “${s.ws.name}”`);
    expect(text).toContain('Range: 2025-03-01 00:00:00 UTC to 2025-03-07 23:59:59 UTC');
    expect(text).toContain(`Generated by ${s.steward.user.name}`);
    expect(text).toMatch(/Hash chain verified: [\d,]+ log entries|BROKEN at log entry #\d+/);
    expect(text).toContain('3 compliance-relevant events');
    expect(text).toContain('Rows capped: showing the first 2 of 3');
    expect(text).toContain('2025-03-04 14:30:00');
    expect(text).toContain('test.compliance.finding.resolved');
    expect(text).toContain(`note=fixed ${s.tag}`);

    // The export is itself on the record.
    const { deps } = await testDeps();
    expect(await deps.db.activityEvent.count({ where: { type: 'activity.report.exported', actorId: s.steward.user.id, workspaceId: s.ws.id } })).toBe(2);
    // A data-source scope picks the rows naming that source.
    const sourceId = (await deps.db.activityEvent.findFirstOrThrow({ where: { workspaceId: s.ws.id, details: { path: ['note'], equals: `fixed ${s.tag}` } } })).details as { dataSourceId: string };
    await deps.db.dataSource.create({ data: { id: sourceId.dataSourceId, name: `src-${s.tag}`, engine: 'sqlite', database: '/nonexistent.sqlite', workspaceId: s.ws.id } });
    const bySource = await s.steward.caller.activity.report({ ...range, scope: { type: 'datasource', id: sourceId.dataSourceId }, format: 'csv' });
    expect(bySource.total).toBe(1);
    // Without activity.report: refused.
    await expect(s.owner.caller.activity.report({ ...range, format: 'csv' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
