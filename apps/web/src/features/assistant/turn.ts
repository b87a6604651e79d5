import type { AskEvent, ToolCallRecord, Turn } from './types';

/** ai.ask's events arrive bare, or as `{ id, data }` when the server tracks them for resuming. */
export function unwrapEvent(raw: unknown): AskEvent {
  const value = raw as { type?: unknown; data?: unknown };
  return (typeof value.type === 'string' ? value : value.data) as AskEvent;
}

function upsertCall(calls: ToolCallRecord[], call: ToolCallRecord): ToolCallRecord[] {
  const at = calls.findIndex((c) => c.id === call.id);
  if (at < 0) return [...calls, call];
  const next = calls.slice();
  next[at] = { ...next[at], ...call };
  return next;
}

/** A turn after one more event of its stream (pure: the provider folds the stream with it). */
export function applyEvent(turn: Turn, event: AskEvent): Turn {
  switch (event.type) {
    case 'start':
      return { ...turn, messageId: event.messageId, mode: event.mode };
    case 'tool-call':
    case 'tool-result':
      return { ...turn, calls: upsertCall(turn.calls, event.call) };
    case 'text':
      return { ...turn, answer: turn.answer + event.delta, status: 'streaming' };
    case 'links':
      return { ...turn, links: mergeLinks(turn.links, event.links) };
    case 'suggestions':
      return { ...turn, suggestions: event.questions };
    case 'done':
      return { ...turn, messageId: event.messageId, status: 'done' };
    case 'error':
      return { ...turn, status: 'error', error: event.message };
    default:
      return turn;
  }
}

function mergeLinks(had: Turn['links'], more: Turn['links']): Turn['links'] {
  const seen = new Set(had.map((l) => l.href));
  return [...had, ...more.filter((l) => !seen.has(l.href) && seen.add(l.href))];
}

/** Calls still waiting for the person: the answer cannot go on until they confirm or decline. */
export const awaiting = (turn: Turn) =>
  turn.calls.filter((c) => c.status === 'awaiting_confirmation');
