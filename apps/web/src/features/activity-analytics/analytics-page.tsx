'use client';
import * as React from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Activity, CalendarClock } from 'lucide-react';
import {
  BarChartView,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  ErrorState,
  FilterSelect,
  Heatmap,
  Meter,
  PageHeader,
  Skeleton,
} from '@racine/ui';
import { useWorkspaces } from '~/components/shell/workspace-context';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { CorrelationCard } from './correlation-card';
import { browserTimeZone, type RangePreset, rangeOf, rangePresets, sourceGroups } from './range';
import { ReportCard } from './report-card';

type Analytics = RouterOutputs['activity']['analytics'];

const hourLabel = (h: number) => `${String(h).padStart(2, '0')}h`;
const dayLabel = (v: unknown) => String(v).slice(5);
const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * Activity analytics: when things happen (weekday × hour), how much per day,
 * which groups and types, who; then the scan → finding → resolution chains
 * and the compliance activity report for the same range and workspace.
 */
export function ActivityAnalyticsPage() {
  const trpc = useTRPC();
  const { workspaces } = useWorkspaces();
  const [preset, setPreset] = React.useState<RangePreset>('30d');
  // Re-anchored when the preset changes, not on every render: the query key stays stable.
  const [anchor, setAnchor] = React.useState(() => Math.ceil(Date.now() / 60_000) * 60_000);
  const [workspaceId, setWorkspaceId] = React.useState<string | null>(null);
  const [group, setGroup] = React.useState<string | null>(null);
  const [complianceOnly, setComplianceOnly] = React.useState<'all' | 'compliance' | null>(null);
  const range = React.useMemo(() => rangeOf(preset, anchor), [preset, anchor]);
  const timeZone = React.useMemo(browserTimeZone, []);

  const analytics = useQuery({
    ...trpc.activity.analytics.queryOptions({
      ...range,
      timeZone,
      top: 8,
      ...(workspaceId ? { workspaceId } : {}),
      ...(group ? { sourceGroup: group } : {}),
      ...(complianceOnly === 'compliance' ? { complianceOnly: true } : {}),
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <div data-testid="activity-analytics">
      <PageHeader
        title="Activity analytics & reports"
        description="Patterns in the activity log you may read, the chains from scans to findings to their fixes, and the compliance activity report."
      />
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <FilterSelect
          label="Range"
          value={preset === '30d' ? null : preset}
          onChange={(v) => {
            setPreset(v ?? '30d');
            setAnchor(Math.ceil(Date.now() / 60_000) * 60_000);
          }}
          allLabel="Last 30 days"
          options={rangePresets.filter((p) => p.value !== '30d').map((p) => ({ value: p.value, label: p.label }))}
          className="w-40"
          data-testid="range-picker"
        />
        <FilterSelect
          label="Workspace"
          value={workspaceId}
          onChange={setWorkspaceId}
          allLabel="All I may read"
          options={workspaces.map((w) => ({ value: w.id, label: w.name }))}
          className="w-48"
          data-testid="workspace-picker"
        />
        <FilterSelect
          label="Group"
          value={group}
          onChange={setGroup}
          allLabel="Every group"
          options={sourceGroups.map((g) => ({ value: g, label: g }))}
          className="w-40"
        />
        <FilterSelect
          label="Events"
          value={complianceOnly}
          onChange={setComplianceOnly}
          allLabel="All events"
          options={[{ value: 'compliance' as const, label: 'Compliance-relevant only' }]}
          className="w-52"
        />
        <span className="ml-auto text-xs text-muted-foreground">Times in {timeZone}</span>
      </div>

      {analytics.isError ? (
        <Card>
          <ErrorState title="Could not load the analytics" error={analytics.error} onRetry={() => analytics.refetch()} />
        </Card>
      ) : !analytics.data ? (
        <AnalyticsSkeleton />
      ) : analytics.data.totals.events === 0 ? (
        <Card>
          <EmptyState
            icon={<Activity />}
            title="No activity in this range"
            description="Nothing you may read happened here. Widen the range or pick another workspace or group."
          />
        </Card>
      ) : (
        <AnalyticsView data={analytics.data} />
      )}

      <div className="mt-6 grid gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <CorrelationCard range={range} workspaceId={workspaceId} />
        </div>
        <ReportCard range={range} workspaceId={workspaceId} workspaceName={workspaces.find((w) => w.id === workspaceId)?.name ?? null} />
      </div>
    </div>
  );
}

function AnalyticsSkeleton() {
  return (
    <div className="grid gap-4" data-testid="analytics-loading">
      <div className="grid gap-4 sm:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-20" />
        ))}
      </div>
      <Skeleton className="h-64" />
      <div className="grid gap-4 lg:grid-cols-2">
        <Skeleton className="h-56" />
        <Skeleton className="h-56" />
      </div>
    </div>
  );
}

function Kpi({ label, value, hint }: { label: string; value: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <Card>
      <CardContent className="p-4">
        <div className="text-xs text-muted-foreground">{label}</div>
        <div className="mt-1 text-2xl font-semibold tabular-nums">{value}</div>
        {hint ? <div className="mt-0.5 text-xs text-muted-foreground">{hint}</div> : null}
      </CardContent>
    </Card>
  );
}

function TopList({ rows, other, testId }: { rows: { label: React.ReactNode; value: number; key: string }[]; other: number; testId: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <ul className="grid gap-2 text-sm" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.key} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-3">
          <span className="truncate font-mono text-xs" title={typeof r.label === 'string' ? r.label : undefined}>
            {r.label}
          </span>
          <div className="flex items-center gap-2">
            <Meter value={r.value / max} showValue={false} barClassName="w-28" label={`${r.value}`} />
            <span className="w-12 text-right text-xs tabular-nums text-muted-foreground">{r.value.toLocaleString()}</span>
          </div>
        </li>
      ))}
      {other > 0 ? <li className="text-xs text-muted-foreground">and {other.toLocaleString()} more</li> : null}
    </ul>
  );
}

function AnalyticsView({ data }: { data: Analytics }) {
  const { totals } = data;
  return (
    <div className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Kpi label="Events" value={totals.events.toLocaleString()} hint={`${totals.actors} ${totals.actors === 1 ? 'actor' : 'actors'}`} />
        <Kpi label="Failures" value={totals.failure.toLocaleString()} hint={`${pct(totals.events ? totals.failure / totals.events : 0)} of events`} />
        <Kpi label="Compliance-relevant" value={totals.complianceRelevant.toLocaleString()} hint={`${pct(totals.complianceShare)} of events`} />
        <Kpi label="Busiest group" value={<span className="text-lg">{data.bySourceGroup[0]?.group ?? '—'}</span>} hint={data.bySourceGroup[0] ? `${data.bySourceGroup[0].events.toLocaleString()} events` : undefined} />
      </div>

      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2 text-base">
            <CalendarClock className="size-4" /> When activity happens
          </CardTitle>
          <CardDescription>Events by weekday and hour of day ({data.range.timeZone}).</CardDescription>
        </CardHeader>
        <CardContent>
          <Heatmap
            label="Activity by weekday and hour"
            rows={data.heatmap.weekdays}
            columns={data.heatmap.hours.map(hourLabel)}
            values={data.heatmap.values}
            columnLabelEvery={3}
            describe={(r, c, v) => `${r} ${c}: ${v.toLocaleString()} event${v === 1 ? '' : 's'}`}
          />
        </CardContent>
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle className="text-base">Per day</CardTitle>
            <CardDescription>Successful and failed events.</CardDescription>
          </CardHeader>
          <CardContent>
            <BarChartView
              data={data.byDay.map((d) => ({ day: d.day, ok: d.events - d.failures, failed: d.failures }))}
              x="day"
              stacked
              formatX={dayLabel}
              series={[
                { key: 'ok', label: 'Succeeded' },
                { key: 'failed', label: 'Failed', color: 'var(--destructive)' },
              ]}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="text-base">By group</CardTitle>
            <CardDescription>The part of Racine that wrote the event.</CardDescription>
          </CardHeader>
          <CardContent>
            <BarChartView
              data={data.bySourceGroup.slice(0, 10)}
              x="group"
              series={[
                { key: 'events', label: 'Events' },
                { key: 'failures', label: 'Failures', color: 'var(--destructive)' },
              ]}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="text-base">Top event types</CardTitle>
          </CardHeader>
          <CardContent>
            <TopList testId="top-types" rows={data.byType.map((t) => ({ key: t.type, label: t.type, value: t.events }))} other={data.otherTypes} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="text-base">Top actors</CardTitle>
            {!data.usersNamed ? (
              <CardDescription>Only you and the system are named; naming others needs the activity.report permission.</CardDescription>
            ) : null}
          </CardHeader>
          <CardContent>
            <TopList
              testId="top-users"
              rows={data.byUser.map((u) => ({ key: u.actorId ?? u.actorType, label: u.name, value: u.events }))}
              other={data.otherUsers}
            />
          </CardContent>
        </Card>
      </div>
      {data.notes.length ? <p className="text-xs text-muted-foreground">{data.notes.join(' ')}</p> : null}
    </div>
  );
}
