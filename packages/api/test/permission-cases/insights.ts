/** Permission cases: insights. insight.read is every global role's; insight.manage the analyst's, steward's and admin's. */
import { testDeps } from '../harness';
import { type Case, global, uuid } from './shared';

/** An estate-wide insight (visible to every insight.read holder), new. */
async function estateInsight() {
  const { deps } = await testDeps();
  const key = uuid();
  return deps.db.insight.create({
    data: {
      kind: 'forecast',
      type: 'forecast.posture',
      severity: 'medium',
      confidence: 0.7,
      title: `Posture falls below 80% in ~3 weeks (${key.slice(0, 6)})`,
      summary: 'A permission-case scene.',
      evidence: { series: [] },
      suggestedAction: 'Review the failing checks',
      fingerprint: `perm-case:${key}`,
      evidenceHash: 'x',
      subjectType: 'framework',
      subjectId: key,
    },
  });
}

export const insightCases: Record<string, Case> = {
  // Filtered: signing in is the gate, the service returns nothing without insight.read.
  'insight.list': { setup: global(['viewer'], [], { status: ['new', 'acknowledged'], kind: 'anomaly', limit: 10 }), badInput: { severity: 'apocalyptic' } },
  'insight.update': {
    setup: async () => {
      const insight = await estateInsight();
      return { ...(await global(['analyst'], [['viewer'], []])()), input: { id: insight.id, status: 'acknowledged' } };
    },
    badInput: { id: uuid(), status: 'new' },
  },
};
