import type { ActivityEvent } from './event-bits';

export type TimeRange = 'all' | '1h' | '24h' | '7d' | '30d' | 'custom';

export interface ActivityFilterState {
  type: string;
  workspaceId: string | null;
  actorId: string | null;
  /** Only what external collaborators did. */
  guestOnly: boolean;
  range: TimeRange;
  /** datetime-local strings, only for range = custom. */
  customFrom: string;
  customTo: string;
}

export const emptyFilters: ActivityFilterState = {
  type: '',
  workspaceId: null,
  actorId: null,
  guestOnly: false,
  range: 'all',
  customFrom: '',
  customTo: '',
};

const rangeMs: Record<Exclude<TimeRange, 'all' | 'custom'>, number> = {
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};

function parseLocal(value: string): Date | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * The API filter for the current state. `now` is passed in (and kept stable by
 * the caller) so a relative range does not change the query key on every render.
 */
export function toApiFilters(f: ActivityFilterState, now: number) {
  let from: Date | undefined;
  let to: Date | undefined;
  if (f.range === 'custom') {
    from = parseLocal(f.customFrom);
    to = parseLocal(f.customTo);
  } else if (f.range !== 'all') {
    from = new Date(now - rangeMs[f.range]);
  }
  const type = f.type.trim();
  return {
    ...(type ? { type } : {}),
    ...(f.workspaceId ? { workspaceId: f.workspaceId } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.guestOnly ? { guestOnly: true } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** The same rules the server applies, for events that arrive live. */
export function matchesFilters(
  event: ActivityEvent,
  api: ReturnType<typeof toApiFilters>,
): boolean {
  if (api.type) {
    const prefix = /[.*]$/.test(api.type);
    const wanted = api.type.replace(/\*$/, '');
    if (prefix ? !event.type.startsWith(wanted) : event.type !== api.type) return false;
  }
  if (api.workspaceId && event.workspaceId !== api.workspaceId) return false;
  if (api.actorId && event.actorId !== api.actorId) return false;
  if (api.guestOnly && !isGuestEvent(event)) return false;
  const at = new Date(event.occurredAt).getTime();
  if (api.from && at < api.from.getTime()) return false;
  if (api.to && at > api.to.getTime()) return false;
  return true;
}

export function isFiltered(f: ActivityFilterState): boolean {
  return f.type.trim() !== '' || f.workspaceId !== null || f.actorId !== null || f.guestOnly || f.range !== 'all';
}

/** Caused by an external collaborator: the server flags such rows in their (hashed) details. */
export function isGuestEvent(event: Pick<ActivityEvent, 'details'>): boolean {
  return (event.details as { guest?: unknown } | null)?.guest === true;
}
