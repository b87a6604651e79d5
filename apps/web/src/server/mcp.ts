/**
 * /api/mcp: the assistant's read tools over MCP Streamable HTTP, for clients
 * holding a Racine API token (`Authorization: Bearer rcn_…`). Stateless: each
 * POST gets a fresh server bound to the token owner and a fresh transport
 * answering in plain JSON, so nothing is kept between requests and any web
 * process can serve any request. GET (a standing SSE stream) and DELETE (end
 * a session) mean nothing without sessions: 405.
 *
 * The token is checked as the API's own context does (authenticateApiToken),
 * and a role that requires MFA the owner has not set up refuses here too.
 */
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import {
  AccessChecker,
  authenticateApiToken,
  mfaRequiredMessage,
  mfaSetupRequiredBy,
  type ServiceDeps,
} from '@racine/services';
import { buildMcpServer } from '@racine/services/ai/mcp';

const refuse = (status: number, error: string, headers: Record<string, string> = {}) =>
  Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });

export async function handleMcpRequest(deps: ServiceDeps, req: Request): Promise<Response> {
  if (req.method !== 'POST')
    return refuse(405, 'This MCP endpoint is stateless: send JSON-RPC requests with POST', {
      Allow: 'POST',
    });
  const authorization = req.headers.get('authorization');
  if (!authorization?.toLowerCase().startsWith('bearer '))
    return refuse(
      401,
      'Send a Racine API token: Authorization: Bearer <token> (create one under Settings → API tokens)',
      { 'WWW-Authenticate': 'Bearer realm="racine"' },
    );
  const actor = await authenticateApiToken(deps, authorization.slice(7).trim());
  if (!actor || actor.kind !== 'token')
    return refuse(401, 'The API token is invalid, expired or revoked', {
      'WWW-Authenticate': 'Bearer realm="racine", error="invalid_token"',
    });
  const mfaRole = await mfaSetupRequiredBy(deps.db, actor.userId, deps.clock());
  if (mfaRole) return refuse(403, mfaRequiredMessage(mfaRole));
  const access = new AccessChecker(deps.db, actor);
  if (!(await access.can('ai.use')))
    return refuse(403, 'You need the ai.use permission to use the assistant’s tools');

  const server = buildMcpServer({ deps, actor, access, page: {} });
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  await server.connect(transport);
  try {
    // With JSON responses the answer is complete when handleRequest returns, so both can close.
    return await transport.handleRequest(req);
  } finally {
    await server.close();
  }
}
