import { randomBytes } from 'node:crypto';
import { systemActor } from '../actor';
import type { ServiceDeps } from '../deps';
import path from 'node:path';
import { createDataSource } from '../datasource/datasources';
import { createDataSourceInput } from '../datasource/schemas';
import { generateDemoDatabase } from '../demo-source/index';
import { syncBuiltInFrameworks } from '../compliance/frameworks';
import { syncBuiltInRoles } from '../rbac/seed';
import { syncBuiltInRuleSets } from '../scan/rule-sets';
import { createScan } from '../scan/scans';
import { createScanInput } from '../scan/schemas';
import { createUserInput } from '../users/schemas';
import { createUser } from '../users/users';
import { createWorkspaceFromTemplate } from '../workspace/workspaces';
import { AccessChecker } from '../rbac/resolve';
import { workflowTemplate } from '../workflow/templates';
import { createWorkflow } from '../workflow/workflows';
import { createWorkflowInput } from '../workflow/inputs';
import { seedDemoArticles } from '../kb/seed';

export interface SeedOptions {
  adminEmail?: string;
  adminPassword?: string;
  /** Where the demo SQLite source is written; no demo source when absent. */
  dataDir?: string;
}

export interface SeedResult {
  adminEmail: string;
  /** Set only when this run created the admin with a generated password: print it once. */
  generatedPassword: string | null;
  createdAdmin: boolean;
  createdDemoWorkspace: boolean;
}

/**
 * Idempotent: syncs built-in roles every time; creates the bootstrap admin and
 * the demo workspace only when no admin exists yet (a fresh database).
 */
export async function seed(deps: ServiceDeps, options: SeedOptions = {}): Promise<SeedResult> {
  await syncBuiltInRoles(deps.db);
  await syncBuiltInRuleSets(deps);
  await syncBuiltInFrameworks(deps);
  const adminEmail = (options.adminEmail ?? 'admin@racine.local').toLowerCase();
  const existingAdmin = await deps.db.roleAssignment.findFirst({ where: { roleId: 'admin', scopeType: 'global' }, select: { user: { select: { email: true } } } });
  if (existingAdmin) return { adminEmail: existingAdmin.user.email, generatedPassword: null, createdAdmin: false, createdDemoWorkspace: false };

  const generatedPassword = options.adminPassword ? null : randomBytes(12).toString('base64url');
  const admin = await createUser(deps, systemActor, createUserInput.parse({ email: adminEmail, name: 'Racine Admin', password: options.adminPassword ?? generatedPassword, roles: ['admin'] }));
  const adminActor = { kind: 'user' as const, userId: admin.id };
  const workspace = await createWorkspaceFromTemplate(deps, adminActor, { templateKey: 'governance-team', name: 'Demo governance', slug: 'demo' });
  if (options.dataDir) {
    const source = await createDemoSource(deps, adminActor, workspace.id, options.dataDir);
    await createDemoWorkflow(deps, adminActor, workspace.id, source.id);
  }
  await seedDemoArticles(deps, adminActor, workspace.id);
  return { adminEmail, generatedPassword, createdAdmin: true, createdDemoWorkspace: true };
}

/**
 * A small shop database (customers, orders, payments, support tickets,
 * credentials, products) full of realistic fake sensitive data and its usual
 * look-alikes, registered as a source with a ready scan: a new user can scan
 * something in their first minute.
 */
export async function createDemoSource(deps: ServiceDeps, actor: { kind: 'user'; userId: string }, workspaceId: string, dataDir: string) {
  const { filePath } = generateDemoDatabase(path.join(dataDir, 'demo', 'demo-shop.sqlite'), { seed: 42, people: 200 });
  const source = await createDataSource(
    deps,
    actor,
    createDataSourceInput.parse({
      name: 'Demo shop',
      description: 'A demo SQLite database of an online shop: people, orders, payments, support tickets and API credentials (all fake).',
      engine: 'sqlite',
      database: filePath,
      environment: 'prod',
      criticality: 'high',
      tags: ['demo'],
      workspaceId,
    }),
  );
  const ruleSet = await deps.db.scanRuleSet.findUniqueOrThrow({ where: { key: 'all' } });
  await createScan(deps, actor, createScanInput.parse({ name: 'Demo shop — all detectors', dataSourceId: source.id, ruleSetId: ruleSet.id }));
  return source;
}

/** The "Data discovery" template, ready to run on the demo shop (its parameter defaults to it). */
export async function createDemoWorkflow(deps: ServiceDeps, actor: { kind: 'user'; userId: string }, workspaceId: string, dataSourceId: string) {
  const template = workflowTemplate('data-discovery')!;
  const definition = {
    ...template.definition,
    parameters: (template.definition.parameters ?? []).map((p) => (p.name === 'dataSource' ? { ...p, default: dataSourceId } : p)),
    // No positions: the builder lays out a definition without them to fit its canvas.
    steps: template.definition.steps.map(({ position: _position, ...step }) => step),
  };
  return createWorkflow(
    deps,
    actor,
    new AccessChecker(deps.db, actor),
    createWorkflowInput.parse({ workspaceId, name: 'Data discovery — Demo shop', description: template.description, definition, note: 'From the Data discovery template' }),
  );
}
