'use client';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@racine/ui';
import { todoStatusLabels, type TodoStatus, useUpdateTask } from './use-update-task';

/** A todo's status, changeable in place by whoever may move it. */
export function TodoStatusSelect({ task }: { task: { id: string; title: string; status: string } }) {
  const update = useUpdateTask();
  return (
    <Select
      value={task.status}
      disabled={update.isPending}
      onValueChange={(status) => update.mutate({ id: task.id, status: status as TodoStatus })}
    >
      <SelectTrigger className="h-8 w-36" aria-label={`Status of “${task.title}”`} data-testid="todo-status" onClick={(e) => e.stopPropagation()}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {(Object.keys(todoStatusLabels) as TodoStatus[]).map((s) => (
          <SelectItem key={s} value={s}>
            {todoStatusLabels[s]}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
