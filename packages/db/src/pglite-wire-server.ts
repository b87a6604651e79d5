/**
 * Serves one PGlite database to many PostgreSQL clients over TCP.
 *
 * PGlite is a single session. @electric-sql/pglite-socket 0.2's multiplexer
 * queues each protocol *message* separately, so when two connections run
 * extended-protocol queries at once their Parse/Bind/Execute messages
 * interleave on the one session ("unnamed prepared statement does not
 * exist", "bind message supplies 3 parameters, but … requires 5").
 *
 * This server queues whole *batches* instead: everything a connection sends up
 * to a Sync, a simple Query, a Flush or a password message runs as one unit.
 * While a connection has a transaction open, only its batches run, so
 * transactions stay isolated (serially). A connection that closes inside a
 * transaction has it rolled back.
 */
import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** Message types that end a batch: Sync, Query, Flush, password/SASL response, CopyDone, CopyFail. */
const BATCH_ENDS = new Set(['S', 'Q', 'H', 'p', 'c', 'f']);

interface Batch {
  conn: Connection;
  bytes: Buffer;
}

class Connection {
  buffer: Buffer = Buffer.alloc(0);
  started = false;
  pending: Buffer[] = [];
  closed = false;
  constructor(
    readonly id: number,
    readonly socket: net.Socket,
  ) {}
}

export class PgliteWireServer {
  private server: net.Server | null = null;
  private readonly queue: Batch[] = [];
  private running = false;
  /** The connection whose transaction is open; only it may run until it ends. */
  private owner: Connection | null = null;
  private readonly connections = new Set<Connection>();
  private nextId = 1;

  constructor(
    private readonly db: PGlite,
    private readonly options: { host: string; port: number; maxConnections?: number },
  ) {}

  get port(): number {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : this.options.port;
  }

  start(): Promise<void> {
    const server = net.createServer((socket) => this.accept(socket));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    for (const conn of this.connections) conn.socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  private accept(socket: net.Socket) {
    if (this.connections.size >= (this.options.maxConnections ?? 100)) {
      socket.end(errorResponse('53300', 'too many connections to the embedded database'));
      return;
    }
    const conn = new Connection(this.nextId++, socket);
    this.connections.add(conn);
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.receive(conn, chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => void this.close(conn));
  }

  private receive(conn: Connection, chunk: Buffer) {
    conn.buffer = conn.buffer.length ? Buffer.concat([conn.buffer, chunk]) : chunk;
    for (;;) {
      if (!conn.started) {
        if (conn.buffer.length < 8) return;
        const length = conn.buffer.readInt32BE(0);
        if (conn.buffer.length < length) return;
        const code = conn.buffer.readInt32BE(4);
        const message = conn.buffer.subarray(0, length);
        conn.buffer = conn.buffer.subarray(length);
        if (code === SSL_REQUEST || code === GSS_REQUEST) {
          conn.socket.write('N'); // no encryption on loopback
          continue;
        }
        if (code === CANCEL_REQUEST) {
          conn.socket.end();
          return;
        }
        conn.started = true;
        this.enqueue(conn, Buffer.from(message));
        continue;
      }
      if (conn.buffer.length < 5) return;
      const length = 1 + conn.buffer.readInt32BE(1);
      if (conn.buffer.length < length) return;
      const type = String.fromCharCode(conn.buffer[0]!);
      const message = conn.buffer.subarray(0, length);
      conn.buffer = conn.buffer.subarray(length);
      if (type === 'X') {
        conn.socket.end();
        return;
      }
      conn.pending.push(Buffer.from(message));
      if (BATCH_ENDS.has(type)) {
        this.enqueue(conn, Buffer.concat(conn.pending));
        conn.pending = [];
      }
    }
  }

  private enqueue(conn: Connection, bytes: Buffer) {
    this.queue.push({ conn, bytes });
    void this.drain();
  }

  private next(): Batch | undefined {
    const index = this.owner ? this.queue.findIndex((b) => b.conn === this.owner) : 0;
    return index >= 0 ? this.queue.splice(index, 1)[0] : undefined;
  }

  private async drain() {
    if (this.running) return;
    this.running = true;
    try {
      for (let batch = this.next(); batch; batch = this.next()) {
        const { conn, bytes } = batch;
        if (conn.closed) continue;
        try {
          await this.db.execProtocolRawStream(bytes, {
            onRawData: (data) => {
              if (!conn.closed) conn.socket.write(data);
            },
          });
        } catch (error) {
          if (!conn.closed) conn.socket.write(errorResponse('XX000', (error as Error).message));
        }
        this.owner = this.db.isInTransaction() ? conn : null;
      }
    } finally {
      this.running = false;
    }
  }

  private async close(conn: Connection) {
    if (conn.closed) return;
    conn.closed = true;
    this.connections.delete(conn);
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.conn === conn) this.queue.splice(i, 1);
    if (this.owner === conn) {
      // Wait for a batch of this connection that may still be running, then roll back.
      while (this.running) await new Promise((r) => setTimeout(r, 5));
      if (this.owner === conn && this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => {});
      this.owner = null;
      void this.drain();
    }
  }
}

/** An ErrorResponse followed by ReadyForQuery, so a client waiting on a failed batch carries on. */
function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat([
    Buffer.from('SERROR\0', 'utf8'),
    Buffer.from(`C${code}\0`, 'utf8'),
    Buffer.from(`M${message}\0`, 'utf8'),
    Buffer.from('\0', 'utf8'),
  ]);
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(4 + fields.length, 1);
  const ready = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]); // 'Z', length 5, idle
  return Buffer.concat([header, fields, ready]);
}
