'use client';
import * as React from 'react';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createTRPCClient,
  httpBatchStreamLink,
  httpSubscriptionLink,
  loggerLink,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import superjson from 'superjson';
import type { AppRouter } from '@racine/api';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

function baseUrl() {
  return typeof window === 'undefined'
    ? (process.env.NEXTAUTH_URL ?? 'http://localhost:3000')
    : window.location.origin;
}

/** The tRPC error code of a failed call (e.g. "FORBIDDEN"), if it was one. */
export function trpcErrorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError
    ? (error.data as { code?: string } | undefined)?.code
    : undefined;
}

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // Client errors (bad input, forbidden, not found) will not change on retry.
        retry: (count, error) => {
          const code = trpcErrorCode(error);
          if (code && ['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'].includes(code))
            return false;
          return count < 2;
        },
      },
    },
    queryCache: new QueryCache({
      onError(error) {
        // The session expired while the page was open: go sign in again, then come back.
        if (trpcErrorCode(error) === 'UNAUTHORIZED' && typeof window !== 'undefined') {
          const back = window.location.pathname + window.location.search;
          window.location.assign(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
        }
      },
    }),
  });
}

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === 'undefined') return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = React.useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({
          enabled: (op) =>
            process.env.NODE_ENV === 'development' ||
            (op.direction === 'down' && op.result instanceof Error),
        }),
        splitLink({
          condition: (op) => op.type === 'subscription',
          true: httpSubscriptionLink({ url: `${baseUrl()}/api/trpc`, transformer: superjson }),
          false: httpBatchStreamLink({ url: `${baseUrl()}/api/trpc`, transformer: superjson }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
