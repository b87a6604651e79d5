/** Answers about the catalog: labelled columns, assets, one asset, owners, label evidence. */
import type { getAssetTool, listColumnsWithLabelTool, searchCatalogTool } from '../tools/catalog';
import type { explainClassificationTool, whoOwnsTool } from '../tools/people';
import type { AnswerLink } from '../types';
import { failedText, outputOf, type Turn } from './answers';
import type { Reply } from './engine';
import { labelPhrase, list, pct, plural } from './format';

type Out<T extends { run: (...a: never[]) => Promise<unknown> }> = Awaited<ReturnType<T['run']>>;
type Columns = Out<typeof listColumnsWithLabelTool>;
type Search = Out<typeof searchCatalogTool>;
type Asset = Out<typeof getAssetTool>;
type Explained = Out<typeof explainClassificationTool>;
type Owners = Out<typeof whoOwnsTool>;

const MAX_LINKS = 25;

/** "in Shop" / "in prod": the scope words of the question, for the answer's first sentence. */
function scopeWords(t: Turn): string {
  const s = t.parsed.slots;
  return [s.sources.length ? `in ${list(s.sources)}` : '', s.environment ? `in ${s.environment}` : ''].filter(Boolean).join(' ');
}

export async function answerColumns(t: Turn): Promise<Reply> {
  const { slots } = t.parsed;
  const text: string[] = [];
  const links: AnswerLink[] = [];
  let sources: (string | undefined)[] = slots.sources.length ? slots.sources : slots.thisSource && t.ctx.page.dataSourceId ? [t.ctx.page.dataSourceId] : [undefined];
  // "in this table": the page's table (or a column's table), by its source and name.
  let table: string | undefined;
  if (slots.thisAsset && t.ctx.page.assetId) {
    const rec = await t.call('get_asset', { assetId: t.ctx.page.assetId });
    const a = outputOf<Asset>(rec);
    if (!a) return { text: [failedText(rec)] };
    const parts = a.qualifiedName.split('.');
    table = (a.type === 'column' ? parts.slice(-3, -1) : parts.slice(-2)).join('.');
    sources = [a.source.id];
  }
  for (const label of slots.labels.slice(0, 3)) {
    const rows: Columns['items'] = [];
    let total = 0;
    for (const source of sources.slice(0, 5)) {
      const rec = await t.call('list_columns_with_label', { label, ...(source ? { source } : {}), ...(table ? { table } : {}), limit: 50 });
      const out = outputOf<Columns>(rec);
      if (!out) {
        text.push(failedText(rec));
        continue;
      }
      total += out.total;
      rows.push(...out.items);
    }
    const where = table ? `in ${table}` : scopeWords(t);
    if (!total) {
      text.push(`No column you may read carries ${labelPhrase(label)}${where ? ` ${where}` : ''}.`);
      continue;
    }
    const bySource = new Set(rows.map((r) => r.source));
    const names = rows.map((r) => `${r.table ? `${r.table}.` : ''}${r.column}${bySource.size > 1 ? ` (${r.source})` : ''}`);
    const states = { accepted: rows.filter((r) => r.state === 'accepted').length, suggested: rows.filter((r) => r.state === 'suggested').length };
    const head = `${plural(total, 'column')} ${total === 1 ? 'carries' : 'carry'} ${labelPhrase(label)}${where ? ` ${where}` : ''}`;
    text.push(slots.count ? `${head}.` : `${head}: ${list(names, 15)}. ${states.accepted} accepted, ${states.suggested} still suggested (awaiting review).`);
    for (const r of rows) if (links.length < MAX_LINKS) links.push({ label: `${r.table ? `${r.table}.` : ''}${r.column}`, href: r.link });
  }
  return { text, links };
}

export async function answerAssets(t: Turn): Promise<Reply> {
  const { slots } = t.parsed;
  const types = slots.assetType === 'column' ? ['column'] : ['table', 'view'];
  const input: Record<string, unknown> = {
    types,
    ...(slots.labels.length ? { labels: slots.labels } : {}),
    ...(slots.environment ? { environment: slots.environment } : {}),
    ...(slots.sources.length === 1 ? { source: slots.sources[0] } : {}),
    ...(slots.owner ? { owner: slots.owner } : {}),
    ...(slots.unowned ? { unowned: true } : {}),
    ...(slots.subject && !slots.labels.length ? { text: slots.subject } : {}),
    limit: 50,
  };
  const rec = await t.call('search_catalog', input);
  const out = outputOf<Search>(rec);
  if (!out) return { text: [failedText(rec)] };
  const noun = types[0] === 'column' ? 'column' : 'table';
  const conditions = [
    slots.labels.length ? `holding ${list(slots.labels.map(labelPhrase))}` : '',
    scopeWords(t),
    slots.owner ? `owned or stewarded by ${slots.owner}` : '',
    slots.unowned ? 'without an owner' : '',
    slots.subject && !slots.labels.length ? `matching “${slots.subject}”` : '',
  ].filter(Boolean);
  const describe = conditions.join(' ');
  if (!out.total) return { text: [`No ${noun} you may read${describe ? ` ${describe}` : ''}.`] };
  const names = out.items.map((h) => `${h.name} (${h.source ?? 'source'}${h.environment ? `, ${h.environment}` : ''}${h.owners.length ? `, owner ${list(h.owners, 2)}` : ''})`);
  const text = [`${plural(out.total, noun)}${describe ? ` ${describe}` : ''}${slots.count ? '.' : `: ${list(names, 15)}.`}`];
  return { text, links: out.items.slice(0, MAX_LINKS).map((h) => ({ label: h.qualifiedName, href: h.link })) };
}

/** The asset the question means: the page's ("this table"), else the best catalog hit for the named subject. */
async function resolveAsset(t: Turn, types: string[]): Promise<{ id: string } | { reply: Reply } | null> {
  const { slots } = t.parsed;
  if (slots.thisAsset || (!slots.subject && t.ctx.page.assetId)) {
    if (t.ctx.page.assetId) return { id: t.ctx.page.assetId };
    return { reply: { text: ['“This” needs a page about an asset: ask from a table’s or column’s page, or name it.'] } };
  }
  if (!slots.subject) return null;
  const rec = await t.call('search_catalog', { text: slots.subject, types, limit: 10 });
  const out = outputOf<Search>(rec);
  if (!out) return { reply: { text: [failedText(rec)] } };
  const wanted = slots.subject.replace(/\s+/g, '.').toLowerCase();
  const best = out.items.find((h) => h.qualifiedName.toLowerCase().endsWith(wanted) || h.name.toLowerCase() === wanted) ?? out.items[0];
  if (!best) return { reply: { text: [`Nothing you may read is called “${slots.subject}”.`] } };
  return { id: best.id };
}

export async function answerDescribe(t: Turn): Promise<Reply | null> {
  const target = await resolveAsset(t, ['table', 'view', 'column']);
  if (!target) return null;
  if ('reply' in target) return target.reply;
  const rec = await t.call('get_asset', { assetId: target.id });
  const a = outputOf<Asset>(rec);
  if (!a) return { text: [failedText(rec)] };
  const labelled = a.columns.filter((c) => c.labels.length);
  const text = [
    `${a.qualifiedName} is a ${a.type} in ${a.source.name} (${a.source.environment})${a.sensitivity ? `, ${a.sensitivity}` : ''}.${a.description ? ` ${a.description}` : ''}`,
    a.type === 'column'
      ? a.labels.length
        ? `Labels: ${list(a.labels.map((l) => `${l.label} (${l.state}, ${pct(l.confidence)})`))}.`
        : 'It carries no label.'
      : `${plural(a.columns.length, 'column')}, ${labelled.length} labelled${labelled.length ? `: ${list(labelled.map((c) => `${c.name} (${c.labels.join(', ')})`), 8)}` : ''}.`,
    `Owners: ${a.owners.length ? list(a.owners) : 'none'}; stewards: ${a.stewards.length ? list(a.stewards) : 'none'}. ${plural(a.upstream.length, 'upstream asset')}, ${plural(a.downstream.length, 'downstream asset')}; ${plural(a.openFindings, 'open finding')}.`,
  ];
  return { text, links: [{ label: a.qualifiedName, href: a.link }, ...a.upstream.concat(a.downstream).slice(0, 10).map((n) => ({ label: n.qualifiedName, href: n.link }))] };
}

export async function answerWhoOwns(t: Turn): Promise<Reply | null> {
  const { slots } = t.parsed;
  let input: Record<string, unknown> | null = null;
  if (slots.thisSource && t.ctx.page.dataSourceId) input = { source: t.ctx.page.dataSourceId };
  else if (slots.sources.length && (!slots.subject || slots.sources.some((s) => s.toLowerCase() === slots.subject))) input = { source: slots.sources[0] };
  else if (slots.subject && /\bworkflow\b/.test(slots.subject)) input = { workflow: slots.subject.replace(/\bworkflow\b/, '').trim() };
  if (!input) {
    const target = await resolveAsset(t, ['table', 'view', 'column']);
    if (!target) return null;
    if ('reply' in target) return target.reply;
    input = { assetId: target.id };
  }
  const rec = await t.call('who_owns', input);
  const out = outputOf<Owners>(rec);
  if (!out) return { text: [failedText(rec)] };
  const text = out.people.length
    ? [`${out.subject}: ${list(out.people.map((p) => `${p.name}${p.email ? ` <${p.email}>` : ''} (${p.role})`))}.`]
    : [`${out.subject} has no owner or steward yet.`];
  return { text, links: out.link ? [{ label: out.subject, href: out.link }] : [] };
}

export async function answerExplain(t: Turn): Promise<Reply | null> {
  const target = await resolveAsset(t, ['column']);
  if (!target) return null;
  if ('reply' in target) return target.reply;
  const label = t.parsed.slots.labels.find((l) => !l.endsWith('*'));
  const rec = await t.call('explain_classification', { assetId: target.id, ...(label ? { label } : {}) });
  const out = outputOf<Explained>(rec);
  if (!out) return { text: [failedText(rec)] };
  const name = `${out.table ? `${out.table}.` : ''}${out.column}`;
  if (!out.labels.length) return { text: [`${name} carries ${label ? `no ${label} label` : 'no label'}.`], links: [{ label: name, href: out.link }] };
  const text = out.labels.map((l) => {
    const sample = l.matched !== null && l.sampled !== null ? `the ${l.detector ?? 'detector'} detector matched ${l.matched} of ${l.sampled} sampled values${l.nonNull !== null ? ` (${l.nonNull} non-empty)` : ''}` : `it was labelled by ${l.source}`;
    const validator = l.validatorPassRate !== null ? `, ${pct(l.validatorPassRate)} passed validation` : '';
    const why = l.reasons.length ? ` Reasons: ${l.reasons.map((r) => r.trim().replace(/\.+$/, '')).join('; ')}.` : '';
    const learned = ` Reviewers accepted ${l.reviews.accepted} and rejected ${l.reviews.rejected} ${l.label} suggestions: learned precision ${pct(l.precision)}.`;
    return `${name} is labelled ${l.label} (${l.state}${l.reviewedBy ? ` by ${l.reviewedBy}` : ''}, confidence ${pct(l.confidence)}): ${sample}${validator}.${why}${learned}`;
  });
  return { text, links: [{ label: name, href: out.link }] };
}
