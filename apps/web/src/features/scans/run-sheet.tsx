'use client';
import * as React from 'react';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { AlertTriangle, ArrowRight, GitCompareArrows, Minus, Plus, RefreshCw } from 'lucide-react';
import {
  Badge,
  Button,
  EmptyState,
  ErrorState,
  Sheet,
  SheetBody,
  SheetContent,
  SheetDescription,
  SheetHeader,
  SheetTitle,
  Skeleton,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { formatDateTime } from '~/lib/format';
import { DriftCounts, formatDuration, isActive, type RunDetail } from './bits';
import { RunProgress } from './run-progress';

type Change = RunDetail['changes'][number];
type ChangeKind = Change['change'];

const changeMeta: Record<
  ChangeKind,
  { icon: React.ReactNode; variant: 'success' | 'destructive' | 'warning' }
> = {
  added: { icon: <Plus />, variant: 'success' },
  removed: { icon: <Minus />, variant: 'destructive' },
  changed: { icon: <GitCompareArrows />, variant: 'warning' },
};

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const show = (v: unknown) =>
  v === undefined
    ? '—'
    : v === null
      ? 'null'
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);

function ChangeRow({ change }: { change: Change }) {
  const before = record(change.before);
  const after = record(change.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const differing =
    change.change === 'changed' ? keys.filter((k) => show(before[k]) !== show(after[k])) : [];
  const meta = changeMeta[change.change];
  return (
    <li
      className="grid gap-1.5 border-b py-2.5 last:border-0"
      data-testid="drift-change"
      data-change={change.change}
    >
      <div className="flex min-w-0 items-center gap-2">
        <Badge variant={meta.variant}>
          {meta.icon}
          {change.change}
        </Badge>
        <span className="text-xs text-muted-foreground">{change.assetType}</span>
        <code className="min-w-0 truncate font-mono text-xs" title={change.qualifiedName}>
          {change.qualifiedName}
        </code>
      </div>
      {change.change === 'changed' ? (
        <ul className="grid gap-0.5 pl-2 text-xs">
          {differing.map((k) => (
            <li key={k} className="flex flex-wrap items-center gap-1.5">
              <span className="text-muted-foreground">{k}</span>
              <code className="rounded bg-destructive/10 px-1 font-mono text-destructive line-through">
                {show(before[k])}
              </code>
              <ArrowRight className="size-3 text-muted-foreground" />
              <code className="rounded bg-success/10 px-1 font-mono text-success">
                {show(after[k])}
              </code>
            </li>
          ))}
        </ul>
      ) : (
        <p className="pl-2 font-mono text-[11px] text-muted-foreground">
          {Object.entries(change.change === 'removed' ? before : after)
            .filter(([k, v]) => k !== 'removedAt' && v !== null && v !== undefined)
            .map(([k, v]) => `${k}: ${show(v)}`)
            .join(' · ')}
        </p>
      )}
    </li>
  );
}

function Drift({ run }: { run: RunDetail }) {
  const [kind, setKind] = React.useState<'all' | ChangeKind>('all');
  const total = run.driftAdded + run.driftRemoved + run.driftChanged;
  if (run.changes.length === 0)
    return (
      <EmptyState
        icon={<GitCompareArrows />}
        title={total > 0 ? 'Baseline scan' : 'No schema drift'}
        description={
          total > 0
            ? `The first scan of a source is the baseline: it catalogued ${run.driftAdded.toLocaleString()} tables and columns, and later runs are compared with it.`
            : 'Tables, views and columns are exactly as the previous scan left them.'
        }
      />
    );
  const counts = { added: run.driftAdded, removed: run.driftRemoved, changed: run.driftChanged };
  const changes = kind === 'all' ? run.changes : run.changes.filter((c) => c.change === kind);
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap gap-1.5" role="group" aria-label="Filter drift">
        {(['all', 'added', 'removed', 'changed'] as const).map((k) => (
          <Button
            key={k}
            size="sm"
            variant={kind === k ? 'secondary' : 'ghost'}
            aria-pressed={kind === k}
            onClick={() => setKind(k)}
            className="capitalize"
          >
            {k}{' '}
            <span className="tabular-nums text-muted-foreground">
              {k === 'all' ? total : counts[k]}
            </span>
          </Button>
        ))}
      </div>
      <ul data-testid="drift-list">
        {changes.map((c) => (
          <ChangeRow key={c.id} change={c} />
        ))}
      </ul>
      {run.changes.length >= 1000 ? (
        <p className="text-xs text-muted-foreground">Showing the first 1,000 changes.</p>
      ) : null}
    </div>
  );
}

export function RunSheet({
  runId,
  onOpenChange,
}: {
  runId: string | null;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const run = useQuery({
    ...trpc.scan.getRun.queryOptions({ runId: runId ?? '' }),
    enabled: !!runId,
    refetchInterval: (q) => (isActive(q.state.data?.status) ? 1500 : false),
  });
  const data = run.data;
  const tableErrors = (Array.isArray(data?.tableErrors) ? data.tableErrors : []) as {
    table: string;
    error: string;
  }[];
  const timings = Object.entries(
    (data?.timings && typeof data.timings === 'object' ? data.timings : {}) as Record<
      string,
      number
    >,
  );
  return (
    <Sheet open={!!runId} onOpenChange={onOpenChange}>
      <SheetContent className="max-w-2xl" data-testid="run-sheet" aria-describedby={undefined}>
        <SheetHeader>
          <SheetTitle>{data ? data.scan.name : 'Scan run'}</SheetTitle>
          <SheetDescription>
            {data ? (
              <>
                <Link
                  href={`/datasources/${data.dataSource.id}?tab=scans`}
                  className="hover:underline"
                >
                  {data.dataSource.name}
                </Link>{' '}
                · {data.trigger} · queued {formatDateTime(data.queuedAt)}
              </>
            ) : (
              'Loading…'
            )}
          </SheetDescription>
        </SheetHeader>
        <SheetBody>
          {run.isPending ? (
            <div className="grid gap-3">
              <Skeleton className="h-16" />
              <Skeleton className="h-40" />
            </div>
          ) : run.isError ? (
            <ErrorState error={run.error} onRetry={() => void run.refetch()} />
          ) : (
            <div className="grid gap-5">
              <RunProgress run={run.data} />
              <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
                {(
                  [
                    ['Started', formatDateTime(run.data.startedAt)],
                    ['Finished', formatDateTime(run.data.finishedAt)],
                    ['Duration', formatDuration(run.data.startedAt, run.data.finishedAt)],
                    ['Columns scanned', run.data.columnsScanned.toLocaleString()],
                    ['Attempts', run.data.attempts],
                    ['Drift', <DriftCounts key="d" run={run.data} />],
                  ] as [string, React.ReactNode][]
                ).map(([k, v]) => (
                  <div key={k} className="min-w-0">
                    <dt className="text-xs text-muted-foreground">{k}</dt>
                    <dd className="truncate">{v}</dd>
                  </div>
                ))}
              </dl>
              <div className="flex flex-wrap gap-2">
                <Button asChild size="sm" variant="outline">
                  <Link href={`/classifications?source=${run.data.dataSource.id}`}>
                    Review its labels
                  </Link>
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => void run.refetch()}
                  disabled={run.isFetching}
                >
                  <RefreshCw />
                  Refresh
                </Button>
              </div>
              <Tabs defaultValue={tableErrors.length ? 'errors' : 'drift'}>
                <TabsList>
                  <TabsTrigger value="drift">Drift</TabsTrigger>
                  <TabsTrigger value="errors">
                    Table errors{' '}
                    <span className="text-xs tabular-nums text-muted-foreground">
                      {tableErrors.length}
                    </span>
                  </TabsTrigger>
                  <TabsTrigger value="timings">Timings</TabsTrigger>
                </TabsList>
                <TabsContent value="drift">
                  <Drift run={run.data} />
                </TabsContent>
                <TabsContent value="errors">
                  {tableErrors.length ? (
                    <ul className="grid gap-2" data-testid="table-errors">
                      {tableErrors.map((e, i) => (
                        <li
                          key={i}
                          className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm"
                        >
                          <div className="flex items-center gap-2 font-mono text-xs font-medium">
                            <AlertTriangle className="size-3.5 text-destructive" />
                            {e.table}
                          </div>
                          <p className="mt-1 text-muted-foreground">{e.error}</p>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <EmptyState title="Every table was scanned" />
                  )}
                </TabsContent>
                <TabsContent value="timings">
                  {timings.length ? (
                    <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
                      {timings.map(([k, ms]) => (
                        <div key={k} className="contents">
                          <dt className="text-muted-foreground">{k}</dt>
                          <dd className="tabular-nums">{ms.toLocaleString()} ms</dd>
                        </div>
                      ))}
                    </dl>
                  ) : (
                    <EmptyState title="No timings recorded yet" />
                  )}
                </TabsContent>
              </Tabs>
            </div>
          )}
        </SheetBody>
      </SheetContent>
    </Sheet>
  );
}
