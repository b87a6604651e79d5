/**
 * The caller's side of attestations: the published policies that apply to
 * them with where they stand, and attesting to a policy's current version.
 */
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { invalidateAttestationBlocking } from './attestation-blocking';
import { requiredUsers } from './attestation-policies';
import type { attestInput } from './attestation-schemas';
import { standingOf } from './attestation-standing';

function personOf(actor: Actor): string {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'Attestations are made by people');
  return actor.userId;
}

/** Global role keys the user holds now (what a policy's requiredRoleKeys are matched against). */
async function heldGlobalRoles(deps: ServiceDeps, userId: string, now: Date) {
  const rows = await deps.db.roleAssignment.findMany({ where: { userId, scopeType: 'global', OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, select: { roleId: true } });
  return rows.map((r) => r.roleId);
}

export async function myAttestations(deps: ServiceDeps, actor: Actor) {
  const userId = personOf(actor);
  const now = deps.clock();
  const [held, policies] = await Promise.all([heldGlobalRoles(deps, userId, now), deps.db.attestationPolicy.findMany({ where: { publishedAt: { not: null }, archivedAt: null }, orderBy: { publishedAt: 'asc' } })]);
  const mine = policies.filter((p) => !p.requiredRoleKeys.length || p.requiredRoleKeys.some((k) => held.includes(k)));
  const attestations = await deps.db.attestation.findMany({ where: { userId, policyId: { in: mine.map((p) => p.id) } }, orderBy: { attestedAt: 'desc' } });
  const items = mine.map((p) => {
    const last = attestations.find((a) => a.policyId === p.id) ?? null;
    const current = attestations.find((a) => a.policyId === p.id && a.policyVersion === p.version) ?? null;
    const s = standingOf({ ...p, publishedAt: p.publishedAt! }, current, now);
    return {
      id: p.id,
      title: p.title,
      body: p.body,
      version: p.version,
      periodDays: p.periodDays,
      graceDays: p.graceDays,
      blockRoles: p.blockRoles,
      /** The roles this policy suspends while the caller is overdue (those they hold). */
      blocks: p.blockRoles ? p.requiredRoleKeys.filter((k) => held.includes(k)) : [],
      publishedAt: p.publishedAt!,
      lastAttestedAt: last?.attestedAt ?? null,
      lastAttestedVersion: last?.policyVersion ?? null,
      standing: s.standing,
      dueAt: s.dueAt,
      overdueAt: s.overdueAt,
    };
  });
  const rank = { overdue: 0, due: 1, done: 2 } as const;
  items.sort((a, b) => rank[a.standing] - rank[b.standing] || a.dueAt.getTime() - b.dueAt.getTime());
  return { items, due: items.filter((i) => i.standing === 'due').length, overdue: items.filter((i) => i.standing === 'overdue').length };
}

/** Records the caller's attestation of the version they read; due again periodDays from now. */
export async function attest(deps: ServiceDeps, actor: Actor, input: z.output<typeof attestInput>) {
  const userId = personOf(actor);
  const result = await mutate(deps, actor, { type: 'attestation.attested', category: 'access', sourceGroup: 'user', action: 'attest', resourceType: 'attestationPolicy', resourceId: input.policyId, complianceRelevant: true }, async (tx) => {
    const policy = await tx.attestationPolicy.findUnique({ where: { id: input.policyId } });
    if (!policy || !policy.publishedAt) throw notFound('Attestation policy', input.policyId);
    if (policy.archivedAt) throw new AppError('CONFLICT', `“${policy.title}” is archived; there is nothing to attest`);
    if (policy.version !== input.version)
      throw new AppError('CONFLICT', `“${policy.title}” changed since you opened it (now version ${policy.version}, you read version ${input.version}); read it again, then attest`, { version: policy.version });
    const now = deps.clock();
    const applies = (await requiredUsers(tx, policy, now)).some((u) => u.id === userId);
    if (!applies) throw new AppError('BAD_REQUEST', `“${policy.title}” does not apply to you`);
    const dueAt = new Date(now.getTime() + policy.periodDays * 86_400_000);
    const attestation = await tx.attestation.create({ data: { policyId: policy.id, policyVersion: policy.version, userId, attestedAt: now, dueAt } });
    return { result: { id: attestation.id, policyId: policy.id, version: policy.version, attestedAt: now, dueAt }, after: { version: policy.version, dueAt }, details: { title: policy.title } };
  });
  invalidateAttestationBlocking(userId);
  return result;
}
