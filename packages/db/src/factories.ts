/**
 * Factories shared by the seed script and the tests. Each call makes its own
 * uniquely named rows, so tests never collide and need no cleanup.
 * They write directly (no activity rows): they set the stage, the code under
 * test acts on it.
 */
import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Db } from './index';

export const unique = (prefix = 't') => `${prefix}-${randomUUID().slice(0, 8)}`;

export const DEFAULT_TEST_PASSWORD = 'correct-horse-battery-staple';
let cachedDefaultHash: Promise<string> | null = null;

/** Hashing is deliberately slow; the default password's hash is computed once per process. */
function passwordHash(password: string): Promise<string> {
  const opts = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
  if (password !== DEFAULT_TEST_PASSWORD) return hash(password, opts);
  cachedDefaultHash ??= hash(password, opts);
  return cachedDefaultHash;
}

export interface MakeUserOptions {
  email?: string;
  name?: string;
  password?: string;
  /** Global role keys: admin, steward, analyst, viewer. */
  roles?: string[];
  isActive?: boolean;
}

export async function makeUser(db: Db, options: MakeUserOptions = {}) {
  const handle = unique('user');
  return db.user.create({
    data: {
      email: options.email ?? `${handle}@example.test`,
      name: options.name ?? `User ${handle}`,
      passwordHash: await passwordHash(options.password ?? DEFAULT_TEST_PASSWORD),
      isActive: options.isActive ?? true,
      profile: { create: {} },
      roleAssignments: { create: (options.roles ?? ['viewer']).map((roleId) => ({ roleId, scopeType: 'global' as const })) },
    },
  });
}

export interface MakeWorkspaceOptions {
  ownerId: string;
  name?: string;
  environment?: 'dev' | 'staging' | 'prod';
  maxMembers?: number;
  maxResources?: number;
  /** Further members: workspace role keys owner, admin, member, viewer. */
  members?: { userId: string; role: 'owner' | 'admin' | 'member' | 'viewer' }[];
}

export async function makeWorkspace(db: Db, options: MakeWorkspaceOptions) {
  const slug = unique('ws');
  return db.workspace.create({
    data: {
      slug,
      name: options.name ?? `Workspace ${slug}`,
      environment: options.environment ?? 'dev',
      maxMembers: options.maxMembers ?? 50,
      maxResources: options.maxResources ?? 500,
      ownerId: options.ownerId,
      members: {
        create: [
          { userId: options.ownerId, roleId: 'ws.owner' },
          ...(options.members ?? []).map((m) => ({ userId: m.userId, roleId: `ws.${m.role}` })),
        ],
      },
    },
  });
}
