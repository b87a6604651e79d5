/** Permission cases: metrics. dashboard.use is every global role's; someone with no role may not ask.
 * (An unknown metric is a BAD_REQUEST too: packages/services/test/metrics.integration.test.ts.) */
import { type Case, global } from './shared';

export const metricCases: Record<string, Case> = {
  'metrics.catalog': { setup: global(['viewer'], [[]]), badInput: null },
  'metrics.query': { setup: global(['viewer'], [[]], { metric: 'sensitive.columns', groupBy: 'label', range: '30d' }), badInput: { metric: 'sensitive.columns', range: '1y' } },
};
