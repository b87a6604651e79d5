/**
 * tRPC's SSE wire format (@trpc/server 11.22.1, sseStreamProducer), byte for
 * byte, for the frames activity.stream sends:
 *
 *   event: connected\ndata: {"reconnectAfterInactivityMs":40000}\n\n\n   first, the client config
 *   data: <JSON of serialize(event)>\nid: <event.id>\n\n\n              each tracked(event.id, event)
 *   event: ping\ndata: \n\n\n                                           after intervalMs without a frame
 *   event: serialized-error\ndata: <JSON of serialize(errorShape)>\n\n\n  then the stream ends
 *
 * tRPC writes each field as `<name>: <value>\n` in the order event, data, id,
 * then "\n\n" (so every frame ends in a blank line and one spare newline),
 * and `serialize` is the router's output transformer (superjson here).
 * A subscription that ends normally also gets `event: return`, which tells
 * the client not to reconnect; this stream never ends that way.
 */
import type { ActivityEventView } from '@racine/services';
import { FrameCache } from '@racine/services';
import { appRouter } from '../root';

const config = appRouter._def._config;
const utf8 = new TextEncoder();

/** One SSE message as tRPC's TransformStream writes it. */
export function sseFrame(fields: { event?: string; data?: string; id?: string }): string {
  let frame = '';
  if (fields.event !== undefined) frame += `event: ${fields.event}\n`;
  if (fields.data !== undefined) frame += `data: ${fields.data}\n`;
  if (fields.id !== undefined) frame += `id: ${fields.id}\n`;
  return `${frame}\n\n`;
}

/** The router's output transformer, as tRPC applies it to subscription data and errors. */
export const serialize = (value: unknown): unknown => config.transformer.output.serialize(value);

/** The SSE settings of the router (src/trpc.ts: ping every 15 s, clients reconnect after 40 s of silence). */
export const sseConfig = {
  ping: { enabled: config.sse?.ping?.enabled ?? false, intervalMs: config.sse?.ping?.intervalMs ?? 1000 },
  client: config.sse?.client ?? {},
};

export const connectedFrame: Uint8Array = utf8.encode(sseFrame({ event: 'connected', data: JSON.stringify(sseConfig.client) }));
export const pingFrame: Uint8Array = utf8.encode(sseFrame({ event: 'ping', data: '' }));

/** What tRPC sends for `yield tracked(event.id, event)`. */
export function encodeEvent(event: ActivityEventView): Uint8Array {
  return utf8.encode(sseFrame({ data: JSON.stringify(serialize(event)), id: event.id }));
}

/** The error event; `shape` is the router's formatted error shape (getErrorShape). */
export function encodeError(shape: unknown): Uint8Array {
  return utf8.encode(sseFrame({ event: 'serialized-error', data: JSON.stringify(serialize(shape)) }));
}

/**
 * Each event's frame, built once per process: the feed hands the same event
 * object to every subscriber, and every one that accepts it gets these bytes.
 */
export const eventFrames = new FrameCache(encodeEvent);

/** One chunk for several frames, so a batch costs one enqueue and one socket write. */
export function concatFrames(frames: Uint8Array[]): Uint8Array {
  if (frames.length === 1) return frames[0]!;
  let length = 0;
  for (const f of frames) length += f.byteLength;
  const out = new Uint8Array(length);
  let at = 0;
  for (const f of frames) {
    out.set(f, at);
    at += f.byteLength;
  }
  return out;
}

/** tRPC's SSE response headers (sseHeaders, and the vary header every tRPC response carries). */
export function sseResponseHeaders(): Headers {
  return new Headers([
    ['vary', 'trpc-accept, accept'],
    ['Content-Type', 'text/event-stream'],
    ['Cache-Control', 'no-cache, no-transform'],
    ['X-Accel-Buffering', 'no'],
    ['Connection', 'keep-alive'],
  ]);
}
