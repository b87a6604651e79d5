import { createTRPCClient, httpBatchStreamLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import superjson from 'superjson';
import type { AppRouter } from './root';

export interface RacineClientOptions {
  /** The app's base URL, e.g. http://localhost:3000 */
  url: string;
  /** An API token (Settings → API tokens, or user.createApiToken). */
  token: string;
}

/**
 * A typed client for other packages and scripts: queries and mutations over
 * batched HTTP, subscriptions over SSE, all authenticated with the token.
 */
export function createRacineClient({ url, token }: RacineClientOptions) {
  const endpoint = `${url.replace(/\/$/, '')}/api/trpc`;
  const authorization = `Bearer ${token}`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: endpoint,
          transformer: superjson,
          // Node has no EventSource; this one lets us send the Authorization header.
          EventSource,
          eventSourceOptions: () => ({
            fetch: (input: string | URL | Request, init?: RequestInit) =>
              fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization } }),
          }),
        }),
        false: httpBatchStreamLink({ url: endpoint, transformer: superjson, headers: { authorization } }),
      }),
    ],
  });
}

export type RacineClient = ReturnType<typeof createRacineClient>;
