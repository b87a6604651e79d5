/** Answers about compliance and operations: posture and why it moved, findings, failures, changes, and proposed scans/workflow runs. */
import type { getPostureTool, listFindingsTool } from '../tools/compliance';
import type { listInsightsTool } from '../tools/insights';
import type { recentFailuresTool, whatChangedTool } from '../tools/operations';
import type { AnswerLink } from '../types';
import { failedText, outputOf, type Turn } from './answers';
import type { Reply } from './engine';
import { list, plural, signed, when } from './format';

type Out<T extends { run: (...a: never[]) => Promise<unknown> }> = Awaited<ReturnType<T['run']>>;
type Posture = Out<typeof getPostureTool>;
type Findings = Out<typeof listFindingsTool>;
type Failures = Out<typeof recentFailuresTool>;
type Changes = Out<typeof whatChangedTool>;
type Insights = Out<typeof listInsightsTool>;

const DAY = 86_400_000;
const daysSince = (t: Turn) => (t.parsed.slots.since ? Math.max(1, Math.ceil((t.vocab.now.getTime() - t.parsed.slots.since.getTime()) / DAY)) : 7);
const sinceOf = (t: Turn) => t.parsed.slots.since ?? new Date(t.vocab.now.getTime() - 7 * DAY);
const rangeWords = (t: Turn) => t.parsed.slots.sincePhrase ?? 'in the last 7 days';

function changesText(c: Changes, t: Turn): string {
  if (!c.total && !c.drift.added && !c.drift.removed && !c.drift.changed) return `Nothing you may see changed ${rangeWords(t)}.`;
  const top = c.byType.slice(0, 6).map((b) => `${b.count}× ${b.type}`);
  const drift = c.drift.added + c.drift.removed + c.drift.changed;
  const driftText = drift
    ? ` Scans found schema drift: ${c.drift.added} added, ${c.drift.removed} removed, ${c.drift.changed} changed${c.drift.examples.length ? ` (e.g. ${list(c.drift.examples.slice(0, 4).map((e) => `${e.change} ${e.assetType} ${e.qualifiedName} in ${e.source}`))})` : ''}.`
    : ' Scans found no schema drift.';
  return `${plural(c.total, 'event')} since ${when(c.since)}: ${list(top, 6)}.${driftText}`;
}

function findingsText(f: Findings, framework: string | undefined): string {
  const sev = ['critical', 'high', 'medium', 'low'].filter((s) => f.bySeverity[s]).map((s) => `${f.bySeverity[s]} ${s}`);
  if (!f.total) return `No open ${framework ? `${framework} ` : ''}findings on sources you may read.`;
  const rules = f.byRule.slice(0, 5).map((r) => `${r.code} “${r.title}” (${plural(r.count, 'asset')})`);
  return `${plural(f.total, `open ${framework ? `${framework} ` : ''}finding`)} (${list(sev)}). Failing rules: ${list(rules, 5)}.`;
}

export async function answerPosture(t: Turn): Promise<Reply> {
  const { slots } = t.parsed;
  const days = daysSince(t);
  const rec = await t.call('get_posture', { ...(slots.framework ? { framework: slots.framework } : {}), ...(slots.sources.length === 1 ? { source: slots.sources[0] } : {}), days });
  const p = outputOf<Posture>(rec);
  if (!p) return { text: [failedText(rec)] };
  const scored = p.frameworks.filter((f) => f.score !== null);
  const text = scored.map((f) => {
    const change = f.change === null ? 'no earlier snapshot in the range to compare with' : f.change === 0 ? `unchanged over ${plural(days, 'day')}` : `${signed(f.change)} points over ${plural(days, 'day')} (from ${f.previous}%)`;
    return `${f.name} posture is ${f.score}%: ${change}; ${f.failures} of ${f.checks} checks fail.`;
  });
  if (!scored.length) text.push(`No posture is recorded yet${slots.framework ? ` for ${slots.framework}` : ''}: frameworks get a score once they are evaluated after a scan.`);
  const links: AnswerLink[] = scored.map((f) => ({ label: `${f.name} posture`, href: f.link }));
  if (slots.why) {
    const [changes, findings] = await Promise.all([
      t.call('what_changed', { since: sinceOf(t).toISOString(), limit: 10 }),
      t.call('list_findings', { ...(slots.framework ? { framework: slots.framework } : {}), limit: 25 }),
    ]);
    const c = outputOf<Changes>(changes);
    const f = outputOf<Findings>(findings);
    text.push(c ? `What changed: ${changesText(c, t)}` : failedText(changes));
    if (f) {
      text.push(findingsText(f, slots.framework));
      for (const item of f.items.slice(0, 10)) links.push({ label: `${item.rule.code} on ${item.asset.qualifiedName}`, href: item.asset.link });
    } else text.push(failedText(findings));
  }
  return { text, links };
}

export async function answerFindings(t: Turn): Promise<Reply> {
  const { slots } = t.parsed;
  const rec = await t.call('list_findings', {
    ...(slots.framework ? { framework: slots.framework } : {}),
    ...(slots.severities.length ? { severity: slots.severities } : {}),
    ...(slots.sources.length === 1 ? { source: slots.sources[0] } : {}),
    ...(slots.thisAsset && t.ctx.page.assetId ? { assetId: t.ctx.page.assetId } : {}),
    limit: 25,
  });
  const f = outputOf<Findings>(rec);
  if (!f) return { text: [failedText(rec)] };
  const label = [slots.severities.join('/'), slots.framework].filter(Boolean).join(' ') || undefined;
  const text = [findingsText(f, label)];
  if (f.items.length) text.push(`Most recent: ${list(f.items.slice(0, 8).map((i) => `${i.rule.code} on ${i.asset.qualifiedName} (${i.severity}${i.dueAt ? `, due ${i.dueAt.toISOString().slice(0, 10)}` : ''})`), 8)}.`);
  return { text, links: [{ label: 'Findings', href: '/compliance/findings' }, ...f.items.slice(0, 15).map((i) => ({ label: `${i.rule.code} on ${i.asset.qualifiedName}`, href: i.asset.link }))] };
}

export async function answerFailures(t: Turn): Promise<Reply> {
  const rec = await t.call('recent_failures', { since: sinceOf(t).toISOString(), limit: 15 });
  const f = outputOf<Failures>(rec);
  if (!f) return { text: [failedText(rec)] };
  if (!f.items.length) return { text: [`Nothing you may see failed ${rangeWords(t)}: no failed scan runs, workflow executions or pipeline runs.`] };
  const text = [
    `${plural(f.counts.scan, 'scan run')}, ${plural(f.counts.workflow, 'workflow execution')} and ${plural(f.counts.pipeline, 'pipeline run')} failed ${rangeWords(t)}.`,
    list(f.items.map((i) => `${i.kind} ${i.name} at ${when(i.at)}${i.error ? `: ${i.error.slice(0, 160)}` : ''}`), 10),
  ];
  return { text, links: f.items.map((i) => ({ label: `${i.kind}: ${i.name}`, href: i.link })) };
}

export async function answerWhatChanged(t: Turn): Promise<Reply> {
  const rec = await t.call('what_changed', { since: sinceOf(t).toISOString(), limit: 10 });
  const c = outputOf<Changes>(rec);
  if (!c) return { text: [failedText(rec)] };
  return { text: [changesText(c, t)], links: [{ label: 'Activity', href: '/activity' }] };
}

export async function answerStartScan(t: Turn): Promise<Reply> {
  const { slots } = t.parsed;
  const targets = slots.sources.length ? slots.sources : slots.thisSource && t.ctx.page.dataSourceId ? [t.ctx.page.dataSourceId] : [];
  if (!targets.length) return { text: [`Which source should I scan? You may read ${t.vocab.sources.length ? list(t.vocab.sources, 8) : 'no data source'}.`] };
  const proposed = [];
  for (const source of targets.slice(0, 10)) proposed.push(await t.call('start_scan', { source }));
  const waiting = proposed.filter((p) => p.status === 'awaiting_confirmation');
  const text = waiting.length ? [`I can start a scan of ${list(targets.slice(0, 10))}. Confirm each call to run it; nothing runs until you do.`] : [];
  for (const p of proposed.filter((p) => p.status === 'failed')) text.push(failedText(p));
  if (slots.thenWhatChanged && waiting.length) text.push(`When the scans finish, ask “what changed since ${when(t.vocab.now)}” to see their drift.`);
  return { text };
}

export async function answerStartWorkflow(t: Turn): Promise<Reply | null> {
  const name = t.parsed.slots.subject;
  if (!name) return null;
  const rec = await t.call('start_workflow', { workflow: name });
  if (rec.status !== 'awaiting_confirmation') return { text: [failedText(rec)] };
  return { text: [`I can run the workflow “${name}”. Confirm the call to start it; nothing runs until you do.`] };
}

export async function answerInsights(t: Turn): Promise<Reply> {
  const { slots } = t.parsed;
  const rec = await t.call('list_insights', { ...(slots.severities.length ? { severity: slots.severities } : {}), limit: 10 });
  const out = outputOf<Insights>(rec);
  if (!out) return { text: [failedText(rec)] };
  if (!out.items.length) return { text: ['No open insight about what you may read: no anomaly or forecast is waiting.'] };
  const text = [`${plural(out.items.length, 'open insight')}${out.items.length === 10 ? ' (the 10 newest)' : ''}:`, ...out.items.map((i) => `${i.severity} ${i.kind}: ${i.title} — ${i.summary}${i.suggestedAction ? ` Suggested: ${i.suggestedAction}` : ''} (${i.status})`)];
  return { text, links: [...out.items.filter((i) => i.link).map((i) => ({ label: i.title, href: i.link! }))] };
}
