'use client';
import * as React from 'react';
import Link from 'next/link';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Lock, Plus, ShieldCheck } from 'lucide-react';
import {
  Badge,
  Button,
  Card,
  DataTable,
  type DataTableColumn,
  EmptyState,
  ErrorState,
  Meter,
  PageHeader,
  Skeleton,
  Sparkline,
  Switch,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { trpcErrorCode } from '~/trpc/react';
import { formatDateTime, formatRelative } from '~/lib/format';
import { Condition, formatScore, scoreClass, scoreTone, SeverityBadge } from './bits';
import { EvaluateButton } from './evaluate-button';
import { ExportDialog } from './export-dialog';
import { RuleDialog } from './rule-dialog';
import type { Rule } from './types';
import { useComplianceAccess } from './use-compliance-access';

/** A framework's rules: what each checks, whether it runs, how many assets fail it. */
export function FrameworkPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { canManage, canEvaluate } = useComplianceAccess();
  const framework = useQuery(trpc.compliance.framework.queryOptions({ id }));
  const frameworks = useQuery(trpc.compliance.frameworks.queryOptions({}));
  const posture = useQuery(trpc.compliance.posture.queryOptions({ frameworkId: id, days: 90 }));
  const trend = posture.data?.frameworks.find((x) => x.id === id)?.trend ?? [];
  const [dialog, setDialog] = React.useState<{ rule?: Rule } | null>(null);
  const summary = frameworks.data?.find((f) => f.id === id);
  const f = framework.data;
  // Failing count per rule, from the framework's active findings (the API has no per-rule count).
  const active = useQuery(
    trpc.compliance.findings.queryOptions({
      frameworkId: id,
      status: ['open', 'acknowledged'],
      limit: 200,
      offset: 0,
    }),
  );
  const failingByRule = React.useMemo(() => {
    const m = new Map<string, number>();
    for (const x of active.data?.items ?? []) m.set(x.rule.id, (m.get(x.rule.id) ?? 0) + 1);
    return m;
  }, [active.data]);
  // Past 200 findings the counts are lower bounds, and say so.
  const countsComplete = !active.data || active.data.total <= active.data.items.length;

  const toggleFramework = useMutation(
    trpc.compliance.updateFramework.mutationOptions({
      onSuccess: async (fw) => {
        toast.success(`${fw.name} ${fw.enabled ? 'enabled' : 'disabled'}`);
        await queryClient.invalidateQueries(trpc.compliance.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not change the framework'),
    }),
  );

  const toggle = useMutation(
    trpc.compliance.updateRule.mutationOptions({
      onSuccess: async (rule) => {
        toast.success(`${rule.code} ${rule.enabled ? 'enabled' : 'disabled'}`);
        await queryClient.invalidateQueries(trpc.compliance.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not change the rule'),
    }),
  );

  if (framework.error && !f)
    return trpcErrorCode(framework.error) === 'NOT_FOUND' ? (
      <EmptyState
        icon={<ShieldCheck />}
        title="No such framework"
        description="It may have been deleted."
        action={
          <Link href="/compliance" className="text-sm font-medium text-primary hover:underline">
            Back to compliance
          </Link>
        }
      />
    ) : (
      <ErrorState error={framework.error} onRetry={() => void framework.refetch()} />
    );

  const editable = !!f && !f.builtIn && canManage;
  const columns: DataTableColumn<Rule>[] = [
    {
      id: 'rule',
      header: 'Rule',
      cell: (r) => (
        <div className="min-w-0 max-w-80">
          <div className="font-mono text-xs text-muted-foreground">{r.code}</div>
          <div className="font-medium">{r.title}</div>
        </div>
      ),
    },
    { id: 'severity', header: 'Severity', cell: (r) => <SeverityBadge severity={r.severity} /> },
    {
      id: 'target',
      header: 'Checks',
      className: 'hidden md:table-cell',
      cell: (r) => <span className="capitalize">{r.target}</span>,
    },
    {
      id: 'conditions',
      header: 'Conditions',
      className: 'hidden lg:table-cell',
      cell: (r) => (
        <div className="grid max-w-md gap-1">
          <Condition className="text-muted-foreground">{r.appliesWhen}</Condition>
          <Condition>{r.requires}</Condition>
        </div>
      ),
    },
    {
      id: 'failing',
      header: 'Failing',
      className: 'text-right',
      cell: (r) => {
        const n = failingByRule.get(r.id) ?? 0;
        if (active.isPending) return <Skeleton className="ml-auto h-4 w-6" />;
        return n || !countsComplete ? (
          <Link
            href={`/compliance/findings?framework=${id}&rule=${r.id}`}
            className="font-medium tabular-nums text-destructive hover:underline"
            onClick={(e) => e.stopPropagation()}
            data-testid="rule-failing"
          >
            {n}
            {countsComplete ? '' : '+'}
          </Link>
        ) : (
          <span className="tabular-nums text-muted-foreground" data-testid="rule-failing">
            0
          </span>
        );
      },
    },
    {
      id: 'enabled',
      header: 'Enabled',
      className: 'w-20',
      cell: (r) => (
        <span onClick={(e) => e.stopPropagation()} className="flex">
          <Switch
            checked={r.enabled}
            disabled={!canManage || (toggle.isPending && toggle.variables?.id === r.id)}
            aria-label={`${r.enabled ? 'Disable' : 'Enable'} ${r.code}`}
            data-testid="rule-enabled"
            onCheckedChange={(enabled) => toggle.mutate({ id: r.id, enabled })}
          />
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        breadcrumb={
          <Link href="/compliance" className="hover:underline">
            Compliance
          </Link>
        }
        title={
          f ? (
            <span data-testid="framework-title">{f.name}</span>
          ) : (
            // Spans, not Skeleton's div: the header puts these inside <h1> and <p>.
            <span aria-hidden className="inline-block h-7 w-48 animate-pulse rounded-md bg-muted" />
          )
        }
        description={
          f ? (
            f.description || undefined
          ) : (
            <span aria-hidden className="inline-block h-4 w-80 animate-pulse rounded-md bg-muted" />
          )
        }
        actions={
          f ? (
            <>
              {frameworks.data ? (
                <ExportDialog frameworks={frameworks.data} defaultFrameworkId={id} />
              ) : null}
              {editable ? (
                <Button variant="outline" onClick={() => setDialog({})} data-testid="create-rule">
                  <Plus />
                  New rule
                </Button>
              ) : null}
              {canEvaluate ? (
                <EvaluateButton
                  frameworkId={id}
                  scoresBefore={new Map([[id, summary?.score ?? null]])}
                  label="Evaluate"
                />
              ) : null}
            </>
          ) : null
        }
      />
      <Card className="mb-6 grid gap-4 p-5 sm:grid-cols-[auto_minmax(0,1fr)_12rem] sm:items-center">
        <div>
          <span
            className={`text-4xl font-semibold tabular-nums ${scoreClass(summary?.score)}`}
            data-testid="framework-score"
          >
            {formatScore(summary?.score)}
          </span>
          {summary?.score != null ? (
            <span className="text-sm text-muted-foreground"> / 100</span>
          ) : null}
        </div>
        <div className="grid gap-2">
          <Meter
            value={summary?.score == null ? null : summary.score / 100}
            tone={scoreTone(summary?.score)}
            showValue={false}
            className="w-full"
            barClassName="w-full"
            label="Score"
          />
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground">
            {f?.builtIn ? (
              <Badge variant="outline">
                <Lock />
                Built-in · v{f.version}
              </Badge>
            ) : f ? (
              <Badge variant="outline">Custom</Badge>
            ) : null}
            {summary ? (
              <>
                <span className="tabular-nums">{summary.checks.toLocaleString()} checks</span>
                <span className="tabular-nums">{summary.failures.toLocaleString()} failing</span>
                <span title={formatDateTime(summary.lastEvaluatedAt)}>
                  {summary.lastEvaluatedAt
                    ? `Evaluated ${formatRelative(summary.lastEvaluatedAt)}`
                    : 'Never evaluated'}
                </span>
              </>
            ) : null}
            {f ? (
              <label className="ml-auto flex items-center gap-2 text-sm text-foreground">
                <Switch
                  checked={f.enabled}
                  disabled={!canManage || toggleFramework.isPending}
                  onCheckedChange={(enabled) => toggleFramework.mutate({ id, enabled })}
                  data-testid="framework-enabled"
                />
                {f.enabled ? 'Evaluated' : 'Not evaluated (disabled)'}
              </label>
            ) : null}
          </div>
        </div>
        <div className="grid gap-1">
          {trend.length >= 2 ? (
            <Sparkline
              values={trend.map((p) => p.score)}
              domain={[0, 100]}
              height={40}
              label="Score over the last 90 days"
            />
          ) : null}
          <span className="text-xs text-muted-foreground">
            {trend.length >= 2 ? 'Last 90 days' : 'A trend appears after evaluations on two days'}
          </span>
        </div>
      </Card>
      <DataTable
        label="Rules"
        columns={columns}
        data={f?.rules}
        getRowId={(r) => r.id}
        rowTestId="rule-row"
        isLoading={framework.isPending}
        onRowClick={(r) => setDialog({ rule: r })}
        empty={
          <EmptyState
            icon={<ShieldCheck />}
            title="No rule yet"
            description={
              editable
                ? 'Add the first rule: which assets it is about, and what they must satisfy.'
                : 'This framework has no rule.'
            }
            action={
              editable ? (
                <Button size="sm" onClick={() => setDialog({})}>
                  <Plus />
                  New rule
                </Button>
              ) : null
            }
          />
        }
      />
      {f ? (
        <RuleDialog
          open={!!dialog}
          onOpenChange={(open) => !open && setDialog(null)}
          frameworkId={id}
          rule={dialog?.rule}
          readOnly={!editable}
        />
      ) : null}
    </>
  );
}
