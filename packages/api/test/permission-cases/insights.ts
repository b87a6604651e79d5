/** Permission cases: insights. */
import type { Case } from './shared';

export const insightCases: Record<string, Case> = {};
