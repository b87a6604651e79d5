'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Copy, ListChecks, Lock, MoreHorizontal, Plus, Trash2 } from 'lucide-react';
import {
  Badge,
  Button,
  ConfirmDialog,
  DataTable,
  type DataTableColumn,
  DataTableSearch,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  EmptyState,
  PageHeader,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useCurrentUser } from '~/components/shell/current-user';
import { formatRelative } from '~/lib/format';
import { customRuleCount, type RuleSetRow } from './bits';
import { DuplicateRuleSetDialog } from './duplicate-dialog';

export function RuleSetsPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { canCreateWorkspace: canManage } = useCurrentUser();
  const list = useQuery(trpc.scanRuleSet.list.queryOptions());
  const [search, setSearch] = React.useState('');
  const [duplicating, setDuplicating] = React.useState<RuleSetRow | null>(null);
  const [deleting, setDeleting] = React.useState<RuleSetRow | null>(null);
  const remove = useMutation(
    trpc.scanRuleSet.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(`Rule set “${deleting?.name}” deleted`);
        setDeleting(null);
        await queryClient.invalidateQueries(trpc.scanRuleSet.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not delete the rule set'),
    }),
  );

  const q = search.trim().toLowerCase();
  const rows = list.data?.filter(
    (r) => !q || r.name.toLowerCase().includes(q) || r.description.toLowerCase().includes(q),
  );

  const columns: DataTableColumn<RuleSetRow>[] = [
    {
      id: 'name',
      header: 'Name',
      cell: (r) => (
        <div className="min-w-0">
          <div className="flex items-center gap-2">
            <Link
              href={`/rule-sets/${r.id}`}
              className="font-medium hover:underline"
              onClick={(e) => e.stopPropagation()}
              data-testid="ruleset-link"
            >
              {r.name}
            </Link>
            {r.builtIn ? (
              <Badge
                variant="outline"
                title="Built-in rule sets are read-only; duplicate one to change it"
              >
                <Lock />
                built-in
              </Badge>
            ) : null}
          </div>
          {r.description ? (
            <p
              className="line-clamp-1 max-w-xl text-xs text-muted-foreground"
              title={r.description}
            >
              {r.description}
            </p>
          ) : null}
        </div>
      ),
    },
    {
      id: 'detectors',
      header: 'Detectors',
      className: 'whitespace-nowrap',
      cell: (r) =>
        r.detectors.length === 0 ? (
          <Badge variant="info">all</Badge>
        ) : (
          <span className="tabular-nums">{r.detectors.length}</span>
        ),
    },
    {
      id: 'rules',
      header: 'Custom rules',
      className: 'hidden md:table-cell tabular-nums',
      cell: (r) => customRuleCount(r) || <span className="text-muted-foreground">—</span>,
    },
    {
      id: 'sampling',
      header: 'Sampling',
      className: 'hidden lg:table-cell whitespace-nowrap text-muted-foreground',
      cell: (r) => `${r.sampleSize} ${r.sampleStrategy} · min ${r.minNonNull}`,
    },
    {
      id: 'auto',
      header: 'Auto-accept',
      className: 'hidden md:table-cell whitespace-nowrap',
      cell: (r) =>
        r.autoAcceptThreshold === null ? (
          <span className="text-muted-foreground">review all</span>
        ) : (
          <span className="tabular-nums">≥ {Math.round(r.autoAcceptThreshold * 100)}%</span>
        ),
    },
    {
      id: 'used',
      header: 'Used by',
      className: 'whitespace-nowrap tabular-nums',
      cell: (r) => (
        <span className={r._count.scans ? '' : 'text-muted-foreground'}>
          {r._count.scans} {r._count.scans === 1 ? 'scan' : 'scans'}
        </span>
      ),
    },
    {
      id: 'updated',
      header: 'Updated',
      className: 'hidden xl:table-cell text-muted-foreground whitespace-nowrap',
      cell: (r) => formatRelative(r.updatedAt),
    },
    {
      id: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'w-12 text-right',
      cell: (r) =>
        canManage ? (
          <span onClick={(e) => e.stopPropagation()}>
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${r.name}`}>
                  <MoreHorizontal />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                <DropdownMenuItem onSelect={() => setDuplicating(r)}>
                  <Copy />
                  Duplicate
                </DropdownMenuItem>
                {r.builtIn ? null : (
                  <>
                    <DropdownMenuSeparator />
                    <DropdownMenuItem destructive onSelect={() => setDeleting(r)}>
                      <Trash2 />
                      Delete
                    </DropdownMenuItem>
                  </>
                )}
              </DropdownMenuContent>
            </DropdownMenu>
          </span>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title="Scan rule sets"
        description="What a scan looks at and how it labels: scope patterns, sampling, detectors and custom rules."
        actions={
          canManage ? (
            <Button asChild data-testid="new-ruleset">
              <Link href="/rule-sets/new">
                <Plus />
                New rule set
              </Link>
            </Button>
          ) : null
        }
      />
      <DataTable
        label="Scan rule sets"
        columns={columns}
        data={rows}
        getRowId={(r) => r.id}
        rowTestId="ruleset-row"
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        onRowClick={(r) => router.push(`/rule-sets/${r.id}`)}
        toolbar={
          <DataTableSearch
            value={search}
            onChange={setSearch}
            placeholder="Search rule sets…"
            label="Search rule sets"
          />
        }
        empty={
          <EmptyState
            icon={<ListChecks />}
            title={q ? 'No rule set matches' : 'No rule set yet'}
            description={
              q ? 'Try another search.' : 'Create one, or duplicate a built-in rule set.'
            }
          />
        }
        footer={
          rows?.length ? (
            <p className="text-sm text-muted-foreground">
              {rows.length} {rows.length === 1 ? 'rule set' : 'rule sets'}
            </p>
          ) : null
        }
      />
      <DuplicateRuleSetDialog
        ruleSet={duplicating}
        onOpenChange={(open) => !open && setDuplicating(null)}
      />
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Delete ${deleting?.name ?? ''}?`}
        description={
          deleting?._count.scans
            ? `${deleting._count.scans} scan(s) use it: point them at another rule set first.`
            : 'Scans no longer use it; the labels it produced stay.'
        }
        confirmLabel="Delete rule set"
        destructive
        pending={remove.isPending}
        confirmDisabled={!!deleting?._count.scans}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      />
    </>
  );
}
