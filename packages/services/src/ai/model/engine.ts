/**
 * The model-backed engine: the configured model plans, calls the registry's
 * tools (as the asker, through runTool) over up to `maxSteps` steps, and
 * writes the answer from their results. Everything it does is reported as
 * AskEvents in the order it happens; any failure of the model server (down,
 * refusing the key, too slow) ends the answer with one `error` event, never a
 * hang: the whole call runs under an AbortSignal timeout, combined with the
 * asker's signal so a closed answer stops the model request too.
 */
import { type LanguageModel, type ModelMessage, stepCountIs, streamText } from 'ai';
import { aiTools, runTool } from '../tools/index';
import { type AiTool, ANSWER_STOPPED, type AskEvent, type Engine, type ToolCallRecord } from '../types';
import { modelConfigFromEnv } from './config';
import { describeModelError } from './errors';
import { linksFromOutputs } from './links';
import { systemPromptFor } from './prompt';
import { languageModelFor } from './provider';
import { aiSdkToolsFor, type ToolRunner } from './tools';

export const DEFAULT_MAX_STEPS = 6;
export const DEFAULT_TIMEOUT_MS = 90_000;

export interface ModelEngineOptions {
  model: LanguageModel;
  /** Named in error messages ("could not reach … at <baseURL>"). */
  server: { baseURL: string; model: string };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds tools of many input and output types
  tools?: readonly AiTool<any, any>[];
  run?: ToolRunner;
  maxSteps?: number;
  timeoutMs?: number;
  clock?: () => Date;
}

const errorText = (e: unknown) =>
  e instanceof Error ? e.message : typeof e === 'string' ? e : 'The tool failed';

export function createModelEngine(options: ModelEngineOptions): Engine {
  const {
    model,
    server,
    tools = aiTools,
    run = runTool,
    maxSteps = DEFAULT_MAX_STEPS,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    clock = () => new Date(),
  } = options;
  return async (ctx, input, emit, asker) => {
    const records = new Map<string, ToolCallRecord>();
    const outputs: unknown[] = [];
    let wroteText = false;
    let lastFinish: string | undefined;
    const report = (call: ToolCallRecord) => {
      if (call.status === 'done') outputs.push(call.output);
      emit({ type: 'tool-result', call });
    };
    try {
      const messages: ModelMessage[] = [
        ...input.history.map((m) => ({ role: m.role, content: m.content }) as ModelMessage),
        { role: 'user', content: input.question },
      ];
      const system = await systemPromptFor(ctx, clock());
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = asker ? AbortSignal.any([asker, timeout]) : timeout;
      // AI SDK 6 looks at the signal only between chunks: a model that never sends one (or ignores the signal) would hang the loop, so the abort also ends the wait itself.
      const timedOut = new Promise<never>((_, reject) => {
        const fail = () => reject(signal.reason);
        if (signal.aborted) fail();
        else signal.addEventListener('abort', fail, { once: true });
      });
      timedOut.catch(() => {});
      const result = streamText({
        model,
        system,
        messages,
        tools: aiSdkToolsFor(ctx, tools, run, records),
        stopWhen: stepCountIs(maxSteps),
        // One retry for a transient failure; more would only delay telling the person the server is down.
        maxRetries: 1,
        abortSignal: signal,
        // The default logs the whole error, request body (the prompt, tool results) included; one line is enough for the operator.
        onError: ({ error }) =>
          console.warn(
            `assistant, model ${server.model}: ${describeModelError(error, { ...server, timeoutMs })}`,
          ),
      });
      const parts = result.fullStream[Symbol.asyncIterator]();
      for (;;) {
        const next = await Promise.race([parts.next(), timedOut]);
        if (next.done) break;
        const part = next.value;
        switch (part.type) {
          case 'text-delta':
            if (part.text) {
              wroteText = true;
              emit({ type: 'text', delta: part.text });
            }
            break;
          case 'tool-call':
            emit({
              type: 'tool-call',
              call: {
                id: part.toolCallId,
                tool: part.toolName,
                input: part.input,
                status: 'running',
              },
            });
            break;
          case 'tool-result':
            report(
              records.get(part.toolCallId) ?? {
                id: part.toolCallId,
                tool: part.toolName,
                input: part.input,
                output: part.output,
                status: 'done',
              },
            );
            break;
          case 'tool-error':
            // Input the model made up that fails the tool's schema is refused before runTool; anything else is runTool's record.
            report(
              records.get(part.toolCallId) ?? {
                id: part.toolCallId,
                tool: part.toolName,
                input: part.input,
                status: 'failed',
                error: `Bad input for ${part.toolName}: ${errorText(part.error)}`,
              },
            );
            break;
          case 'finish-step':
            lastFinish = part.finishReason;
            break;
          case 'error':
            throw part.error;
          case 'abort':
            throw Object.assign(new Error(part.reason ?? 'aborted'), { name: 'TimeoutError' });
          default:
            break;
        }
      }
      // The step limit can end the loop right after tool results, before the model wrote anything.
      if (!wroteText)
        emit({
          type: 'text',
          delta:
            lastFinish === 'tool-calls'
              ? `I stopped after ${maxSteps} steps without a final answer; the calls I made and their results are listed above.`
              : 'The model returned no answer.',
        });
      const links = linksFromOutputs(outputs);
      if (links.length) emit({ type: 'links', links });
      emit({ type: 'done', messageId: '' });
    } catch (error) {
      emit({
        type: 'error',
        message: asker?.aborted
          ? ANSWER_STOPPED
          : describeModelError(error, { ...server, timeoutMs }),
      } satisfies AskEvent);
    }
  };
}

/**
 * The engine for the model configured by RACINE_AI_* (the ai router uses it
 * when modelConfigFromEnv() is not null). Built per question: the
 * environment is read each time, and a provider is cheap to make.
 */
export const modelEngine: Engine = async (ctx, input, emit, signal) => {
  let config;
  try {
    config = modelConfigFromEnv();
  } catch (error) {
    return emit({ type: 'error', message: errorText(error) });
  }
  if (!config)
    return emit({
      type: 'error',
      message:
        'No model is configured: set RACINE_AI_BASE_URL and RACINE_AI_MODEL (and RACINE_AI_API_KEY if the server needs one).',
    });
  return createModelEngine({ model: languageModelFor(config), server: config })(
    ctx,
    input,
    emit,
    signal,
  );
};
