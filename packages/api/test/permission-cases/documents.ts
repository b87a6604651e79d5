/** Permission cases: shared documents. */
import type { Case } from './shared';

export const documentCases: Record<string, Case> = {};
