/** Permission cases: knowledge base and experts. */
import type { Case } from './shared';

export const kbCases: Record<string, Case> = {};
