import type { Db } from '@racine/db';
import { builtInRoles, permissions, type PermissionKey } from './catalog';

/**
 * Brings the permission and built-in role tables in line with the catalog.
 * Idempotent: runs at every start, so a new permission reaches old databases.
 * Built-in role ids equal their keys, so code can refer to them directly.
 */
export async function syncBuiltInRoles(db: Db): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const [key, description] of Object.entries(permissions)) {
      const [resourceType, ...rest] = key.split('.');
      const data = { resourceType: resourceType!, action: rest.join('.'), description };
      await tx.permission.upsert({ where: { key }, create: { key, ...data }, update: data });
    }
    for (const role of builtInRoles) {
      const data = { name: role.name, description: role.description, scopeType: role.scopeType, builtIn: true };
      await tx.role.upsert({ where: { key: role.key }, create: { id: role.key, key: role.key, ...data }, update: data });
      await tx.rolePermission.deleteMany({
        where: { roleId: role.key, permissionKey: { notIn: [...role.permissions] } },
      });
      await tx.rolePermission.createMany({
        data: role.permissions.map((permissionKey: PermissionKey) => ({ roleId: role.key, permissionKey })),
        skipDuplicates: true,
      });
    }
    // ~60 upserts one by one: on a loaded machine they outlast Prisma's 5 s default, and the start fails.
  }, { timeout: 60_000, maxWait: 60_000 });
}

/** Roles with their permissions, global ones first. */
export async function listRoles(deps: { db: Db }) {
  const roles = await deps.db.role.findMany({
    select: { id: true, key: true, name: true, description: true, scopeType: true, builtIn: true, requiresMfa: true, permissions: { select: { permissionKey: true } } },
    orderBy: [{ scopeType: 'asc' }, { key: 'asc' }],
  });
  return roles.map(({ permissions: p, ...r }) => ({ ...r, permissions: p.map((x) => x.permissionKey).sort() }));
}
