import { EventEmitter } from 'node:events';
import pg from 'pg';

/**
 * The bus only says "the activity log has rows up to id N". Readers always read
 * the log from their own cursor, so a lost or duplicated notification loses nothing.
 */
export interface EventBus {
  readonly kind: 'memory' | 'postgres';
  publish(lastId: bigint): Promise<void>;
  /** Returns an unsubscribe function. */
  onNotify(listener: (lastId: bigint) => void): () => void;
  /** Round trip through the bus, for health checks. Resolves with the latency in ms. */
  ping(timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

const PING = -1n;

abstract class BaseBus {
  protected readonly emitter = new EventEmitter().setMaxListeners(0);

  onNotify(listener: (lastId: bigint) => void): () => void {
    const wrapped = (id: bigint) => {
      if (id !== PING) listener(id);
    };
    this.emitter.on('notify', wrapped);
    return () => this.emitter.off('notify', wrapped);
  }

  protected abstract send(id: bigint): Promise<void>;

  async ping(timeoutMs = 1000): Promise<number> {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.emitter.off('notify', onPing);
        reject(new Error(`bus did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      const onPing = (id: bigint) => {
        if (id !== PING) return;
        clearTimeout(timer);
        this.emitter.off('notify', onPing);
        resolve();
      };
      this.emitter.on('notify', onPing);
      this.send(PING).catch(reject);
    });
    return performance.now() - started;
  }
}

/** One process: an EventEmitter. */
export class InProcessBus extends BaseBus implements EventBus {
  readonly kind = 'memory' as const;
  async publish(lastId: bigint): Promise<void> {
    await this.send(lastId);
  }
  protected async send(id: bigint): Promise<void> {
    queueMicrotask(() => this.emitter.emit('notify', id));
  }
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

const CHANNEL = 'racine_activity';

/** Several processes sharing one PostgreSQL: LISTEN/NOTIFY on a dedicated connection. */
export class PgNotifyBus extends BaseBus implements EventBus {
  readonly kind = 'postgres' as const;
  private listener: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly sender: pg.Pool;
  private closed = false;

  constructor(private readonly databaseUrl: string) {
    super();
    this.sender = new pg.Pool({ connectionString: databaseUrl, max: 2, allowExitOnIdle: true });
  }

  /** Connects the LISTEN connection, reconnecting with backoff if it drops. */
  start(): Promise<void> {
    this.connecting ??= this.connect();
    return this.connecting;
  }

  private async connect(attempt = 0): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (msg) => {
      if (msg.channel === CHANNEL && msg.payload) this.emitter.emit('notify', BigInt(msg.payload));
    });
    client.on('error', () => this.reconnect());
    client.on('end', () => this.reconnect());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.listener = client;
    } catch {
      if (this.closed) return;
      await new Promise((r) => setTimeout(r, Math.min(10_000, 200 * 2 ** attempt)));
      return this.connect(attempt + 1);
    }
  }

  private reconnect() {
    if (this.closed || !this.listener) return;
    this.listener = null;
    this.connecting = this.connect();
  }

  private pendingId: bigint | null = null;
  private flushing: Promise<void> | null = null;

  /**
   * Coalesces: while one NOTIFY is in flight, later publishes only raise the
   * id the next one carries. Readers read everything up to the log's head
   * anyway, so one notification for a burst of appends loses nothing, and a
   * busy writer does not pay a round trip per event.
   */
  publish(lastId: bigint): Promise<void> {
    if (this.pendingId === null || lastId > this.pendingId) this.pendingId = lastId;
    this.flushing ??= (async () => {
      try {
        while (this.pendingId !== null) {
          const id = this.pendingId;
          this.pendingId = null;
          await this.send(id);
        }
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  protected async send(id: bigint): Promise<void> {
    await this.start();
    await this.sender.query('SELECT pg_notify($1, $2)', [CHANNEL, id.toString()]);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.emitter.removeAllListeners();
    await this.listener?.end().catch(() => {});
    await this.sender.end().catch(() => {});
  }
}
