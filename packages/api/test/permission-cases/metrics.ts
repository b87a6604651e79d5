/** Permission cases: metrics. */
import type { Case } from './shared';

export const metricCases: Record<string, Case> = {};
