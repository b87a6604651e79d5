'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Database, Pencil, PlugZap, Trash2 } from 'lucide-react';
import {
  Button,
  ConfirmDialog,
  Field,
  Input,
  PageHeader,
  Skeleton,
  Spinner,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
  toast,
} from '@racine/ui';
import { useSearchParamsPatch } from '~/lib/use-search-params-patch';
import { useTRPC } from '~/trpc/react';
import { PageLoadError } from '~/components/page-load-error';
import { EnvironmentBadge } from '~/components/environment-badge';
import { ScansTab } from '~/features/scans/scans-tab';
import { ReviewQueue } from '~/features/classifications/review-queue';
import { CriticalityBadge, EngineIcon, TestStatus } from './bits';
import { EditDataSourceDialog } from './edit-datasource-dialog';
import { OverviewTab, useTestDataSource } from './overview-tab';
import { SchemaTab } from './schema-tab';
import { useDataSource } from './use-datasource';

const tabs = ['overview', 'schema', 'scans', 'classifications'] as const;
type Tab = (typeof tabs)[number];

export function DataSourceDetailPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const searchParams = useSearchParams();
  const setParams = useSearchParamsPatch();
  const queryClient = useQueryClient();
  const source = useDataSource(id);
  const [editing, setEditing] = React.useState(false);
  const [deleting, setDeleting] = React.useState(false);
  const [typedName, setTypedName] = React.useState('');
  const requested = searchParams.get('tab');
  const tab: Tab = tabs.includes(requested as Tab) ? (requested as Tab) : 'overview';
  const setTab = (next: string) => setParams({ run: null, tab: next === 'overview' ? null : next });
  const test = useTestDataSource({ id, name: source.data?.name ?? 'The source' });
  const remove = useMutation(
    trpc.datasource.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(`Data source “${source.data?.name}” deleted`);
        setDeleting(false);
        queryClient.removeQueries(trpc.datasource.get.queryFilter({ id }));
        router.push('/datasources');
        await queryClient.invalidateQueries(trpc.datasource.list.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not delete the data source'),
    }),
  );

  const breadcrumb = (
    <Link href="/datasources" className="hover:underline">
      Data sources
    </Link>
  );

  if (source.isPending)
    return (
      <div aria-busy="true">
        <Skeleton className="mb-2 h-4 w-24" />
        <Skeleton className="mb-8 h-8 w-72" />
        <Skeleton className="mb-6 h-9 w-full" />
        <div className="grid gap-4 md:grid-cols-3">
          <Skeleton className="h-48 md:col-span-2" />
          <Skeleton className="h-48" />
        </div>
      </div>
    );
  if (source.isError)
    return (
      <PageLoadError
        error={source.error}
        onRetry={() => void source.refetch()}
        title="Data source"
        breadcrumb={breadcrumb}
        icon={<Database />}
        notFound="Data source not found"
        forbidden="You cannot open this data source"
        back={{ href: '/datasources', label: 'Back to data sources' }}
      />
    );

  const s = source.data;
  return (
    <>
      <PageHeader
        breadcrumb={breadcrumb}
        title={
          <span className="flex items-center gap-3" data-testid="datasource-title">
            <EngineIcon engine={s.engine} className="size-8" />
            <span className="truncate">{s.name}</span>
            <EnvironmentBadge environment={s.environment} />
            <CriticalityBadge criticality={s.criticality} />
          </span>
        }
        description={
          <span className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <span>{s.description || <span className="italic">No description</span>}</span>
            <TestStatus source={s} />
          </span>
        }
        actions={
          <>
            <Button
              variant="outline"
              onClick={() => test.mutate({ id })}
              disabled={test.isPending}
              data-testid="test-datasource"
            >
              {test.isPending ? <Spinner /> : <PlugZap />}
              Test
            </Button>
            <Button variant="outline" onClick={() => setEditing(true)}>
              <Pencil />
              Edit
            </Button>
            <Button
              variant="outline"
              className="text-destructive hover:text-destructive"
              onClick={() => setDeleting(true)}
            >
              <Trash2 />
              Delete
            </Button>
          </>
        }
      />
      <Tabs value={tab} onValueChange={setTab}>
        <TabsList>
          <TabsTrigger value="overview">Overview</TabsTrigger>
          <TabsTrigger value="schema">Schema</TabsTrigger>
          <TabsTrigger value="scans">
            Scans{' '}
            <span className="text-xs text-muted-foreground tabular-nums">{s._count.scans}</span>
          </TabsTrigger>
          <TabsTrigger value="classifications">Classifications</TabsTrigger>
        </TabsList>
        <TabsContent value="overview">
          <OverviewTab source={s} />
        </TabsContent>
        <TabsContent value="schema">
          <SchemaTab source={s} />
        </TabsContent>
        <TabsContent value="scans">
          <ScansTab source={s} />
        </TabsContent>
        <TabsContent value="classifications" className="grid gap-3">
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground">
            <span>Labels the scans of {s.name} suggested, with their evidence.</span>
            <Link href={`/classifications?source=${s.id}`} className="text-primary hover:underline">
              Open in the review queue
            </Link>
          </div>
          <ReviewQueue fixedSource={{ id: s.id, name: s.name }} />
        </TabsContent>
      </Tabs>
      <EditDataSourceDialog source={s} open={editing} onOpenChange={setEditing} />
      <ConfirmDialog
        open={deleting}
        onOpenChange={(open) => {
          setDeleting(open);
          if (!open) setTypedName('');
        }}
        title={`Delete ${s.name}?`}
        description={`Its ${s._count.scans} scan(s), run history, catalog (${s._count.assets.toLocaleString()} assets) and labels are deleted with it. The database itself is not touched. The activity log keeps the record.`}
        confirmLabel="Delete data source"
        destructive
        pending={remove.isPending}
        confirmDisabled={typedName.trim() !== s.name}
        onConfirm={() => remove.mutate({ id })}
      >
        <Field
          label={
            <>
              Type <strong>{s.name}</strong> to confirm
            </>
          }
          htmlFor="confirm-ds-name"
        >
          <Input
            id="confirm-ds-name"
            autoComplete="off"
            value={typedName}
            onChange={(e) => setTypedName(e.target.value)}
          />
        </Field>
      </ConfirmDialog>
    </>
  );
}
