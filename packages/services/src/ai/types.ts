/**
 * The assistant's contract. Tools are typed calls into the services, run as
 * the asking user; both engines (built-in and model-backed) call the same
 * tools and report the same events, which ai.ask streams to the browser.
 */
import type { z } from 'zod';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import type { PermissionKey } from '../rbac/catalog';
import type { AccessChecker } from '../rbac/resolve';

/** What the page the question was asked on is about, so "this table" resolves. */
export interface PageContext {
  path?: string;
  assetId?: string;
  dataSourceId?: string;
  workspaceId?: string;
  frameworkId?: string;
}

export interface ToolContext {
  deps: ServiceDeps;
  actor: Actor;
  access: AccessChecker;
  page: PageContext;
}

export interface AiTool<I = unknown, O = unknown> {
  /** snake_case, stable: models and MCP clients call it by this name. */
  name: string;
  description: string;
  /** Checked before every run, at global scope; the tool's services filter further. */
  permission: PermissionKey;
  /** Changes something: runs only after the person confirms it in the UI; never exposed over MCP. */
  write: boolean;
  input: z.ZodType<I>;
  output: z.ZodType<O>;
  run: (ctx: ToolContext, input: I) => Promise<O>;
}

export type ToolCallStatus = 'running' | 'done' | 'failed' | 'awaiting_confirmation' | 'declined';

/** One call as shown in the "calls made" panel and stored on AiMessage.toolCalls. */
export interface ToolCallRecord {
  id: string;
  tool: string;
  input: unknown;
  output?: unknown;
  error?: string;
  status: ToolCallStatus;
  ms?: number;
}

/** A link the answer offers (an asset, a finding, a run…). */
export interface AnswerLink {
  label: string;
  href: string;
}

export type AskEvent =
  | { type: 'start'; conversationId: string; messageId: string; mode: 'builtin' | 'model' }
  | { type: 'tool-call'; call: ToolCallRecord }
  | { type: 'tool-result'; call: ToolCallRecord }
  | { type: 'text'; delta: string }
  | { type: 'links'; links: AnswerLink[] }
  | { type: 'suggestions'; questions: string[] }
  | { type: 'done'; messageId: string }
  | { type: 'error'; message: string };

export interface AskInput {
  question: string;
  history: { role: 'user' | 'assistant'; content: string }[];
}

/**
 * Both engines implement this; `emit` is called in order, the last event is
 * done or error. `signal` aborts when the asker goes away: an engine waiting
 * on a model stops waiting and ends with an error.
 */
export type Engine = (ctx: ToolContext, input: AskInput, emit: (event: AskEvent) => void, signal?: AbortSignal) => Promise<void>;

/** What an answer cut short by its asker going away says (stored as its content when it had written nothing yet). */
export const ANSWER_STOPPED = 'Stopped: the question was closed before the answer was finished.';
