/** Permission cases: access requests and attestations. */
import type { Case } from './shared';

export const accessCases: Record<string, Case> = {};
