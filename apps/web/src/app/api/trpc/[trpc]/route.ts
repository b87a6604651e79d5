import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter, createTRPCContext } from '@racine/api';
import { getSession } from '~/server/auth';

export const runtime = 'nodejs';
// Never cache: every call is per-user, and subscriptions are long-lived SSE streams.
export const dynamic = 'force-dynamic';

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => {
      const session = await getSession();
      return createTRPCContext({
        headers: req.headers,
        sessionUserId: session?.user?.id ?? null,
        // Checked against its UserSession row: a signed-out session is refused even with a valid cookie.
        sessionId: session?.user?.sessionId ?? null,
      });
    },
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
