'use client';
import * as React from 'react';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Link2, Unlink } from 'lucide-react';
import { linkResourceInput } from '@racine/services/workspace/schemas';
import {
  Badge,
  Button,
  Card,
  CardContent,
  ConfirmDialog,
  DataTable,
  type DataTableColumn,
  EmptyState,
  Field,
  Input,
  Spinner,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { formatDate } from '~/lib/format';
import { applyServerFieldErrors } from '~/lib/form-errors';
import type { WorkspaceDetail } from './use-workspace';
import { useInvalidateWorkspace } from './use-workspace';
import { Quota } from './quota';

type Resource = WorkspaceDetail['resources'][number];

/** The groups' object types, suggested in the type field; any well-formed type is accepted. */
const knownTypes = [
  'datasource',
  'scanRuleSet',
  'scan',
  'classification',
  'catalogAsset',
  'complianceFramework',
  'workflow',
  'pipeline',
  'dashboard',
];

const formSchema = linkResourceInput.omit({ workspaceId: true });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

export function ResourcesTab({ workspace: ws }: { workspace: WorkspaceDetail }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateWorkspace();
  const [unlinking, setUnlinking] = React.useState<Resource | null>(null);
  const canManage = ws.permissions.canManageResources;
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: { resourceType: 'datasource', resourceId: '', label: '' },
  });
  const { errors } = form.formState;

  const link = useMutation(
    trpc.workspace.linkResource.mutationOptions({
      onSuccess: async () => {
        toast.success('Resource linked');
        form.reset({ resourceType: form.getValues('resourceType'), resourceId: '', label: '' });
        await invalidate();
      },
      onError: (error) => {
        applyServerFieldErrors(error, form.setError);
        toast.fromError(error, 'Could not link the resource');
      },
    }),
  );
  const unlink = useMutation(
    trpc.workspace.unlinkResource.mutationOptions({
      onSuccess: async () => {
        toast.success('Resource unlinked');
        setUnlinking(null);
        await invalidate();
      },
      onError: (error) => toast.fromError(error, 'Could not unlink the resource'),
    }),
  );

  const columns: DataTableColumn<Resource>[] = [
    {
      id: 'type',
      header: 'Type',
      cell: (r) => (
        <Badge variant="outline" className="font-mono">
          {r.resourceType}
        </Badge>
      ),
    },
    {
      id: 'id',
      header: 'Resource',
      cell: (r) => (
        <div className="min-w-0">
          <div className="truncate font-medium">{r.label || r.resourceId}</div>
          {r.label ? (
            <div className="truncate font-mono text-xs text-muted-foreground">{r.resourceId}</div>
          ) : null}
        </div>
      ),
    },
    {
      id: 'linked',
      header: 'Linked',
      cell: (r) => (
        <span className="text-muted-foreground">
          {formatDate(r.createdAt)}
          {r.linkedBy ? ` by ${r.linkedBy.name}` : ''}
        </span>
      ),
      className: 'hidden md:table-cell',
    },
    {
      id: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'w-12 text-right',
      cell: (r) =>
        canManage ? (
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={`Unlink ${r.resourceType} ${r.resourceId}`}
            onClick={() => setUnlinking(r)}
          >
            <Unlink />
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="grid gap-4">
      <Card>
        <CardContent className="grid gap-4 pt-5">
          <Quota
            label="Linked resources"
            used={ws.resources.length}
            max={ws.maxResources}
            testId="resource-quota"
          />
          {canManage ? (
            <form
              className="grid items-start gap-3 md:grid-cols-[10rem_1fr_1fr_auto]"
              onSubmit={form.handleSubmit((values) =>
                link.mutate({ ...values, workspaceId: ws.id }),
              )}
              noValidate
              data-testid="link-resource-form"
            >
              <Field label="Type" htmlFor="res-type" error={errors.resourceType?.message}>
                <Input
                  id="res-type"
                  list="resource-types"
                  aria-invalid={!!errors.resourceType}
                  {...form.register('resourceType')}
                />
                <datalist id="resource-types">
                  {knownTypes.map((t) => (
                    <option key={t} value={t} />
                  ))}
                </datalist>
              </Field>
              <Field label="Resource id" htmlFor="res-id" error={errors.resourceId?.message}>
                <Input
                  id="res-id"
                  placeholder="e.g. pg-warehouse"
                  aria-invalid={!!errors.resourceId}
                  {...form.register('resourceId')}
                />
              </Field>
              <Field label="Label (optional)" htmlFor="res-label" error={errors.label?.message}>
                <Input id="res-label" placeholder="Warehouse (prod)" {...form.register('label')} />
              </Field>
              <Button type="submit" className="md:mt-[1.375rem]" disabled={link.isPending}>
                {link.isPending ? <Spinner /> : <Link2 />}
                Link
              </Button>
            </form>
          ) : (
            <p className="text-sm text-muted-foreground">
              Your role here does not allow linking resources.
            </p>
          )}
        </CardContent>
      </Card>
      <DataTable
        label="Linked resources"
        columns={columns}
        data={ws.resources}
        getRowId={(r) => r.id}
        rowTestId="resource-row"
        empty={
          <EmptyState
            icon={<Link2 />}
            title="No linked resources"
            description="Link data sources, scans, workflows and more so the workspace shows them together."
          />
        }
      />
      <ConfirmDialog
        open={unlinking !== null}
        onOpenChange={(open) => !open && setUnlinking(null)}
        title="Unlink this resource?"
        description={`${unlinking?.resourceType ?? ''} ${unlinking?.label || unlinking?.resourceId || ''} stays where it is; it is only removed from ${ws.name}.`}
        confirmLabel="Unlink"
        destructive
        pending={unlink.isPending}
        onConfirm={() =>
          unlinking &&
          unlink.mutate({
            workspaceId: ws.id,
            resourceType: unlinking.resourceType,
            resourceId: unlinking.resourceId,
          })
        }
      />
    </div>
  );
}
