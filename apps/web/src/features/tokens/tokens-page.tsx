'use client';
import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { KeyRound, Plus, TriangleAlert } from 'lucide-react';
import {
  Badge,
  Button,
  ConfirmDialog,
  DataTable,
  type DataTableColumn,
  EmptyState,
  PageHeader,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { formatDate, formatDateTime, formatRelative } from '~/lib/format';
import { CreateTokenDialog } from './create-token-dialog';

type Token = RouterOutputs['user']['tokens'][number];

function tokenState(t: Token): {
  label: string;
  variant: 'success' | 'secondary' | 'destructive' | 'warning';
} {
  if (t.revokedAt) return { label: 'revoked', variant: 'secondary' };
  if (t.expiresAt && new Date(t.expiresAt).getTime() < Date.now())
    return { label: 'expired', variant: 'warning' };
  return { label: 'active', variant: 'success' };
}

const expiresSoon = (at: Date | string) => {
  const left = new Date(at).getTime() - Date.now();
  return left > 0 && left < 7 * 86_400_000;
};

export function TokensPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.user.tokens.queryOptions());
  const [createOpen, setCreateOpen] = React.useState(false);
  const [revoking, setRevoking] = React.useState<Token | null>(null);

  const revoke = useMutation(
    trpc.user.revokeApiToken.mutationOptions({
      onSuccess: async () => {
        toast.success(`Token “${revoking?.name ?? ''}” revoked`);
        setRevoking(null);
        await queryClient.invalidateQueries(trpc.user.tokens.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not revoke the token'),
    }),
  );

  const columns: DataTableColumn<Token>[] = [
    {
      id: 'name',
      header: 'Name',
      cell: (t) => (
        <div>
          <div className="font-medium">{t.name}</div>
          <code className="font-mono text-xs text-muted-foreground">{t.prefix}…</code>
        </div>
      ),
    },
    {
      id: 'state',
      header: 'Status',
      cell: (t) => {
        const s = tokenState(t);
        return <Badge variant={s.variant}>{s.label}</Badge>;
      },
    },
    {
      id: 'created',
      header: 'Created',
      cell: (t) => formatDate(t.createdAt),
      className: 'hidden md:table-cell',
    },
    {
      id: 'used',
      header: 'Last used',
      cell: (t) => (
        <span className="text-muted-foreground" title={t.lastUsedAt ? formatDateTime(t.lastUsedAt) : undefined}>
          {t.lastUsedAt ? formatRelative(t.lastUsedAt) : 'never'}
        </span>
      ),
    },
    {
      id: 'expires',
      header: 'Expires',
      cell: (t) => (
        <span className="text-muted-foreground" title={t.expiresAt ? formatDateTime(t.expiresAt) : undefined}>
          {t.expiresAt ? formatDate(t.expiresAt) : 'never'}
          {/* A live token about to expire says so, so it can be replaced in time. */}
          {t.expiresAt && !t.revokedAt && expiresSoon(t.expiresAt) ? (
            <span className="ml-1 text-warning">({formatRelative(t.expiresAt)})</span>
          ) : null}
        </span>
      ),
      className: 'hidden md:table-cell',
    },
    {
      id: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'w-24 text-right',
      cell: (t) =>
        t.revokedAt ? null : (
          <Button
            variant="ghost"
            size="sm"
            className="text-destructive hover:text-destructive"
            onClick={() => setRevoking(t)}
          >
            Revoke
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        breadcrumb="Settings"
        title="API tokens"
        description={
          <>
            Tokens let scripts and other services call the Racine API as you: send{' '}
            <code className="rounded bg-muted px-1 font-mono text-xs">
              Authorization: Bearer &lt;token&gt;
            </code>
            . They have your permissions, so keep them secret.
          </>
        }
        actions={
          <Button onClick={() => setCreateOpen(true)} data-testid="create-token">
            <Plus />
            New token
          </Button>
        }
      />
      <DataTable
        label="API tokens"
        columns={columns}
        data={tokens.data}
        getRowId={(t) => t.id}
        rowTestId="token-row"
        isLoading={tokens.isPending}
        error={tokens.error}
        onRetry={() => void tokens.refetch()}
        empty={
          <EmptyState
            icon={<KeyRound />}
            title="No API tokens"
            description="Create one to call the API from a script, a CI job or another service."
            action={
              <Button size="sm" onClick={() => setCreateOpen(true)}>
                <Plus />
                New token
              </Button>
            }
          />
        }
      />
      <CreateTokenDialog open={createOpen} onOpenChange={setCreateOpen} />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        description={
          <span className="flex gap-2">
            <TriangleAlert className="mt-0.5 size-4 shrink-0 text-warning" />
            Anything using this token stops working immediately. This cannot be undone.
          </span>
        }
        confirmLabel="Revoke token"
        destructive
        pending={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate({ tokenId: revoking.id })}
      />
    </>
  );
}
