/**
 * The built-in engine: parse the question, call the tools its intent needs
 * (through runTool, as the asker, each call reported), and compose the answer
 * from their real results. No model, no canned text: every number and name in
 * an answer comes from a tool's output.
 */
import { runTool } from '../tools/index';
import type { AnswerLink, AskEvent, Engine, ToolCallRecord, ToolContext } from '../types';
import { answerFor } from './answers';
import { suggestQuestions } from './grammar';
import { parseQuestion } from './parse';
import { loadFillers, loadVocabulary } from './vocabulary-load';

/** Calls a tool and reports it: tool-call (running), then tool-result. */
export type CallTool = (name: string, input: Record<string, unknown>) => Promise<ToolCallRecord>;

export interface Reply {
  text: string[];
  links?: AnswerLink[];
  suggestions?: string[];
}

export function toolCaller(ctx: ToolContext, emit: (e: AskEvent) => void): CallTool {
  return async (name, input) => {
    const pending: ToolCallRecord = { id: crypto.randomUUID(), tool: name, input, status: 'running' };
    emit({ type: 'tool-call', call: pending });
    const done = await runTool(ctx, name, input, { id: pending.id });
    emit({ type: 'tool-result', call: done });
    return done;
  };
}

export const builtinEngine: Engine = async (ctx, input, emit) => {
  const vocab = await loadVocabulary(ctx);
  const parsed = parseQuestion(input.question, vocab);
  const call = toolCaller(ctx, emit);
  let reply = parsed.intent === 'unknown' ? null : await answerFor(parsed, ctx, call, vocab);
  if (!reply) {
    const suggestions = suggestQuestions(await loadFillers(ctx, vocab));
    reply = {
      text: [`I could not work out what to look up for “${input.question.trim()}”. Without a model configured I answer a fixed set of question shapes; these ones use your catalog:`],
      suggestions,
    };
  }
  for (const [i, paragraph] of reply.text.entries()) emit({ type: 'text', delta: i === 0 ? paragraph : `\n\n${paragraph}` });
  if (reply.links?.length) emit({ type: 'links', links: reply.links });
  if (reply.suggestions?.length) emit({ type: 'suggestions', questions: reply.suggestions });
  emit({ type: 'done', messageId: '' });
};
