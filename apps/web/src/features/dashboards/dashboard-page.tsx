'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Copy, LayoutDashboard, MoreHorizontal, Pencil, Plus, RotateCcw, Star, Trash2 } from 'lucide-react';
import {
  Badge,
  Button,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  EmptyState,
  PageHeader,
  Skeleton,
  Spinner,
  StatusDot,
  toast,
} from '@racine/ui';
import { PageLoadError } from '~/components/page-load-error';
import { formatRelative } from '~/lib/format';
import { trpcErrorCode, useTRPC } from '~/trpc/react';
import { DashboardGrid } from './dashboard-grid';
import { DeleteDashboardDialog } from './delete-dashboard-dialog';
import { dashboardHref, type Widget, type WidgetState, widgetStateOf } from './types';
import { useDashboardLive } from './use-dashboard-live';
import { WidgetEditorDialog } from './widget-editor-dialog';
import { firstFreeSlot } from './placement';

/** The config of a widget without its place: what decides its numbers. */
const configOf = ({ x: _x, y: _y, w: _w, h: _h, ...rest }: Widget) => JSON.stringify(rest);

/**
 * One dashboard: its widgets on the grid, live. Edit mode works on a draft
 * (move, resize, add, configure, remove) until Save, which sends the version
 * it started from; if someone else saved first the server refuses and the
 * page offers to reload their version.
 */
export function DashboardPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const dashboard = useQuery(trpc.dashboard.get.queryOptions({ id }));
  const data = useQuery({ ...trpc.dashboard.data.queryOptions({ id }), enabled: dashboard.isSuccess });
  const [draft, setDraft] = React.useState<Widget[] | null>(null);
  const [baseVersion, setBaseVersion] = React.useState<number | null>(null);
  const [editorFor, setEditorFor] = React.useState<{ widget?: Widget } | null>(null);
  const [confirmDelete, setConfirmDelete] = React.useState(false);
  const editing = draft !== null;
  const live = useDashboardLive(id, { editing });
  const d = dashboard.data;
  // A dashboard just created opens in edit mode (?edit=1), once.
  const params = useSearchParams();
  const openedForEdit = React.useRef(false);
  React.useEffect(() => {
    if (!d || openedForEdit.current || !params.has('edit') || !d.canEdit) return;
    openedForEdit.current = true;
    setDraft(d.widgets);
    setBaseVersion(d.version);
    router.replace(dashboardHref(id));
  }, [d, params, router, id]);

  // Widgets added or reconfigured in the draft have no saved numbers yet: compute them as unsaved widgets.
  const saved = React.useMemo(() => new Map((d?.widgets ?? []).map((w) => [w.id, configOf(w)])), [d?.widgets]);
  const changed = (draft ?? []).filter((w) => saved.get(w.id) !== configOf(w));
  const draftData = useQuery({
    ...trpc.dashboard.data.queryOptions({ widgets: changed.length ? changed : [] }),
    enabled: changed.length > 0,
  });

  const widgets = draft ?? d?.widgets ?? [];
  const states: Record<string, WidgetState> = {};
  for (const w of widgets) {
    const fromDraft = changed.some((c) => c.id === w.id);
    states[w.id] = widgetStateOf(fromDraft ? draftData : data, w.id);
  }

  const reload = async () => {
    setDraft(null);
    await queryClient.invalidateQueries(trpc.dashboard.get.queryFilter({ id }));
    await queryClient.invalidateQueries(trpc.dashboard.data.queryFilter({ id }));
  };
  const save = useMutation(
    trpc.dashboard.update.mutationOptions({
      onSuccess: async (next) => {
        queryClient.setQueryData(trpc.dashboard.get.queryKey({ id }), next);
        setDraft(null);
        toast.success('Dashboard saved');
        await queryClient.invalidateQueries(trpc.dashboard.data.queryFilter({ id }));
        await queryClient.invalidateQueries(trpc.dashboard.list.pathFilter());
      },
      onError: (error) => {
        if (trpcErrorCode(error) === 'CONFLICT')
          toast.error('Someone else saved this dashboard first', {
            description: 'Reload to see their version; your edits here are not saved.',
            duration: 20_000,
            action: { label: 'Reload', onClick: () => void reload() },
          });
        else toast.fromError(error, 'Could not save the dashboard');
      },
    }),
  );
  const clone = useMutation(
    trpc.dashboard.clone.mutationOptions({
      onSuccess: async (copy) => {
        toast.success(`Copied to “${copy.name}”`);
        await queryClient.invalidateQueries(trpc.dashboard.list.pathFilter());
        router.push(dashboardHref(copy.id));
      },
      onError: (error) => toast.fromError(error, 'Could not copy the dashboard'),
    }),
  );
  const setDefault = useMutation(
    trpc.dashboard.setDefault.mutationOptions({
      onSuccess: async () => {
        toast.success('This is now your default dashboard');
        await queryClient.invalidateQueries(trpc.dashboard.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not set the default'),
    }),
  );

  if (dashboard.error)
    return (
      <PageLoadError
        error={dashboard.error}
        onRetry={() => void dashboard.refetch()}
        title="Dashboard"
        breadcrumb={<Link href="/dashboards?list">Dashboards</Link>}
        icon={<LayoutDashboard />}
        notFound="Dashboard not found"
        forbidden="You cannot open this dashboard"
        back={{ href: '/dashboards', label: 'All dashboards' }}
      />
    );
  if (!d)
    return (
      <div className="grid gap-4" data-testid="dashboard-loading">
        <Skeleton className="h-8 w-64" />
        <div className="grid grid-cols-4 gap-4">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-32" />
          ))}
        </div>
        <Skeleton className="h-72" />
      </div>
    );

  const placeFor = (w: number, h: number) => firstFreeSlot(widgets, w, h);
  const startEditing = () => {
    setDraft(d.widgets);
    setBaseVersion(d.version);
  };
  const upsert = (w: Widget) => setDraft((ws) => (ws ? (ws.some((x) => x.id === w.id) ? ws.map((x) => (x.id === w.id ? w : x)) : [...ws, w]) : ws));

  return (
    <>
      <PageHeader
        breadcrumb={<Link href="/dashboards?list">Dashboards</Link>}
        title={
          <span className="inline-flex items-center gap-2">
            {d.name}
            {d.isDefault ? (
              <Badge variant="outline" className="font-normal">
                <Star className="fill-current" /> Default
              </Badge>
            ) : null}
          </span>
        }
        description={
          <span className="inline-flex flex-wrap items-center gap-x-2">
            {d.description ? <span>{d.description}</span> : null}
            <span className="inline-flex items-center gap-1.5 text-xs" data-testid="live-status" data-status={live.status}>
              <StatusDot status={live.status === 'pending' ? 'healthy' : live.status === 'error' ? 'down' : 'unknown'} pulse={live.status === 'pending'} />
              {live.status === 'pending' ? 'Live' : live.status === 'error' ? 'Live updates lost' : 'Connecting…'}
              {data.data ? ` · updated ${formatRelative(data.data.asOf)}` : null}
            </span>
            {d.workspaceName ? <span className="text-xs">· Shared with {d.workspaceName}</span> : <span className="text-xs">· Personal</span>}
          </span>
        }
        actions={
          editing ? (
            <>
              <Button variant="outline" onClick={() => setEditorFor({})} data-testid="add-widget">
                <Plus /> Add widget
              </Button>
              <Button variant="ghost" onClick={() => setDraft(null)} disabled={save.isPending} data-testid="cancel-edit">
                Cancel
              </Button>
              <Button onClick={() => save.mutate({ id, version: baseVersion ?? d.version, widgets: draft })} disabled={save.isPending} data-testid="save-dashboard">
                {save.isPending ? <Spinner /> : null}
                Save
              </Button>
            </>
          ) : (
            <>
              {d.canEdit ? (
                <Button variant="outline" onClick={startEditing} data-testid="edit-dashboard">
                  <Pencil /> Edit
                </Button>
              ) : null}
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button variant="outline" size="icon" aria-label="More actions" data-testid="dashboard-actions">
                    <MoreHorizontal />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end">
                  <DropdownMenuItem onSelect={() => clone.mutate({ id })}>
                    <Copy /> Make a copy
                  </DropdownMenuItem>
                  {d.mine && !d.isDefault ? (
                    <DropdownMenuItem onSelect={() => setDefault.mutate({ id })}>
                      <Star /> Set as default
                    </DropdownMenuItem>
                  ) : null}
                  {d.builtInKey && d.canEdit ? (
                    <DropdownMenuItem onSelect={() => save.mutate({ id, version: d.version, reset: true })}>
                      <RotateCcw /> Reset to the built-in layout
                    </DropdownMenuItem>
                  ) : null}
                  {d.canEdit ? (
                    <>
                      <DropdownMenuSeparator />
                      <DropdownMenuItem className="text-destructive" onSelect={() => setConfirmDelete(true)}>
                        <Trash2 /> Delete
                      </DropdownMenuItem>
                    </>
                  ) : null}
                </DropdownMenuContent>
              </DropdownMenu>
            </>
          )
        }
      />
      {widgets.length === 0 ? (
        <EmptyState
          icon={<LayoutDashboard />}
          title="No widgets yet"
          description="Add KPIs, charts and lists from the metric catalogue; each one updates live."
          action={
            d.canEdit ? (
              <Button
                size="sm"
                onClick={() => {
                  if (!editing) startEditing();
                  setEditorFor({});
                }}
                data-testid="empty-add-widget"
              >
                <Plus /> Add widget
              </Button>
            ) : undefined
          }
        />
      ) : (
        <DashboardGrid
          widgets={widgets}
          states={states}
          editing={editing}
          onLayout={(positions) =>
            setDraft((ws) => {
              // The grid reports its layout after every render too: keep the same draft unless something moved.
              if (!ws || ws.every((w) => { const p = positions[w.id]; return !p || (p.x === w.x && p.y === w.y && p.w === w.w && p.h === w.h); })) return ws;
              return ws.map((w) => ({ ...w, ...(positions[w.id] ?? {}) }));
            })
          }
          onConfigure={(wid) => setEditorFor({ widget: widgets.find((w) => w.id === wid) })}
          onRemove={(wid) => setDraft((ws) => (ws ? ws.filter((w) => w.id !== wid) : ws))}
        />
      )}
      {editorFor ? (
        <WidgetEditorDialog
          key={editorFor.widget?.id ?? 'new'}
          open
          onOpenChange={(open) => !open && setEditorFor(null)}
          initial={editorFor.widget}
          placeFor={placeFor}
          onDone={upsert}
        />
      ) : null}
      <DeleteDashboardDialog
        dashboard={d}
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        onDeleted={async () => {
          await queryClient.invalidateQueries(trpc.dashboard.list.pathFilter());
          router.push('/dashboards');
        }}
      />
    </>
  );
}
