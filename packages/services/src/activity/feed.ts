import type { Db } from '@racine/db';
import type { EventBus } from '../events/bus';
import { actorNames, toView } from './queries';
import type { ActivityEventView } from './types';

export interface FeedSubscription {
  /** Deliver events after this id; null means "from now on". */
  after: bigint | null;
  /** Called for each event in id order; return false to skip it. */
  accept: (event: ActivityEventView) => boolean;
  signal?: AbortSignal;
}

interface Listener {
  push(events: ActivityEventView[]): void;
}

const PAGE = 500;
/** A subscriber further behind than this is closed; it reconnects with lastEventId and catches up from the log. */
const MAX_BUFFER = 10_000;

/**
 * One tailer per process reads new log rows once and fans them out to every
 * live subscriber, so 200 open streams cost one query per change, not 200.
 * It wakes on the bus and also polls, so a lost notification only delays.
 */
export class ActivityFeed {
  private readonly listeners = new Set<Listener>();
  /** The last id handed to listeners. Set when the first listener arrives, before it backfills. */
  private tip: bigint | null = null;
  private tipReady: Promise<bigint> | null = null;
  private pumping: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribeBus: (() => void) | null = null;
  private readonly names = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly pollMs = 2000,
  ) {}

  get subscriberCount() {
    return this.listeners.size;
  }

  private start() {
    if (this.unsubscribeBus) return;
    this.unsubscribeBus = this.bus.onNotify(() => void this.pump());
    this.timer = setInterval(() => void this.pump(), this.pollMs);
    this.timer.unref();
  }

  private stopIfIdle() {
    if (this.listeners.size > 0) return;
    this.unsubscribeBus?.();
    this.unsubscribeBus = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.tip = null;
  }

  /**
   * Fixes the tip at the log's head, once, while a listener is registered. The
   * listener then backfills up to at least this point from the log, and the
   * pump delivers everything after it: reading the head lazily later would
   * skip rows committed in between.
   */
  private ensureTip(): Promise<bigint> {
    if (this.tip !== null) return Promise.resolve(this.tip);
    this.tipReady ??= this.headId().then((id) => {
      this.tipReady = null;
      this.tip ??= id;
      return this.tip;
    });
    return this.tipReady;
  }

  private async headId(): Promise<bigint> {
    const head = await this.db.activityEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
    return head?.id ?? 0n;
  }

  private async views(rows: Awaited<ReturnType<Db['activityEvent']['findMany']>>): Promise<ActivityEventView[]> {
    const missing = rows.map((r) => r.actorId).filter((id): id is string => !!id && !this.names.has(id));
    if (missing.length) {
      if (this.names.size > 10_000) this.names.clear();
      for (const [id, name] of await actorNames(this.db, missing)) this.names.set(id, name);
    }
    return rows.map((r) => toView(r, this.names));
  }

  private readAfter(after: bigint) {
    return this.db.activityEvent.findMany({ where: { id: { gt: after } }, orderBy: { id: 'asc' }, take: PAGE });
  }

  /** Reads everything past the tip and hands it to every listener. Re-runs if woken while running. */
  pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return this.pumping;
    }
    this.pumping = (async () => {
      try {
        do {
          this.again = false;
          if (this.listeners.size === 0) return;
          const from = await this.ensureTip();
          for (let tip = from; ; ) {
            const rows = await this.readAfter(tip);
            if (rows.length === 0) break;
            const events = await this.views(rows);
            tip = rows.at(-1)!.id;
            if (this.tip === null || tip > this.tip) this.tip = tip;
            for (const l of this.listeners) l.push(events);
            if (rows.length < PAGE) break;
          }
        } while (this.again);
      } catch {
        // The next notification or poll tries again from the same tip.
      } finally {
        this.pumping = null;
      }
    })();
    return this.pumping;
  }

  /**
   * Yields accepted events after `after`, first from the log (backfill), then
   * live. Registering before backfilling, and skipping ids already delivered,
   * means nothing falls between the two.
   */
  async *subscribe({ after, accept, signal }: FeedSubscription): AsyncGenerator<ActivityEventView> {
    const buffer: ActivityEventView[] = [];
    let wake: (() => void) | null = null;
    let overflow = false;
    const listener: Listener = {
      push(events) {
        buffer.push(...events);
        if (buffer.length > MAX_BUFFER) overflow = true;
        wake?.();
      },
    };
    const onAbort = () => wake?.();
    signal?.addEventListener('abort', onAbort);
    this.listeners.add(listener);
    this.start();
    try {
      const head = await this.ensureTip();
      let delivered = after ?? head;
      if (after !== null) {
        for (;;) {
          const rows = await this.readAfter(delivered);
          for (const event of await this.views(rows)) {
            if (signal?.aborted) return;
            delivered = BigInt(event.id);
            if (accept(event)) yield event;
          }
          if (rows.length < PAGE) break;
        }
      }
      void this.pump();
      while (!signal?.aborted && !overflow) {
        if (buffer.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        for (const event of buffer.splice(0)) {
          const id = BigInt(event.id);
          if (id <= delivered) continue;
          delivered = id;
          if (accept(event)) yield event;
          if (signal?.aborted) return;
        }
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.listeners.delete(listener);
      this.stopIfIdle();
    }
  }
}
