/**
 * The assistant's tool registry and the one way to run a tool. Both engines
 * and the MCP server call `runTool`, so every call is permission-checked,
 * validated both ways, timed and reported the same.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../errors';
import type { AiTool, ToolCallRecord, ToolContext } from '../types';
import { getAssetTool, listColumnsWithLabelTool, searchCatalogTool } from './catalog';
import { getPostureTool, listFindingsTool } from './compliance';
import { listInsightsTool } from './insights';
import { recentFailuresTool, whatChangedTool } from './operations';
import { explainClassificationTool, whoOwnsTool } from './people';
import { startScanTool, startWorkflowTool } from './write';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each tool has its own input and output types
type AnyTool = AiTool<any, any>;

export const aiTools: readonly AnyTool[] = [
  searchCatalogTool,
  getAssetTool,
  listColumnsWithLabelTool,
  explainClassificationTool,
  whoOwnsTool,
  listFindingsTool,
  getPostureTool,
  recentFailuresTool,
  whatChangedTool,
  listInsightsTool,
  startScanTool,
  startWorkflowTool,
];

const byName = new Map(aiTools.map((t) => [t.name, t]));

export function findTool(name: string): AnyTool | undefined {
  return byName.get(name);
}

/** What a tool caller may see of the registry (ai.tools, MCP): names, descriptions, permissions and input schemas. */
export function describeTools() {
  return aiTools.map((t) => ({ name: t.name, description: t.description, permission: t.permission, write: t.write, inputSchema: z.toJSONSchema(t.input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> }));
}

/** zod's issues in one line: "limit: Too big; source: Required". */
function issuesMessage(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** A service error's message (never a stack); anything else is reported as what it is without internals. */
function errorMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (error instanceof z.ZodError) return issuesMessage(error);
  if (error instanceof Error) return error.message.split('\n')[0] ?? 'The tool failed';
  return 'The tool failed';
}

export interface RunToolOptions {
  /** Write tools run only with this set: after the asker approved the call (ai.confirm). */
  confirmed?: boolean;
  /** Keep the id of a call proposed earlier (a confirmed write). */
  id?: string;
}

/**
 * Runs one tool as the asker and reports it as a ToolCallRecord; never
 * throws for the tool's own failures (unknown tool, missing permission, bad
 * input, a service error): those become `failed` records with the reason.
 */
export async function runTool(ctx: ToolContext, name: string, input: unknown, options: RunToolOptions = {}): Promise<ToolCallRecord> {
  const id = options.id ?? randomUUID();
  const started = performance.now();
  const done = (rest: Omit<ToolCallRecord, 'id' | 'tool' | 'ms'>): ToolCallRecord => ({ id, tool: name, ms: Math.round(performance.now() - started), ...rest });
  const tool = byName.get(name);
  if (!tool) return done({ input, status: 'failed', error: `No tool is called "${name}"; the tools are ${aiTools.map((t) => t.name).join(', ')}` });
  if (!(await ctx.access.can(tool.permission))) return done({ input, status: 'failed', error: `You need the ${tool.permission} permission to use ${name}` });
  const parsed = tool.input.safeParse(input ?? {});
  if (!parsed.success) return done({ input, status: 'failed', error: `Bad input for ${name}: ${issuesMessage(parsed.error)}` });
  if (tool.write && !options.confirmed) return done({ input: parsed.data, status: 'awaiting_confirmation' });
  try {
    const output = await tool.run(ctx, parsed.data);
    const checked = tool.output.safeParse(output);
    if (!checked.success) return done({ input: parsed.data, status: 'failed', error: `${name} returned an unexpected shape: ${issuesMessage(checked.error)}` });
    return done({ input: parsed.data, output: checked.data, status: 'done' });
  } catch (error) {
    return done({ input: parsed.data, status: 'failed', error: errorMessage(error) });
  }
}
