/**
 * The assistant's read tools over the Model Context Protocol, for MCP clients
 * (Claude Desktop, IDEs, other agents) holding a Racine API token. One server
 * per request, bound to the token owner's ToolContext: every call goes
 * through runTool as that person, so a client sees what the owner could see
 * through the same tools, and no write tool is listed or callable.
 *
 * The low-level `Server` rather than `McpServer.registerTool`: the latter
 * converts zod to JSON Schema without a fallback for dates (several tools
 * take a `since` date) and validates arguments a second time with messages
 * of its own; here the listing comes from the same converter the model sees
 * and runTool is the one validator, as for both engines.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  ListToolsRequestSchema,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { inputJsonSchema } from './model/schema';
import { aiTools, runTool } from './tools/index';
import type { AiTool, ToolContext } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds tools of many input and output types
export const mcpTools = (): readonly AiTool<any, any>[] => aiTools.filter((t) => !t.write);

const INSTRUCTIONS =
  'Racine is a data-governance control plane: a catalog of scanned data sources (tables, columns with classification labels such as PII.Email, owners, lineage), compliance findings and posture, and the runs of scans, workflows and pipelines. These read-only tools answer from that live state with the permissions of the API token owner; what they do not return, the owner may not see.';

/** JSON round trip: dates become ISO strings, as any MCP client receives them. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value ?? null)) as unknown;

export function buildMcpServer(ctx: ToolContext, version = '0.1.0'): Server {
  const server = new Server(
    { name: 'racine', title: 'Racine', version },
    { capabilities: { tools: {} }, instructions: INSTRUCTIONS },
  );
  const tools = mcpTools();
  const listed = new Set(tools.map((t) => t.name));

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: tools.map((t): Tool => ({
      name: t.name,
      description: t.description,
      inputSchema: inputJsonSchema(t.input) as Tool['inputSchema'],
      annotations: {
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      },
    })),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const { name, arguments: args } = request.params;
    // A write tool is refused by name, not run as awaiting confirmation: MCP has no confirmation step.
    if (!listed.has(name))
      return {
        isError: true,
        content: [
          {
            type: 'text',
            text: `No read tool is called "${name}"; the tools are ${[...listed].join(', ')}`,
          },
        ],
      };
    const record = await runTool(ctx, name, args ?? {});
    if (record.status !== 'done')
      return {
        isError: true,
        content: [{ type: 'text', text: record.error ?? `${name} did not run (${record.status})` }],
      };
    const output = plain(record.output);
    return {
      content: [{ type: 'text', text: JSON.stringify(output) }],
      ...(output && typeof output === 'object' && !Array.isArray(output)
        ? { structuredContent: output as Record<string, unknown> }
        : {}),
    };
  });
  return server;
}
