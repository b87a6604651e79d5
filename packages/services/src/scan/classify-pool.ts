/**
 * A small pool of worker threads that classify tables' columns
 * (classify-worker.ts), so a scan's CPU-bound classification runs beside —
 * not between — the sampling I/O and label writes on the main thread.
 *
 * Opt-in (RACINE_SCAN_CLASSIFY_THREADS, read by `npm run worker` and the
 * scan bench): the entry file is loaded by path at runtime, which works under
 * tsx and `node --import tsx`, but not from inside a bundled Next.js server,
 * where scans keep classifying in-thread.
 *
 * Failure never loses or hangs a scan: a table whose worker crashes, or
 * whose values cannot be copied to a thread, is classified in-thread
 * instead (and the thread replaced); a table that takes longer than the
 * timeout fails with an error. After repeated crashes the pool stops using
 * threads altogether.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ClassificationSuggestion } from '../classification/types';
import { classifyInThread, type ClassifyRequest, type ClassifyResponse, type ColumnClassifier, type ColumnToClassify, type PortableClassifyOptions } from './classify-columns';

export interface ClassifyPoolOptions {
  /** Threads (default: the machine's available parallelism). */
  size?: number;
  /** The worker entry (default classify-worker.ts beside this file); tests pass one that crashes. */
  entry?: URL;
  /** A table still not classified after this long fails (default 120 s). */
  taskTimeoutMs?: number;
}

export interface ClassifyPoolStats {
  threads: number;
  tablesInThreads: number;
  /** Tables classified in-thread because their worker crashed or their values could not be copied. */
  fallbacks: number;
  crashes: number;
  /** True once crashes stopped the pool from using threads. */
  disabled: boolean;
  /** Why the last thread was lost, if one was. */
  lastError?: string;
}

interface Task {
  request: ClassifyRequest;
  resolve(results: ClassificationSuggestion[][]): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer?: NodeJS.Timeout;
}

export class ClassifyPool {
  readonly size: number;
  private readonly entry: URL;
  private readonly timeoutMs: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  readonly stats: ClassifyPoolStats;

  constructor(options: ClassifyPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.entry = options.entry ?? defaultEntry();
    this.timeoutMs = options.taskTimeoutMs ?? 120_000;
    this.stats = { threads: this.size, tablesInThreads: 0, fallbacks: 0, crashes: 0, disabled: false };
  }

  /** Classifies one table's columns in a thread; see the module comment for what happens on failure. */
  readonly classify: ColumnClassifier = async (columns, options) => {
    if (this.closed || this.stats.disabled) return classifyInThread(columns, options);
    try {
      const results = await new Promise<ClassificationSuggestion[][]>((resolve, reject) => {
        this.queue.push({ request: { id: this.nextId++, columns, options }, resolve, reject });
        this.pump();
      });
      this.stats.tablesInThreads++;
      return results;
    } catch (error) {
      if (!(error instanceof WorkerLost)) throw error;
      this.stats.fallbacks++;
      return classifyInThread(columns, options);
    }
  };

  /** Stops every thread; later calls classify in-thread. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const task of this.queue.splice(0)) task.reject(new WorkerLost('the pool was closed'));
    await Promise.all(slots.map((s) => this.retire(s, new WorkerLost('the pool was closed'))));
  }

  private pump() {
    while (this.queue.length && !this.closed && !this.stats.disabled) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        void this.retire(slot, new Error(`Classifying ${describe(task.request.columns)} took longer than ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      try {
        slot.worker.postMessage(task.request);
      } catch (error) {
        // DataCloneError: a driver value threads cannot share. This table runs in-thread; the worker is fine.
        this.release(slot);
        task.reject(new WorkerLost((error as Error).message));
      }
    }
    // Crashes disabled the pool: whoever is still queued runs in-thread.
    if (this.stats.disabled) for (const task of this.queue.splice(0)) task.reject(new WorkerLost('the pool is disabled'));
  }

  private spawn(): Slot {
    const worker = startWorker(this.entry);
    worker.unref();
    const slot: Slot = { worker, task: null };
    worker.on('message', (response: ClassifyResponse) => {
      const task = slot.task;
      if (!task || task.request.id !== response.id) return;
      this.release(slot);
      if ('error' in response) task.reject(new Error(`Classifying ${describe(task.request.columns)} failed: ${response.error}`));
      else task.resolve(response.results);
      this.pump();
    });
    const lost = (why: string) => {
      if (!this.slots.includes(slot)) return;
      this.stats.crashes++;
      this.stats.lastError = why;
      if (this.stats.crashes >= 3 * this.size) this.stats.disabled = true;
      void this.retire(slot, new WorkerLost(why));
    };
    worker.on('error', (error) => lost(`worker thread crashed: ${error.message}`));
    worker.on('exit', (code) => lost(`worker thread exited with code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  private release(slot: Slot) {
    clearTimeout(slot.timer);
    slot.task = null;
    slot.worker.unref();
  }

  /** Removes a slot (its in-flight task fails with `error`) and lets a fresh thread take its place. */
  private async retire(slot: Slot, error: Error) {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    const task = slot.task;
    this.release(slot);
    task?.reject(error);
    await slot.worker.terminate().catch(() => {});
    this.pump();
  }
}

/**
 * classify-worker.ts beside this file, resolved at run time on purpose:
 * bundlers (the Next.js server build compiles these sources) turn a literal
 * `new URL('./x.ts', import.meta.url)` into an asset of their own.
 */
function defaultEntry(): URL {
  const here = import.meta.url;
  return new URL(['classify-worker', 'ts'].join('.'), here);
}

/** The in-flight task's worker is gone: the caller classifies in-thread instead. */
class WorkerLost extends Error {}

function describe(columns: ColumnToClassify[]): string {
  const c = columns[0]?.column;
  return c?.table ? `table ${c.schema ? `${c.schema}.` : ''}${c.table}` : `${columns.length} column(s)`;
}

/**
 * A TypeScript entry (sources run under tsx) starts through a one-line
 * bootstrap that registers tsx's loader in the thread first: on Node 20 a
 * worker does not apply the parent's `--import tsx` to its own entry file.
 */
function startWorker(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`, { eval: true });
}

let shared: ClassifyPool | undefined;

/** The process's pool, created on first use with `size` threads (later calls reuse it). */
export function sharedClassifyPool(size: number): ClassifyPool {
  if (!shared || shared.stats.disabled) shared = new ClassifyPool({ size });
  return shared;
}

/** Threads asked for by RACINE_SCAN_CLASSIFY_THREADS: a number, or `auto` for the machine's parallelism; 0 (in-thread) when unset. */
export function classifyThreadsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const v = env.RACINE_SCAN_CLASSIFY_THREADS?.trim();
  if (!v) return 0;
  if (v === 'auto') return availableParallelism();
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`RACINE_SCAN_CLASSIFY_THREADS must be a whole number or "auto", not "${v}"`);
  return n;
}

export type { PortableClassifyOptions };
