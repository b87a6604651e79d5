/**
 * SSE subscribers for the latency bench: each one a createRacineClient with its
 * own API token, subscribed to activity.stream over real HTTP (one EventSource,
 * so one TCP connection, per subscriber).
 *
 * Run as a child process (the bench forks a few, so that parsing 10 000 SSE
 * messages a second does not share the server's event loop), or in-process via
 * startSubscribers.
 *
 * Times are wall-clock milliseconds with sub-millisecond precision
 * (performance.timeOrigin + performance.now()), comparable across processes
 * on one machine; the parent checks the offset with an IPC round trip.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createRacineClient } from '../src/client';

export const now = () => performance.timeOrigin + performance.now();

export interface SubscriberSpec {
  url: string;
  tokens: string[];
  workspaceId: string;
  /** Only events whose type starts with this (filtered server-side). */
  type: string;
}

/** One subscriber's deliveries, in arrival order: the event's seq and when it arrived. */
export interface Deliveries {
  seqs: number[];
  /** The activity row ids, to check each stream is in log order. */
  ids: number[];
  receivedAt: number[];
  errors: string[];
}

export interface SubscriberSet {
  /** Resolves when every subscription has started (its SSE response has begun). */
  started: Promise<void>;
  deliveries: Deliveries[];
  delivered(): number;
  stop(): void;
}

export function startSubscribers(spec: SubscriberSpec): SubscriberSet {
  const deliveries: Deliveries[] = spec.tokens.map(() => ({ seqs: [], ids: [], receivedAt: [], errors: [] }));
  let total = 0;
  const unsubscribes: (() => void)[] = [];
  const started = Promise.all(
    spec.tokens.map(
      (token, i) =>
        new Promise<void>((resolve) => {
          const client = createRacineClient({ url: spec.url, token });
          const mine = deliveries[i]!;
          const sub = client.activity.stream.subscribe(
            { workspaceId: spec.workspaceId, type: spec.type },
            {
              onStarted: () => resolve(),
              onData: ({ id, data }) => {
                const at = now();
                const seq = (data.details as { seq?: number } | null)?.seq;
                if (typeof seq !== 'number') return;
                mine.seqs.push(seq);
                mine.ids.push(Number(id));
                mine.receivedAt.push(at);
                total++;
              },
              onError: (error) => {
                mine.errors.push(error instanceof Error ? error.message : String(error));
                resolve();
              },
              onConnectionStateChange: (state) => {
                if (state.state === 'connecting' && state.error) mine.errors.push(`reconnecting: ${state.error.message}`);
              },
            },
          );
          unsubscribes.push(() => sub.unsubscribe());
        }),
    ),
  ).then(() => undefined);
  return { started, deliveries, delivered: () => total, stop: () => unsubscribes.forEach((u) => u()) };
}

// ── child-process protocol ──────────────────────────────────────────────────

export interface ProcessStats {
  /** CPU time since the previous stats request (user + system, all threads). */
  cpuMs: number;
  /** Share of that wall time the event loop was busy. */
  eventLoopUtilization: number;
  eventLoopDelayP99Ms: number;
}

export type ToChild = { kind: 'start'; spec: SubscriberSpec } | { kind: 'clock' } | { kind: 'stats' } | { kind: 'stop' };
export type FromChild =
  | { kind: 'started'; ms: number }
  | { kind: 'clock'; at: number }
  | { kind: 'progress'; delivered: number }
  | { kind: 'stats'; stats: ProcessStats }
  | { kind: 'result'; deliveries: Deliveries[] };

/** Measures this process between calls of take(). */
export function processMeter() {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let cpu = process.cpuUsage();
  let elu = performance.eventLoopUtilization();
  return {
    take(): ProcessStats {
      const stats = {
        cpuMs: ((u) => (u.user + u.system) / 1000)(process.cpuUsage(cpu)),
        eventLoopUtilization: performance.eventLoopUtilization(elu).utilization,
        eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
      };
      cpu = process.cpuUsage();
      elu = performance.eventLoopUtilization();
      delay.reset();
      return stats;
    },
  };
}

if (process.send && process.argv.includes('--bench-subscriber')) {
  const send = (message: FromChild) => process.send!(message);
  const meter = processMeter();
  let set: SubscriberSet | null = null;
  let progress: NodeJS.Timeout | null = null;
  process.on('message', (message: ToChild) => {
    if (message.kind === 'clock') send({ kind: 'clock', at: now() });
    else if (message.kind === 'stats') send({ kind: 'stats', stats: meter.take() });
    else if (message.kind === 'start') {
      const t0 = performance.now();
      set = startSubscribers(message.spec);
      void set.started.then(() => send({ kind: 'started', ms: performance.now() - t0 }));
      progress = setInterval(() => send({ kind: 'progress', delivered: set!.delivered() }), 100);
    } else if (message.kind === 'stop') {
      if (progress) clearInterval(progress);
      set?.stop();
      // Go once the (large) message is written: a fixed delay lost it when the parent was too busy to read it in time.
      process.send!({ kind: 'result', deliveries: set?.deliveries ?? [] } satisfies FromChild, () => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
}
