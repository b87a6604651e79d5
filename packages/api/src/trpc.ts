import { AppError, dataSourceScope, globalScope, type PermissionKey, recordActivity, type Scope, workspaceScope } from '@racine/services';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import type { Context } from './context';
import { ZodError } from 'zod';
import { formatError, summarizeZodError, toTRPCError } from './errors';

/**
 * Every procedure declares, in one visible place, the permission it needs:
 * - a permission key, checked at global scope, or at the workspace named by
 *   the input field in `scope` (e.g. `{ workspace: 'id' }`);
 * - with `filtered: true`, a list whose service returns only what the caller
 *   may see, so signing in is the only gate;
 * - 'authenticated' for what concerns only the caller (their own profile).
 */
export interface Meta {
  permission: PermissionKey | 'authenticated';
  scope?: { workspace: string } | { datasource: string };
  filtered?: boolean;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({ transformer: superjson, errorFormatter: ({ shape, error }) => formatError(shape, error), sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 40_000 } } });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/** Domain errors become tRPC errors, and input errors say in words what was wrong. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof AppError) throw toTRPCError(cause);
  if (cause instanceof ZodError) throw new TRPCError({ code: 'BAD_REQUEST', message: `Invalid input: ${summarizeZodError(cause)}`, cause });
  return result;
});

function scopeFrom(meta: Meta, rawInput: unknown): Scope {
  if (!meta.scope) return globalScope;
  const [kind, field] = 'workspace' in meta.scope ? (['workspace', meta.scope.workspace] as const) : (['datasource', meta.scope.datasource] as const);
  const id = (rawInput as Record<string, unknown> | null | undefined)?.[field];
  if (typeof id !== 'string' || id.length === 0)
    throw new TRPCError({ code: 'BAD_REQUEST', message: `Invalid input: ${field}: a ${kind === 'workspace' ? 'workspace' : 'data source'} id is required` });
  return kind === 'workspace' ? workspaceScope(id) : dataSourceScope(id);
}

const authorize = t.middleware(async ({ ctx, meta, path, getRawInput, next }) => {
  if (!meta?.permission) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `${path} declares no permission` });
  if (!ctx.actor || !ctx.access) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in, or send an API token, to use this' });
  const authed = { ...ctx, actor: ctx.actor, access: ctx.access };
  if (meta.permission === 'authenticated' || meta.filtered) return next({ ctx: authed });
  const scope = scopeFrom(meta, await getRawInput());
  if (!(await ctx.access.can(meta.permission, scope))) {
    // Refusals are security events: keep them in the audit trail.
    await recordActivity(ctx.deps, ctx.actor, {
      type: 'access.denied',
      category: 'security',
      sourceGroup: 'rbac',
      action: 'deny',
      resourceType: scope.type === 'global' ? null : scope.type,
      resourceId: scope.type === 'global' ? null : scope.id,
      status: 'failure',
      details: { procedure: path, permission: meta.permission },
      complianceRelevant: true,
    }).catch(() => {});
    const where = scope.type === 'global' ? '' : ` on ${scope.type === 'workspace' ? 'workspace' : 'data source'} ${scope.id}`;
    throw new TRPCError({ code: 'FORBIDDEN', message: `You need the ${meta.permission} permission${where}` });
  }
  return next({ ctx: authed });
});

/** For the few procedures anyone may call (none yet besides health over plain HTTP). */
export const publicProcedure = t.procedure.use(mapDomainErrors);
/** Every other procedure: signed in, then the permission its meta names. */
export const procedure = t.procedure.use(mapDomainErrors).use(authorize);
