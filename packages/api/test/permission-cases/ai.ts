/** Permission cases: ai. */
import type { Case } from './shared';

export const aiCases: Record<string, Case> = {};
