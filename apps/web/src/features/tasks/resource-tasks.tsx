'use client';
import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { ListTodo, Plus } from 'lucide-react';
import { Badge, Button, Card, CardContent, CardHeader, CardTitle, EmptyState, ErrorState, Skeleton } from '@racine/ui';
import { formatDate } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import type { ResourceProps } from '~/features/collab/types';
import { AddTaskDialog } from './add-task-dialog';
import { TodoStatusSelect } from './todo-status-select';
import { todoStatusLabels, type TodoStatus } from './use-update-task';

/** The tasks on one resource (asset, finding, workflow…), with "Add task". */
export function ResourceTasks({ resourceType, resourceId }: ResourceProps) {
  const trpc = useTRPC();
  const [adding, setAdding] = React.useState(false);
  const tasks = useQuery(trpc.task.forResource.queryOptions({ resourceType, resourceId }));
  const items = tasks.data?.items;
  const openCount = items?.filter((t) => t.status === 'open' || t.status === 'in_progress').length;

  return (
    <Card data-testid="resource-tasks">
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <CardTitle>Tasks{openCount ? ` (${openCount} open)` : ''}</CardTitle>
        <Button size="sm" variant="outline" onClick={() => setAdding(true)} data-testid="add-task">
          <Plus />
          Add task
        </Button>
      </CardHeader>
      <CardContent>
        {tasks.isPending ? (
          <div className="grid gap-2">
            <Skeleton className="h-10" />
            <Skeleton className="h-10" />
          </div>
        ) : tasks.isError ? (
          <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : !items?.length ? (
          <EmptyState icon={<ListTodo />} title="No task here" description="Add one to ask someone to check, fix or document this." />
        ) : (
          <ul className="grid gap-2">
            {items.map((t) => {
              const overdue = t.dueAt && (t.status === 'open' || t.status === 'in_progress') && new Date(t.dueAt).getTime() < Date.now();
              return (
                <li key={t.id} className="grid gap-1.5 rounded-md border bg-card px-3 py-2" data-testid="resource-task" data-title={t.title} data-status={t.status}>
                  <span className="text-sm font-medium">{t.title}</span>
                  <span className="text-xs text-muted-foreground">
                    {t.assigneeName ?? (t.assigneeRole ? `role: ${t.assigneeRole}` : 'unassigned')}
                    {t.dueAt ? (
                      <span className={overdue ? 'font-medium text-destructive' : undefined}> · due {formatDate(t.dueAt)}</span>
                    ) : null}
                  </span>
                  {t.canUpdate ? (
                    <TodoStatusSelect task={t} />
                  ) : (
                    <Badge variant="secondary" className="w-fit">
                      {todoStatusLabels[t.status as TodoStatus] ?? t.status}
                    </Badge>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
      <AddTaskDialog open={adding} onOpenChange={setAdding} resourceType={resourceType} resourceId={resourceId} />
    </Card>
  );
}
