'use client';
import * as React from 'react';
import Link from 'next/link';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ChevronRight, GitMerge } from 'lucide-react';
import { Badge, Card, CardContent, CardDescription, CardHeader, CardTitle, cn, EmptyState, ErrorState, Skeleton } from '@racine/ui';
import { formatDateTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';

type Chain = RouterOutputs['activity']['correlate']['chains'][number];

const severityVariant = (s: string) => (s === 'critical' || s === 'high' ? 'destructive' : s === 'medium' ? 'warning' : 'secondary');
const kindLabel: Record<string, string> = { workflow: 'Workflow', scan: 'Rescan', user: 'By hand', evaluation: 'Evaluation' };

/** Scan runs of the range, each expandable into the findings it raised and what resolved them. */
export function CorrelationCard({ range, workspaceId }: { range: { from: Date; to: Date }; workspaceId: string | null }) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.activity.correlate.queryOptions({ ...range, limit: 50, ...(workspaceId ? { workspaceId } : {}) }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card data-testid="correlation-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-base">
          <GitMerge className="size-4" /> Scans → findings → resolutions
        </CardTitle>
        <CardDescription>{query.data ? query.data.summary : 'Which scans raised which findings, and what resolved them.'}</CardDescription>
      </CardHeader>
      <CardContent>
        {query.isError ? (
          <ErrorState title="Could not correlate the activity" error={query.error} onRetry={() => query.refetch()} />
        ) : !query.data ? (
          <div className="grid gap-2">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-10" />
            ))}
          </div>
        ) : query.data.chains.length === 0 ? (
          <EmptyState icon={<GitMerge />} title="No scan runs in this range" description="Chains appear once a scan of a source you may read finishes." />
        ) : (
          <ul className="divide-y rounded-md border" data-testid="chains">
            {query.data.chains.map((c) => (
              <ChainRow key={c.scanRun.id} chain={c} />
            ))}
          </ul>
        )}
        {query.data?.truncated ? <p className="mt-2 text-xs text-muted-foreground">Showing the 50 newest scan runs; narrow the range for older ones.</p> : null}
      </CardContent>
    </Card>
  );
}

function ChainRow({ chain }: { chain: Chain }) {
  const [open, setOpen] = React.useState(false);
  const resolved = chain.findings.filter((f) => f.resolvedBy).length;
  return (
    <li data-testid="chain">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center gap-3 px-3 py-2.5 text-left text-sm hover:bg-muted/50"
      >
        <ChevronRight className={cn('size-4 shrink-0 text-muted-foreground transition-transform', open && 'rotate-90')} />
        <span className="min-w-0 flex-1 truncate">
          <span className="font-medium">{chain.scanRun.scanName}</span>
          <span className="text-muted-foreground"> on {chain.scanRun.dataSourceName}</span>
        </span>
        <span className="hidden text-xs text-muted-foreground sm:inline">{formatDateTime(chain.scanRun.finishedAt)}</span>
        <Badge variant={chain.findings.length ? 'warning' : 'secondary'}>{chain.findings.length} raised</Badge>
        <Badge variant={resolved ? 'success' : 'secondary'}>{resolved} resolved</Badge>
      </button>
      {open ? (
        <div className="grid gap-3 bg-muted/30 px-10 py-3 text-sm">
          <div className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
            <Link href={chain.scanRun.href} className="text-primary hover:underline">
              Scan runs of {chain.scanRun.dataSourceName}
            </Link>
            <span>Trigger: {chain.scanRun.trigger}</span>
            {chain.evaluations.map((e) => (
              <span key={e.id}>
                {e.frameworkName}: {e.opened} opened, {e.resolved} resolved
              </span>
            ))}
          </div>
          {chain.resolvedBy.length ? (
            <div className="flex flex-wrap gap-2 text-xs">
              {chain.resolvedBy.map((r) => (
                <span key={`${r.kind}:${r.workflowId ?? r.id}`} className="rounded border bg-background px-2 py-1">
                  {kindLabel[r.kind]}: {r.href ? <Link href={r.href} className="text-primary hover:underline">{r.name}</Link> : r.name} · {r.count}
                </span>
              ))}
            </div>
          ) : null}
          {chain.findings.length === 0 ? (
            <p className="text-xs text-muted-foreground">This run raised no new findings.</p>
          ) : (
            <table className="w-full text-xs">
              <thead className="text-left text-muted-foreground">
                <tr>
                  <th className="py-1 font-medium">Rule</th>
                  <th className="py-1 font-medium">Asset</th>
                  <th className="py-1 font-medium">Severity</th>
                  <th className="py-1 font-medium">Resolved by</th>
                </tr>
              </thead>
              <tbody>
                {chain.findings.slice(0, 50).map((f) => (
                  <tr key={f.id} className="border-t">
                    <td className="py-1 pr-2">
                      <Link href={f.href} className="text-primary hover:underline" title={f.title}>
                        {f.ruleCode}
                      </Link>
                    </td>
                    <td className="py-1 pr-2 font-mono">{f.assetName}</td>
                    <td className="py-1 pr-2">
                      <Badge variant={severityVariant(f.severity)}>{f.severity}</Badge>
                    </td>
                    <td className="py-1">
                      {f.resolvedBy ? (
                        <span>
                          {kindLabel[f.resolvedBy.kind]} · {f.resolvedBy.href ? <Link href={f.resolvedBy.href} className="text-primary hover:underline">{f.resolvedBy.name}</Link> : f.resolvedBy.name}
                        </span>
                      ) : (
                        <span className="text-muted-foreground">{f.status}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {chain.findings.length > 50 ? <p className="text-xs text-muted-foreground">and {chain.findings.length - 50} more findings</p> : null}
        </div>
      ) : null}
    </li>
  );
}
