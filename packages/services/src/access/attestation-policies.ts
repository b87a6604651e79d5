/**
 * Attestation policies (attestation.manage): drafts, publication, content
 * changes that bump the version (everyone attests again), archiving, and who
 * stands where. A policy that blocks roles must name them, and may never name
 * 'admin': otherwise one overdue policy could lock every admin out.
 */
import type { AttestationPolicy, Db, DbOrTx } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { invalidateAttestationBlocking } from './attestation-blocking';
import type { createPolicyInput, listPoliciesInput, policyIdInput, policyStatusInput, updatePolicyInput } from './attestation-schemas';
import { type Standing, standingOf } from './attestation-standing';

const spec = (type: string, action: string, id?: string) =>
  ({ type, category: 'configuration', sourceGroup: 'user', targetGroup: 'rbac', action, resourceType: 'attestationPolicy', resourceId: id, complianceRelevant: true }) as const;

function checkBlocking(p: { blockRoles: boolean; requiredRoleKeys: readonly string[] }) {
  if (!p.blockRoles) return;
  if (!p.requiredRoleKeys.length) throw new AppError('BAD_REQUEST', 'A policy that blocks roles must name the roles it applies to', { field: 'requiredRoleKeys' });
  if (p.requiredRoleKeys.includes('admin')) throw new AppError('BAD_REQUEST', 'A policy may not block the admin role: an overdue attestation could lock every admin out', { field: 'blockRoles' });
}

const snapshot = (p: AttestationPolicy) => ({ title: p.title, version: p.version, periodDays: p.periodDays, graceDays: p.graceDays, requiredRoleKeys: p.requiredRoleKeys, blockRoles: p.blockRoles });

/** Active people a policy applies to: holders of one of its global roles, or everyone when it names none. */
export async function requiredUsers(db: DbOrTx, policy: Pick<AttestationPolicy, 'requiredRoleKeys'>, now: Date) {
  return db.user.findMany({
    where: {
      isActive: true,
      ...(policy.requiredRoleKeys.length
        ? { roleAssignments: { some: { scopeType: 'global', roleId: { in: policy.requiredRoleKeys }, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } } }
        : {}),
    },
    select: { id: true, name: true, email: true },
    orderBy: { name: 'asc' },
  });
}

/** Each required person's standing on a published policy, from their latest attestation of its current version. */
async function standings(db: Db, policy: AttestationPolicy, now: Date) {
  const users = await requiredUsers(db, policy, now);
  const attestations = await db.attestation.findMany({
    where: { policyId: policy.id, policyVersion: policy.version, userId: { in: users.map((u) => u.id) } },
    orderBy: { attestedAt: 'desc' },
    select: { userId: true, policyVersion: true, attestedAt: true, dueAt: true },
  });
  const latest = new Map<string, (typeof attestations)[number]>();
  for (const a of attestations) if (!latest.has(a.userId)) latest.set(a.userId, a);
  return users.map((u) => {
    const last = latest.get(u.id) ?? null;
    return { user: u, lastAttestedAt: last?.attestedAt ?? null, ...standingOf({ ...policy, publishedAt: policy.publishedAt ?? now }, last, now) };
  });
}

export async function createPolicy(deps: ServiceDeps, actor: Actor, input: z.output<typeof createPolicyInput>) {
  checkBlocking(input);
  return mutate(deps, actor, spec('attestation.policy.created', 'create'), async (tx) => {
    const policy = await tx.attestationPolicy.create({ data: input });
    return { result: policy, resourceId: policy.id, after: snapshot(policy) };
  });
}

async function lockPolicy(tx: DbOrTx, id: string) {
  await tx.$queryRaw`SELECT id FROM "AttestationPolicy" WHERE id = ${id} FOR UPDATE`;
  const policy = await tx.attestationPolicy.findUnique({ where: { id } });
  if (!policy) throw notFound('Attestation policy', id);
  if (policy.archivedAt) throw new AppError('CONFLICT', `“${policy.title}” is archived; it can no longer change`);
  return policy;
}

/** A published policy whose title or text changes gets a new version, published now: everyone attests again. */
export async function updatePolicy(deps: ServiceDeps, actor: Actor, input: z.output<typeof updatePolicyInput>) {
  const { id, ...changes } = input;
  const result = await mutate(deps, actor, spec('attestation.policy.updated', 'update', id), async (tx) => {
    const before = await lockPolicy(tx, id);
    const next = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as AttestationPolicy;
    checkBlocking(next);
    const contentChanged = next.title !== before.title || next.body !== before.body;
    const bump = contentChanged && before.publishedAt !== null;
    const now = deps.clock();
    const policy = await tx.attestationPolicy.update({
      where: { id },
      data: { title: next.title, body: next.body, periodDays: next.periodDays, graceDays: next.graceDays, requiredRoleKeys: next.requiredRoleKeys, blockRoles: next.blockRoles, ...(bump ? { version: before.version + 1, publishedAt: now } : {}) },
    });
    return { result: policy, before: snapshot(before), after: snapshot(policy), details: { versionBumped: bump } };
  });
  invalidateAttestationBlocking();
  return result;
}

export async function publishPolicy(deps: ServiceDeps, actor: Actor, input: z.output<typeof policyIdInput>) {
  const result = await mutate(deps, actor, spec('attestation.policy.published', 'publish', input.id), async (tx) => {
    const before = await lockPolicy(tx, input.id);
    if (before.publishedAt) throw new AppError('CONFLICT', `“${before.title}” is already published`);
    const policy = await tx.attestationPolicy.update({ where: { id: input.id }, data: { publishedAt: deps.clock(), publishedById: actor.kind === 'system' ? null : actor.userId } });
    return { result: policy, before: { publishedAt: null }, after: { publishedAt: policy.publishedAt, version: policy.version } };
  });
  invalidateAttestationBlocking();
  return result;
}

export async function archivePolicy(deps: ServiceDeps, actor: Actor, input: z.output<typeof policyIdInput>) {
  const result = await mutate(deps, actor, spec('attestation.policy.archived', 'archive', input.id), async (tx) => {
    await lockPolicy(tx, input.id);
    const policy = await tx.attestationPolicy.update({ where: { id: input.id }, data: { archivedAt: deps.clock() } });
    return { result: policy, before: { archivedAt: null }, after: { archivedAt: policy.archivedAt } };
  });
  invalidateAttestationBlocking();
  return result;
}

const emptyCounts = (): Record<Standing, number> => ({ done: 0, due: 0, overdue: 0 });

/** Every policy with, when published, how many required people have attested, are due, are overdue. */
export async function listPolicies(deps: ServiceDeps, input: z.output<typeof listPoliciesInput>) {
  const now = deps.clock();
  const rows = await deps.db.attestationPolicy.findMany({ where: input.includeArchived ? {} : { archivedAt: null }, orderBy: [{ archivedAt: 'desc' }, { createdAt: 'desc' }] });
  return Promise.all(
    rows.map(async (p) => {
      const counts = emptyCounts();
      let required = 0;
      if (p.publishedAt && !p.archivedAt) {
        const s = await standings(deps.db, p, now);
        required = s.length;
        for (const x of s) counts[x.standing]++;
      }
      return { ...p, required, attested: counts.done, due: counts.due, overdue: counts.overdue };
    }),
  );
}

export async function policyStatus(deps: ServiceDeps, input: z.output<typeof policyStatusInput>) {
  const policy = await deps.db.attestationPolicy.findUnique({ where: { id: input.policyId } });
  if (!policy) throw notFound('Attestation policy', input.policyId);
  const people = policy.publishedAt ? await standings(deps.db, policy, deps.clock()) : [];
  return {
    policy: { id: policy.id, title: policy.title, version: policy.version, publishedAt: policy.publishedAt, archivedAt: policy.archivedAt, blockRoles: policy.blockRoles, requiredRoleKeys: policy.requiredRoleKeys },
    people: people.map((p) => ({ userId: p.user.id, name: p.user.name, email: p.user.email, lastAttestedAt: p.lastAttestedAt, dueAt: p.dueAt, overdueAt: p.overdueAt, standing: p.standing })),
  };
}

export { standings as policyStandings };
