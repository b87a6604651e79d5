'use client';
import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Download, FileSearch, ShieldAlert } from 'lucide-react';
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  ErrorState,
  Field,
  FilterSelect,
  Input,
  PageHeader,
  Skeleton,
  Spinner,
  toast,
} from '@racine/ui';
import { downloadBase64 } from '~/features/compliance/download';
import { formatDateTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';

type Entry = RouterOutputs['accessRequest']['report']['sources'][number]['entries'][number];

const day = (d: Date) => d.toISOString().slice(0, 10);
const routeLabel: Record<Entry['route'], string> = {
  'global-role': 'global role',
  'workspace-member': 'workspace member',
  'workspace-assignment': 'workspace assignment',
  'source-assignment': 'source assignment',
  'access-request': 'access request',
  'guest-invite': 'guest invite',
};

/** The whole days chosen, in UTC: from the start of the first to the end of the last. */
function rangeOf(from: string, to: string) {
  return { from: new Date(`${from}T00:00:00.000Z`), to: new Date(`${to}T23:59:59.999Z`) };
}

/** /admin/access-report: who has had access to restricted data in a period, and why. */
export function AccessReportPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [from, setFrom] = React.useState(() => day(new Date(Date.now() - 30 * 86_400_000)));
  const [to, setTo] = React.useState(() => day(new Date()));
  const [sourceId, setSourceId] = React.useState<string | null>(null);
  const invalid = !from || !to || from > to;
  const range = rangeOf(from, to);
  const report = useQuery({
    ...trpc.accessRequest.report.queryOptions({ ...range, format: 'json' }),
    enabled: !invalid,
  });
  const exportCsv = useMutation({
    mutationFn: () =>
      queryClient.fetchQuery(
        trpc.accessRequest.report.queryOptions({
          ...range,
          format: 'csv',
          ...(sourceId ? { dataSourceId: sourceId } : {}),
        }),
      ),
    onSuccess: (r) => {
      if (!r.csv) return;
      downloadBase64(r.csv);
      toast.success(`Downloaded ${r.csv.filename}`);
    },
    onError: (error) => toast.fromError(error, 'Could not export the report'),
  });
  const sources = (report.data?.sources ?? []).filter((s) => !sourceId || s.id === sourceId);

  return (
    <>
      <PageHeader
        title="Access report"
        description="Everyone who could read a data source holding Restricted data during the period, through which route, and why."
        actions={
          <Button
            variant="outline"
            onClick={() => exportCsv.mutate()}
            disabled={invalid || exportCsv.isPending}
            data-testid="export-access-csv"
          >
            {exportCsv.isPending ? <Spinner /> : <Download />}
            Download CSV
          </Button>
        }
      />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <Field label="From" htmlFor="report-from">
          <Input
            id="report-from"
            type="date"
            value={from}
            max={to}
            onChange={(e) => setFrom(e.target.value)}
            className="w-40"
          />
        </Field>
        <Field
          label="To"
          htmlFor="report-to"
          error={invalid ? 'The period ends after it starts' : undefined}
        >
          <Input
            id="report-to"
            type="date"
            value={to}
            min={from}
            onChange={(e) => setTo(e.target.value)}
            className="w-40"
          />
        </Field>
        <FilterSelect
          label="Source filter"
          allLabel="All restricted sources"
          value={sourceId}
          onChange={setSourceId}
          options={(report.data?.sources ?? []).map((s) => ({ value: s.id, label: s.name }))}
          className="w-56"
        />
      </div>
      {report.isPending && !invalid ? (
        <div className="grid gap-4">
          <Skeleton className="h-40" />
          <Skeleton className="h-40" />
        </div>
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : !sources.length ? (
        <EmptyState
          icon={<FileSearch />}
          title="No source holds Restricted data"
          description="Once a scan labels a column Restricted (national ids, card numbers…), its source and who could read it appear here."
        />
      ) : (
        <div className="grid gap-4">
          {sources.map((s) => (
            <Card key={s.id} data-testid="report-source" data-name={s.name}>
              <CardHeader>
                <CardTitle className="flex flex-wrap items-center gap-2 text-base">
                  <ShieldAlert className="size-4 text-destructive" />
                  {s.name}
                  <Badge variant="secondary">{s.environment}</Badge>
                  <span className="text-sm font-normal text-muted-foreground">
                    {s.restrictedAssets} restricted asset{s.restrictedAssets === 1 ? '' : 's'}
                    {s.workspaceName ? ` · ${s.workspaceName}` : ''}
                  </span>
                </CardTitle>
                <CardDescription>
                  {s.entries.length} grant{s.entries.length === 1 ? '' : 's'} of read access in the
                  period
                </CardDescription>
              </CardHeader>
              <CardContent className="overflow-x-auto">
                <table className="w-full text-sm">
                  <thead className="text-left text-xs text-muted-foreground">
                    <tr className="border-b">
                      <th className="py-2 pr-3 font-medium">Person</th>
                      <th className="py-2 pr-3 font-medium">Role</th>
                      <th className="py-2 pr-3 font-medium">Route</th>
                      <th className="py-2 pr-3 font-medium">From</th>
                      <th className="py-2 pr-3 font-medium">Until</th>
                      <th className="py-2 font-medium">Why</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.entries.map((e, i) => (
                      <tr
                        key={`${e.userId}-${e.route}-${i}`}
                        className="border-b last:border-0 align-top"
                        data-testid="report-entry"
                        data-route={e.route}
                      >
                        <td className="py-2 pr-3">
                          <div className="font-medium">
                            {e.userName} {e.isGuest ? <Badge variant="warning">guest</Badge> : null}
                          </div>
                          <div className="text-xs text-muted-foreground">{e.email}</div>
                        </td>
                        <td className="py-2 pr-3 whitespace-nowrap">{e.roleName}</td>
                        <td className="py-2 pr-3 whitespace-nowrap text-muted-foreground">
                          {routeLabel[e.route]}
                        </td>
                        <td className="py-2 pr-3 whitespace-nowrap">
                          {e.from ? formatDateTime(e.from) : 'before the log'}
                        </td>
                        <td className="py-2 pr-3 whitespace-nowrap">
                          {e.until ? formatDateTime(e.until) : 'still'}
                        </td>
                        <td className="py-2 max-w-md text-muted-foreground">{e.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </CardContent>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
