'use client';
import * as React from 'react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Workflow as WorkflowIcon } from 'lucide-react';
import { Button, EmptyState, PageHeader, Skeleton } from '@racine/ui';
import { useWorkspaces } from '~/components/shell/workspace-context';
import { BuilderEditor, type EditableWorkflow } from './builder-page';

const emptyDefinition = { steps: [], triggers: { manual: true, webhook: false }, parameters: [] };

/**
 * `/workflows/new?workspace=…&name=…`: the builder on a blank canvas; the
 * first Save creates the workflow (a workflow needs at least one step).
 */
export function NewWorkflowPage() {
  const params = useSearchParams();
  const { workspaces, current, isLoading } = useWorkspaces();
  const workspace = workspaces.find((w) => w.id === params.get('workspace')) ?? current;
  const name = params.get('name')?.trim() || 'New workflow';
  const data = React.useMemo<EditableWorkflow | null>(
    () =>
      workspace
        ? {
            id: '',
            workspaceId: workspace.id,
            workspaceName: workspace.name,
            name,
            description: '',
            enabled: true,
            latestVersion: 0,
            definition: emptyDefinition,
            webhookPath: null,
            canManage: true,
            canExecute: false,
          }
        : null,
    [workspace, name],
  );
  if (isLoading)
    return (
      <>
        <PageHeader title={<Skeleton className="h-8 w-64" />} />
        <Skeleton className="h-[36rem] w-full" />
      </>
    );
  if (!data)
    return (
      <>
        <PageHeader title="New workflow" />
        <EmptyState
          icon={<WorkflowIcon />}
          title="No workspace to put it in"
          description="A workflow belongs to a workspace; create one or ask to be added to one."
          action={
            <Button asChild variant="outline">
              <Link href="/workflows">Back to workflows</Link>
            </Button>
          }
        />
      </>
    );
  return <BuilderEditor data={data} />;
}
