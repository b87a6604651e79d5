import type { Prisma } from '@racine/db';
import type { z } from 'zod';
import type { testRuleSetInput, updateRuleSetInput } from './rule-set-schemas';
import type { Actor } from '../actor';
import { mutate, recordActivity } from '../activity/record';
import { connectorForSource, withConnector } from '../datasource/connect';
import type { ServiceDeps } from '../deps';
import { AppError, isUniqueViolation, notFound } from '../errors';
import { builtInRuleSets, scanRuleSetInput, testRuleSet } from '../rulesets/index';
import { feedbackCounts } from './classify-table';
import { precisionTable } from '../classification/precision';

export { ruleSetIdInput, testRuleSetInput, updateRuleSetInput } from './rule-set-schemas';

type RuleSetData = z.output<typeof scanRuleSetInput>;
const toRow = (r: RuleSetData) => ({ ...r, customRules: r.customRules as Prisma.InputJsonValue });

/** Built-in rule sets follow the code: created if missing, refreshed if changed. Idempotent. */
export async function syncBuiltInRuleSets(deps: Pick<ServiceDeps, 'db'>): Promise<void> {
  for (const { key, builtIn: _builtIn, ...definition } of builtInRuleSets) {
    const data = toRow(scanRuleSetInput.parse(definition));
    await deps.db.scanRuleSet.upsert({ where: { key }, create: { key, builtIn: true, ...data }, update: data });
  }
}

export async function listRuleSets(deps: ServiceDeps) {
  return deps.db.scanRuleSet.findMany({ orderBy: [{ builtIn: 'desc' }, { name: 'asc' }], include: { _count: { select: { scans: true } } } });
}

export async function getRuleSet(deps: ServiceDeps, id: string) {
  const row = await deps.db.scanRuleSet.findUnique({ where: { id }, include: { _count: { select: { scans: true } } } });
  if (!row) throw notFound('Rule set', id);
  return row;
}

const spec = (type: string, action: string, id?: string) => ({ type, category: 'configuration', sourceGroup: 'scanRuleSet', action, resourceType: 'scanRuleSet', resourceId: id }) as const;

export async function createRuleSet(deps: ServiceDeps, actor: Actor, input: RuleSetData) {
  try {
    return await mutate(deps, actor, spec('scanRuleSet.created', 'create'), async (tx) => {
      const row = await tx.scanRuleSet.create({ data: { ...toRow(input), createdById: actor.kind === 'system' ? null : actor.userId } });
      return { result: row, resourceId: row.id, after: input };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `A rule set named "${input.name}" already exists`, { field: 'name' });
    throw error;
  }
}

export async function updateRuleSet(deps: ServiceDeps, actor: Actor, input: z.output<typeof updateRuleSetInput>) {
  try {
    return await mutate(deps, actor, spec('scanRuleSet.updated', 'update', input.id), async (tx) => {
      const current = await tx.scanRuleSet.findUnique({ where: { id: input.id } });
      if (!current) throw notFound('Rule set', input.id);
      if (current.builtIn) throw new AppError('PRECONDITION_FAILED', 'Built-in rule sets cannot be changed; create your own from it instead');
      const row = await tx.scanRuleSet.update({ where: { id: input.id }, data: toRow(input.ruleSet) });
      return { result: row, before: current, after: input.ruleSet };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `A rule set named "${input.ruleSet.name}" already exists`, { field: 'name' });
    throw error;
  }
}

export async function deleteRuleSet(deps: ServiceDeps, actor: Actor, id: string) {
  return mutate(deps, actor, spec('scanRuleSet.deleted', 'delete', id), async (tx) => {
    const current = await tx.scanRuleSet.findUnique({ where: { id }, include: { _count: { select: { scans: true } } } });
    if (!current) throw notFound('Rule set', id);
    if (current.builtIn) throw new AppError('PRECONDITION_FAILED', 'Built-in rule sets cannot be deleted');
    if (current._count.scans) throw new AppError('CONFLICT', `${current._count.scans} scan(s) use this rule set; point them elsewhere first`);
    await tx.scanRuleSet.delete({ where: { id } });
    return { result: { id, deleted: true as const }, before: { name: current.name } };
  });
}

/**
 * "Test this rule set against a table": samples the table as a scan would and
 * shows what would be labelled, storing nothing but an audit row (it reads
 * real data).
 */
export async function testRuleSetOnTable(deps: ServiceDeps, actor: Actor, input: z.output<typeof testRuleSetInput>) {
  const ruleSet = input.draft ?? scanRuleSetInput.parse(await getRuleSet(deps, input.ruleSetId!).then(({ id: _i, key: _k, builtIn: _b, createdAt: _c, updatedAt: _u, createdById: _by, _count, ...r }) => r));
  const source = await deps.db.dataSource.findUnique({ where: { id: input.dataSourceId } });
  if (!source) throw notFound('Data source', input.dataSourceId);
  const result = await withConnector(connectorForSource(deps, source), async (connector) => {
    const discovered = await connector.discover({ includeSchemas: [input.schema] });
    const table = discovered.schemas.find((s) => s.name === input.schema)?.tables.find((t) => t.name === input.table);
    if (!table) throw new AppError('NOT_FOUND', `Table ${input.schema}.${input.table} was not found in ${source.name}`);
    const samples = await connector.sample({ schema: input.schema, table: input.table }, table.columns.map((c) => c.name), ruleSet.sampleSize, ruleSet.sampleStrategy);
    return testRuleSet(ruleSet, { source: { engine: source.engine, environment: source.environment }, schema: input.schema, table, samples }, { precision: precisionTable(await feedbackCounts(deps.db)) });
  });
  await recordActivity(deps, actor, {
    type: 'scanRuleSet.tested',
    category: 'data',
    sourceGroup: 'scanRuleSet',
    targetGroup: 'datasource',
    action: 'test',
    resourceType: 'datasource',
    resourceId: source.id,
    workspaceId: source.workspaceId,
    details: { ruleSetId: input.ruleSetId ?? null, schema: input.schema, table: input.table, labelled: result.summary.labelled },
    complianceRelevant: true,
  });
  return result;
}
