'use client';
import * as React from 'react';
import Link from 'next/link';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowRight, Check, Lightbulb, X } from 'lucide-react';
import { Badge, Button, Card, EmptyState, ErrorState, Skeleton, toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useAssistant } from './assistant-provider';
import type { Recommendation, RecommendationRate } from './types';

/**
 * What to do next, ranked from the current state (ai.recommendations): each
 * card says why (its evidence) and offers one action. Accepting or dismissing
 * is feedback: a type people dismiss sinks in everyone's ranking, and a
 * dismissed card stays gone for you. The acceptance rate per type is shown,
 * quietly, so the learning is visible.
 */
export function RecommendationsPanel() {
  const trpc = useTRPC();
  const list = useQuery(trpc.ai.recommendations.queryOptions());
  const rates = React.useMemo(
    () => new Map((list.data?.acceptance ?? []).map((r) => [r.type, r] as const)),
    [list.data],
  );
  return (
    <section
      aria-labelledby="recommendations-title"
      data-testid="recommendations"
      data-state={list.isPending ? 'loading' : list.isError ? 'error' : 'ready'}
    >
      <div className="mb-3 flex items-baseline gap-2">
        <h2 id="recommendations-title" className="text-base font-semibold">
          Recommendations
        </h2>
        {list.data ? (
          <span className="text-xs text-muted-foreground">{list.data.items.length} to look at</span>
        ) : null}
      </div>
      {list.isPending ? (
        <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-40" />
          ))}
        </div>
      ) : list.isError ? (
        <Card>
          <ErrorState
            title="Could not load recommendations"
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        </Card>
      ) : !list.data.items.length ? (
        <Card>
          <EmptyState
            icon={<Lightbulb />}
            title="Nothing to recommend right now"
            description="Sources are scanned, PII has owners, labels are reviewed and findings are on track."
          />
        </Card>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
          {list.data.items.map((item) => (
            <RecommendationCard key={item.subjectKey} item={item} rate={rates.get(item.type)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RecommendationCard({ item, rate }: { item: Recommendation; rate?: RecommendationRate }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { openWith } = useAssistant();
  const feedback = useMutation(
    trpc.ai.feedback.mutationOptions({
      onSuccess: (_r, input) => {
        toast.success(input.decision === 'dismissed' ? 'Dismissed' : 'Accepted', {
          description:
            input.decision === 'dismissed' ? 'Fewer recommendations like this one.' : undefined,
        });
        void queryClient.invalidateQueries(trpc.ai.recommendations.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not record that'),
    }),
  );
  const decide = (decision: 'accepted' | 'dismissed') =>
    feedback.mutate({ subjectKey: item.subjectKey, type: item.type, decision });
  const action = item.action;
  return (
    <li>
      <Card
        className="flex h-full flex-col gap-3 p-4"
        data-testid="recommendation-card"
        data-key={item.subjectKey}
        data-type={item.type}
      >
        <div className="flex items-start gap-2">
          <Badge variant={urgencyVariant(item.urgency)} className="shrink-0">
            {typeLabel(item.type)}
          </Badge>
          {rate && rate.accepted + rate.dismissed > 0 ? (
            <span
              className="ml-auto text-[11px] tabular-nums text-muted-foreground"
              title={`${rate.accepted} accepted, ${rate.dismissed} dismissed: this type ranks by its smoothed acceptance rate`}
              data-testid="recommendation-rate"
            >
              {Math.round(rate.rate * 100)}% accepted
            </span>
          ) : null}
        </div>
        <div className="grid gap-1">
          <p className="text-sm font-medium leading-snug">{item.title}</p>
          {Object.keys(item.evidence).length ? (
            <dl
              className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs text-muted-foreground"
              data-testid="recommendation-evidence"
            >
              {Object.entries(item.evidence).map(([key, value]) => (
                <React.Fragment key={key}>
                  <dt>{humanKey(key)}</dt>
                  <dd
                    className="min-w-0 truncate font-medium text-foreground tabular-nums"
                    title={String(value)}
                  >
                    {value}
                  </dd>
                </React.Fragment>
              ))}
            </dl>
          ) : null}
        </div>
        <div className="mt-auto flex flex-wrap items-center gap-1.5">
          {action.kind === 'link' ? (
            <Button size="sm" asChild onClick={() => decide('accepted')}>
              <Link href={action.href} data-testid="recommendation-action">
                {action.label} <ArrowRight />
              </Link>
            </Button>
          ) : (
            <Button
              size="sm"
              title={`Asks the assistant: “${action.question}”`}
              onClick={() => openWith(action.question)}
              data-testid="recommendation-action"
            >
              {action.label} <ArrowRight />
            </Button>
          )}
          {item.accepted ? (
            <Badge variant="success" className="ml-auto">
              <Check /> Accepted
            </Badge>
          ) : (
            <Button
              size="sm"
              variant="ghost"
              className="ml-auto"
              disabled={feedback.isPending}
              onClick={() => decide('accepted')}
              data-testid="recommendation-accept"
            >
              <Check /> Accept
            </Button>
          )}
          <Button
            size="sm"
            variant="ghost"
            disabled={feedback.isPending}
            onClick={() => decide('dismissed')}
            data-testid="recommendation-dismiss"
          >
            <X /> Dismiss
          </Button>
        </div>
      </Card>
    </li>
  );
}

/** Each recommendation type as a person would say it; an unknown one from its key. */
const typeLabels: Record<string, string> = {
  source_stale: 'Stale scan',
  source_unscanned: 'Never scanned',
  pii_unowned: 'PII without owner',
  labels_to_review: 'Labels to review',
  finding_due: 'Finding due',
  workflow_failing: 'Failing workflow',
  insight_unacknowledged: 'New insight',
};
const typeLabel = (type: string) => {
  if (typeLabels[type]) return typeLabels[type];
  const words = type.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const humanKey = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** Urgent ones stand out: the candidate's urgency is 0..1 (overdue, many PII kinds, many failures). */
function urgencyVariant(urgency: number) {
  if (urgency >= 0.75) return 'destructive' as const;
  if (urgency >= 0.4) return 'warning' as const;
  return 'secondary' as const;
}
