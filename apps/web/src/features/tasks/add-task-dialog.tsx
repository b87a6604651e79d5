'use client';
import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Field,
  Input,
  Textarea,
  cn,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { ResourceProps } from '~/features/collab/types';

/**
 * A new todo on a resource: title, optional description, an assignee among
 * the people who can see the resource (the same search as @mentions), and an
 * optional due date.
 */
export function AddTaskDialog({ open, onOpenChange, resourceType, resourceId }: ResourceProps & { open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [title, setTitle] = React.useState('');
  const [description, setDescription] = React.useState('');
  const [due, setDue] = React.useState('');
  const [q, setQ] = React.useState('');
  const [assignee, setAssignee] = React.useState<{ id: string; name: string } | null>(null);
  const people = useQuery({ ...trpc.comment.mentionable.queryOptions({ resourceType, resourceId, q }), enabled: open });

  React.useEffect(() => {
    if (!open) {
      setTitle('');
      setDescription('');
      setDue('');
      setQ('');
      setAssignee(null);
    }
  }, [open]);

  const create = useMutation(
    trpc.task.create.mutationOptions({
      onSuccess: (t) => {
        toast.success(`Task “${t.title}” assigned to ${t.assigneeName ?? 'them'}`);
        void queryClient.invalidateQueries(trpc.task.pathFilter());
        onOpenChange(false);
      },
      onError: (error) => toast.fromError(error, 'Could not create the task'),
    }),
  );

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!assignee) return;
    create.mutate({
      resourceType,
      resourceId,
      title,
      assigneeUserId: assignee.id,
      ...(description.trim() ? { description } : {}),
      // A date input gives a day: due at the end of it, in the user's time zone.
      ...(due ? { dueAt: new Date(`${due}T23:59:59`) } : {}),
    });
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="add-task-dialog">
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Add a task</DialogTitle>
            <DialogDescription>Assign someone something to do here. They are notified, and the task links back to this page.</DialogDescription>
          </DialogHeader>
          <Field label="Title" htmlFor="task-title">
            <Input id="task-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required autoFocus data-testid="task-title" />
          </Field>
          <Field label="Description" htmlFor="task-description">
            <Textarea id="task-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={5000} rows={3} />
          </Field>
          <Field label="Assignee" htmlFor="task-assignee" hint={assignee ? `Assigned to ${assignee.name}` : 'Only people who can see this are listed.'}>
            <Input id="task-assignee" placeholder="Search by name or email" value={q} onChange={(e) => setQ(e.target.value)} data-testid="task-assignee-search" />
            <ul className="grid max-h-40 gap-0.5 overflow-y-auto rounded-md border p-1" role="listbox" aria-label="People">
              {people.isPending ? (
                <li className="px-2 py-1.5 text-sm text-muted-foreground">Searching…</li>
              ) : people.isError ? (
                <li className="px-2 py-1.5 text-sm text-destructive">Could not search people.</li>
              ) : !people.data.items.length ? (
                <li className="px-2 py-1.5 text-sm text-muted-foreground">Nobody who can see this matches.</li>
              ) : (
                people.data.items.map((p) => (
                  <li key={p.id} role="option" aria-selected={assignee?.id === p.id}>
                    <button
                      type="button"
                      className={cn('flex w-full cursor-pointer flex-col rounded px-2 py-1.5 text-left text-sm hover:bg-accent', assignee?.id === p.id && 'bg-accent')}
                      onClick={() => setAssignee({ id: p.id, name: p.name })}
                      data-testid="task-assignee-option"
                      data-email={p.email}
                    >
                      <span className="font-medium">{p.name}</span>
                      <span className="text-xs text-muted-foreground">{p.email}</span>
                    </button>
                  </li>
                ))
              )}
            </ul>
          </Field>
          <Field label="Due date" htmlFor="task-due" hint="Optional.">
            <Input id="task-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} className="w-44" data-testid="task-due" />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={!title.trim() || !assignee || create.isPending} data-testid="create-task">
              Add task
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
