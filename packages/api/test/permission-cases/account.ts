/** Permission cases: the caller's own account (user.profile and friends). */
import type { Case } from './shared';

export const accountCases: Record<string, Case> = {};
