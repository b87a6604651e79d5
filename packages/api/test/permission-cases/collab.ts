/** Permission cases: presence, comments and reactions. */
import type { Case } from './shared';

export const collabCases: Record<string, Case> = {};
