/** Permission cases: external collaborators. */
import type { Case } from './shared';

export const guestCases: Record<string, Case> = {};
