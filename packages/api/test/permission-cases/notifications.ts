/** Permission cases: notification preferences, outbox and stream; tasks on resources are in tasks.ts. */
import { type Case, global } from './shared';

export const notificationPrefCases: Record<string, Case> = {
  'notification.preferences': { setup: global([], []), badInput: { kind: 'mention' } },
  'notification.setPreference': { setup: global([], [], { kind: 'mention', email: 'daily' }), badInput: { kind: 'not-a-kind', inApp: false } },
  'notification.stream': { setup: global([], [], {}), badInput: { lastEventId: 'yesterday' } },
  // Every email of everyone: a global admin's page only.
  'notification.outbox': { setup: global(['admin'], [['steward'], ['analyst'], ['viewer']], { status: 'logged' }), badInput: { status: 'bounced' } },
};
