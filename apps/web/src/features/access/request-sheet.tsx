'use client';
import { useQuery } from '@tanstack/react-query';
import { Check, X } from 'lucide-react';
import {
  Button,
  ErrorState,
  Sheet,
  SheetBody,
  SheetContent,
  SheetDescription,
  SheetHeader,
  SheetTitle,
  Skeleton,
} from '@racine/ui';
import { formatDateTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import type { Decision } from './decide-request-dialog';
import { ExpiryCountdown, formatDuration, RequestStatusBadge } from './request-status';

type Request = RouterOutputs['accessRequest']['get'];

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** One request in full (what a notification's link opens), with its decision buttons. */
export function RequestSheet({
  requestId,
  onOpenChange,
  onDecide,
}: {
  requestId: string | null;
  onOpenChange: (open: boolean) => void;
  onDecide: (request: Request, decision: Decision) => void;
}) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.accessRequest.get.queryOptions({ id: requestId ?? '' }),
    enabled: !!requestId,
    retry: false,
  });
  const r = query.data;
  return (
    <Sheet open={!!requestId} onOpenChange={onOpenChange}>
      <SheetContent className="max-w-lg" data-testid="request-sheet">
        <SheetHeader>
          <SheetTitle>
            {r ? `${r.requesterName} requests ${r.roleName}` : 'Access request'}
          </SheetTitle>
          <SheetDescription>
            {r ? `on ${r.scopeName}` : query.isError ? '' : 'Loading…'}
          </SheetDescription>
        </SheetHeader>
        <SheetBody>
          {query.isPending ? (
            <div className="grid gap-2">
              <Skeleton className="h-6" />
              <Skeleton className="h-6" />
              <Skeleton className="h-20" />
            </div>
          ) : query.isError ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : r ? (
            <div className="grid gap-4">
              <dl className="divide-y">
                <Row label="Status">
                  <span className="flex items-center gap-2">
                    <RequestStatusBadge status={r.status} expiresAt={r.expiresAt} />
                    {r.active && r.expiresAt ? <ExpiryCountdown expiresAt={r.expiresAt} /> : null}
                  </span>
                </Row>
                <Row label="Requester">
                  {r.requesterName}
                  {r.requesterEmail ? (
                    <span className="text-muted-foreground"> · {r.requesterEmail}</span>
                  ) : null}
                </Row>
                <Row label="Role">{r.roleName}</Row>
                <Row label="Scope">
                  {r.scopeName}{' '}
                  <span className="text-muted-foreground">
                    ({r.scopeType === 'workspace' ? 'workspace' : 'data source'})
                  </span>
                </Row>
                <Row label="Duration">{formatDuration(r.durationMinutes)}</Row>
                <Row label="Asked">{formatDateTime(r.createdAt)}</Row>
                <Row label="Justification">
                  <span className="whitespace-pre-wrap">{r.justification}</span>
                </Row>
                {r.decidedAt ? (
                  <Row label={r.status === 'cancelled' ? 'Cancelled' : 'Decided'}>
                    {formatDateTime(r.decidedAt)}
                    {r.decidedByName && r.status !== 'cancelled' ? ` by ${r.decidedByName}` : ''}
                    {r.decisionComment ? (
                      <span className="block text-muted-foreground">“{r.decisionComment}”</span>
                    ) : null}
                  </Row>
                ) : null}
                {r.expiresAt ? <Row label="Access ends">{formatDateTime(r.expiresAt)}</Row> : null}
              </dl>
              {r.canDecide ? (
                <div className="flex gap-2">
                  <Button onClick={() => onDecide(r, 'approve')} data-testid="sheet-approve">
                    <Check />
                    Approve
                  </Button>
                  <Button
                    variant="outline"
                    className="text-destructive"
                    onClick={() => onDecide(r, 'reject')}
                  >
                    <X />
                    Reject
                  </Button>
                </div>
              ) : null}
            </div>
          ) : null}
        </SheetBody>
      </SheetContent>
    </Sheet>
  );
}
