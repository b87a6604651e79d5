/** Permission cases: activity-analytics. */
import type { Case } from './shared';

export const activityAnalyticsCases: Record<string, Case> = {};
