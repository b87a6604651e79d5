/**
 * The metric cache: an in-process LRU whose entries are tagged by the
 * activity types that can change them (MetricDefinition.invalidatedBy) and
 * dropped when such activity lands.
 *
 * Correctness does not hang on the bus: before every lookup the cache reads
 * the activity log past its own cursor (one primary-key range query, shared
 * by concurrent lookups) and drops the entries whose tags match the new rows'
 * types. So a result is never served after a row that invalidates it was
 * committed before the lookup began. The bus only makes the drop happen
 * sooner. An entry computed while an invalidating row was being read is not
 * stored (tag generations), and every entry also expires after its metric's
 * TTL, for numbers that move without activity (ages, the job queue).
 */
import type { Db } from '@racine/db';
import type { ServiceDeps } from '../deps';

interface Entry {
  value: unknown;
  tags: readonly string[];
  expiresAt: number;
}

/** More new rows than this in one read: drop everything rather than match each. */
const FLOOD = 5_000;

export class MetricCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  private cursor: bigint | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;
  hits = 0;
  misses = 0;

  constructor(
    private readonly db: Db,
    private readonly max = 1_000,
  ) {}

  /** Wake on the bus so invalidation happens as activity lands, not only at the next lookup. */
  listen(bus: ServiceDeps['bus']): void {
    this.unsubscribe ??= bus.onNotify(() => void this.refresh().catch(() => {}));
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached value of `key`, or `compute()`'s, stored under `tags` for `ttlMs`. */
  async through<T>(key: string, tags: readonly string[], ttlMs: number, compute: () => Promise<T>): Promise<T> {
    await this.refresh();
    const found = this.entries.get(key);
    if (found && found.expiresAt > Date.now()) {
      this.entries.delete(key);
      this.entries.set(key, found); // most recently used goes last
      this.hits++;
      return found.value as T;
    }
    if (found) this.entries.delete(key);
    this.misses++;
    const before = this.generationOf(tags);
    const value = await compute();
    if (ttlMs > 0 && this.generationOf(tags) === before) {
      this.entries.set(key, { value, tags, expiresAt: Date.now() + ttlMs });
      while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    return value;
  }

  /** Drops the entries tagged by a prefix of `type`. */
  invalidateType(type: string): void {
    const hit = new Set<string>();
    for (const [key, entry] of this.entries)
      for (const tag of entry.tags)
        if (type.startsWith(tag)) {
          hit.add(tag);
          this.entries.delete(key);
          break;
        }
    // Bump every known tag the type matches, also those with no entry now: an entry being computed must not be stored.
    for (const tag of this.generations.keys()) if (type.startsWith(tag)) hit.add(tag);
    for (const tag of hit) this.generations.set(tag, (this.generations.get(tag) ?? 0) + 1);
  }

  clear(): void {
    this.entries.clear();
    for (const tag of this.generations.keys()) this.generations.set(tag, (this.generations.get(tag) ?? 0) + 1);
  }

  private generationOf(tags: readonly string[]): string {
    return tags
      .map((t) => {
        if (!this.generations.has(t)) this.generations.set(t, 0);
        return this.generations.get(t);
      })
      .join(',');
  }

  /**
   * Reads the log past the cursor. A lookup that arrives while a read runs
   * waits for the next one (which starts after it), so rows committed before
   * the lookup are always seen.
   */
  refresh(): Promise<void> {
    if (this.queued) return this.queued;
    if (this.running) {
      this.queued = this.running.then(() => {
        this.queued = null;
        return this.start();
      });
      return this.queued;
    }
    return this.start();
  }

  private start(): Promise<void> {
    this.running = this.read().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async read(): Promise<void> {
    if (this.cursor === null) {
      // Nothing is cached before the first read, so there is nothing to invalidate yet.
      const head = await this.db.$queryRawUnsafe<{ id: bigint | null }[]>('SELECT max(id) AS id FROM "ActivityEvent"');
      this.cursor = head[0]?.id ?? 0n;
      return;
    }
    const rows = await this.db.$queryRawUnsafe<{ id: bigint; type: string }[]>(
      `SELECT id, type FROM "ActivityEvent" WHERE id > $1 ORDER BY id LIMIT ${FLOOD}`,
      this.cursor,
    );
    if (!rows.length) return;
    if (rows.length === FLOOD) {
      const head = await this.db.$queryRawUnsafe<{ id: bigint }[]>('SELECT max(id) AS id FROM "ActivityEvent"');
      this.clear();
      this.cursor = head[0]!.id;
      return;
    }
    for (const type of new Set(rows.map((r) => r.type))) this.invalidateType(type);
    this.cursor = rows.at(-1)!.id;
  }
}

const caches = new WeakMap<Db, MetricCache>();

/** One cache per database handle (per process, in practice), listening on its bus. */
export function metricCacheFor(deps: ServiceDeps): MetricCache {
  let cache = caches.get(deps.db);
  if (!cache) {
    cache = new MetricCache(deps.db);
    cache.listen(deps.bus);
    caches.set(deps.db, cache);
  }
  return cache;
}
