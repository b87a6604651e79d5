/**
 * activity.stream without tRPC's per-subscriber SSE machinery, on the same
 * wire: a GET to …/activity.stream?input=… answers exactly as
 * fetchRequestHandler would (same headers, same `connected`, event, ping and
 * `serialized-error` frames, byte for byte), so httpSubscriptionLink, the web
 * app's useSubscription and reconnects with lastEventId work unchanged.
 *
 * Per subscriber there is one ReadableStream and a ping timer. The feed
 * filters each live batch for it and hands over frames that were serialised
 * once per event for the whole process (encoder.ts); no async generator,
 * no per-subscriber superjson.
 *
 * Who may subscribe, and with what input, is decided by the procedure
 * itself: the handler calls it (callTRPCProcedure, as tRPC's HTTP handler
 * does), which runs the same middlewares (signed in, the permission meta)
 * and the same input parser, and drops the generator it returns unstarted.
 * So an error is the one tRPC would send, in the same shape. The events are
 * then filtered as the procedure would: activityVisibility, updateVisibility
 * and canSee, the workspace and type filters.
 *
 * Slow consumers: a subscriber whose stream has more than `maxQueuedBytes`
 * waiting for its socket is closed (without tRPC's `return` event, so its
 * EventSource reconnects with Last-Event-ID and catches up from the log).
 */
import { type ActivityVisibility, activityVisibility, streamActivityInput } from '@racine/services';
import { callTRPCProcedure, getErrorShape, getTRPCErrorFromUnknown, TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { z } from 'zod';
import type { Context } from '../context';
import { acceptFor } from './accept';
import { appRouter } from '../root';
import { SUBSCRIPTION_RECHECK_MS } from '../trpc';
import {
  concatFrames,
  connectedFrame,
  encodeError,
  eventFrames,
  pingFrame,
  sseConfig,
  sseResponseHeaders,
} from './encoder';

export const ACTIVITY_STREAM_PATH = 'activity.stream';

const config = appRouter._def._config;
const inputSchema = streamActivityInput.default({});
type StreamInput = z.output<typeof inputSchema>;

/** Bytes a stream may hold for its socket before more are refused by the queuing strategy (then they just queue). */
const HIGH_WATER_MARK = 64 * 1024;
/** ~1,700 typical events: the subscriber is many seconds behind. */
const DEFAULT_MAX_QUEUED_BYTES = 1024 * 1024;

export interface ActivityStreamOptions {
  /** As fetchRequestHandler's onError: every error sent to a client (e.g. to log INTERNAL_SERVER_ERROR). */
  onError?: (opts: { error: TRPCError; path: string }) => void;
  /** A subscriber with more than this many bytes waiting for its socket is closed; it reconnects and catches up. */
  maxQueuedBytes?: number;
  /** Overrides the router's sse.ping.intervalMs (tests). */
  pingIntervalMs?: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && !Array.isArray(value) && typeof value === 'object';

/**
 * The procedure's raw input as tRPC's HTTP handler reads it: `?input=` is the
 * transformer-serialised JSON, read lazily (so an anonymous caller with bad
 * JSON gets UNAUTHORIZED, as with tRPC); a Last-Event-ID header (or
 * lastEventId / Last-Event-Id query parameter), sent by an EventSource that
 * reconnects by itself, overrides the input's lastEventId.
 */
function rawInput(req: Request, url: URL) {
  let read: { value: unknown } | null = null;
  const deserialized = (): unknown => {
    if (read) return read.value;
    try {
      const query = url.searchParams.get('input');
      const json: unknown = query ? JSON.parse(query) : undefined;
      read = { value: json === undefined ? undefined : config.transformer.input.deserialize(json) };
      return read.value;
    } catch (cause) {
      if (cause instanceof TRPCError) throw cause;
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: cause instanceof Error ? cause.message : 'Invalid input',
        cause,
      });
    }
  };
  return {
    /** The deserialised input, once read (what tRPC reports as the call's input). */
    result: () => read?.value,
    async get(): Promise<unknown> {
      let input = deserialized();
      const lastEventId =
        req.headers.get('last-event-id') ??
        url.searchParams.get('lastEventId') ??
        url.searchParams.get('Last-Event-Id');
      if (lastEventId) {
        if (isObject(input)) input = { ...input, lastEventId };
        else input ??= { lastEventId };
      }
      return input;
    },
  };
}

/** Options of the router that only tRPC's own handler implements: then it serves the stream. */
const fastPathSupported = config.sse?.enabled !== false && !config.sse?.maxDurationMs;

/**
 * Serves GET …/activity.stream. `createContext` is the app's context factory
 * (createTRPCContext with the session or Bearer token); it runs once, as in
 * tRPC. Requests the fast path does not serve (not a GET, a batch,
 * connectionParams, a JSONL accept header) go to tRPC's fetch handler, which
 * answers them as before.
 */
export async function handleActivityStream(
  req: Request,
  createContext: () => Promise<Context>,
  options: ActivityStreamOptions = {},
): Promise<Response> {
  const url = new URL(req.url);
  const jsonl = (req.headers.get('trpc-accept') ?? req.headers.get('accept') ?? '').includes(
    'application/jsonl',
  );
  if (
    !fastPathSupported ||
    req.method !== 'GET' ||
    url.searchParams.get('batch') === '1' ||
    url.searchParams.has('connectionParams') ||
    jsonl
  ) {
    const endpoint = url.pathname.replace(/\/activity\.stream\/?$/, '');
    return fetchRequestHandler({
      endpoint,
      req,
      router: appRouter,
      createContext: () => createContext(),
      onError:
        options.onError &&
        (({ error, path }) => options.onError!({ error, path: path ?? ACTIVITY_STREAM_PATH })),
    });
  }

  const input = rawInput(req, url);
  let ctx: Context | undefined;
  const shapeOf = (cause: unknown) => {
    const error = getTRPCErrorFromUnknown(cause);
    options.onError?.({ error, path: ACTIVITY_STREAM_PATH });
    return getErrorShape({
      config,
      error,
      type: 'subscription',
      path: ACTIVITY_STREAM_PATH,
      input: input.result(),
      ctx,
    });
  };

  // The procedure's middlewares and input parser, exactly as tRPC runs them; its generator is never started.
  const gate = async (gateCtx: Context) => {
    const generator = (await callTRPCProcedure({
      router: appRouter,
      path: ACTIVITY_STREAM_PATH,
      getRawInput: input.get,
      ctx: gateCtx,
      type: 'subscription',
      signal: req.signal,
      batchIndex: 0,
    })) as AsyncGenerator;
    void generator.return?.(undefined);
  };
  let parsed: StreamInput;
  let visibility: ActivityVisibility;
  try {
    ctx = await createContext();
    await gate(ctx);
    parsed = inputSchema.parse(await input.get());
    visibility = await activityVisibility(ctx.access!);
  } catch (cause) {
    // As tRPC: 200, `connected`, then the error, then the end of the stream.
    const frames = [connectedFrame, encodeError(shapeOf(cause))];
    return new Response(
      new ReadableStream<Uint8Array>({
        start(c) {
          for (const f of frames) c.enqueue(f);
          c.close();
        },
      }),
      { status: 200, headers: sseResponseHeaders() },
    );
  }

  const feed = ctx.feed;
  const maxQueuedBytes = options.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES;
  const abort = new AbortController();
  const onRequestAbort = () => abort.abort();
  if (req.signal?.aborted) abort.abort();
  else req.signal?.addEventListener('abort', onRequestAbort, { once: true });

  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let started = false;
  let lastWriteAt = 0;
  let pingTimer: ReturnType<typeof setTimeout> | null = null;
  const pingEnabled = sseConfig.ping.enabled;
  const pingMs = options.pingIntervalMs ?? sseConfig.ping.intervalMs;

  const enqueue = (chunk: Uint8Array): boolean => {
    if (closed) return false;
    try {
      controller.enqueue(chunk);
    } catch {
      closed = true; // cancelled underneath us
      return false;
    }
    lastWriteAt = performance.now();
    return true;
  };
  let recheckTimer: ReturnType<typeof setTimeout> | null = null;
  const stop = () => {
    if (pingTimer) clearTimeout(pingTimer);
    pingTimer = null;
    if (recheckTimer) clearTimeout(recheckTimer);
    recheckTimer = null;
    req.signal?.removeEventListener('abort', onRequestAbort);
  };
  const close = () => {
    stop();
    if (closed) return;
    closed = true;
    try {
      controller.close();
    } catch {
      // already cancelled
    }
  };
  // As tRPC's withPing: a ping once nothing has been sent for intervalMs.
  const schedulePing = (delay: number) => {
    pingTimer = setTimeout(() => {
      if (closed) return;
      const idle = performance.now() - lastWriteAt;
      if (idle >= pingMs) {
        enqueue(pingFrame);
        schedulePing(pingMs);
      } else schedulePing(pingMs - idle);
    }, delay);
    pingTimer.unref?.();
  };

  // As tRPC's subscriptions (reauthorize.ts): every SUBSCRIPTION_RECHECK_MS the caller signs in again
  // from the same credentials (ctx.renew: the token, or the session's row, looked up afresh; not the
  // request's cookies, read once) and passes the gate again; refused, the stream ends with that error.
  const scheduleRecheck = () => {
    recheckTimer = setTimeout(async () => {
      if (closed) return;
      try {
        await gate(await ctx!.renew());
        if (!closed) scheduleRecheck();
      } catch (cause) {
        enqueue(encodeError(shapeOf(cause)));
        close();
        abort.abort();
      }
    }, SUBSCRIPTION_RECHECK_MS);
    recheckTimer.unref?.();
  };

  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      cancel() {
        closed = true;
        stop();
        abort.abort();
      },
    },
    { highWaterMark: HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
  );

  feed
    .subscribeFrames({
      after: parsed.lastEventId ? BigInt(parsed.lastEventId) : null,
      accept: acceptFor(visibility, parsed),
      signal: abort.signal,
      frames: eventFrames,
      // Registered, and the starting point fixed: events committed after the client sees this reach it.
      onStart: () => {
        started = true;
        enqueue(connectedFrame);
        if (pingEnabled && pingMs > 0 && pingMs !== Infinity) schedulePing(pingMs);
        scheduleRecheck();
      },
      write: (frames) =>
        enqueue(concatFrames(frames)) &&
        HIGH_WATER_MARK - (controller.desiredSize ?? 0) <= maxQueuedBytes,
    })
    .then(
      // 'aborted': the client left. 'overflow': it fell behind; closing (without `return`) makes it reconnect and catch up.
      () => close(),
      (cause: unknown) => {
        // Reading the log failed: as tRPC, an INTERNAL_SERVER_ERROR event (retryable: the client reconnects).
        if (!started) enqueue(connectedFrame);
        enqueue(encodeError(shapeOf(cause)));
        close();
      },
    );

  return new Response(body, { status: 200, headers: sseResponseHeaders() });
}
