'use client';
import * as React from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle, Field, Input, toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';

export function RenameDialog({ documentId, title, open, onOpenChange }: { documentId: string; title: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [value, setValue] = React.useState(title);
  React.useEffect(() => {
    if (open) setValue(title);
  }, [open, title]);
  const rename = useMutation(
    trpc.document.rename.mutationOptions({
      onSuccess: async (d) => {
        toast.success(`Renamed to “${d.title}”`);
        onOpenChange(false);
        await queryClient.invalidateQueries(trpc.document.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not rename the document'),
    }),
  );
  const problem = value.trim() ? null : 'A title is required';
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="rename-document-dialog">
        <DialogHeader>
          <DialogTitle>Rename document</DialogTitle>
        </DialogHeader>
        <form
          id="rename-document-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!problem) rename.mutate({ documentId, title: value.trim() });
          }}
        >
          <Field label="Title" htmlFor="rename-document-title" error={value !== title ? (problem ?? undefined) : undefined}>
            <Input id="rename-document-title" value={value} maxLength={200} onChange={(e) => setValue(e.target.value)} autoFocus />
          </Field>
        </form>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" form="rename-document-form" disabled={Boolean(problem) || rename.isPending}>
            Rename
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
