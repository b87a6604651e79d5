'use client';
import * as React from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GlobalRoleKey } from '@racine/services/rbac/catalog';
import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Spinner,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { RolePicker } from './role-picker';

export function EditRolesDialog({
  user,
  onClose,
}: {
  user: { id: string; name: string; email: string; roles: string[] } | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [roles, setRoles] = React.useState<GlobalRoleKey[]>([]);
  React.useEffect(() => {
    if (user) setRoles(user.roles as GlobalRoleKey[]);
  }, [user]);

  const save = useMutation(
    trpc.user.setRoles.mutationOptions({
      onSuccess: async (result) => {
        toast.success(
          `Roles of ${user?.name ?? 'user'} set to ${result.roles.join(', ') || 'none'}`,
        );
        await Promise.all([
          queryClient.invalidateQueries(trpc.user.list.pathFilter()),
          queryClient.invalidateQueries(trpc.user.me.pathFilter()),
        ]);
        onClose();
      },
      onError: (error) => toast.fromError(error, 'Could not change the roles'),
    }),
  );

  return (
    <Dialog open={user !== null} onOpenChange={(open) => !open && !save.isPending && onClose()}>
      <DialogContent className="max-w-md" data-testid="edit-roles-dialog">
        <DialogHeader>
          <DialogTitle>Global roles of {user?.name}</DialogTitle>
          <DialogDescription>
            {user?.email}. Workspace roles are set in each workspace.
          </DialogDescription>
        </DialogHeader>
        <RolePicker
          idPrefix="edit-role"
          value={roles}
          onChange={setRoles}
          disabled={save.isPending}
        />
        {roles.length === 0 ? (
          <p className="text-xs text-muted-foreground">
            With no global role, they only see the workspaces they belong to.
          </p>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={onClose} disabled={save.isPending}>
            Cancel
          </Button>
          <Button
            onClick={() => user && save.mutate({ userId: user.id, roles })}
            disabled={save.isPending}
          >
            {save.isPending ? <Spinner /> : null}
            Save roles
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
