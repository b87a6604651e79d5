/**
 * dashboard.watch: tells a client when to refetch. It follows the activity
 * feed and, for each row the caller may see whose type starts with one of a
 * widget metric's `invalidatedBy` prefixes, names the widgets it may change.
 * Edits of the dashboard itself by someone else are passed on too (layout),
 * so two people see each other's changes. Bursts are coalesced: the first
 * event goes out at once, later ones wait out the window and leave together,
 * so a client refetches at most once per `windowMs`. Each event carries the
 * last activity id it covers: reconnecting with it as lastEventId replays
 * exactly what was missed.
 */
import type { ActivityFeed } from '../activity/feed';
import type { ActivityEventView } from '../activity/types';
import { activityVisibility, canSee, updateVisibility } from '../activity/visibility';
import type { ServiceDeps } from '../deps';
import type { AccessChecker } from '../rbac/resolve';
import { canRead, loadDashboard, requireReadable, userIdOf } from './access';
import { invalidatorsOf } from './metric-source';
import type { DashboardWatchEvent, WatchDashboardInput } from './schemas';
import { parseWidgets } from './stored';
import type { Widget } from './widgets';

export interface WatchOptions {
  signal?: AbortSignal;
  /** At most one event per this many ms (1 s in production; tests may shorten it). */
  windowMs?: number;
}

const layoutTypes = new Set(['dashboard.updated', 'dashboard.deleted']);

/** Which widgets an activity type may change: those whose metric lists a prefix of it. */
export function widgetsHitBy(widgets: readonly Widget[], type: string, invalidators: (metric: string) => readonly string[] = invalidatorsOf): string[] {
  return widgets.filter((w) => invalidators(w.metric).some((prefix) => type.startsWith(prefix))).map((w) => w.id);
}

export async function* watchDashboard(
  deps: ServiceDeps,
  feed: ActivityFeed,
  access: AccessChecker,
  input: WatchDashboardInput,
  { signal, windowMs = 1000 }: WatchOptions = {},
): AsyncGenerator<{ id: string; event: DashboardWatchEvent }> {
  const me = userIdOf(access.actor);
  let widgets = parseWidgets((await requireReadable(deps.db, access, input.id)).widgets);
  const visibility = await activityVisibility(access);

  // The feed is read in the background into a queue, so the coalescing timer and new rows can be waited on together.
  const stop = new AbortController();
  const onAbort = () => (stop.abort(), waker.wake?.());
  signal?.addEventListener('abort', onAbort);
  if (signal?.aborted) stop.abort();
  const queue: ActivityEventView[] = [];
  const waker: { wake: (() => void) | null } = { wake: null };
  let ended = false;
  let failure: unknown = null;
  const isOurs = (e: ActivityEventView) => e.resourceType === 'dashboard' && e.resourceId === input.id && layoutTypes.has(e.type);
  const reader = (async () => {
    try {
      const events = feed.subscribe({
        after: input.lastEventId ? BigInt(input.lastEventId) : null,
        signal: stop.signal,
        // Visibility learns of workspaces joined or left as their rows pass; the dashboard's own rows are the caller's to know (they may read it).
        accept: (e) => (updateVisibility(visibility, e), isOurs(e) || canSee(visibility, e)),
      });
      for await (const e of events) {
        queue.push(e);
        waker.wake?.();
      }
    } catch (error) {
      failure = error;
    } finally {
      ended = true;
      waker.wake?.();
    }
  })();
  const sleep = (ms: number | null) =>
    new Promise<void>((resolve) => {
      const timer = ms === null ? null : setTimeout(resolve, ms);
      waker.wake = () => {
        if (timer) clearTimeout(timer);
        resolve();
      };
      if (stop.signal.aborted) waker.wake();
    }).finally(() => (waker.wake = null));

  let pending: { lastId: string; widgetIds: Set<string>; layout: boolean; deleted: boolean } | null = null;
  let lastSentAt = -Infinity;
  try {
    while (!stop.signal.aborted) {
      for (const e of queue.splice(0)) {
        let hit: string[] = [];
        let layout = false;
        let deleted = false;
        if (isOurs(e)) {
          deleted = e.type === 'dashboard.deleted';
          // The layout changed: from now on, match against the new widgets; all of them need new numbers.
          let now = deleted ? null : await loadDashboard(deps.db, input.id);
          // Unshared from the caller's workspace (or moved to one they cannot read): for them it is gone.
          if (now && !(await canRead(access, now))) now = null;
          deleted ||= !now;
          widgets = now ? parseWidgets(now.widgets) : [];
          // The caller's own edits are not echoed back (their editor has them); a deletion always ends the watch.
          if (e.actorId === me && !deleted) continue;
          layout = true;
          hit = widgets.map((w) => w.id);
        } else hit = widgetsHitBy(widgets, e.type);
        if (!layout && hit.length === 0) continue;
        pending ??= { lastId: e.id, widgetIds: new Set(), layout: false, deleted: false };
        pending.lastId = e.id;
        for (const w of hit) pending.widgetIds.add(w);
        pending.layout ||= layout;
        pending.deleted ||= deleted;
      }
      if (pending) {
        const wait = lastSentAt + windowMs - performance.now();
        if (wait > 0 && !pending.deleted) {
          await sleep(wait);
          continue;
        }
        const { lastId, widgetIds, layout, deleted } = pending;
        pending = null;
        lastSentAt = performance.now();
        yield { id: lastId, event: { at: deps.clock(), widgetIds: [...widgetIds], layout, deleted } };
        if (deleted) return;
        continue;
      }
      if (ended) {
        if (failure) throw failure;
        return;
      }
      if (queue.length === 0) await sleep(null);
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    stop.abort();
    await reader;
  }
}
