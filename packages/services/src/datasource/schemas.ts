import { z } from 'zod';

export const engines = ['postgres', 'mysql', 'sqlite'] as const;
export const criticalities = ['low', 'medium', 'high', 'critical'] as const;
const environments = ['dev', 'staging', 'prod'] as const;

const connectionOptions = z
  .object({
    ssl: z.boolean().default(false),
    connectTimeoutMs: z.number().int().min(500).max(60_000).default(5_000),
    statementTimeoutMs: z.number().int().min(500).max(300_000).default(15_000),
  })
  .default({ ssl: false, connectTimeoutMs: 5_000, statementTimeoutMs: 15_000 });

const connectionFields = {
  engine: z.enum(engines),
  host: z.string().trim().min(1).max(255).optional(),
  port: z.number().int().min(1).max(65_535).optional(),
  database: z.string().trim().min(1, 'Give the database name (or, for SQLite, the file path)').max(1024),
  username: z.string().trim().max(128).optional(),
  /** Write-only: stored encrypted, never returned. */
  password: z.string().max(1024).optional(),
  options: connectionOptions,
};

const needsHost = (v: { engine: string; host?: string }) => v.engine === 'sqlite' || !!v.host;
const hostMessage = { message: 'PostgreSQL and MySQL sources need a host', path: ['host'] };

export const connectionDraftInput = z.object(connectionFields).refine(needsHost, hostMessage);

export const createDataSourceInput = z
  .object({
    name: z.string().trim().min(2, 'Names need at least 2 characters').max(80),
    description: z.string().trim().max(2000).default(''),
    ...connectionFields,
    environment: z.enum(environments).default('dev'),
    criticality: z.enum(criticalities).default('medium'),
    tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
    ownerId: z.uuid().optional(),
    workspaceId: z.uuid().optional(),
  })
  .refine(needsHost, hostMessage);

export const updateDataSourceInput = z.object({
  id: z.uuid('Not a data source id'),
  name: z.string().trim().min(2).max(80).optional(),
  description: z.string().trim().max(2000).optional(),
  host: z.string().trim().min(1).max(255).optional(),
  port: z.number().int().min(1).max(65_535).nullable().optional(),
  database: z.string().trim().min(1).max(1024).optional(),
  username: z.string().trim().max(128).nullable().optional(),
  /** undefined keeps the stored password; null clears it. */
  password: z.string().max(1024).nullable().optional(),
  options: connectionOptions.optional(),
  environment: z.enum(environments).optional(),
  criticality: z.enum(criticalities).optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
  ownerId: z.uuid().nullable().optional(),
  workspaceId: z.uuid().nullable().optional(),
});

export const dataSourceIdInput = z.object({ id: z.uuid('Not a data source id') });

export const listDataSourcesInput = z.object({
  query: z.string().trim().max(100).optional(),
  engine: z.enum(engines).optional(),
  environment: z.enum(environments).optional(),
  workspaceId: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: z.string().optional(),
});

/** Test a saved source (id) or a draft from the create form (connection). */
export const testDataSourceInput = z.union([
  z.object({ id: z.uuid('Not a data source id') }),
  z.object({ connection: connectionDraftInput }),
]);

const identifier = z.string().min(1).max(255);
export const tableRefInput = z.object({ id: z.uuid('Not a data source id'), schema: identifier, table: identifier });
export const previewInput = tableRefInput.extend({ limit: z.number().int().min(1).max(200).default(50) });
export const profileInput = tableRefInput.extend({ column: identifier });
export const discoverInput = z.object({ id: z.uuid('Not a data source id') });
