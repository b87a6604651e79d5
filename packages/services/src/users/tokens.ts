import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import type { createApiTokenInput, revokeApiTokenInput } from './schemas';

const TOKEN_PREFIX = 'rcn_';
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function requireUser(actor: Actor): string {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'The system actor has no API tokens');
  return actor.userId;
}

/** Creates a token and returns it once; only its sha256 is stored. */
export async function createApiToken(deps: ServiceDeps, actor: Actor, input: z.output<typeof createApiTokenInput>) {
  const userId = requireUser(actor);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const expiresAt = input.expiresInDays ? new Date(deps.clock().getTime() + input.expiresInDays * 86_400_000) : null;
  return mutate(deps, actor, { type: 'user.token.created', category: 'security', sourceGroup: 'user', action: 'create', resourceType: 'apiToken', complianceRelevant: true }, async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId, name: input.name, prefix: token.slice(0, 10), tokenHash: hashToken(token), expiresAt },
      select: { id: true, name: true, prefix: true, expiresAt: true, createdAt: true },
    });
    return { result: { ...row, token }, resourceId: row.id, after: { name: row.name, prefix: row.prefix, expiresAt } };
  });
}

export async function listApiTokens(deps: ServiceDeps, actor: Actor) {
  const userId = requireUser(actor);
  return deps.db.apiToken.findMany({
    where: { userId },
    select: { id: true, name: true, prefix: true, lastUsedAt: true, expiresAt: true, revokedAt: true, createdAt: true },
    orderBy: { createdAt: 'desc' },
  });
}

export async function revokeApiToken(deps: ServiceDeps, actor: Actor, input: z.output<typeof revokeApiTokenInput>) {
  const userId = requireUser(actor);
  return mutate(deps, actor, { type: 'user.token.revoked', category: 'security', sourceGroup: 'user', action: 'revoke', resourceType: 'apiToken', resourceId: input.tokenId, complianceRelevant: true }, async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: input.tokenId, userId } });
    if (!token) throw notFound('API token', input.tokenId);
    if (token.revokedAt) return { result: { id: token.id, revokedAt: token.revokedAt } };
    const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: deps.clock() }, select: { id: true, revokedAt: true } });
    return { result: revoked, before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt } };
  });
}

/** Resolves `Authorization: Bearer <token>` to an actor, or null if unknown, revoked, expired or inactive. */
export async function authenticateApiToken(deps: ServiceDeps, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await deps.db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, revokedAt: true, expiresAt: true, lastUsedAt: true, user: { select: { isActive: true, isGuest: true } } },
  });
  const now = deps.clock();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !row.user.isActive) return null;
  // Touch lastUsedAt at most once a minute, so a busy token does not write on every call.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000)
    await deps.db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return { kind: 'token', userId: row.userId, tokenId: row.id, ...(row.user.isGuest ? { guest: true as const } : {}) };
}
