import type { RouterOutputs } from '~/trpc/types';

export type ExecutionListItem = RouterOutputs['workflow']['executions']['items'][number];
export type ExecutionView = RouterOutputs['workflow']['getExecution'];
export type StepRunView = ExecutionView['steps'][number];

export const triggerKinds = ['manual', 'cron', 'event', 'webhook'] as const;
export const triggerLabel: Record<string, string> = {
  manual: 'Manual',
  cron: 'Schedule',
  event: 'Event',
  webhook: 'Webhook',
};

function field(value: unknown, key: string): string | null {
  if (!value || typeof value !== 'object') return null;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'string' && v ? v : null;
}

/**
 * Who or what started a run, in words: the person for a manual run (when the server names
 * them), the schedule, the activity event, or the webhook.
 */
export function startedBy(
  e: {
    trigger: string;
    triggerDetails?: unknown;
    createdById?: string | null;
  },
  /** The signed-in user: their own runs read "by you". */
  meId?: string,
): string {
  const d = e.triggerDetails;
  const person =
    field(e, 'createdByName') ?? field(d, 'userName') ?? field(d, 'startedByName') ?? null;
  switch (e.trigger) {
    case 'manual':
      if (person) return `by ${person}`;
      if (e.createdById && e.createdById === meId) return 'by you';
      return e.createdById ? 'by a user' : 'by the system';
    case 'cron':
      return field(d, 'cron') ?? field(d, 'schedule') ?? 'on schedule';
    case 'event':
      return field(d, 'eventType') ?? field(d, 'type') ?? 'on an activity event';
    case 'webhook':
      return field(d, 'path') ? 'signed POST' : 'webhook call';
    default:
      return '';
  }
}
