/**
 * What the parser and the suggestions need from the asker's catalog: the
 * names of the sources they may read, the frameworks, and real fillers for
 * example questions. Read-only, filtered by the asker's access.
 */
import type { ToolContext } from '../types';
import type { Fillers } from './grammar';
import type { Vocabulary } from './parse';

export async function loadVocabulary(ctx: ToolContext): Promise<Vocabulary> {
  const visible = await ctx.access.dataSourcesWith('datasource.read');
  const [sources, frameworks] = await Promise.all([
    ctx.deps.db.dataSource.findMany({ where: visible === 'all' ? {} : { id: { in: visible } }, select: { name: true }, orderBy: { name: 'asc' }, take: 500 }),
    ctx.deps.db.complianceFramework.findMany({ where: { enabled: true }, select: { name: true, key: true }, orderBy: { name: 'asc' } }),
  ]);
  return { sources: sources.map((s) => s.name), frameworks: frameworks.map((f) => ({ name: f.name, key: f.key ?? f.name })), now: ctx.deps.clock() };
}

/** Real fillers: the most common label among readable columns and one column carrying it, a source, a framework, a table. */
export async function loadFillers(ctx: ToolContext, vocab: Vocabulary): Promise<Fillers> {
  const visible = await ctx.access.dataSourcesWith('classification.read');
  const within = visible === 'all' ? {} : { dataSourceId: { in: visible } };
  const [labels, table] = await Promise.all([
    ctx.deps.db.classification.groupBy({ by: ['label'], where: { state: { not: 'rejected' }, asset: { removedAt: null, ...within } }, _count: { _all: true }, orderBy: { _count: { label: 'desc' } }, take: 1 }),
    ctx.deps.db.asset.findFirst({ where: { type: 'table', removedAt: null, ...within }, select: { name: true }, orderBy: { name: 'asc' } }),
  ]);
  const label = labels[0]?.label;
  const column = label
    ? await ctx.deps.db.classification.findFirst({ where: { label, state: { not: 'rejected' }, asset: { removedAt: null, ...within } }, select: { asset: { select: { name: true, parent: { select: { name: true } } } } }, orderBy: { confidence: 'desc' } })
    : null;
  return {
    label,
    source: vocab.sources[0],
    framework: vocab.frameworks[0]?.name,
    table: table?.name,
    column: column ? `${column.asset.parent?.name ?? ''}.${column.asset.name}`.replace(/^\./, '') : undefined,
  };
}
