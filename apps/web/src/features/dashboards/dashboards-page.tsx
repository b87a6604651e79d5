'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Copy, LayoutDashboard, MoreHorizontal, Plus, Star, Trash2, Users } from 'lucide-react';
import {
  Badge,
  Button,
  Card,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  EmptyState,
  ErrorState,
  PageHeader,
  Skeleton,
  toast,
} from '@racine/ui';
import { formatRelative } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { NewDashboardDialog } from './new-dashboard-dialog';
import { DeleteDashboardDialog } from './delete-dashboard-dialog';
import { dashboardHref } from './types';

type DashboardView = RouterOutputs['dashboard']['list']['items'][number];

/**
 * Every dashboard the caller may open: their own, the built-in ones (their
 * personal copies, to personalise), and those shared with their workspaces.
 * Arriving here opens the default dashboard; the breadcrumb's `?list` stays.
 */
export function DashboardsPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const params = useSearchParams();
  const listOnly = params.has('list');
  const list = useQuery(trpc.dashboard.list.queryOptions({}));
  const [creating, setCreating] = React.useState(false);
  const defaultId = list.data?.defaultId ?? null;
  React.useEffect(() => {
    if (!listOnly && defaultId) router.replace(dashboardHref(defaultId));
  }, [listOnly, defaultId, router]);

  const items = list.data?.items ?? [];
  const builtIns = items.filter((d) => d.mine && d.builtInKey);
  const mine = items.filter((d) => d.mine && !d.builtInKey);
  const shared = items.filter((d) => !d.mine);
  const byWorkspace = [...new Set(shared.map((d) => d.workspaceName ?? 'Shared'))].map((ws) => ({ ws, items: shared.filter((d) => (d.workspaceName ?? 'Shared') === ws) }));

  return (
    <>
      <PageHeader
        title="Dashboards"
        description="Live views of posture, sensitive data, scans, findings and runs, composed from the metric catalogue."
        actions={
          <Button onClick={() => setCreating(true)} data-testid="new-dashboard">
            <Plus /> New dashboard
          </Button>
        }
      />
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending || (!listOnly && defaultId) ? (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="dashboards-loading">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-32" />
          ))}
        </div>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<LayoutDashboard />}
          title="No dashboards yet"
          description="Create one and add widgets from the metric catalogue."
          action={
            <Button size="sm" onClick={() => setCreating(true)}>
              <Plus /> New dashboard
            </Button>
          }
        />
      ) : (
        <div className="grid gap-8">
          <Section title="My dashboards" items={mine} empty="Dashboards you create show here." onCreate={() => setCreating(true)} />
          <Section title="Built-in" description="Your own copies of the built-in layouts: personalise them, or reset them to the original." items={builtIns} />
          {byWorkspace.map((g) => (
            <Section key={g.ws} title={`Shared with ${g.ws}`} items={g.items} />
          ))}
        </div>
      )}
      <NewDashboardDialog open={creating} onOpenChange={setCreating} />
    </>
  );
}

function Section({ title, description, items, empty, onCreate }: { title: string; description?: string; items: DashboardView[]; empty?: string; onCreate?: () => void }) {
  if (!items.length && !empty) return null;
  return (
    <section className="grid gap-3" aria-label={title}>
      <div>
        <h2 className="text-sm font-semibold">{title}</h2>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {items.length ? (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((d) => (
            <DashboardCard key={d.id} dashboard={d} />
          ))}
        </div>
      ) : (
        <Card className="flex items-center justify-between gap-3 border-dashed px-5 py-4 text-sm text-muted-foreground">
          {empty}
          {onCreate ? (
            <Button size="sm" variant="outline" onClick={onCreate}>
              <Plus /> New dashboard
            </Button>
          ) : null}
        </Card>
      )}
    </section>
  );
}

function DashboardCard({ dashboard: d }: { dashboard: DashboardView }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirmDelete, setConfirmDelete] = React.useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.dashboard.list.pathFilter());
  const clone = useMutation(
    trpc.dashboard.clone.mutationOptions({
      onSuccess: async (copy) => {
        toast.success(`Copied to “${copy.name}”`);
        await refresh();
        router.push(dashboardHref(copy.id));
      },
      onError: (error) => toast.fromError(error, 'Could not copy the dashboard'),
    }),
  );
  const setDefault = useMutation(
    trpc.dashboard.setDefault.mutationOptions({
      onSuccess: async () => {
        toast.success(`“${d.name}” is now your default dashboard`);
        await refresh();
      },
      onError: (error) => toast.fromError(error, 'Could not set the default'),
    }),
  );
  return (
    <Card className="group relative flex flex-col gap-2 p-4 transition-colors hover:border-primary/40" data-testid="dashboard-card" data-name={d.name}>
      <div className="flex items-start gap-2">
        <Link href={dashboardHref(d.id)} className="min-w-0 flex-1 after:absolute after:inset-0">
          <h3 className="truncate font-medium">{d.name}</h3>
        </Link>
        {d.isDefault ? (
          <Badge variant="default" className="shrink-0">
            <Star className="fill-current" /> Default
          </Badge>
        ) : null}
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="icon" className="relative z-10 -mr-2 -mt-1 size-7" aria-label={`Actions for ${d.name}`} data-testid="dashboard-card-actions">
              <MoreHorizontal className="size-4" />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuItem onSelect={() => clone.mutate({ id: d.id })}>
              <Copy /> Make a copy
            </DropdownMenuItem>
            {d.mine && !d.isDefault ? (
              <DropdownMenuItem onSelect={() => setDefault.mutate({ id: d.id })}>
                <Star /> Set as default
              </DropdownMenuItem>
            ) : null}
            {d.canEdit ? (
              <>
                <DropdownMenuSeparator />
                <DropdownMenuItem className="text-destructive" onSelect={() => setConfirmDelete(true)} data-testid="delete-dashboard">
                  <Trash2 /> Delete
                </DropdownMenuItem>
              </>
            ) : null}
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
      <p className="line-clamp-2 min-h-10 text-sm text-muted-foreground">{d.description || 'No description'}</p>
      <div className="flex items-center gap-2 text-xs text-muted-foreground">
        <span>
          {d.widgets.length} {d.widgets.length === 1 ? 'widget' : 'widgets'}
        </span>
        <span>·</span>
        <span>updated {formatRelative(d.updatedAt)}</span>
        {d.workspaceName ? (
          <span className="ml-auto inline-flex items-center gap-1">
            <Users className="size-3" /> {d.mine ? d.workspaceName : d.ownerName}
          </span>
        ) : null}
      </div>
      <DeleteDashboardDialog
        dashboard={d}
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        onDeleted={refresh}
      />
    </Card>
  );
}
