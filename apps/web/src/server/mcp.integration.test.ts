/**
 * /api/mcp end to end at the HTTP level: the route's handler behind a local
 * node:http server, reached by the MCP SDK's own Client over Streamable HTTP
 * with a real API token, against the real database and tools.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createDb } from '@racine/db';
import { makeUser, makeWorkspace } from '@racine/db/factories';
import {
  createApiToken,
  InProcessBus,
  revokeApiToken,
  type ServiceDeps,
  syncBuiltInRoles,
} from '@racine/services';
import { recomputeSensitivity } from '@racine/services/scan/sensitivity';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMcpRequest } from './mcp';

let deps: ServiceDeps;
let http: Server;
let url: string;

beforeAll(async () => {
  const db = createDb(process.env.DATABASE_URL!, { max: 2 });
  await syncBuiltInRoles(db).catch(() => syncBuiltInRoles(db));
  deps = { db, bus: new InProcessBus(), clock: () => new Date(), secretKey: randomBytes(32) };
  // Node's request → a web Request for the route's handler, and its Response back.
  http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string') headers.set(k, v);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      void handleMcpRequest(deps, new Request(url, { method: req.method, headers, body }))
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/mcp`;
});
afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

/** A source with a PII.Email column, in a workspace or (restricted) in none. */
async function source(name: string, workspaceId: string | null, column: string) {
  const s = await deps.db.dataSource.create({
    data: {
      name,
      engine: 'sqlite',
      database: '/tmp/none.sqlite',
      workspaceId,
      environment: 'prod',
    },
  });
  const schema = await deps.db.asset.create({
    data: { dataSourceId: s.id, type: 'schema', qualifiedName: 'main', name: 'main' },
  });
  const table = await deps.db.asset.create({
    data: {
      dataSourceId: s.id,
      type: 'table',
      parentId: schema.id,
      qualifiedName: `main.${name}_people`,
      name: `${name}_people`,
    },
  });
  const col = await deps.db.asset.create({
    data: {
      dataSourceId: s.id,
      type: 'column',
      parentId: table.id,
      qualifiedName: `${table.qualifiedName}.${column}`,
      name: column,
      dataType: 'TEXT',
      ordinal: 0,
    },
  });
  await deps.db.classification.create({
    data: {
      assetId: col.id,
      label: 'PII.Email',
      confidence: 0.95,
      sensitivity: 'Confidential',
      source: 'detector',
      evidence: { detector: 'PII.Email' },
    },
  });
  // The labels search filters on, kept as a scan keeps them.
  await recomputeSensitivity(deps.db, s.id);
  return { source: s, column: col };
}

async function scene() {
  const tag = randomUUID().slice(0, 8);
  const [viewer, admin] = await Promise.all([
    makeUser(deps.db, { roles: ['viewer'] }),
    makeUser(deps.db, { roles: ['admin'] }),
  ]);
  const ws = await makeWorkspace(deps.db, {
    ownerId: admin.id,
    members: [{ userId: viewer.id, role: 'viewer' }],
  });
  const shop = await source(`shop_${tag}`, ws.id, 'email');
  const vault = await source(`vault_${tag}`, null, 'work_email');
  const tokenOf = async (userId: string) =>
    (
      await createApiToken(
        deps,
        { kind: 'user', userId },
        { name: `mcp ${tag}`, expiresInDays: null },
      )
    ).token;
  return {
    tag,
    viewer,
    admin,
    shop,
    vault,
    viewerToken: await tokenOf(viewer.id),
    adminToken: await tokenOf(admin.id),
  };
}

async function connect(token: string) {
  const client = new Client({ name: 'racine-mcp-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

type Hits = { items: { qualifiedName: string; source: string }[] };

describe('/api/mcp', () => {
  it('lists the read tools only and answers search_catalog with real data, limited to the token owner', async () => {
    const s = await scene();
    const viewer = await connect(s.viewerToken);
    expect(viewer.getServerVersion()).toMatchObject({ name: 'racine' });
    const { tools } = await viewer.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['search_catalog', 'get_asset', 'list_findings', 'who_owns']),
    );
    expect(names).not.toContain('start_scan');
    expect(names).not.toContain('start_workflow');
    expect(tools.find((t) => t.name === 'search_catalog')).toMatchObject({
      inputSchema: { type: 'object', properties: { labels: { type: 'array' } } },
      annotations: { readOnlyHint: true },
    });

    const mine = await viewer.callTool({
      name: 'search_catalog',
      arguments: { labels: ['PII.Email'], source: s.shop.source.name, types: ['column'] },
    });
    expect(mine.isError).toBeFalsy();
    expect((mine.structuredContent as Hits).items).toEqual([
      expect.objectContaining({
        qualifiedName: `main.shop_${s.tag}_people.email`,
        source: s.shop.source.name,
      }),
    ]);
    expect(JSON.parse((mine.content as { text: string }[])[0]!.text)).toEqual(
      mine.structuredContent,
    );

    // The viewer cannot read the restricted source: not even its name resolves.
    const hidden = await viewer.callTool({
      name: 'search_catalog',
      arguments: { labels: ['PII.Email'], source: s.vault.source.name },
    });
    expect(hidden).toMatchObject({
      isError: true,
      content: [
        { type: 'text', text: `No data source you may read is called "${s.vault.source.name}"` },
      ],
    });
    const asset = await viewer.callTool({
      name: 'get_asset',
      arguments: { assetId: s.vault.column.id },
    });
    expect(asset.isError).toBe(true);
    expect(JSON.stringify(asset)).not.toContain('work_email');
    // Nor run a write tool by name.
    expect(
      await viewer.callTool({ name: 'start_scan', arguments: { source: s.shop.source.name } }),
    ).toMatchObject({
      isError: true,
      content: [{ text: expect.stringContaining('No read tool is called "start_scan"') }],
    });
    // Bad arguments are refused with the tool's own message.
    expect(
      await viewer.callTool({ name: 'search_catalog', arguments: { limit: 'many' } }),
    ).toMatchObject({
      isError: true,
      content: [{ text: expect.stringContaining('Bad input for search_catalog: limit') }],
    });
    await viewer.close();

    const admin = await connect(s.adminToken);
    const all = await admin.callTool({
      name: 'search_catalog',
      arguments: { labels: ['PII.Email'], source: s.vault.source.name, types: ['column'] },
    });
    expect((all.structuredContent as Hits).items.map((i) => i.qualifiedName)).toEqual([
      `main.vault_${s.tag}_people.work_email`,
    ]);
    // No filter at all: a page of the whole catalog (what the e2e spec calls on a fresh install).
    const page = await admin.callTool({ name: 'search_catalog', arguments: { limit: 5 } });
    expect(page.isError).toBeFalsy();
    expect((page.structuredContent as Hits).items.length).toBeLessThanOrEqual(5);
    await admin.close();
  });

  it('refuses a missing, unknown or revoked token with 401 and a JSON error; GET is 405', async () => {
    const s = await scene();
    const init = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'curl', version: '1' },
      },
    });
    const post = (headers: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...headers,
        },
        body: init,
      });

    const none = await post({});
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect(await none.json()).toEqual({
      error:
        'Send a Racine API token: Authorization: Bearer <token> (create one under Settings → API tokens)',
    });
    const bad = await post({ authorization: 'Bearer rcn_not-a-token' });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'The API token is invalid, expired or revoked' });
    await expect(connect('rcn_not-a-token')).rejects.toThrow();

    const ok = await post({ authorization: `Bearer ${s.viewerToken}` });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      jsonrpc: '2.0',
      id: 1,
      result: { serverInfo: { name: 'racine' }, capabilities: { tools: {} } },
    });

    const row = await deps.db.apiToken.findFirstOrThrow({ where: { userId: s.viewer.id } });
    await revokeApiToken(deps, { kind: 'user', userId: s.viewer.id }, { tokenId: row.id });
    expect((await post({ authorization: `Bearer ${s.viewerToken}` })).status).toBe(401);

    expect(
      (await fetch(url, { headers: { authorization: `Bearer ${s.adminToken}` } })).status,
    ).toBe(405);
  });
});
