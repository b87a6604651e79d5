/** Permission cases: notification preferences, outbox and stream; tasks on resources are in tasks.ts. */
import type { Case } from './shared';

export const notificationPrefCases: Record<string, Case> = {};
