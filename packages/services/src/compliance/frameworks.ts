/**
 * Frameworks and rules: the built-ins (synced from builtin/*.ts), custom ones,
 * and the list with each framework's posture over what the caller may see.
 *
 * Built-in frameworks' rules can be disabled but not edited, and built-in
 * frameworks take no new rules: the seed rewrites them from the code on each
 * start. Create a custom framework for your own rules.
 */
import type { Prisma, Severity } from '@racine/db';
import type { Actor } from '../actor';
import { actorUserId } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, isUniqueViolation, notFound } from '../errors';
import type { AccessChecker } from '../rbac/resolve';
import { builtInFrameworks } from './builtin/index';
import type { z } from 'zod';
import type { createFrameworkInput, createRuleInput, updateFrameworkInput, updateRuleInput } from './schemas';
import { scoreOf } from './snapshots';

/** Idempotent: creates missing built-ins, rewrites their rules from the code, keeps what people toggled (enabled). */
export async function syncBuiltInFrameworks(deps: Pick<ServiceDeps, 'db'>): Promise<void> {
  for (const def of builtInFrameworks) {
    await deps.db.$transaction(async (tx) => {
      const fw = await tx.complianceFramework.upsert({
        where: { key: def.key },
        create: { key: def.key, name: def.name, description: def.description, version: def.version, builtIn: true },
        update: { name: def.name, description: def.description, version: def.version, builtIn: true },
      });
      for (const { code, ...rule } of def.rules)
        await tx.complianceRule.upsert({ where: { frameworkId_code: { frameworkId: fw.id, code } }, create: { frameworkId: fw.id, code, ...rule }, update: rule });
      await tx.complianceRule.deleteMany({ where: { frameworkId: fw.id, code: { notIn: def.rules.map((r) => r.code) } } });
    });
  }
}

/** Frameworks with their posture: the global snapshot for callers who may read every source, else the sum over the sources they may read. */
export async function listFrameworks(deps: ServiceDeps, access: AccessChecker) {
  const visible = await access.dataSourcesWith('datasource.read');
  const [frameworks, lastRuns] = await Promise.all([
    deps.db.complianceFramework.findMany({ orderBy: [{ builtIn: 'desc' }, { name: 'asc' }], include: { _count: { select: { rules: true } } } }),
    deps.db.complianceEvaluation.groupBy({ by: ['frameworkId'], _max: { finishedAt: true } }),
  ]);
  const sourceFilter = visible === 'all' ? {} : { dataSourceId: { in: visible } };
  const open = await deps.db.complianceFinding.groupBy({ by: ['frameworkId', 'severity'], where: { status: { in: ['open', 'acknowledged'] }, ...sourceFilter }, _count: { _all: true } });
  const posture = await postureTotals(deps, visible);
  const lastOf = new Map(lastRuns.map((r) => [r.frameworkId, r._max.finishedAt]));
  const openOf = new Map<string, Record<Severity, number>>();
  for (const o of open) {
    const bySeverity = openOf.get(o.frameworkId) ?? { low: 0, medium: 0, high: 0, critical: 0 };
    bySeverity[o.severity] = o._count._all;
    openOf.set(o.frameworkId, bySeverity);
  }
  return frameworks.map((f) => {
    const p = posture.get(f.id);
    return {
      id: f.id,
      key: f.key,
      name: f.name,
      description: f.description,
      builtIn: f.builtIn,
      enabled: f.enabled,
      ruleCount: f._count.rules,
      score: p ? scoreOf(p.checks, p.failures) : null,
      checks: p?.checks ?? 0,
      failures: p?.failures ?? 0,
      openFindings: Object.values(openOf.get(f.id) ?? {}).reduce((a, b) => a + b, 0),
      /** Open and acknowledged findings by severity. */
      openBySeverity: openOf.get(f.id) ?? { low: 0, medium: 0, high: 0, critical: 0 },
      lastEvaluatedAt: lastOf.get(f.id) ?? null,
    };
  });
}

/** Latest checks/failures per framework: the global snapshot, or summed over the latest snapshots of the given sources. */
export async function postureTotals(deps: ServiceDeps, visible: 'all' | string[]): Promise<Map<string, { checks: number; failures: number }>> {
  const rows =
    visible === 'all'
      ? await deps.db.$queryRawUnsafe<{ frameworkId: string; checks: number; failures: number }[]>(
          `SELECT DISTINCT ON ("frameworkId") "frameworkId", checks, failures FROM "PostureSnapshot" WHERE "scopeType" = 'global' ORDER BY "frameworkId", "takenAt" DESC`,
        )
      : await deps.db.$queryRawUnsafe<{ frameworkId: string; checks: number; failures: number }[]>(
          `SELECT "frameworkId", sum(checks)::int AS checks, sum(failures)::int AS failures FROM (
             SELECT DISTINCT ON ("frameworkId", "scopeId") "frameworkId", checks, failures FROM "PostureSnapshot"
              WHERE "scopeType" = 'datasource' AND "scopeId" = ANY($1::text[]) ORDER BY "frameworkId", "scopeId", "takenAt" DESC) s
            GROUP BY "frameworkId"`,
          visible,
        );
  return new Map(rows.map((r) => [r.frameworkId, { checks: Number(r.checks), failures: Number(r.failures) }]));
}

export async function getFramework(deps: ServiceDeps, id: string) {
  const fw = await deps.db.complianceFramework.findUnique({ where: { id }, include: { rules: { orderBy: { code: 'asc' } } } });
  if (!fw) throw notFound('Framework', id);
  return fw;
}

const spec = (type: string, action: string, resourceType: string, id?: string) =>
  ({ type, category: 'configuration', sourceGroup: 'compliance', action, resourceType, resourceId: id, complianceRelevant: true }) as const;

const conflict = (error: unknown, message: string) => (isUniqueViolation(error) ? new AppError('CONFLICT', message) : error);

export async function createFramework(deps: ServiceDeps, actor: Actor, input: z.output<typeof createFrameworkInput>) {
  try {
    return await mutate(deps, actor, spec('compliance.framework.created', 'create', 'complianceFramework'), async (tx) => {
      const fw = await tx.complianceFramework.create({
        data: { name: input.name, description: input.description, createdById: actorUserId(actor), rules: { create: input.rules } },
        include: { rules: { orderBy: { code: 'asc' } } },
      });
      return { result: fw, resourceId: fw.id, after: input };
    });
  } catch (error) {
    throw conflict(error, `A framework named "${input.name}" already exists`);
  }
}

export async function updateFramework(deps: ServiceDeps, actor: Actor, input: z.output<typeof updateFrameworkInput>) {
  const { id, ...data } = input;
  try {
    return await mutate(deps, actor, spec('compliance.framework.updated', 'update', 'complianceFramework', id), async (tx) => {
      const before = await tx.complianceFramework.findUnique({ where: { id } });
      if (!before) throw notFound('Framework', id);
      if (before.builtIn && (data.name !== undefined || data.description !== undefined))
        throw new AppError('BAD_REQUEST', `${before.name} is built in: it can be enabled or disabled, not renamed or redescribed`);
      const after = await tx.complianceFramework.update({ where: { id }, data });
      return { result: after, before: { name: before.name, description: before.description, enabled: before.enabled }, after: { name: after.name, description: after.description, enabled: after.enabled } };
    });
  } catch (error) {
    throw conflict(error, `A framework named "${data.name}" already exists`);
  }
}

export async function createRule(deps: ServiceDeps, actor: Actor, input: z.output<typeof createRuleInput>) {
  const { frameworkId, ...rule } = input;
  try {
    return await mutate(deps, actor, spec('compliance.rule.created', 'create', 'complianceRule'), async (tx) => {
      const fw = await tx.complianceFramework.findUnique({ where: { id: frameworkId } });
      if (!fw) throw notFound('Framework', frameworkId);
      if (fw.builtIn) throw new AppError('BAD_REQUEST', `${fw.name} is built in and takes no new rules: create a custom framework for them`);
      const row = await tx.complianceRule.create({ data: { frameworkId, ...rule } });
      return { result: row, resourceId: row.id, after: input };
    });
  } catch (error) {
    throw conflict(error, `This framework already has a rule ${rule.code}`);
  }
}

export async function updateRule(deps: ServiceDeps, actor: Actor, input: z.output<typeof updateRuleInput>) {
  const { id, ...changes } = input;
  const data = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Prisma.ComplianceRuleUpdateInput;
  try {
    return await mutate(deps, actor, spec('compliance.rule.updated', 'update', 'complianceRule', id), async (tx) => {
      const before = await tx.complianceRule.findUnique({ where: { id }, include: { framework: { select: { builtIn: true, name: true } } } });
      if (!before) throw notFound('Rule', id);
      const edited = Object.keys(data).filter((k) => k !== 'enabled');
      if (before.framework.builtIn && edited.length)
        throw new AppError('BAD_REQUEST', `${before.code} is a built-in rule of ${before.framework.name}: it can be disabled, not edited (${edited.join(', ')})`);
      const { framework: _f, ...prior } = before;
      const after = await tx.complianceRule.update({ where: { id }, data });
      return { result: after, before: prior, after };
    });
  } catch (error) {
    throw conflict(error, `This framework already has a rule ${String(changes.code)}`);
  }
}
