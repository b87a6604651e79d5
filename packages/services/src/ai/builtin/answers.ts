/**
 * One composer per intent: which tools to call with which slots, and the
 * answer built from what they returned. A composer returns null when it has
 * nothing to go on (no subject named); the engine then suggests questions.
 */
import type { ToolCallRecord, ToolContext } from '../types';
import { answerAssets, answerColumns, answerDescribe, answerExplain, answerWhoOwns } from './answers-catalog';
import { answerFailures, answerFindings, answerInsights, answerPosture, answerStartScan, answerStartWorkflow, answerWhatChanged } from './answers-ops';
import type { CallTool, Reply } from './engine';
import type { Parsed, Vocabulary } from './parse';

export interface Turn {
  parsed: Parsed;
  ctx: ToolContext;
  call: CallTool;
  vocab: Vocabulary;
}

export function answerFor(parsed: Parsed, ctx: ToolContext, call: CallTool, vocab: Vocabulary): Promise<Reply | null> {
  const t: Turn = { parsed, ctx, call, vocab };
  switch (parsed.intent) {
    case 'columns_with_label':
      return answerColumns(t);
    case 'find_assets':
      return answerAssets(t);
    case 'describe_asset':
      return answerDescribe(t);
    case 'who_owns':
      return answerWhoOwns(t);
    case 'explain':
      return answerExplain(t);
    case 'posture':
      return answerPosture(t);
    case 'findings':
      return answerFindings(t);
    case 'failures':
      return answerFailures(t);
    case 'what_changed':
      return answerWhatChanged(t);
    case 'insights':
      return answerInsights(t);
    case 'start_scan':
      return answerStartScan(t);
    case 'start_workflow':
      return answerStartWorkflow(t);
    case 'unknown':
      return Promise.resolve(null);
  }
}

/** The output of a call that succeeded, or null; failures are answered by `failedText`. */
export function outputOf<T>(record: ToolCallRecord): T | null {
  return record.status === 'done' ? (record.output as T) : null;
}

export const failedText = (record: ToolCallRecord) => `The ${record.tool} call failed: ${record.error ?? 'no reason given'}.`;
