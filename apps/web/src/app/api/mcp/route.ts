import { getServiceDeps } from '@racine/services';
import { handleMcpRequest } from '~/server/mcp';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The MCP server (read tools of the assistant), authenticated by a Racine API token. */
const handle = (req: Request) => handleMcpRequest(getServiceDeps(), req);
export { handle as DELETE, handle as GET, handle as POST };
