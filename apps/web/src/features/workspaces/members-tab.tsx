'use client';
import * as React from 'react';
import { useMutation } from '@tanstack/react-query';
import { Trash2, Users } from 'lucide-react';
import {
  Avatar,
  Badge,
  Button,
  Card,
  CardContent,
  ConfirmDialog,
  DataTable,
  type DataTableColumn,
  EmptyState,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useCurrentUser } from '~/components/shell/current-user';
import { formatDate } from '~/lib/format';
import type { WorkspaceDetail } from './use-workspace';
import { useInvalidateWorkspace } from './use-workspace';
import { Quota } from './quota';
import { AddMemberForm } from './add-member-form';
import { workspaceRoles, type WorkspaceRole } from './roles';

type Member = WorkspaceDetail['members'][number];

export function MembersTab({ workspace: ws }: { workspace: WorkspaceDetail }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateWorkspace();
  const { user: me } = useCurrentUser();
  const [removing, setRemoving] = React.useState<Member | null>(null);
  const canManage = ws.permissions.canManageMembers;

  const setRole = useMutation(
    trpc.workspace.setMemberRole.mutationOptions({
      onSuccess: async (result) => {
        toast.success(`Role changed to ${result.role}`);
        await invalidate();
      },
      onError: (error) => toast.fromError(error, 'Could not change the role'),
    }),
  );
  const remove = useMutation(
    trpc.workspace.removeMember.mutationOptions({
      onSuccess: async () => {
        toast.success(`${removing?.name ?? 'Member'} removed from ${ws.name}`);
        setRemoving(null);
        await invalidate();
      },
      onError: (error) => toast.fromError(error, 'Could not remove the member'),
    }),
  );

  const columns: DataTableColumn<Member>[] = [
    {
      id: 'person',
      header: 'Person',
      cell: (m) => (
        <div className="flex items-center gap-3">
          <Avatar name={m.name} />
          <div className="min-w-0">
            <div className="truncate font-medium">
              {m.name}{' '}
              {m.id === me.id ? <span className="text-xs text-muted-foreground">(you)</span> : null}
            </div>
            <div className="truncate text-xs text-muted-foreground">{m.email}</div>
          </div>
        </div>
      ),
    },
    {
      id: 'role',
      header: 'Role',
      cell: (m) =>
        canManage ? (
          <Select
            value={m.role}
            disabled={setRole.isPending}
            onValueChange={(role) =>
              setRole.mutate({ workspaceId: ws.id, userId: m.id, role: role as WorkspaceRole })
            }
          >
            <SelectTrigger className="h-8 w-32" aria-label={`Role of ${m.name}`}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {workspaceRoles.map((r) => (
                <SelectItem key={r.key} value={r.key}>
                  {r.label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        ) : (
          <Badge variant={m.role === 'owner' ? 'default' : 'secondary'} className="capitalize">
            {m.role}
          </Badge>
        ),
    },
    {
      id: 'added',
      header: 'Added',
      cell: (m) => <span className="text-muted-foreground">{formatDate(m.addedAt)}</span>,
      className: 'hidden md:table-cell',
    },
    {
      id: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'w-12 text-right',
      cell: (m) =>
        canManage ? (
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={`Remove ${m.name}`}
            onClick={(e) => {
              e.stopPropagation();
              setRemoving(m);
            }}
          >
            <Trash2 />
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="grid gap-4">
      <Card>
        <CardContent className="grid gap-4 pt-5 md:grid-cols-[1fr_2fr] md:items-end">
          <Quota
            label="Members"
            used={ws.members.length}
            max={ws.maxMembers}
            testId="member-quota"
          />
          {canManage ? (
            <AddMemberForm workspace={ws} />
          ) : (
            <p className="text-sm text-muted-foreground">
              Only workspace owners and admins can add members.
            </p>
          )}
        </CardContent>
      </Card>
      <DataTable
        label="Members"
        columns={columns}
        data={ws.members}
        getRowId={(m) => m.id}
        rowTestId="member-row"
        empty={
          <EmptyState
            icon={<Users />}
            title="No members"
            description="Add people by email above."
          />
        }
      />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={`Remove ${removing?.name ?? ''}?`}
        description={`${removing?.email ?? ''} will lose access to ${ws.name} and what it links.`}
        confirmLabel="Remove member"
        destructive
        pending={remove.isPending}
        onConfirm={() => removing && remove.mutate({ workspaceId: ws.id, userId: removing.id })}
      />
    </div>
  );
}
