/**
 * The latency bench's publisher: appends events through recordActivity at a
 * steady rate, open loop (each event is sent at its scheduled time whether or
 * not the previous one has committed), each carrying its send time in details.
 *
 * Runs in the server's process (publish) or as a child process of its own
 * with its own Prisma client and PgNotifyBus (--bench-publisher).
 */
import { createDb } from '@racine/db';
import { type Actor, PgNotifyBus, recordActivity, type ServiceDeps } from '@racine/services';
import { now } from './subscribers';

export const EVENT_TYPE = 'bench.latency.tick';

export interface PublishPlan {
  rate: number;
  total: number;
  /** Seqs are firstSeq … firstSeq + total − 1, unique across the bench's runs. */
  firstSeq: number;
  workspaceId: string;
  actorId: string;
}

export interface PublishResult {
  /** Indexed by seq − firstSeq; 0 where the append failed. */
  sentAt: number[];
  committedAt: number[];
  errors: number;
  errorSamples: string[];
  /** The largest delay between an event's scheduled send time and its actual send. */
  maxSendLagMs: number;
  seconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export async function publish(deps: ServiceDeps, plan: PublishPlan): Promise<PublishResult> {
  const actor: Actor = { kind: 'user', userId: plan.actorId };
  const sentAt = new Array<number>(plan.total).fill(0);
  const committedAt = new Array<number>(plan.total).fill(0);
  const errorSamples: string[] = [];
  let errors = 0;
  let maxSendLagMs = 0;
  const sends: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < plan.total; i++) {
    const due = t0 + (i * 1000) / plan.rate;
    await sleep(due - performance.now());
    maxSendLagMs = Math.max(maxSendLagMs, performance.now() - due);
    const seq = plan.firstSeq + i;
    const at = now();
    sentAt[i] = at;
    sends.push(
      recordActivity(deps, actor, {
        type: EVENT_TYPE,
        category: 'system',
        sourceGroup: 'bench',
        action: 'tick',
        resourceType: 'benchTick',
        resourceId: String(seq),
        workspaceId: plan.workspaceId,
        details: { seq, sentAt: at },
      }).then(
        () => void (committedAt[i] = now()),
        (error: unknown) => {
          errors++;
          if (errorSamples.length < 3) errorSamples.push(error instanceof Error ? error.message.trim().split('\n').at(-1)! : String(error));
        },
      ),
    );
  }
  await Promise.all(sends);
  return { sentAt, committedAt, errors, errorSamples, maxSendLagMs, seconds: (performance.now() - t0) / 1000 };
}

// ── child-process protocol ──────────────────────────────────────────────────

export type ToPublisher = { kind: 'publish'; plan: PublishPlan } | { kind: 'clock' } | { kind: 'stop' };
export type FromPublisher = { kind: 'ready' } | { kind: 'clock'; at: number } | { kind: 'published'; result: PublishResult; cpuMs: number };

if (process.send && process.argv.includes('--bench-publisher')) {
  const url = process.argv[process.argv.indexOf('--bench-publisher') + 1]!;
  const send = (message: FromPublisher) => process.send!(message);
  const db = createDb(url, { max: 4 });
  const bus = new PgNotifyBus(url);
  const deps: ServiceDeps = { db, bus, clock: () => new Date() };
  void bus.start().then(() => send({ kind: 'ready' }));
  process.on('message', (message: ToPublisher) => {
    if (message.kind === 'clock') send({ kind: 'clock', at: now() });
    else if (message.kind === 'publish') {
      const cpu = process.cpuUsage();
      void publish(deps, message.plan).then((result) => {
        const used = process.cpuUsage(cpu);
        send({ kind: 'published', result, cpuMs: (used.user + used.system) / 1000 });
      });
    } else if (message.kind === 'stop') {
      void Promise.all([bus.close(), db.$disconnect()]).finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
}
