'use client';
import * as React from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Info, MailCheck } from 'lucide-react';
import {
  Badge,
  type BadgeProps,
  DataTable,
  type DataTableColumn,
  DataTableLoadMore,
  EmptyState,
  FilterSelect,
  PageHeader,
  Sheet,
  SheetBody,
  SheetContent,
  SheetDescription,
  SheetHeader,
  SheetTitle,
} from '@racine/ui';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';

type Email = RouterOutputs['notification']['outbox']['items'][number];
type Status = Email['status'];

const statusVariant: Record<Status, NonNullable<BadgeProps['variant']>> = {
  pending: 'warning',
  sent: 'success',
  failed: 'destructive',
  logged: 'secondary',
};
const statusOptions = (['pending', 'sent', 'failed', 'logged'] as const).map((s) => ({ value: s, label: s }));

/** Every email Racine sent or would have sent, with its delivery state; a sheet shows one in full. */
export function OutboxPage() {
  const trpc = useTRPC();
  const [status, setStatus] = React.useState<Status | null>(null);
  const [open, setOpen] = React.useState<Email | null>(null);
  const list = useInfiniteQuery({
    ...trpc.notification.outbox.infiniteQueryOptions(
      { limit: 50, ...(status ? { status } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
  const first = list.data?.pages[0];
  const rows = list.data?.pages.flatMap((p) => p.items);

  const columns: DataTableColumn<Email>[] = [
    {
      id: 'subject',
      header: 'Subject',
      cell: (e) => (
        <div className="grid min-w-0 max-w-md">
          <span className="truncate font-medium">{e.subject}</span>
          <span className="truncate text-xs text-muted-foreground">{e.toAddress}</span>
        </div>
      ),
    },
    { id: 'kind', header: 'Kind', className: 'hidden md:table-cell', cell: (e) => <span className="text-muted-foreground">{e.kind}</span> },
    {
      id: 'status',
      header: 'Status',
      className: 'whitespace-nowrap',
      cell: (e) => (
        <div className="grid gap-0.5">
          <Badge variant={statusVariant[e.status]} className="w-fit" data-testid="email-status">
            {e.status}
          </Badge>
          {e.attempts > 1 || e.error ? (
            <span className="text-xs text-muted-foreground">
              {e.attempts} attempt{e.attempts === 1 ? '' : 's'}
            </span>
          ) : null}
        </div>
      ),
    },
    {
      id: 'when',
      header: 'Queued',
      className: 'hidden lg:table-cell whitespace-nowrap',
      cell: (e) => (
        <span className="text-muted-foreground" title={formatDateTime(e.createdAt)}>
          {formatRelative(e.createdAt)}
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="Email outbox" description="Every email Racine sent, or would have sent: notifications, digests and invitations." />
      {first ? (
        <div
          className="mb-4 flex items-start gap-2 rounded-md border bg-card px-4 py-3 text-sm"
          data-testid="smtp-banner"
          data-configured={first.smtp.configured}
        >
          <Info className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
          {first.smtp.configured ? (
            <span>
              SMTP is configured: emails are sent from <span className="font-medium">{first.smtp.from}</span>, retried when the server refuses them.
            </span>
          ) : (
            <span>
              <span className="font-medium">SMTP not configured: emails are kept here, not sent.</span>{' '}
              <span className="text-muted-foreground">Set RACINE_SMTP_URL and RACINE_SMTP_FROM to send them.</span>
            </span>
          )}
        </div>
      ) : null}
      <DataTable
        label="Emails"
        columns={columns}
        data={rows}
        getRowId={(e) => e.id}
        rowTestId="email-row"
        rowData={(e) => ({ 'data-status': e.status, 'data-subject': e.subject })}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        onRowClick={setOpen}
        toolbar={
          <FilterSelect
            value={status}
            onChange={setStatus}
            options={statusOptions}
            allLabel="Any status"
            label="Status filter"
            className="w-40"
            data-testid="outbox-status-filter"
          />
        }
        empty={<EmptyState icon={<MailCheck />} title={status ? `No ${status} email` : 'No email yet'} description="Emails appear here as notifications go out." />}
        footer={
          rows?.length ? (
            <DataTableLoadMore count={rows.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
          ) : null
        }
      />
      <Sheet open={open !== null} onOpenChange={(o) => !o && setOpen(null)}>
        <SheetContent data-testid="email-sheet">
          {open ? (
            <>
              <SheetHeader>
                <SheetTitle>{open.subject}</SheetTitle>
                <SheetDescription>
                  To {open.toAddress} · {open.kind} · queued {formatDateTime(open.createdAt)}
                  {open.sentAt ? ` · sent ${formatDateTime(open.sentAt)}` : ''}
                </SheetDescription>
              </SheetHeader>
              <SheetBody className="grid content-start gap-4">
                <div className="flex items-center gap-2">
                  <Badge variant={statusVariant[open.status]}>{open.status}</Badge>
                  <span className="text-xs text-muted-foreground">
                    {open.attempts} attempt{open.attempts === 1 ? '' : 's'}
                  </span>
                </div>
                {open.error ? <p className="rounded-md border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm text-destructive">{open.error}</p> : null}
                <pre className="whitespace-pre-wrap break-words rounded-md border bg-muted/40 p-4 font-sans text-sm" data-testid="email-text">
                  {open.text}
                </pre>
              </SheetBody>
            </>
          ) : null}
        </SheetContent>
      </Sheet>
    </>
  );
}
