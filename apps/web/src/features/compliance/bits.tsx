import { Badge, cn } from '@racine/ui';
import type { FindingStatus, Severity } from './types';

export { findingStatuses, ruleTargets, severities } from './constants';

const severityVariant = {
  critical: 'destructive',
  high: 'destructive',
  medium: 'warning',
  low: 'secondary',
} as const;

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge
      variant={severityVariant[severity]}
      data-testid="severity"
      data-severity={severity}
      // critical and high share a colour; critical is also bold so they stay distinct.
      className={cn('capitalize', severity === 'critical' && 'font-semibold')}
    >
      {severity}
    </Badge>
  );
}

const statusVariant = {
  open: 'destructive',
  acknowledged: 'warning',
  waived: 'info',
  resolved: 'success',
} as const;

export const statusLabel: Record<FindingStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  waived: 'Waived',
  resolved: 'Resolved',
};

export function FindingStatusBadge({ status }: { status: FindingStatus }) {
  return (
    <Badge variant={statusVariant[status]} data-testid="finding-status" data-status={status}>
      {statusLabel[status]}
    </Badge>
  );
}

/** Text colour for a 0–100 score: green when healthy, amber when middling, red when poor. */
export function scoreClass(score: number | null | undefined): string {
  if (score == null) return 'text-muted-foreground';
  if (score >= 90) return 'text-success';
  if (score >= 70) return 'text-foreground';
  if (score >= 50) return 'text-warning';
  return 'text-destructive';
}

export function scoreTone(score: number | null | undefined) {
  if (score == null) return 'muted' as const;
  if (score >= 90) return 'success' as const;
  if (score >= 70) return 'primary' as const;
  if (score >= 50) return 'warning' as const;
  return 'destructive' as const;
}

/** Scores are shown rounded; the exact value is in the tooltip. */
export function formatScore(score: number | null | undefined): string {
  return score == null ? '—' : String(Math.round(score));
}

export function ScoreCell({ score }: { score: number | null | undefined }) {
  return (
    <span
      className={cn('font-medium tabular-nums', scoreClass(score))}
      title={score == null ? 'Not evaluated' : `${score.toFixed(1)} / 100`}
    >
      {formatScore(score)}
    </span>
  );
}

/** A monospace block for a rule condition, wrapping long expressions. */
export function Condition({ children, className }: { children: string; className?: string }) {
  return (
    <code
      className={cn(
        'block whitespace-pre-wrap break-words rounded-md bg-muted px-2 py-1 font-mono text-xs',
        className,
      )}
    >
      {children}
    </code>
  );
}
