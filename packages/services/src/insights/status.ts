import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import type { AccessChecker } from '../rbac/resolve';
import { insightSelect, toViews, type InsightView } from './queries';
import type { InsightStatus, UpdateInsightInput } from './schemas';
import { insightReader } from './visibility';

/** new → acknowledged → dismissed | actioned, and new → dismissed | actioned. Dismissed and actioned are final. */
export const insightTransitions: Record<InsightStatus, readonly InsightStatus[]> = {
  new: ['acknowledged', 'dismissed', 'actioned'],
  acknowledged: ['dismissed', 'actioned'],
  dismissed: [],
  actioned: [],
};

export function canMove(from: InsightStatus, to: InsightStatus): boolean {
  return insightTransitions[from].includes(to);
}

const eventOf: Record<Exclude<InsightStatus, 'new'>, string> = {
  acknowledged: 'insight.acknowledged',
  dismissed: 'insight.dismissed',
  actioned: 'insight.actioned',
};

/** Moves one insight the caller may see; the router has checked insight.manage. */
export async function updateInsightStatus(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: UpdateInsightInput): Promise<InsightView> {
  const reader = await insightReader(access);
  // An insight the caller may not see is "not found": its existence is not theirs to know.
  const found = await deps.db.insight.findFirst({ where: { AND: [{ id: input.id }, reader.where] }, select: { id: true, status: true, type: true, workspaceId: true } });
  if (!found) throw notFound('Insight', input.id);
  const from = found.status as InsightStatus;
  const userId = actor.kind === 'system' ? null : actor.userId;
  const row = await mutate(
    deps,
    actor,
    { type: eventOf[input.status], category: 'data', sourceGroup: 'insights', action: 'update', resourceType: 'insight', resourceId: found.id, workspaceId: found.workspaceId, details: { insightType: found.type } },
    async (tx) => {
      if (!canMove(from, input.status)) {
        const allowed = insightTransitions[from];
        throw new AppError(
          'CONFLICT',
          `An insight that is ${from} cannot become ${input.status}` + (allowed.length ? `; it can become ${allowed.join(' or ')}` : `; ${from} is final`),
          { from, to: input.status },
        );
      }
      // Guarded on the status read: a concurrent change makes this match nothing rather than skip a step.
      const moved = await tx.insight.updateMany({ where: { id: found.id, status: from }, data: { status: input.status, statusById: userId, statusAt: deps.clock() } });
      if (moved.count !== 1) throw new AppError('CONFLICT', 'The insight changed meanwhile; reload it and try again', { id: found.id });
      const after = await tx.insight.findUniqueOrThrow({ where: { id: found.id }, select: insightSelect });
      return { result: after, before: { status: from }, after: { status: input.status } };
    },
  );
  const [view] = await toViews(deps, [row]);
  return view!;
}
