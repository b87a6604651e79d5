/**
 * Permission cases: activity-analytics. Analytics and correlation are filtered
 * (everyone sees counts over the rows they may read, possibly none); the
 * report needs activity.report (steward, admin).
 */
import { type Case, global } from './shared';

const lastWeek = () => ({ from: new Date(Date.now() - 7 * 86_400_000), to: new Date() });

export const activityAnalyticsCases: Record<string, Case> = {
  'activity.analytics': { setup: async () => global(['viewer'], [], lastWeek())(), badInput: { from: new Date(), to: new Date(Date.now() - 86_400_000) } },
  'activity.correlate': { setup: async () => global(['viewer'], [], lastWeek())(), badInput: { from: new Date('2024-01-01'), to: new Date('2025-06-01') } },
  'activity.report': { setup: async () => global(['steward'], [['viewer'], ['analyst']], { ...lastWeek(), format: 'csv', maxRows: 10 })(), badInput: { ...lastWeek(), format: 'docx' } },
};
