'use client';
import Link from 'next/link';
import { ShieldCheck } from 'lucide-react';
import { Badge, Card, CardContent, CardHeader, cn, Meter, Sparkline } from '@racine/ui';
import { formatDateTime, formatRelative } from '~/lib/format';
import { formatScore, scoreClass, scoreTone, severities } from './bits';
import type { FrameworkSummary, Posture } from './types';

type Trend = Posture['frameworks'][number]['trend'];

const severityDot = {
  critical: 'bg-destructive',
  high: 'bg-destructive/70',
  medium: 'bg-warning',
  low: 'bg-muted-foreground/50',
} as const;

/** One framework at a glance: its score, what was checked, what is open, how it moved. */
export function FrameworkCard({
  framework: f,
  trend,
}: {
  framework: FrameworkSummary;
  trend: Trend | undefined;
}) {
  const open = f.openBySeverity;
  const openTotal = f.openFindings;
  return (
    <Card
      data-testid="framework-card"
      data-key={f.key ?? f.name}
      data-framework-id={f.id}
      className={cn('flex flex-col', !f.enabled && 'opacity-70')}
    >
      <CardHeader className="flex-row items-start justify-between gap-2 space-y-0">
        <div className="min-w-0">
          <Link
            href={`/compliance/frameworks/${f.id}`}
            className="flex items-center gap-1.5 font-semibold hover:underline"
            data-testid="framework-link"
          >
            <ShieldCheck className="size-4 shrink-0 text-muted-foreground" />
            <span className="truncate">{f.name}</span>
          </Link>
          <p className="mt-0.5 text-xs text-muted-foreground">
            {f.ruleCount} {f.ruleCount === 1 ? 'rule' : 'rules'}
            {f.builtIn ? ' · built-in' : ' · custom'}
          </p>
        </div>
        {!f.enabled ? <Badge variant="outline">Disabled</Badge> : null}
      </CardHeader>
      <CardContent className="flex flex-1 flex-col gap-3">
        <div className="flex items-end justify-between gap-3">
          <div>
            <span
              className={cn('text-4xl font-semibold tabular-nums', scoreClass(f.score))}
              data-testid="framework-score"
              data-score={f.score ?? ''}
              title={f.score == null ? 'Not evaluated yet' : `${f.score.toFixed(1)} / 100`}
            >
              {formatScore(f.score)}
            </span>
            {f.score != null ? <span className="text-sm text-muted-foreground"> / 100</span> : null}
          </div>
          <Sparkline
            className="max-w-28"
            values={(trend ?? []).map((p) => p.score)}
            domain={[0, 100]}
            label={`${f.name} score trend`}
          />
        </div>
        <Meter
          value={f.score == null ? null : f.score / 100}
          tone={scoreTone(f.score)}
          showValue={false}
          barClassName="w-full"
          className="w-full"
          label={`${f.name} score`}
        />
        <div className="flex items-center justify-between text-xs text-muted-foreground">
          <span className="tabular-nums">
            {f.checks.toLocaleString()} checks ·{' '}
            <span className={f.failures ? 'text-destructive' : undefined}>
              {f.failures.toLocaleString()} failing
            </span>
          </span>
          <span title={formatDateTime(f.lastEvaluatedAt)}>
            {f.lastEvaluatedAt
              ? `Evaluated ${formatRelative(f.lastEvaluatedAt)}`
              : 'Never evaluated'}
          </span>
        </div>
        <Link
          href={`/compliance/findings?framework=${f.id}`}
          className="mt-auto flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border px-2.5 py-1.5 text-xs hover:bg-muted/50"
          data-testid="framework-open-findings"
        >
          <span className="font-medium">{openTotal ? `${openTotal} open` : 'No open finding'}</span>
          {severities
            .filter((s) => open?.[s])
            .map((s) => (
              <span key={s} className="flex items-center gap-1 text-muted-foreground">
                <span className={cn('size-2 rounded-full', severityDot[s])} />
                {open?.[s]} {s}
              </span>
            ))}
        </Link>
      </CardContent>
    </Card>
  );
}
