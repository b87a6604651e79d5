import { expect, test } from '@playwright/test';
import { signIn, trpc, uniqueName } from './fixtures';

/**
 * /api/mcp on the built app, spoken to as any MCP client would over
 * Streamable HTTP (JSON-RPC in a POST): a token made through the API lists
 * the read tools and calls one; no token is a 401 with a JSON error.
 */
test('an API token reaches the read tools over MCP; no token is refused', async ({ page }) => {
  await signIn(page);
  const { token } = await trpc<{ token: string }>(
    page,
    'user.createApiToken',
    { name: uniqueName('e2e mcp'), expiresInDays: null },
    'mutation',
  );
  const rpc = async (id: number, method: string, params: unknown, auth = `Bearer ${token}`) => {
    const res = await page.request.post('/api/mcp', {
      headers: {
        authorization: auth,
        accept: 'application/json, text/event-stream',
        'content-type': 'application/json',
        'mcp-protocol-version': '2025-06-18',
      },
      data: { jsonrpc: '2.0', id, method, params },
    });
    return {
      status: res.status(),
      body: (await res.json()) as { result?: Record<string, unknown>; error?: unknown },
    };
  };

  const init = await rpc(1, 'initialize', {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'e2e', version: '1' },
  });
  expect(init.status).toBe(200);
  expect(init.body.result).toMatchObject({
    serverInfo: { name: 'racine' },
    capabilities: { tools: {} },
  });

  const list = await rpc(2, 'tools/list', {});
  const names = (list.body.result!.tools as { name: string }[]).map((t) => t.name);
  expect(names).toContain('search_catalog');
  expect(names).not.toContain('start_scan');

  const call = await rpc(3, 'tools/call', { name: 'search_catalog', arguments: { limit: 5 } });
  expect(call.status).toBe(200);
  expect(call.body.result).toMatchObject({
    structuredContent: { total: expect.any(Number), items: expect.any(Array) },
  });
  expect(call.body.result!.isError).toBeFalsy();

  const refused = await page.request.post('/api/mcp', {
    headers: { 'content-type': 'application/json' },
    data: { jsonrpc: '2.0', id: 1, method: 'tools/list' },
  });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({
    error: expect.stringContaining('Send a Racine API token'),
  });
});
