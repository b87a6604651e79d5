'use client';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { ShieldQuestion } from 'lucide-react';
import { Badge, Card, CardContent, CardDescription, CardHeader, CardTitle, DataTable, type DataTableColumn, EmptyState, ErrorState, PageHeader, Skeleton } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { formatDate } from '~/lib/format';

type View = RouterOutputs['user']['effectivePermissions'];
type ScopeView = View['scopes'][number];
type PermissionRow = ScopeView['permissions'][number];
type Through = PermissionRow['through'][number];

const scopeLabel = { global: 'Global', workspace: 'Workspace', datasource: 'Data source' } as const;

/** How a role reached the user, in words: the route and, for a time-bound assignment, until when. */
function routeOf(t: Through, at: ScopeView['scope']): string {
  const elsewhere = t.grantedAt.type !== at.type ? ` of ${scopeLabel[t.grantedAt.type].toLowerCase()} ${t.grantedAt.name}` : '';
  if (t.via === 'global') return 'global role';
  if (t.via === 'workspace-member') return `workspace membership${elsewhere}`;
  return `assignment${elsewhere}${t.expiresAt ? ` until ${formatDate(t.expiresAt)}` : ''}`;
}

export function PermissionsPage() {
  const trpc = useTRPC();
  const userId = useSearchParams().get('user') ?? undefined;
  const view = useQuery(trpc.user.effectivePermissions.queryOptions(userId ? { userId } : {}));
  const me = useQuery(trpc.user.me.queryOptions(undefined, { staleTime: 60_000 }));
  const someoneElse = view.data && me.data && view.data.user.id !== me.data.id;

  return (
    <>
      <PageHeader
        breadcrumb={someoneElse ? <Link href="/admin/users">Users &amp; roles</Link> : 'Settings'}
        title={someoneElse ? `Permissions of ${view.data.user.name}` : 'Your permissions'}
        description="What can be done, where, and through which role. Global roles apply everywhere; below them, each workspace and data source with a role of its own."
      />
      {view.isPending ? (
        <div className="grid gap-4">
          <Skeleton className="h-48 w-full" />
          <Skeleton className="h-48 w-full" />
        </div>
      ) : view.error ? (
        <ErrorState error={view.error} onRetry={() => void view.refetch()} />
      ) : view.data.scopes.every((s) => s.permissions.length === 0) ? (
        <EmptyState icon={<ShieldQuestion />} title="No permission anywhere" description="No role has been given yet. An admin can add one in Users & roles, or you can request access." />
      ) : (
        <div className="grid gap-6" data-testid="effective-permissions">
          {view.data.scopes.map((s) => (
            <ScopeCard key={`${s.scope.type}:${'id' in s.scope ? s.scope.id : ''}`} scope={s} />
          ))}
        </div>
      )}
    </>
  );
}

function ScopeCard({ scope }: { scope: ScopeView }) {
  const columns: DataTableColumn<PermissionRow>[] = [
    {
      id: 'permission',
      header: 'Permission',
      cell: (p) => (
        <div>
          <code className="font-mono text-xs font-medium">{p.key}</code>
          <div className="text-xs text-muted-foreground">{p.description}</div>
        </div>
      ),
    },
    {
      id: 'through',
      header: 'Through',
      cell: (p) => (
        <div className="flex flex-wrap gap-1">
          {p.through.map((t, i) => (
            <Badge key={i} variant={t.via === 'global' ? 'default' : t.expiresAt ? 'warning' : 'secondary'} title={routeOf(t, scope.scope)}>
              {t.roleName} · {routeOf(t, scope.scope)}
            </Badge>
          ))}
        </div>
      ),
    },
  ];
  return (
    <Card data-testid="permission-scope" data-scope={scope.scope.type}>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {scope.scope.name}
          <Badge variant="outline">{scopeLabel[scope.scope.type]}</Badge>
        </CardTitle>
        <CardDescription>
          {scope.roles.length ? `Roles: ${scope.roles.map((r) => `${r.name}${r.requiresMfa ? ' (requires two-factor)' : ''}`).join(', ')}` : 'No role here.'}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <DataTable
          label={`Permissions in ${scope.scope.name}`}
          columns={columns}
          data={scope.permissions}
          getRowId={(p) => p.key}
          rowTestId="permission-row"
          rowData={(p) => ({ 'data-permission': p.key })}
          empty={<EmptyState title="Nothing granted here" />}
        />
      </CardContent>
    </Card>
  );
}
