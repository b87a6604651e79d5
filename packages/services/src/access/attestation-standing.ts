/**
 * Where a person stands on a policy, from their latest attestation of its
 * current version. Without one they are due from the version's publication
 * and overdue once its grace days have passed (no grace: at once); with one,
 * they are done until its dueAt, due during the grace days, overdue after.
 */
export type Standing = 'done' | 'due' | 'overdue';

export interface PolicyTimes {
  version: number;
  graceDays: number;
  /** When the current version was published. */
  publishedAt: Date;
}

export interface LastAttestation {
  policyVersion: number;
  attestedAt: Date;
  dueAt: Date;
}

const dayMs = 86_400_000;

export function standingOf(policy: PolicyTimes, last: LastAttestation | null | undefined, now: Date): { standing: Standing; dueAt: Date; overdueAt: Date } {
  const current = last && last.policyVersion === policy.version ? last : null;
  const dueAt = current ? current.dueAt : policy.publishedAt;
  const overdueAt = new Date(dueAt.getTime() + policy.graceDays * dayMs);
  if (current && now < current.dueAt) return { standing: 'done', dueAt, overdueAt };
  return { standing: now >= overdueAt ? 'overdue' : 'due', dueAt, overdueAt };
}
