'use client';
import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LogOut, MonitorSmartphone } from 'lucide-react';
import { Badge, Button, ConfirmDialog, DataTable, type DataTableColumn, EmptyState, PageHeader, toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { formatDateTime, formatRelative } from '~/lib/format';
import { describeUserAgent } from './user-agent';

type Session = RouterOutputs['user']['sessions'][number];

export function SessionsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.user.sessions.queryOptions());
  const [revoking, setRevoking] = React.useState<Session | null>(null);
  const [revokingOthers, setRevokingOthers] = React.useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.user.sessions.pathFilter());

  const revoke = useMutation(
    trpc.user.revokeSession.mutationOptions({
      onSuccess: async () => {
        toast.success('That session is signed out');
        setRevoking(null);
        await refresh();
      },
      onError: (error) => toast.fromError(error, 'Could not sign out that session'),
    }),
  );
  const revokeOthers = useMutation(
    trpc.user.revokeOtherSessions.mutationOptions({
      onSuccess: async (r) => {
        toast.success(r.revoked ? `Signed out ${r.revoked} other session${r.revoked === 1 ? '' : 's'}` : 'There was no other session');
        setRevokingOthers(false);
        await refresh();
      },
      onError: (error) => toast.fromError(error, 'Could not sign out the other sessions'),
    }),
  );
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;

  const columns: DataTableColumn<Session>[] = [
    {
      id: 'device',
      header: 'Device',
      cell: (s) => (
        <div className="flex items-center gap-2">
          <span className="font-medium">{describeUserAgent(s.userAgent)}</span>
          {s.current ? <Badge variant="success">this session</Badge> : null}
        </div>
      ),
    },
    { id: 'ip', header: 'IP address', className: 'hidden md:table-cell', cell: (s) => <span className="font-mono text-xs text-muted-foreground">{s.ip || '—'}</span> },
    { id: 'started', header: 'Signed in', className: 'hidden md:table-cell', cell: (s) => formatDateTime(s.createdAt) },
    { id: 'seen', header: 'Last active', cell: (s) => <span className="text-muted-foreground">{formatRelative(s.lastSeenAt)}</span> },
    {
      id: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'w-28 text-right',
      cell: (s) =>
        s.current ? null : (
          <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" onClick={() => setRevoking(s)}>
            Sign out
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        breadcrumb="Settings"
        title="Sessions"
        description="Where you are signed in. Sign out a browser you no longer use, or every one but this."
        actions={
          <Button variant="outline" disabled={others === 0} onClick={() => setRevokingOthers(true)} data-testid="revoke-other-sessions">
            <LogOut />
            Sign out all other sessions
          </Button>
        }
      />
      <DataTable
        label="Sessions"
        columns={columns}
        data={sessions.data}
        getRowId={(s) => s.id}
        rowTestId="session-row"
        rowData={(s) => ({ 'data-current': String(s.current) })}
        isLoading={sessions.isPending}
        error={sessions.error}
        onRetry={() => void sessions.refetch()}
        empty={<EmptyState icon={<MonitorSmartphone />} title="No active session" description="Sessions appear here when you sign in." />}
      />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title="Sign out this session?"
        description={`${describeUserAgent(revoking?.userAgent ?? '')}, last active ${formatRelative(revoking?.lastSeenAt)}. It will have to sign in again.`}
        confirmLabel="Sign out"
        destructive
        pending={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
      />
      <ConfirmDialog
        open={revokingOthers}
        onOpenChange={setRevokingOthers}
        title={`Sign out ${others} other session${others === 1 ? '' : 's'}?`}
        description="Every browser but this one will have to sign in again. API tokens are not affected."
        confirmLabel="Sign out others"
        destructive
        pending={revokeOthers.isPending}
        onConfirm={() => revokeOthers.mutate()}
      />
    </>
  );
}
