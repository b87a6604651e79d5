/**
 * ai.ask: one turn of a conversation. Stores the question, runs the engine
 * the configuration picks (the model when one is configured, else the
 * built-in engine) with the conversation's history, streams its events with
 * ids (`<messageId>:<n>`), and stores the answer with its tool calls, links
 * and suggestions.
 *
 * Stopping: when the asker goes away (the subscription's signal aborts, or
 * the stream is closed early), the engine goes on for RECONNECT_GRACE_MS;
 * if no reconnect claims the answer by then, the engine's signal aborts, so
 * a model request ends instead of running to its timeout, and the answer is
 * stored with status "error" saying it was stopped.
 *
 * Resuming: a reconnecting client sends the last id it saw. The turn is not
 * asked again; the stream claims the answer (so it is not stopped), waits for
 * it to be stored and ends with `done`, after which the client reads the
 * message with ai.conversation.
 */
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import type { AccessChecker } from '../rbac/resolve';
import { builtinEngine } from './builtin/engine';
import { finishTurn, requireUser, startTurn } from './conversations';
import { modelConfigFromEnv, modelEngine } from './model/index';
import type { AskRequest } from './schemas';
import { type AnswerLink, ANSWER_STOPPED, type AskEvent, type Engine, type ToolCallRecord, type ToolContext } from './types';

export interface AskStreamItem {
  id: string;
  event: AskEvent;
}

export interface EngineChoice {
  mode: 'builtin' | 'model';
  engine: Engine;
}

/**
 * The model when RACINE_AI_* configure one, else the built-in engine (the
 * default on a fresh install). Half a configuration picks the model engine,
 * which answers with what is missing rather than silently falling back.
 */
export function chooseEngine(env: Record<string, string | undefined> = process.env): EngineChoice {
  try {
    return modelConfigFromEnv(env) ? { mode: 'model', engine: modelEngine } : { mode: 'builtin', engine: builtinEngine };
  } catch {
    return { mode: 'model', engine: modelEngine };
  }
}

const RESUME_WAIT_MS = 120_000;
/**
 * A dropped connection usually comes back: when the asker's stream closes, the engine keeps going
 * this long for a reconnect (ask with lastEventId, served by `resume`) to claim the answer; unclaimed,
 * it is stopped. Claims are in-process: a reconnect served by another process finds it stopped.
 */
export const RECONNECT_GRACE_MS = 15_000;
/** Answers whose asker went away, by message id: calling the entry keeps the engine running. */
const awaitingReconnect = new Map<string, () => void>();

export interface AskOptions {
  /** Overrides RECONNECT_GRACE_MS (tests; 0 stops at once). */
  reconnectGraceMs?: number;
}


export async function* ask(
  deps: ServiceDeps,
  actor: Actor,
  access: AccessChecker,
  input: AskRequest,
  signal?: AbortSignal,
  choice: EngineChoice = chooseEngine(),
  { reconnectGraceMs = RECONNECT_GRACE_MS }: AskOptions = {},
): AsyncGenerator<AskStreamItem> {
  requireUser(actor);
  const resumed = input.lastEventId?.split(':')[0];
  if (resumed) {
    yield* resume(deps, actor, resumed, signal);
    return;
  }
  const turn = await startTurn(deps, actor, { conversationId: input.conversationId, question: input.question, page: input.page, mode: choice.mode });
  const ctx: ToolContext = { deps, actor, access, page: input.page };
  const queue: AskEvent[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  const calls = new Map<string, ToolCallRecord>();
  const links: AnswerLink[] = [];
  const suggestions: string[] = [];
  let text = '';
  let failed: string | null = null;
  const emit = (event: AskEvent) => {
    if (event.type === 'tool-call' || event.type === 'tool-result') calls.set(event.call.id, event.call);
    if (event.type === 'text') text += event.delta;
    if (event.type === 'links') links.push(...event.links);
    if (event.type === 'suggestions') suggestions.push(...event.questions);
    if (event.type === 'error') failed = event.message;
    if (event.type === 'done' || event.type === 'start') return; // this stream sends its own, with the stored ids
    queue.push(event);
    wake?.();
  };
  // The asker went away (the subscription's signal, or the stream was returned early): the engine stops too, rather than running to its timeout for no one.
  const engineStop = new AbortController();
  let stopped = false;
  const stop = () => {
    if (!finished && !stopped) {
      stopped = true;
      engineStop.abort(signal?.reason);
    }
    wake?.();
  };
  // The asker's stream closed: stop after the grace period unless a reconnect claims the answer first.
  let graceTimer: ReturnType<typeof setTimeout> | null = null;
  const stopUnlessClaimed = () => {
    if (finished || stopped || graceTimer) return;
    if (reconnectGraceMs <= 0) return stop();
    graceTimer = setTimeout(stop, reconnectGraceMs);
    awaitingReconnect.set(turn.messageId, () => graceTimer && clearTimeout(graceTimer));
  };
  const onAbort = () => {
    stopUnlessClaimed();
    wake?.();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const running = choice
    .engine(ctx, { question: input.question, history: turn.history }, emit, engineStop.signal)
    .catch((error: unknown) => emit({ type: 'error', message: error instanceof Error ? error.message.split('\n')[0]! : 'The assistant failed' }))
    .finally(() => {
      finished = true;
      wake?.();
    });
  let n = 0;
  const next = () => ({ id: `${turn.messageId}:${n++}` });
  try {
    yield { ...next(), event: { type: 'start', conversationId: turn.conversationId, messageId: turn.messageId, mode: choice.mode } };
    while (true) {
      while (queue.length) yield { ...next(), event: queue.shift()! };
      if (finished || stopped || signal?.aborted) break;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    // Ended with the engine still at work: the reader left (the stream was returned or its signal aborted).
    stopUnlessClaimed();
    signal?.removeEventListener('abort', onAbort);
    await running;
    if (graceTimer) clearTimeout(graceTimer);
    awaitingReconnect.delete(turn.messageId);
    // An engine that finished its answer anyway (the built-in one does not wait on anything slow) keeps it; one cut short says so.
    if (stopped && failed) failed = ANSWER_STOPPED;
    // Stored even when the client went away: a reconnecting client finds the answer, or that it was stopped, in the conversation.
    await finishTurn(deps, turn.messageId, { content: failed && !text ? failed : text, toolCalls: [...calls.values()], links, suggestions, status: failed ? 'error' : 'complete' });
  }
  if (!stopped && !signal?.aborted) yield { ...next(), event: { type: 'done', messageId: turn.messageId } };
}

async function* resume(deps: ServiceDeps, actor: Actor, messageId: string, signal?: AbortSignal): AsyncGenerator<AskStreamItem> {
  const userId = requireUser(actor);
  const deadline = Date.now() + RESUME_WAIT_MS;
  let claimed = false;
  while (!signal?.aborted && Date.now() < deadline) {
    const m = await deps.db.aiMessage.findFirst({ where: { id: messageId, conversation: { userId } }, select: { status: true } });
    if (!m) {
      yield { id: `${messageId}:end`, event: { type: 'error', message: `Message ${messageId} was not found` } };
      return;
    }
    // The asker is back (their own message): the answer they left goes on (see RECONNECT_GRACE_MS).
    if (!claimed) awaitingReconnect.get(messageId)?.();
    claimed = true;
    if (m.status !== 'streaming') {
      yield { id: `${messageId}:end`, event: { type: 'done', messageId } };
      return;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}
