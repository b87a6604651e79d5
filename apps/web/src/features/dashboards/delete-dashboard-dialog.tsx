'use client';
import { useMutation } from '@tanstack/react-query';
import { ConfirmDialog, toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';

/** Asks before deleting a dashboard (saying who else loses it), deletes it, and toasts either way. */
export function DeleteDashboardDialog({
  dashboard,
  open,
  onOpenChange,
  onDeleted,
}: {
  dashboard: { id: string; name: string; workspaceName?: string | null };
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDeleted: () => void | Promise<void>;
}) {
  const trpc = useTRPC();
  const remove = useMutation(
    trpc.dashboard.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(`Deleted “${dashboard.name}”`);
        onOpenChange(false);
        await onDeleted();
      },
      onError: (error) => toast.fromError(error, 'Could not delete the dashboard'),
    }),
  );
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Delete “${dashboard.name}”?`}
      description={dashboard.workspaceName ? `It is shared with ${dashboard.workspaceName}: it goes for everyone there.` : 'Its layout and widgets go; the data they show stays.'}
      confirmLabel="Delete"
      destructive
      pending={remove.isPending}
      onConfirm={() => remove.mutate({ id: dashboard.id })}
    />
  );
}
