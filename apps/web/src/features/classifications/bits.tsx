'use client';
import { Bot, CheckCircle2, CircleDot, XCircle } from 'lucide-react';
import { Badge, Meter, cn } from '@racine/ui';
import { getLabel, LABEL_CATEGORIES, LABELS } from '@racine/services/classification/taxonomy';
import type { ClassificationEvidence } from '@racine/services/classification/types';
import type { RuleEvidence } from '@racine/services/rulesets/custom-rules';
import type { RouterOutputs } from '~/trpc/types';

export type ClassificationRow = RouterOutputs['classification']['list']['items'][number];
export type ClassificationState = ClassificationRow['state'];
export type Detector = RouterOutputs['classification']['detectors'][number];
export type Evidence = ClassificationEvidence | RuleEvidence;

export const evidenceOf = (row: { evidence: unknown }) => row.evidence as Evidence;
export const isRuleEvidence = (e: Evidence): e is RuleEvidence =>
  (e as { source?: string }).source === 'rule';

/** Colour by sensitivity: Restricted red, Confidential amber, Internal blue, Public grey. */
const sensitivityClass: Record<string, string> = {
  Restricted: 'border-destructive/30 bg-destructive/10 text-destructive',
  Confidential: 'border-warning/40 bg-warning/15 text-amber-700 dark:text-amber-300',
  Internal: 'border-info/30 bg-info/10 text-info',
  Public: 'border-border bg-secondary text-secondary-foreground',
};

export function SensitivityBadge({ sensitivity }: { sensitivity: string }) {
  return (
    <Badge
      variant="outline"
      className={cn(sensitivityClass[sensitivity] ?? sensitivityClass.Internal)}
    >
      {sensitivity}
    </Badge>
  );
}

export function LabelBadge({ label, sensitivity }: { label: string; sensitivity: string }) {
  const def = getLabel(label);
  return (
    <Badge
      variant="outline"
      data-testid="label-badge"
      className={cn('font-mono', sensitivityClass[sensitivity] ?? sensitivityClass.Internal)}
      title={`${def?.displayName ?? label} · ${sensitivity}${def ? ` — ${def.description}` : ''}`}
    >
      {label}
    </Badge>
  );
}

export function ConfidenceBar({ value, label }: { value: number; label?: string }) {
  return <Meter value={value} tone="auto" label={label ?? 'Confidence'} />;
}

export function StateBadge({
  state,
  autoAccepted,
}: {
  state: ClassificationState;
  autoAccepted?: boolean;
}) {
  if (state === 'accepted')
    return (
      <Badge variant="success" data-testid="label-state" data-state={state}>
        {autoAccepted ? <Bot /> : <CheckCircle2 />}
        {autoAccepted ? 'auto-accepted' : 'accepted'}
      </Badge>
    );
  if (state === 'rejected')
    return (
      <Badge variant="destructive" data-testid="label-state" data-state={state}>
        <XCircle />
        rejected
      </Badge>
    );
  return (
    <Badge variant="secondary" data-testid="label-state" data-state={state}>
      <CircleDot />
      to review
    </Badge>
  );
}

/** Suggestions for the label filter: category prefixes, then every taxonomy label. */
export const labelFilterOptions = [
  ...LABEL_CATEGORIES.map((c) => `${c === 'GDPR-special' ? 'GDPR' : c}.`),
  ...LABELS.map((l) => l.id),
  'Custom.',
];

export function formatPercent(v: number | null | undefined, digits = 0) {
  return v == null ? '—' : `${(v * 100).toFixed(digits)}%`;
}
