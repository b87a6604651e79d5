'use client';
import * as React from 'react';
import Link from 'next/link';
import { useMutation } from '@tanstack/react-query';
import { CalendarClock, MoreHorizontal, Pencil, Play, Square, Trash2 } from 'lucide-react';
import {
  Badge,
  Button,
  Card,
  CardContent,
  ConfirmDialog,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  Spinner,
  toast,
} from '@racine/ui';
import { TRPCClientError } from '@trpc/client';
import { useTRPC } from '~/trpc/react';
import { formatDateTime, formatRelative } from '~/lib/format';
import { isActive, type RunView, type ScanView } from './bits';
import { describeCron } from './cron';
import { RunProgress, type RunProgressState } from './run-progress';
import { ScanDialog } from './scan-dialog';
import { useInvalidateScans, useRunWatch } from './use-scans';

function endToast(run: RunView) {
  const counts = `${run.tablesDone}/${run.tablesTotal} tables · ${run.labelsSuggested} labels suggested${
    run.labelsAutoAccepted ? ` (${run.labelsAutoAccepted} auto-accepted)` : ''
  }`;
  if (run.status === 'succeeded')
    toast.success(`Scan “${run.scan.name}” finished`, { description: counts });
  else if (run.status === 'cancelled')
    toast.warning(`Scan “${run.scan.name}” cancelled`, { description: counts });
  else toast.error(`Scan “${run.scan.name}” failed`, { description: run.error ?? counts });
}

/** One scan: its settings, Run now / Cancel, and its latest run with live progress. */
export function ScanCard({
  scan,
  showSource = false,
  onOpenRun,
}: {
  scan: ScanView;
  showSource?: boolean;
  onOpenRun?: (runId: string) => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateScans();
  const [editing, setEditing] = React.useState(false);
  const [deleting, setDeleting] = React.useState(false);
  // A run started here shows at once, before the list refetches.
  const [started, setStarted] = React.useState<RunProgressState | null>(null);
  const listed = scan.runs[0] ?? null;
  const latest: RunProgressState | null =
    started && (!listed || listed.id !== started.id || isActive(listed.status)) ? started : listed;

  const watch = useRunWatch(latest?.id, isActive(latest?.status), (run) => {
    endToast(run);
    void invalidate();
  });
  const shown: RunProgressState | null = watch.live ?? latest;
  const active = isActive(shown?.status);

  const run = useMutation(
    trpc.scan.run.mutationOptions({
      onSuccess: async (queued) => {
        setStarted(queued);
        toast.info(`Scan “${scan.name}” queued`);
        await invalidate();
      },
      onError: async (error) => {
        // Already running (perhaps started elsewhere): show that run instead of an error.
        const runId =
          error instanceof TRPCClientError
            ? (error.data as { details?: { runId?: string } } | undefined)?.details?.runId
            : undefined;
        if (runId) {
          toast.info('This scan is already running');
          await invalidate();
        } else toast.fromError(error, 'Could not start the scan');
      },
    }),
  );
  const cancel = useMutation(
    trpc.scan.cancel.mutationOptions({
      onSuccess: async (r) => {
        toast.info(
          r.status === 'cancelled' ? 'Run cancelled' : 'Cancelling after the current table…',
        );
        await invalidate();
      },
      onError: (error) => toast.fromError(error, 'Could not cancel the run'),
    }),
  );
  const remove = useMutation(
    trpc.scan.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(`Scan “${scan.name}” deleted`);
        setDeleting(false);
        await invalidate();
      },
      onError: (error) => toast.fromError(error, 'Could not delete the scan'),
    }),
  );

  const scheduleText = scan.schedule
    ? (describeCron(scan.schedule) ?? scan.schedule)
    : 'Manual only';

  return (
    <Card data-testid="scan-card" data-scan-id={scan.id}>
      <CardContent className="grid gap-4 pt-5">
        <div className="flex flex-wrap items-start gap-3">
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="truncate font-semibold" data-testid="scan-name">
                {scan.name}
              </h3>
              {!scan.enabled ? <Badge variant="secondary">disabled</Badge> : null}
            </div>
            <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
              {showSource ? (
                <Link href={`/datasources/${scan.dataSource.id}`} className="hover:underline">
                  {scan.dataSource.name}
                </Link>
              ) : null}
              <span>
                Rule set{' '}
                <Link
                  href={`/rule-sets/${scan.ruleSet.id}`}
                  className="font-medium text-foreground hover:underline"
                >
                  {scan.ruleSet.name}
                </Link>
              </span>
              <span className="inline-flex items-center gap-1" title={scan.schedule ?? undefined}>
                <CalendarClock className="size-3.5" />
                {scheduleText}
                {scan.schedule ? (
                  <code className="font-mono text-[11px] opacity-80">({scan.schedule})</code>
                ) : null}
              </span>
              {scan.nextRunAt ? (
                <span title={formatDateTime(scan.nextRunAt)}>
                  next {formatRelative(scan.nextRunAt)}
                </span>
              ) : null}
            </div>
          </div>
          <div className="flex items-center gap-2">
            {active && shown ? (
              <Button
                variant="outline"
                size="sm"
                onClick={() => cancel.mutate({ runId: shown.id })}
                disabled={cancel.isPending || shown.cancelRequested}
                data-testid="cancel-run"
              >
                {cancel.isPending ? <Spinner /> : <Square />}
                Cancel
              </Button>
            ) : (
              <Button
                size="sm"
                onClick={() => run.mutate({ id: scan.id })}
                disabled={run.isPending}
                data-testid="run-scan"
              >
                {run.isPending ? <Spinner /> : <Play />}
                Run now
              </Button>
            )}
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="ghost" size="icon-sm" aria-label={`More actions for ${scan.name}`}>
                  <MoreHorizontal />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                <DropdownMenuItem onSelect={() => setEditing(true)}>
                  <Pencil />
                  Edit
                </DropdownMenuItem>
                <DropdownMenuSeparator />
                <DropdownMenuItem destructive onSelect={() => setDeleting(true)}>
                  <Trash2 />
                  Delete
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          </div>
        </div>
        {shown ? (
          <div className="grid gap-1.5 rounded-md border bg-muted/30 p-3">
            <div className="flex items-center justify-between text-xs text-muted-foreground">
              <span>
                {active ? 'Current run' : 'Latest run'} · queued{' '}
                <span title={formatDateTime(shown.queuedAt)}>{formatRelative(shown.queuedAt)}</span>
              </span>
              {onOpenRun ? (
                <button
                  type="button"
                  className="text-primary hover:underline cursor-pointer"
                  onClick={() => onOpenRun(shown.id)}
                >
                  Details
                </button>
              ) : null}
            </div>
            <RunProgress run={shown} live={watch.watching && watch.status === 'pending'} />
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">Never run. Press Run now to scan.</p>
        )}
      </CardContent>
      <ScanDialog open={editing} onOpenChange={setEditing} scan={scan} />
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete ${scan.name}?`}
        description="Its run history goes with it. What it catalogued and the labels stay."
        confirmLabel="Delete scan"
        destructive
        pending={remove.isPending}
        onConfirm={() => remove.mutate({ id: scan.id })}
      />
    </Card>
  );
}
