import { AppError, dataSourceIdOf, mfaRequiredMessage, workspaceIdOf, type WorkspaceOwned, dataSourceScope, globalScope, type SourceOwned, type PermissionKey, recordActivity, type Scope, workspaceScope } from '@racine/services';
import { initTRPC, TRPCError } from '@trpc/server';
import { reauthorizing } from './reauthorize';
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
 * - 'authenticated' for what concerns only the caller (their own profile);
 * - 'public' on a `publicProcedure`, callable signed out (a guest's invite
 *   link); on `procedure` it would refuse everyone, never let anyone through.
 */
export interface Meta {
  permission: PermissionKey | 'authenticated' | 'public';
  scope?: { workspace: string } | { datasource: string } | { datasourceOf: SourceOwned; field: string } | { workspaceOf: WorkspaceOwned; field: string };
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

/**
 * The scope a procedure's permission is checked at, read from its (not yet
 * validated) input. Null when the input names a resource that does not exist:
 * there is nothing to protect, so validation runs and the handler answers
 * NOT_FOUND (or BAD_REQUEST for a malformed id).
 */
async function scopeFrom(ctx: Context, meta: Meta, rawInput: unknown): Promise<Scope | null> {
  const scope = meta.scope;
  if (!scope) return globalScope;
  const field = 'workspace' in scope ? scope.workspace : 'datasource' in scope ? scope.datasource : scope.field;
  const id = (rawInput as Record<string, unknown> | null | undefined)?.[field];
  if (typeof id !== 'string' || id.length === 0) throw new TRPCError({ code: 'BAD_REQUEST', message: `Invalid input: ${field}: an id is required` });
  if ('workspace' in scope) return workspaceScope(id);
  if ('datasource' in scope) return dataSourceScope(id);
  // A workflow, pipeline or one of their runs: checked at the workspace it belongs to.
  if ('workspaceOf' in scope) {
    const workspaceId = await workspaceIdOf(ctx.deps.db, scope.workspaceOf, id).catch(() => null);
    return workspaceId ? workspaceScope(workspaceId) : null;
  }
  // A scan, run, asset or label: checked at the data source it belongs to.
  const sourceId = await dataSourceIdOf(ctx.deps.db, scope.datasourceOf, id).catch(() => null);
  return sourceId ? dataSourceScope(sourceId) : null;
}

/**
 * How often an open subscription checks again that its caller may still have
 * it (reauthorize.ts). RACINE_SUBSCRIPTION_RECHECK_MS overrides (tests).
 */
export const SUBSCRIPTION_RECHECK_MS = Number(process.env.RACINE_SUBSCRIPTION_RECHECK_MS) || 30_000;

/** Signed in, then the permission the meta names at its scope; the context narrowed to a signed-in caller. */
async function authorized(ctx: Context, meta: Meta | undefined, path: string, getRawInput: () => Promise<unknown>) {
  if (!meta?.permission) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `${path} declares no permission` });
  if (meta.permission === 'public') throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `${path} is public: build it on publicProcedure` });
  if (!ctx.actor || !ctx.access) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in, or send an API token, to use this' });
  const authed = { ...ctx, actor: ctx.actor, access: ctx.access };
  if (meta.permission === 'authenticated') return authed;
  // A role that requires MFA leaves its holder only their own account until they set it up.
  const mfaRole = await ctx.mfaRequiredBy();
  if (mfaRole) throw new TRPCError({ code: 'FORBIDDEN', message: mfaRequiredMessage(mfaRole) });
  if (meta.filtered) return authed;
  const scope = await scopeFrom(ctx, meta, await getRawInput());
  if (scope === null) return authed;
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
  return authed;
}

const authorize = t.middleware(async ({ ctx, meta, path, type, getRawInput, next }) => {
  const result = await next({ ctx: await authorized(ctx, meta, path, getRawInput) });
  if (type !== 'subscription' || !result.ok) return result;
  // A subscription stays open long after this check: it is repeated, from the same credentials, while it runs.
  const recheck = async () => void (await authorized(await ctx.renew(), meta, path, getRawInput));
  return { ...result, data: reauthorizing(result.data as AsyncIterable<unknown>, recheck, SUBSCRIPTION_RECHECK_MS) };
});

/** For the few procedures anyone may call, signed in or not (meta `permission: 'public'`): a guest opening their invite. */
export const publicProcedure = t.procedure.use(mapDomainErrors);
/** Every other procedure: signed in, then the permission its meta names. */
export const procedure = t.procedure.use(mapDomainErrors).use(authorize);
