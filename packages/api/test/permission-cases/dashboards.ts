/**
 * Permission cases: dashboards. dashboard.use is every global role's; someone
 * with no role may not. Another user's personal dashboard (NOT_FOUND) and
 * sharing (dashboard.share) are tested in dashboard-router.integration.test.ts.
 */
import { builtInDashboards } from '@racine/services';
import { personWith, testDeps } from '../harness';
import { type Case, global, uuid } from './shared';

const kpi = { id: 'posture', type: 'kpi', title: 'Posture', metric: 'posture.score', x: 0, y: 0, w: 3, h: 2 };

/** A viewer's own dashboard: they may act on it, someone with no role may not. */
const own = (input: (id: string, version: number) => unknown, badInput: unknown): Case => ({
  setup: async () => {
    const { deps } = await testDeps();
    const allowed = await personWith(['viewer']);
    const d = await deps.db.dashboard.create({
      data: { ownerId: allowed.user.id, name: `Mine ${uuid().slice(0, 6)}`, builtInKey: 'operations', widgets: builtInDashboards.operations.widgets as never },
    });
    return { input: input(d.id, d.version), allowed, denied: [await personWith([])] };
  },
  badInput,
});

export const dashboardCases: Record<string, Case> = {
  'dashboard.list': { setup: global(['viewer'], [[]], {}), badInput: { workspaceId: 'not-a-uuid' } },
  'dashboard.get': own((id) => ({ id }), { id: 'dashboard-1' }),
  'dashboard.create': {
    setup: global(['viewer'], [[]], { name: 'Posture at a glance', widgets: [kpi] }),
    // A widget that does not fit the 12-column grid.
    badInput: { name: 'Too wide', widgets: [{ ...kpi, x: 10, w: 4 }] },
  },
  'dashboard.update': own((id, version) => ({ id, version, name: 'Renamed' }), { id: uuid(), version: 1, widgets: [kpi, { ...kpi, x: 3 }] }),
  'dashboard.delete': own((id) => ({ id }), { id: 'nope' }),
  'dashboard.clone': own((id) => ({ id, name: 'My copy' }), { id: uuid(), extra: true }),
  'dashboard.setDefault': own((id) => ({ id }), {}),
  'dashboard.data': own((id) => ({ id }), { widgets: [{ ...kpi, type: 'pie' }] }),
  'dashboard.watch': own((id) => ({ id }), { id: uuid(), lastEventId: 'yesterday' }),
};
