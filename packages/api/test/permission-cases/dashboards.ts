/** Permission cases: dashboards. */
import type { Case } from './shared';

export const dashboardCases: Record<string, Case> = {};
