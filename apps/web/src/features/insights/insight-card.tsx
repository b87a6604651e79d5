'use client';
import Link from 'next/link';
import { ArrowRight, Check, CheckCheck, X } from 'lucide-react';
import { Button, Card, CardContent } from '@racine/ui';
import { formatRelative } from '~/lib/format';
import { EvidenceChart, EvidenceNumbers } from './evidence-chart';
import { Confidence, SeverityBadge, StatusBadge } from './insight-bits';
import { evidenceOf, type Insight } from './types';
import { useInsightStatus } from './use-insight-status';

/** One insight: what, how sure, the evidence as a chart and numbers, what to do, and its status buttons. */
export function InsightCard({ insight, canManage, focused }: { insight: Insight; canManage: boolean; focused?: boolean }) {
  const evidence = evidenceOf(insight);
  const status = useInsightStatus();
  const open = insight.status === 'new' || insight.status === 'acknowledged';
  const move = (to: 'acknowledged' | 'dismissed' | 'actioned') => status.mutate({ id: insight.id, status: to });
  return (
    <Card data-testid="insight-card" data-insight-id={insight.id} className={focused ? 'ring-2 ring-primary' : undefined} id={`insight-${insight.id}`}>
      <CardContent className="grid gap-3 p-4">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="grid min-w-0 gap-1">
            <div className="flex flex-wrap items-center gap-2">
              <SeverityBadge severity={insight.severity} />
              <StatusBadge status={insight.status} />
              <span className="text-xs text-muted-foreground">{insight.kind === 'forecast' ? 'Forecast' : 'Anomaly'} · {formatRelative(insight.detectedAt)}</span>
            </div>
            <h3 className="text-base font-semibold leading-snug" data-testid="insight-title">
              {insight.title}
            </h3>
          </div>
          <Confidence value={insight.confidence} />
        </div>
        <p className="text-sm text-muted-foreground">{insight.summary}</p>
        {evidence ? (
          <div className="grid gap-2" data-testid="insight-evidence">
            <span className="text-xs font-medium text-muted-foreground">{evidence.seriesLabel}</span>
            <EvidenceChart evidence={evidence} />
            <EvidenceNumbers evidence={evidence} />
          </div>
        ) : null}
        <div className="flex flex-wrap items-center justify-between gap-2 border-t pt-3">
          {insight.actionLink ? (
            <Link href={insight.actionLink} className="inline-flex items-center gap-1 text-sm font-medium text-primary hover:underline" data-testid="insight-action">
              {insight.suggestedAction}
              <ArrowRight className="size-3.5" />
            </Link>
          ) : (
            <span className="text-sm">{insight.suggestedAction}</span>
          )}
          {canManage && open ? (
            <div className="flex flex-wrap gap-2">
              {insight.status === 'new' ? (
                <Button size="sm" variant="outline" disabled={status.isPending} onClick={() => move('acknowledged')} data-testid="insight-acknowledge">
                  <Check />
                  Acknowledge
                </Button>
              ) : null}
              <Button size="sm" variant="outline" disabled={status.isPending} onClick={() => move('dismissed')} data-testid="insight-dismiss">
                <X />
                Dismiss
              </Button>
              <Button size="sm" disabled={status.isPending} onClick={() => move('actioned')} data-testid="insight-actioned">
                <CheckCheck />
                Mark actioned
              </Button>
            </div>
          ) : insight.statusByName && insight.statusAt ? (
            <span className="text-xs text-muted-foreground">
              {insight.status} by {insight.statusByName} {formatRelative(insight.statusAt)}
            </span>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
