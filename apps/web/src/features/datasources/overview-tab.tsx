'use client';
import Link from 'next/link';
import { useMutation } from '@tanstack/react-query';
import { PlugZap } from 'lucide-react';
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  Spinner,
  StatusDot,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { EnvironmentBadge } from '~/components/environment-badge';
import { formatDateTime, formatRelative } from '~/lib/format';
import { RunStatusBadge } from '~/features/scans/bits';
import { CriticalityBadge, type DataSourceView, EngineLabel, formatLatency } from './bits';
import { useInvalidateDataSource } from './use-datasource';

function Facts({ facts }: { facts: [string, React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
      {facts.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-muted-foreground">{k}</dt>
          <dd className="min-w-0 break-words">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const options = (o: unknown) => (o && typeof o === 'object' ? (o as Record<string, unknown>) : {});

export function useTestDataSource(source: Pick<DataSourceView, 'id' | 'name'>) {
  const trpc = useTRPC();
  const invalidate = useInvalidateDataSource();
  return useMutation(
    trpc.datasource.test.mutationOptions({
      onSuccess: async (result) => {
        if (result.ok)
          toast.success(`${source.name} is reachable`, {
            description: `${result.serverVersion ?? ''} · ${formatLatency(result.latencyMs)}`,
          });
        else
          toast.error(`${source.name} did not answer`, {
            description: `${result.error?.kind ?? 'error'}: ${result.error?.message ?? 'failed'}`,
          });
        await invalidate();
      },
      onError: (error) => toast.fromError(error, 'Could not test the connection'),
    }),
  );
}

export function OverviewTab({ source }: { source: DataSourceView }) {
  const test = useTestDataSource(source);
  const o = options(source.options);
  const connection: [string, React.ReactNode][] =
    source.engine === 'sqlite'
      ? [
          ['Engine', <EngineLabel key="e" engine={source.engine} />],
          [
            'File',
            <code key="f" className="font-mono text-xs">
              {source.database}
            </code>,
          ],
        ]
      : [
          ['Engine', <EngineLabel key="e" engine={source.engine} />],
          [
            'Host',
            <code key="h" className="font-mono text-xs">
              {source.host}
              {source.port ? `:${source.port}` : ''}
            </code>,
          ],
          ['Database', source.database],
          ['Username', source.username ?? '—'],
          ['Password', source.hasPassword ? '••••••• (stored, encrypted)' : 'none'],
          ['TLS', o.ssl ? 'on' : 'off'],
        ];
  const details: [string, React.ReactNode][] = [
    ['Environment', <EnvironmentBadge key="env" environment={source.environment} />],
    ['Criticality', <CriticalityBadge key="crit" criticality={source.criticality} />],
    [
      'Tags',
      source.tags.length ? (
        <span key="tags" className="flex flex-wrap gap-1">
          {source.tags.map((t) => (
            <Badge key={t} variant="outline">
              {t}
            </Badge>
          ))}
        </span>
      ) : (
        '—'
      ),
    ],
    [
      'Workspace',
      source.workspace ? (
        <Link key="ws" href={`/workspaces/${source.workspace.id}`} className="hover:underline">
          {source.workspace.name}
        </Link>
      ) : (
        '—'
      ),
    ],
    ['Owner', source.owner ? `${source.owner.name} (${source.owner.email})` : '—'],
    ['Registered', formatDateTime(source.createdAt)],
    ['Updated', formatRelative(source.updatedAt)],
  ];
  const status =
    source.lastTestOk === null ? 'unknown' : source.lastTestOk ? 'healthy' : ('down' as const);
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle>Settings</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-6 md:grid-cols-2">
          <Facts facts={connection} />
          <Facts facts={details} />
        </CardContent>
      </Card>
      <div className="grid content-start gap-4">
        <Card data-testid="last-test-card">
          <CardHeader className="flex-row items-center justify-between">
            <CardTitle>Last connection test</CardTitle>
            <Button
              variant="outline"
              size="sm"
              onClick={() => test.mutate({ id: source.id })}
              disabled={test.isPending}
            >
              {test.isPending ? <Spinner /> : <PlugZap />}
              Test
            </Button>
          </CardHeader>
          <CardContent className="grid gap-2 text-sm">
            <div className="flex items-center gap-2">
              <StatusDot status={status} />
              <span className="font-medium">
                {source.lastTestOk === null
                  ? 'Never tested'
                  : source.lastTestOk
                    ? 'Reachable'
                    : 'Failing'}
              </span>
              {source.lastTestedAt ? (
                <span className="text-muted-foreground" title={formatDateTime(source.lastTestedAt)}>
                  {formatRelative(source.lastTestedAt)}
                </span>
              ) : null}
            </div>
            {source.lastTestOk ? (
              <p className="text-muted-foreground">
                {source.serverVersion ?? 'Unknown version'} · {formatLatency(source.lastLatencyMs)}
              </p>
            ) : null}
            {source.lastTestError ? (
              <p className="text-destructive">{source.lastTestError}</p>
            ) : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Catalog</CardTitle>
          </CardHeader>
          <CardContent className="grid grid-cols-2 gap-4">
            <div>
              <div className="text-2xl font-semibold tabular-nums">
                {source._count.assets.toLocaleString()}
              </div>
              <div className="text-xs text-muted-foreground">assets catalogued</div>
            </div>
            <div>
              <div className="text-2xl font-semibold tabular-nums">{source._count.scans}</div>
              <div className="text-xs text-muted-foreground">scans</div>
            </div>
            <div className="col-span-2 flex items-center gap-2 text-sm">
              <span className="text-muted-foreground">Last scan</span>
              {source.lastScanStatus ? (
                <>
                  <RunStatusBadge status={source.lastScanStatus} />
                  <span className="text-muted-foreground">{formatRelative(source.lastScanAt)}</span>
                </>
              ) : (
                <span>never</span>
              )}
            </div>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
