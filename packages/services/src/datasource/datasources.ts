import type { DataSource, Prisma } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate, recordActivity } from '../activity/record';
import { createConnector } from '../connectors';
import { encryptSecret } from '../crypto/secrets';
import type { ServiceDeps } from '../deps';
import { AppError, isUniqueViolation, notFound } from '../errors';
import type { AccessChecker } from '../rbac/resolve';
import { connectionConfig, connectorForSource, keyOf, withConnector } from './connect';
import type { createDataSourceInput, listDataSourcesInput, testDataSourceInput, updateDataSourceInput } from './schemas';
import { previewedAsset, recordRestrictedRead } from '../catalog/restricted-read';

/** Everything a client may see of a source. The secret never leaves; only whether one is set. */
export const dataSourceSelect = {
  id: true,
  name: true,
  description: true,
  engine: true,
  host: true,
  port: true,
  database: true,
  username: true,
  options: true,
  environment: true,
  criticality: true,
  tags: true,
  workspaceId: true,
  lastTestedAt: true,
  lastTestOk: true,
  lastTestError: true,
  lastLatencyMs: true,
  serverVersion: true,
  lastScanAt: true,
  lastScanStatus: true,
  createdAt: true,
  updatedAt: true,
  owner: { select: { id: true, name: true, email: true } },
  workspace: { select: { id: true, name: true, slug: true } },
  _count: { select: { scans: true, assets: true } },
} satisfies Prisma.DataSourceSelect;

type SourceRow = Prisma.DataSourceGetPayload<{ select: typeof dataSourceSelect }> & { secret?: string | null };

export function toSourceView(row: SourceRow) {
  const { secret, ...rest } = row;
  return { ...rest, hasPassword: !!secret };
}

/** The audit trail keeps connection settings but never credentials. */
const auditView = (s: Partial<DataSource>) => ({
  name: s.name,
  engine: s.engine,
  host: s.host,
  port: s.port,
  database: s.database,
  username: s.username,
  environment: s.environment,
  criticality: s.criticality,
  tags: s.tags,
  workspaceId: s.workspaceId,
  ownerId: s.ownerId,
  credentials: s.secret ? 'set' : 'none',
});

const encryptPassword = (deps: ServiceDeps, password: string | null | undefined) =>
  password ? encryptSecret(JSON.stringify({ password }), keyOf(deps)) : null;

export async function createDataSource(deps: ServiceDeps, actor: Actor, input: z.output<typeof createDataSourceInput>) {
  connectionConfig(input); // validates SQLite paths before anything is stored
  const secret = encryptPassword(deps, input.password);
  const creator = actor.kind === 'system' ? null : actor.userId;
  try {
    return await mutate(deps, actor, { type: 'datasource.created', category: 'configuration', sourceGroup: 'datasource', action: 'create', resourceType: 'datasource', workspaceId: input.workspaceId ?? null, complianceRelevant: true }, async (tx) => {
      const row = await tx.dataSource.create({
        data: {
          name: input.name,
          description: input.description,
          engine: input.engine,
          host: input.host ?? null,
          port: input.port ?? null,
          database: input.database,
          username: input.username ?? null,
          secret,
          options: input.options,
          environment: input.environment,
          criticality: input.criticality,
          tags: input.tags,
          ownerId: input.ownerId ?? creator,
          workspaceId: input.workspaceId ?? null,
          createdById: creator,
        },
        select: { ...dataSourceSelect, secret: true, ownerId: true },
      });
      // The creator owns what they registered, even outside any workspace.
      if (creator) await tx.roleAssignment.create({ data: { userId: creator, roleId: 'ds.owner', scopeType: 'datasource', scopeId: row.id, grantedById: creator } });
      if (input.workspaceId)
        await tx.workspaceResource.create({ data: { workspaceId: input.workspaceId, resourceType: 'datasource', resourceId: row.id, label: row.name, linkedById: creator } });
      return { result: toSourceView(row), resourceId: row.id, after: auditView(row) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `A data source named "${input.name}" already exists`, { field: 'name' });
    throw error;
  }
}

export async function listDataSources(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof listDataSourcesInput>) {
  const visible = await access.dataSourcesWith('datasource.read');
  const where: Prisma.DataSourceWhereInput = {
    ...(visible === 'all' ? {} : { id: { in: visible } }),
    ...(input.engine ? { engine: input.engine } : {}),
    ...(input.environment ? { environment: input.environment } : {}),
    ...(input.workspaceId ? { workspaceId: input.workspaceId } : {}),
    ...(input.query ? { OR: [{ name: { contains: input.query, mode: 'insensitive' } }, { description: { contains: input.query, mode: 'insensitive' } }, { tags: { has: input.query } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    deps.db.dataSource.findMany({ where, select: { ...dataSourceSelect, secret: true }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}) }),
    deps.db.dataSource.count({ where }),
  ]);
  const items = rows.slice(0, input.limit).map(toSourceView);
  return { items, total, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

export async function getDataSource(deps: ServiceDeps, id: string) {
  const row = await deps.db.dataSource.findUnique({ where: { id }, select: { ...dataSourceSelect, secret: true } });
  if (!row) throw notFound('Data source', id);
  return toSourceView(row);
}

export async function updateDataSource(deps: ServiceDeps, actor: Actor, input: z.output<typeof updateDataSourceInput>) {
  const { id, password, ...changes } = input;
  return mutate(deps, actor, { type: 'datasource.updated', category: 'configuration', sourceGroup: 'datasource', action: 'update', resourceType: 'datasource', resourceId: id, complianceRelevant: true }, async (tx) => {
    const current = await tx.dataSource.findUnique({ where: { id } });
    if (!current) throw notFound('Data source', id);
    const next = { ...current, ...changes };
    connectionConfig({ ...next, options: next.options as never });
    const data: Prisma.DataSourceUncheckedUpdateInput = { ...changes, options: changes.options };
    if (password !== undefined) data.secret = encryptPassword(deps, password);
    const updated = await tx.dataSource.update({ where: { id }, data, select: { ...dataSourceSelect, secret: true, ownerId: true } });
    return {
      result: toSourceView(updated),
      workspaceId: updated.workspaceId,
      before: auditView(current),
      after: auditView(updated),
      details: password !== undefined ? { credentials: password ? 'changed' : 'cleared' } : {},
    };
  });
}

export async function deleteDataSource(deps: ServiceDeps, actor: Actor, id: string) {
  return mutate(deps, actor, { type: 'datasource.deleted', category: 'configuration', sourceGroup: 'datasource', action: 'delete', resourceType: 'datasource', resourceId: id, complianceRelevant: true }, async (tx) => {
    const current = await tx.dataSource.findUnique({ where: { id }, select: { ...dataSourceSelect, secret: true, ownerId: true } });
    if (!current) throw notFound('Data source', id);
    await tx.roleAssignment.deleteMany({ where: { scopeType: 'datasource', scopeId: id } });
    await tx.workspaceResource.deleteMany({ where: { resourceType: 'datasource', resourceId: id } });
    await tx.dataSource.delete({ where: { id } });
    return { result: { id, deleted: true as const }, workspaceId: current.workspaceId, before: { ...auditView(current), assets: current._count.assets, scans: current._count.scans } };
  });
}

/**
 * Tests a saved source (recording the outcome on it and in the log) or an
 * unsaved draft from the create form (recording nothing but the attempt).
 */
export async function testDataSource(deps: ServiceDeps, actor: Actor, input: z.output<typeof testDataSourceInput>) {
  if ('connection' in input) {
    const result = await withConnector(createConnector(connectionConfig(input.connection)), (c) => c.testConnection());
    return { ...result, saved: false as const };
  }
  const source = await deps.db.dataSource.findUnique({ where: { id: input.id } });
  if (!source) throw notFound('Data source', input.id);
  const result = await withConnector(connectorForSource(deps, source), (c) => c.testConnection());
  const error = result.ok ? null : (result.error?.message ?? 'failed');
  // The outcome on the source and its audit row commit together.
  await mutate(deps, actor, { type: 'datasource.tested', category: 'execution', sourceGroup: 'datasource', action: 'test', resourceType: 'datasource', resourceId: source.id, workspaceId: source.workspaceId }, async (tx) => {
    await tx.dataSource.update({
      where: { id: source.id },
      data: { lastTestedAt: deps.clock(), lastTestOk: result.ok, lastTestError: error, lastLatencyMs: result.latencyMs ?? null, serverVersion: result.serverVersion ?? source.serverVersion },
    });
    return { result: null, details: { ok: result.ok, latencyMs: result.latencyMs ?? null, serverVersion: result.serverVersion ?? null, canReadMetadata: result.canReadMetadata, canReadData: result.canReadData, error } };
  });
  return { ...result, saved: true as const };
}

async function sourceOrThrow(deps: ServiceDeps, id: string) {
  const source = await deps.db.dataSource.findUnique({ where: { id } });
  if (!source) throw notFound('Data source', id);
  return source;
}

export async function discoverDataSource(deps: ServiceDeps, id: string) {
  const source = await sourceOrThrow(deps, id);
  return withConnector(connectorForSource(deps, source), (c) => c.discover());
}

/** Reading real rows is audited: who looked at which table, and how many rows. */
export async function previewTable(deps: ServiceDeps, actor: Actor, input: { id: string; schema: string; table: string; limit: number }) {
  const source = await sourceOrThrow(deps, input.id);
  const result = await withConnector(connectorForSource(deps, source), (c) => c.preview({ schema: input.schema, table: input.table }, input.limit));
  // Rows of a Restricted table are also a restricted read, watched by the insights engine.
  const asset = await previewedAsset(deps, source.id, input.schema, input.table);
  if (asset) await recordRestrictedRead(deps, actor, asset, 'preview');
  await recordActivity(deps, actor, {
    type: 'datasource.previewed',
    category: 'data',
    sourceGroup: 'datasource',
    action: 'preview',
    resourceType: 'datasource',
    resourceId: source.id,
    workspaceId: source.workspaceId,
    details: { schema: input.schema, table: input.table, rows: result.rows.length },
    complianceRelevant: true,
  });
  return result;
}

export async function profileColumn(deps: ServiceDeps, actor: Actor, input: { id: string; schema: string; table: string; column: string }) {
  const source = await sourceOrThrow(deps, input.id);
  const result = await withConnector(connectorForSource(deps, source), (c) => c.profile({ schema: input.schema, table: input.table }, input.column));
  await recordActivity(deps, actor, {
    type: 'datasource.profiled',
    category: 'data',
    sourceGroup: 'datasource',
    action: 'profile',
    resourceType: 'datasource',
    resourceId: source.id,
    workspaceId: source.workspaceId,
    details: { schema: input.schema, table: input.table, column: input.column },
    complianceRelevant: true,
  });
  return result;
}
