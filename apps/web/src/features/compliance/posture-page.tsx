'use client';
import * as React from 'react';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { ListChecks, Plus, ShieldCheck } from 'lucide-react';
import {
  Button,
  Card,
  CardContent,
  CardHeader,
  EmptyState,
  ErrorState,
  PageHeader,
  Skeleton,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { CreateFrameworkDialog } from './create-framework-dialog';
import { EvaluateButton } from './evaluate-button';
import { ExportDialog } from './export-dialog';
import { FrameworkCard } from './framework-card';
import { PostureChart, type RangeDays } from './posture-chart';
import { SourceScoresTable } from './source-scores-table';
import { useComplianceAccess } from './use-compliance-access';

/**
 * The compliance posture: a card per framework, their scores over time, and
 * each source's score under each framework.
 */
export function PosturePage() {
  const trpc = useTRPC();
  const { canManage, canEvaluate } = useComplianceAccess();
  const [days, setDays] = React.useState<RangeDays>(30);
  const [createOpen, setCreateOpen] = React.useState(false);
  const frameworks = useQuery(trpc.compliance.frameworks.queryOptions({}));
  const posture = useQuery(trpc.compliance.posture.queryOptions({ days }));
  const list = frameworks.data ?? [];
  const scoresBefore = React.useMemo(
    () => new Map(list.map((f) => [f.id, f.score] as const)),
    [list],
  );
  const trendOf = (id: string) => posture.data?.frameworks.find((f) => f.id === id)?.trend;

  return (
    <>
      <PageHeader
        title="Compliance"
        description="How the catalog measures up against each framework, and what is failing where."
        actions={
          <>
            <Button variant="outline" asChild>
              <Link href="/compliance/findings" data-testid="open-findings-board">
                <ListChecks />
                Findings
              </Link>
            </Button>
            <ExportDialog frameworks={list} />
            {canManage ? (
              <Button
                variant="outline"
                onClick={() => setCreateOpen(true)}
                data-testid="create-framework"
              >
                <Plus />
                New framework
              </Button>
            ) : null}
            {canEvaluate ? <EvaluateButton scoresBefore={scoresBefore} /> : null}
          </>
        }
      />
      <section aria-label="Frameworks" className="mb-6">
        {frameworks.error && !frameworks.data ? (
          <Card>
            <ErrorState error={frameworks.error} onRetry={() => void frameworks.refetch()} />
          </Card>
        ) : frameworks.isPending ? (
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {Array.from({ length: 3 }, (_, i) => (
              <Card key={i}>
                <CardHeader>
                  <Skeleton className="h-4 w-32" />
                </CardHeader>
                <CardContent className="grid gap-3">
                  <Skeleton className="h-10 w-20" />
                  <Skeleton className="h-1.5 w-full" />
                  <Skeleton className="h-4 w-full" />
                </CardContent>
              </Card>
            ))}
          </div>
        ) : list.length === 0 ? (
          <Card>
            <EmptyState
              icon={<ShieldCheck />}
              title="No framework yet"
              description={
                canManage
                  ? 'The built-in frameworks are installed by the seed. Create your own to check an internal policy.'
                  : 'Ask an admin to install the built-in frameworks.'
              }
              action={
                canManage ? (
                  <Button size="sm" onClick={() => setCreateOpen(true)}>
                    <Plus />
                    New framework
                  </Button>
                ) : null
              }
            />
          </Card>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {list.map((f) => (
              <FrameworkCard key={f.id} framework={f} trend={trendOf(f.id)} />
            ))}
          </div>
        )}
      </section>
      <section aria-label="Scores over time" className="mb-6">
        <PostureChart
          posture={posture.data}
          isLoading={posture.isPending}
          error={posture.error}
          onRetry={() => void posture.refetch()}
          days={days}
          onDaysChange={setDays}
        />
      </section>
      <section aria-label="Scores by source">
        <h2 className="mb-3 text-sm font-semibold">By source</h2>
        <SourceScoresTable
          posture={posture.data}
          isLoading={posture.isPending}
          error={posture.error}
          onRetry={() => void posture.refetch()}
        />
      </section>
      {canManage ? <CreateFrameworkDialog open={createOpen} onOpenChange={setCreateOpen} /> : null}
    </>
  );
}
