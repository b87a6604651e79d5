/**
 * The registry's tools as AI SDK tools. Every execute goes through runTool as
 * the asker, so the model can reach exactly what the asker could through the
 * tools' services and nothing more; write tools come back from runTool as
 * `awaiting_confirmation` without running, and the model is told so.
 */
import { jsonSchema, tool, type ToolSet } from 'ai';
import type { AiTool, ToolCallRecord, ToolContext } from '../types';
import { inputJsonSchema } from './schema';

export type ToolRunner = (
  ctx: ToolContext,
  name: string,
  input: unknown,
  options: { id: string },
) => Promise<ToolCallRecord>;

/** What the model reads back from a call: the output, the reason it failed, or that it waits for the person. */
export function modelViewOf(record: ToolCallRecord): unknown {
  switch (record.status) {
    case 'done':
      return record.output ?? null;
    case 'awaiting_confirmation':
      return {
        status: 'awaiting_confirmation',
        note: 'Not run yet. The person asking sees this call with a Confirm button and decides; say that it awaits their confirmation, do not claim it ran.',
      };
    default:
      return { status: record.status, error: record.error ?? 'The tool failed' };
  }
}

/**
 * `records` receives each call's record under the model's tool-call id, so the
 * engine reports the stream's tool results with timing and status.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds tools of many input and output types
type AnyTool = AiTool<any, any>;

export function aiSdkToolsFor(
  ctx: ToolContext,
  registry: readonly AnyTool[],
  run: ToolRunner,
  records: Map<string, ToolCallRecord>,
): ToolSet {
  return Object.fromEntries(
    registry.map((t) => [
      t.name,
      tool({
        description: t.write
          ? `${t.description} (Changes something: only prepares the call; the person confirms it.)`
          : t.description,
        // The tool's own zod schema validates what the model sends (defaults applied); the JSON Schema only describes it.
        inputSchema: jsonSchema(inputJsonSchema(t.input), {
          validate: async (value) => {
            const parsed = await t.input.safeParseAsync(value);
            return parsed.success
              ? { success: true, value: parsed.data }
              : { success: false, error: parsed.error };
          },
        }),
        execute: async (input: unknown, { toolCallId }) => {
          const record = await run(ctx, t.name, input, { id: toolCallId });
          records.set(toolCallId, record);
          return modelViewOf(record);
        },
      }),
    ]),
  );
}
