'use client';
import { CheckCircle2, CircleAlert, XCircle } from 'lucide-react';
import { cn } from '@racine/ui';
import { TRPCClientError } from '@trpc/client';
import type { RouterOutputs } from '~/trpc/types';
import { formatLatency } from './bits';

export type TestResult =
  RouterOutputs['datasource']['testDraft'] | RouterOutputs['datasource']['test'];

/** The error kind of a failed test call: the connector's ("auth", "unreachable"…) or the API's code. */
export function errorKind(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as
      | { code?: string; appCode?: string | null; details?: { connector?: string } | null }
      | undefined;
    return data?.details?.connector ?? data?.appCode ?? data?.code ?? 'error';
  }
  return 'error';
}

function Check({ ok, label }: { ok: boolean; label: string }) {
  return (
    <span className="inline-flex items-center gap-1">
      {ok ? (
        <CheckCircle2 className="size-3.5 text-success" />
      ) : (
        <XCircle className="size-3.5 text-destructive" />
      )}
      {label}
    </span>
  );
}

/** What a connection test found, inline under the fields: version, latency, rights — or why it failed. */
export function ConnectionTestResult({
  result,
  error,
}: {
  result?: TestResult | null;
  error?: unknown;
}) {
  if (!result && !error) return null;
  const failed = error || !result?.ok;
  const kind = error ? errorKind(error) : result?.error?.kind;
  const message = error
    ? error instanceof Error
      ? error.message
      : String(error)
    : result?.error?.message;
  return (
    <div
      role="status"
      data-testid="connection-test-result"
      data-ok={failed ? 'false' : 'true'}
      className={cn(
        'grid gap-1.5 rounded-md border px-3 py-2.5 text-sm',
        failed ? 'border-destructive/40 bg-destructive/5' : 'border-success/40 bg-success/5',
      )}
    >
      {failed ? (
        <>
          <div className="flex items-center gap-2 font-medium text-destructive">
            <CircleAlert className="size-4" />
            Connection failed
            {kind ? (
              <code className="rounded bg-destructive/10 px-1.5 py-0.5 font-mono text-xs">
                {kind}
              </code>
            ) : null}
          </div>
          <p className="text-muted-foreground">{message ?? 'The source did not answer.'}</p>
        </>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1 font-medium">
            <CheckCircle2 className="size-4 text-success" />
            Connected
            <span className="font-normal text-muted-foreground">
              {result!.serverVersion ?? 'unknown version'} · {formatLatency(result!.latencyMs)}
            </span>
          </div>
          <div className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
            <Check ok={result!.canReadMetadata} label="Can read metadata" />
            <Check ok={result!.canReadData} label="Can read data" />
            {result!.tablesVisible !== undefined ? (
              <span>
                {result!.tablesReadable ?? 0} of {result!.tablesVisible} tables readable
              </span>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
