/**
 * ai.recommendations and ai.feedback: the current candidates ranked by base
 * priority × the type's learned acceptance rate (rank.ts), without what the
 * asker dismissed; accept/dismiss stored per person and subject, audited.
 */
import type { z } from 'zod';
import type { Actor } from '../../actor';
import { mutate } from '../../activity/record';
import type { ServiceDeps } from '../../deps';
import { AppError } from '../../errors';
import type { AccessChecker } from '../../rbac/resolve';
import { requireUser } from '../conversations';
import { type feedbackInput, recommendationTypes, type recommendationsInput, type RecommendationType } from '../schemas';
import { candidates } from './candidates';
import { ACCEPTANCE_PRIOR, acceptanceRate, BASE_PRIORITY, scoreOf } from './rank';

/** Everyone's decisions per type: the team teaches the ranking; a person's own dismissals also hide those items for them. */
export async function acceptanceByType(deps: ServiceDeps) {
  const rows = await deps.db.recommendationFeedback.groupBy({ by: ['type', 'decision'], _count: { _all: true } });
  return recommendationTypes.map((type) => {
    const accepted = rows.find((r) => r.type === type && r.decision === 'accepted')?._count._all ?? 0;
    const dismissed = rows.find((r) => r.type === type && r.decision === 'dismissed')?._count._all ?? 0;
    return { type, accepted, dismissed, rate: Math.round(acceptanceRate({ accepted, dismissed }) * 10_000) / 10_000, basePriority: BASE_PRIORITY[type] };
  });
}

export async function listRecommendations(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof recommendationsInput>) {
  const userId = requireUser(actor);
  const [found, acceptance, mine] = await Promise.all([
    candidates({ deps, actor, access, page: {} }),
    acceptanceByType(deps),
    deps.db.recommendationFeedback.findMany({ where: { userId }, select: { subjectKey: true, decision: true } }),
  ]);
  const decided = new Map(mine.map((m) => [m.subjectKey, m.decision]));
  const rate = new Map(acceptance.map((a) => [a.type, a.rate]));
  const items = found
    .filter((c) => decided.get(c.subjectKey) !== 'dismissed')
    .map((c) => ({ ...c, accepted: decided.get(c.subjectKey) === 'accepted', typeRate: rate.get(c.type)!, score: scoreOf(c.type, c.urgency, rate.get(c.type)!) }))
    .sort((a, b) => b.score - a.score || a.subjectKey.localeCompare(b.subjectKey));
  return { items: items.slice(0, input.limit), total: items.length, acceptance, prior: ACCEPTANCE_PRIOR };
}

export async function recordFeedback(deps: ServiceDeps, actor: Actor, input: z.output<typeof feedbackInput>) {
  const userId = requireUser(actor);
  if (!input.subjectKey.startsWith(`${input.type}:`)) throw new AppError('BAD_REQUEST', `A ${input.type} recommendation's key starts with "${input.type}:"`);
  return mutate(deps, actor, { type: `ai.recommendation.${input.decision}`, category: 'data', sourceGroup: 'ai', action: input.decision === 'accepted' ? 'accept' : 'dismiss', resourceType: 'recommendation', resourceId: input.subjectKey }, async (tx) => {
    const before = await tx.recommendationFeedback.findUnique({ where: { userId_subjectKey: { userId, subjectKey: input.subjectKey } }, select: { decision: true } });
    const row = await tx.recommendationFeedback.upsert({
      where: { userId_subjectKey: { userId, subjectKey: input.subjectKey } },
      create: { userId, type: input.type, subjectKey: input.subjectKey, decision: input.decision },
      update: { decision: input.decision, type: input.type },
      select: { subjectKey: true, type: true, decision: true, createdAt: true },
    });
    return { result: row, before: before ?? undefined, after: { decision: row.decision }, details: { recommendationType: input.type as RecommendationType } };
  });
}
