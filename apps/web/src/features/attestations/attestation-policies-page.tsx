'use client';
import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Archive, FileCheck, Pencil, Plus, Send, Users } from 'lucide-react';
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
import { formatDate } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { PolicyDialog } from './policy-dialog';
import { PolicyStatusSheet } from './policy-status-sheet';

type Policy = RouterOutputs['attestation']['policies'][number];

function stateOf(p: Policy) {
  if (p.archivedAt) return { label: 'archived', variant: 'secondary' } as const;
  if (p.publishedAt) return { label: 'published', variant: 'success' } as const;
  return { label: 'draft', variant: 'outline' } as const;
}

/** /admin/attestations: the policies people must attest to, and who has. */
export function AttestationPoliciesPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policies = useQuery(trpc.attestation.policies.queryOptions({ includeArchived: true }));
  const [editing, setEditing] = React.useState<{ policy: Policy | null } | null>(null);
  const [confirm, setConfirm] = React.useState<{
    policy: Policy;
    action: 'publish' | 'archive';
  } | null>(null);
  const [statusOf, setStatusOf] = React.useState<string | null>(null);

  const after = (message: string) => {
    toast.success(message);
    setConfirm(null);
    void queryClient.invalidateQueries(trpc.attestation.pathFilter());
  };
  const publish = useMutation(
    trpc.attestation.publish.mutationOptions({
      onSuccess: (p) => after(`“${p.title}” published: people are asked to attest`),
      onError: (error) => toast.fromError(error, 'Could not publish'),
    }),
  );
  const archive = useMutation(
    trpc.attestation.archive.mutationOptions({
      onSuccess: (p) => after(`“${p.title}” archived`),
      onError: (error) => toast.fromError(error, 'Could not archive'),
    }),
  );

  const columns: DataTableColumn<Policy>[] = [
    {
      id: 'title',
      header: 'Policy',
      cell: (p) => (
        <div className="grid min-w-0">
          <span className="truncate font-medium">{p.title}</span>
          <span className="text-xs text-muted-foreground">
            v{p.version} · every {p.periodDays} days{p.graceDays ? ` + ${p.graceDays} grace` : ''} ·{' '}
            {p.requiredRoleKeys.length ? p.requiredRoleKeys.join(', ') : 'everyone'}
          </span>
        </div>
      ),
    },
    {
      id: 'state',
      header: 'State',
      className: 'whitespace-nowrap',
      cell: (p) => {
        const s = stateOf(p);
        return (
          <div className="flex flex-wrap gap-1">
            <Badge variant={s.variant}>{s.label}</Badge>
            {p.blockRoles ? <Badge variant="destructive">blocks roles</Badge> : null}
          </div>
        );
      },
    },
    {
      id: 'counts',
      header: 'Attested / due / overdue',
      className: 'hidden md:table-cell whitespace-nowrap',
      cell: (p) =>
        p.publishedAt && !p.archivedAt ? (
          <span className="tabular-nums" data-testid="policy-counts">
            <span className="text-success">{p.attested}</span> / <span>{p.due}</span> /{' '}
            <span className={p.overdue ? 'font-medium text-destructive' : ''}>{p.overdue}</span>
            <span className="text-muted-foreground"> of {p.required}</span>
          </span>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      id: 'published',
      header: 'Published',
      className: 'hidden lg:table-cell whitespace-nowrap text-muted-foreground',
      cell: (p) => (p.publishedAt ? formatDate(p.publishedAt) : '—'),
    },
    {
      id: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'text-right',
      cell: (p) =>
        p.archivedAt ? null : (
          <div className="flex justify-end gap-1.5" onClick={(e) => e.stopPropagation()}>
            {p.publishedAt ? (
              <Button size="sm" variant="outline" onClick={() => setStatusOf(p.id)}>
                <Users />
                Status
              </Button>
            ) : (
              <Button
                size="sm"
                onClick={() => setConfirm({ policy: p, action: 'publish' })}
                data-testid="publish-policy"
              >
                <Send />
                Publish
              </Button>
            )}
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Edit ${p.title}`}
              onClick={() => setEditing({ policy: p })}
            >
              <Pencil />
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Archive ${p.title}`}
              onClick={() => setConfirm({ policy: p, action: 'archive' })}
            >
              <Archive />
            </Button>
          </div>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Attestations"
        description="Policies people must read and attest to, again every period. Overdue people show on their Overview, and can lose roles if a policy blocks them."
        actions={
          <Button onClick={() => setEditing({ policy: null })} data-testid="new-policy">
            <Plus />
            New policy
          </Button>
        }
      />
      <DataTable
        label="Attestation policies"
        columns={columns}
        data={policies.data}
        getRowId={(p) => p.id}
        rowTestId="policy-row"
        rowData={(p) => ({ 'data-title': p.title })}
        isLoading={policies.isPending}
        error={policies.error}
        onRetry={() => void policies.refetch()}
        onRowClick={(p) => p.publishedAt && !p.archivedAt && setStatusOf(p.id)}
        empty={
          <EmptyState
            icon={<FileCheck />}
            title="No policy yet"
            description="Write an acceptable-use or data-handling policy; once published, people attest to it in Settings."
            action={
              <Button onClick={() => setEditing({ policy: null })}>
                <Plus />
                New policy
              </Button>
            }
          />
        }
      />
      <PolicyDialog
        open={!!editing}
        policy={editing?.policy ?? null}
        onOpenChange={(o) => !o && setEditing(null)}
      />
      <PolicyStatusSheet policyId={statusOf} onOpenChange={(o) => !o && setStatusOf(null)} />
      <ConfirmDialog
        open={!!confirm}
        onOpenChange={(o) => !o && setConfirm(null)}
        title={
          confirm?.action === 'publish'
            ? `Publish “${confirm.policy.title}”?`
            : `Archive “${confirm?.policy.title}”?`
        }
        description={
          confirm?.action === 'publish'
            ? 'Everyone it applies to is asked to attest from now on.'
            : 'Nobody is asked to attest to it any more, and it blocks nothing.'
        }
        confirmLabel={confirm?.action === 'publish' ? 'Publish' : 'Archive'}
        destructive={confirm?.action === 'archive'}
        pending={publish.isPending || archive.isPending}
        onConfirm={() => {
          if (!confirm) return;
          if (confirm.action === 'publish') publish.mutate({ id: confirm.policy.id });
          else archive.mutate({ id: confirm.policy.id });
        }}
      />
    </>
  );
}
