import { Badge } from '@racine/ui';
import type { InsightSeverity, InsightStatus } from './types';

const severityVariant = { low: 'secondary', medium: 'warning', high: 'destructive', critical: 'destructive' } as const;
const statusVariant = { new: 'info', acknowledged: 'secondary', dismissed: 'outline', actioned: 'success' } as const;

export function SeverityBadge({ severity }: { severity: InsightSeverity }) {
  return (
    <Badge variant={severityVariant[severity]} className="capitalize" data-testid="insight-severity">
      {severity === 'critical' ? 'Critical' : severity}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: InsightStatus }) {
  return (
    <Badge variant={statusVariant[status]} className="capitalize" data-testid="insight-status">
      {status}
    </Badge>
  );
}

/** "87% confident" with a thin meter, so low-confidence insights read as such. */
export function Confidence({ value }: { value: number }) {
  const pct = Math.round(value * 100);
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-muted-foreground" title="How sure the detector is: more history and a stronger signal, or a narrower forecast band, mean more confidence">
      <span className="relative h-1.5 w-12 overflow-hidden rounded-full bg-muted" aria-hidden>
        <span className="absolute inset-y-0 left-0 rounded-full bg-primary" style={{ width: `${pct}%` }} />
      </span>
      {pct}% confident
    </span>
  );
}
