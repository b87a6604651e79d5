'use client';
import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FileCheck } from 'lucide-react';
import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  ConfirmDialog,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  EmptyState,
  ErrorState,
  PageHeader,
  Skeleton,
  toast,
} from '@racine/ui';
import { Markdown } from '~/features/catalog/markdown';
import { formatDate } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { StandingBadge } from './standing-badge';

type Mine = RouterOutputs['attestation']['mine']['items'][number];

function dueLine(p: Mine) {
  if (p.standing === 'done')
    return `Attested ${formatDate(p.lastAttestedAt)} · due again ${formatDate(p.dueAt)}`;
  if (p.standing === 'due')
    return `Due since ${formatDate(p.dueAt)} · overdue from ${formatDate(p.overdueAt)}`;
  return `Overdue since ${formatDate(p.overdueAt)}`;
}

/** /settings/attestations: the policies that apply to me; read one, then attest. */
export function MyAttestationsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.attestation.mine.queryOptions({}));
  const [reading, setReading] = React.useState<Mine | null>(null);
  const [confirming, setConfirming] = React.useState(false);
  const attest = useMutation(
    trpc.attestation.attest.mutationOptions({
      onSuccess: (r) => {
        toast.success(`Attested “${reading?.title}”; due again ${formatDate(r.dueAt)}`);
        setConfirming(false);
        setReading(null);
        // Roles a blocking policy suspended count again: refresh everything permission-shaped.
        void queryClient.invalidateQueries();
      },
      onError: (error) => {
        toast.fromError(error, 'Could not record the attestation');
        setConfirming(false);
        void queryClient.invalidateQueries(trpc.attestation.pathFilter());
      },
    }),
  );

  return (
    <>
      <PageHeader
        title="Attestations"
        description="Policies you are asked to read and attest to, again every period."
      />
      {mine.isPending ? (
        <div className="grid gap-3">
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
        </div>
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : !mine.data.items.length ? (
        <EmptyState
          icon={<FileCheck />}
          title="Nothing to attest"
          description="When an admin publishes a policy that applies to you, it appears here."
        />
      ) : (
        <div className="grid gap-3">
          {mine.data.items.map((p) => (
            <Card key={p.id} data-testid="my-attestation" data-title={p.title}>
              <CardHeader className="flex flex-row items-start justify-between gap-4 space-y-0">
                <div className="grid gap-1">
                  <CardTitle className="flex items-center gap-2 text-base">
                    {p.title}
                    <StandingBadge standing={p.standing} />
                  </CardTitle>
                  <CardDescription>
                    Version {p.version} · every {p.periodDays} days · {dueLine(p)}
                  </CardDescription>
                </div>
                <Button
                  variant={p.standing === 'done' ? 'outline' : 'default'}
                  onClick={() => setReading(p)}
                  data-testid="read-policy"
                >
                  {p.standing === 'done' ? 'Read' : 'Read and attest'}
                </Button>
              </CardHeader>
              {p.blocks.length && p.standing !== 'done' ? (
                <CardContent className="pt-0 text-sm text-destructive">
                  {p.standing === 'overdue'
                    ? `Your ${p.blocks.join(', ')} role${p.blocks.length > 1 ? 's are' : ' is'} suspended until you attest.`
                    : `If this becomes overdue, your ${p.blocks.join(', ')} role${p.blocks.length > 1 ? 's' : ''} will be suspended.`}
                </CardContent>
              ) : null}
            </Card>
          ))}
        </div>
      )}
      <Dialog open={!!reading} onOpenChange={(o) => !o && !attest.isPending && setReading(null)}>
        <DialogContent className="max-w-2xl" data-testid="policy-reader">
          <DialogHeader>
            <DialogTitle>{reading?.title}</DialogTitle>
            <DialogDescription>
              Version {reading?.version}. Read it through; attesting records that you did, with the
              time.
            </DialogDescription>
          </DialogHeader>
          <div className="max-h-[55vh] overflow-y-auto rounded-md border p-4">
            {reading ? <Markdown>{reading.body}</Markdown> : null}
          </div>
          <DialogFooter>
            <Button variant="outline" onClick={() => setReading(null)}>
              Close
            </Button>
            {reading && reading.standing !== 'done' ? (
              <Button onClick={() => setConfirming(true)} data-testid="attest">
                I attest
              </Button>
            ) : null}
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Attest to “${reading?.title}”?`}
        description="You confirm that you have read this policy and will follow it."
        confirmLabel="I attest"
        pending={attest.isPending}
        onConfirm={() =>
          reading && attest.mutate({ policyId: reading.id, version: reading.version })
        }
      />
    </>
  );
}
