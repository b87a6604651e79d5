import { createTRPCContext } from '@racine/api';
import { handleActivityStream } from '@racine/api/sse';
import { getSession } from '~/server/auth';

export const runtime = 'nodejs';
// Never cache: a per-user, long-lived SSE stream.
export const dynamic = 'force-dynamic';

/**
 * activity.stream, served by the fast SSE handler on tRPC's exact wire
 * protocol (this static segment takes precedence over [trpc]). The client
 * (httpSubscriptionLink) cannot tell the difference; the server serialises
 * each event once for all subscribers instead of once per subscriber.
 */
function handler(req: Request) {
  return handleActivityStream(
    req,
    async () => {
      const session = await getSession();
      return createTRPCContext({
        headers: req.headers,
        sessionUserId: session?.user?.id ?? null,
        // Checked against its UserSession row: a signed-out session is refused even with a valid cookie.
        sessionId: session?.user?.sessionId ?? null,
      });
    },
    {
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path} failed:`, error.cause ?? error);
      },
    },
  );
}

// POST (and anything the fast path does not serve) is answered by tRPC itself, as before.
export { handler as GET, handler as POST };
