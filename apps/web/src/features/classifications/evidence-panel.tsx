'use client';
import { useQuery } from '@tanstack/react-query';
import { Badge, Meter } from '@racine/ui';
import { getLabel } from '@racine/services/classification/taxonomy';
import { useTRPC } from '~/trpc/react';
import { formatDateTime } from '~/lib/format';
import {
  type ClassificationRow,
  evidenceOf,
  formatPercent,
  isRuleEvidence,
  SensitivityBadge,
} from './bits';

function Count({ label, value, hint }: { label: string; value: React.ReactNode; hint?: string }) {
  return (
    <div className="min-w-0 rounded-md border bg-background px-3 py-2" title={hint}>
      <div className="text-[11px] text-muted-foreground">{label}</div>
      <div className="text-base font-semibold tabular-nums">{value}</div>
    </div>
  );
}

const signalVariant = { positive: 'success', negative: 'destructive', none: 'secondary' } as const;
const logit = (v: number | null) => (v === null ? '—' : `${v >= 0 ? '+' : ''}${v.toFixed(2)}`);

/** What the panel reads of a label: the review queue's rows and the catalog's column page both have it. */
export type EvidenceRow = Pick<
  ClassificationRow,
  'label' | 'sensitivity' | 'evidence' | 'reviewedAt' | 'reviewNote' | 'dataType'
> & { reviewedBy: { name: string } | null };

/** Why a column got a label: the counts, rates, name signal, masked examples, reasons and score. */
export function EvidencePanel({ row }: { row: EvidenceRow }) {
  const trpc = useTRPC();
  const detectors = useQuery({
    ...trpc.classification.detectors.queryOptions(),
    staleTime: 60_000,
  });
  const e = evidenceOf(row);
  const def = getLabel(row.label);
  const detector =
    detectors.data?.find((d) => d.id === e.detector) ??
    detectors.data?.find((d) => d.label === row.label);
  const rule = isRuleEvidence(e) ? e.rule : null;
  const kinds = Object.entries(e.kinds ?? {});
  return (
    <div className="grid gap-4 text-sm" data-testid="evidence-panel">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-semibold">{def?.displayName ?? row.label}</span>
            <SensitivityBadge sensitivity={row.sensitivity} />
            <Badge variant="outline">{e.matchMode} match</Badge>
          </div>
          {def ? <p className="mt-0.5 text-muted-foreground">{def.description}</p> : null}
        </div>
        <div className="text-right text-xs text-muted-foreground">
          {rule ? (
            <>
              Custom rule <code className="font-mono">{rule.id}</code>
            </>
          ) : (
            <>
              Detector <code className="font-mono">{e.detector}</code> v{e.detectorVersion}
            </>
          )}
          {detector ? (
            <div data-testid="detector-precision">
              Measured precision{' '}
              <span className="font-medium text-foreground">
                {formatPercent(detector.measuredPrecision)}
              </span>{' '}
              ({detector.accepted} accepted / {detector.rejected} rejected) · learned{' '}
              {formatPercent(detector.learnedPrecision)}
            </div>
          ) : null}
          {row.reviewedBy ? (
            <div>
              Reviewed by {row.reviewedBy.name} · {formatDateTime(row.reviewedAt)}
            </div>
          ) : null}
          {row.reviewNote ? <div className="italic">“{row.reviewNote}”</div> : null}
        </div>
      </div>

      <div className="grid grid-cols-3 gap-2 sm:grid-cols-6">
        <Count label="Sampled" value={e.sampled} hint="Values handed in, nulls included" />
        <Count label="Non-null" value={e.nonNull} hint="Neither null, blank nor a placeholder" />
        <Count label="Matched" value={e.matched} />
        <Count label="Invalid" value={e.invalid} hint="Shaped like it but failed the validator" />
        <Count
          label="Placeholders"
          value={e.placeholders}
          hint="N/A, unknown, - … treated as null"
        />
        <Count
          label="Distinct"
          value={e.distinct}
          hint={`Distinct ratio ${formatPercent(e.distinctRatio)}`}
        />
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <div className="grid content-start gap-2">
          <div className="grid grid-cols-[9rem_1fr] items-center gap-2">
            <span className="text-muted-foreground">Match rate</span>
            <Meter value={e.matchRate} label="Match rate" barClassName="w-32" />
            <span className="text-muted-foreground">Validator pass rate</span>
            {e.validatorPassRate === null ? (
              <span className="text-xs text-muted-foreground">nothing shaped like it</span>
            ) : (
              <Meter
                value={e.validatorPassRate}
                label="Validator pass rate"
                tone="success"
                barClassName="w-32"
              />
            )}
            <span className="text-muted-foreground">Name signal</span>
            <span className="flex items-center gap-2">
              <Badge variant={signalVariant[e.nameSignal]}>{e.nameSignal}</Badge>
              {e.namePattern ? (
                <code
                  className="min-w-0 max-w-64 truncate font-mono text-xs text-muted-foreground"
                  title={e.namePattern}
                >
                  {e.namePattern}
                </code>
              ) : null}
            </span>
            <span className="text-muted-foreground">Type</span>
            <span className="font-mono text-xs">
              {row.dataType ?? '—'} → {e.normalizedType}
            </span>
          </div>
          {kinds.length ? (
            <div className="flex flex-wrap items-center gap-1.5">
              <span className="text-muted-foreground">Kinds</span>
              {kinds.map(([k, n]) => (
                <Badge key={k} variant="outline">
                  {k} <span className="tabular-nums text-muted-foreground">{n}</span>
                </Badge>
              ))}
            </div>
          ) : null}
          <div className="grid gap-1">
            <span className="text-muted-foreground">Masked examples</span>
            {e.maskedExamples.length ? (
              <div className="flex flex-wrap gap-1.5" data-testid="masked-examples">
                {e.maskedExamples.map((x, i) => (
                  <code
                    key={i}
                    className="rounded border bg-background px-1.5 py-0.5 font-mono text-xs"
                  >
                    {x}
                  </code>
                ))}
              </div>
            ) : (
              <span className="text-xs text-muted-foreground">none (judged on the name alone)</span>
            )}
          </div>
        </div>
        <div className="grid content-start gap-2">
          <span className="text-muted-foreground">Score breakdown</span>
          <table className="w-full text-xs" aria-label="Score breakdown">
            <tbody className="[&_td]:py-0.5 [&_td:last-child]:text-right [&_td:last-child]:font-mono [&_td:last-child]:tabular-nums">
              <tr>
                <td>Value score (Wilson lower × pass rate)</td>
                <td>{e.score.valueScore === null ? '—' : e.score.valueScore.toFixed(3)}</td>
              </tr>
              <tr>
                <td>Value evidence (logit)</td>
                <td>{logit(e.score.valueLogit)}</td>
              </tr>
              <tr>
                <td>Column name (logit)</td>
                <td>{logit(e.score.nameLogit)}</td>
              </tr>
              <tr>
                <td>Detector precision (logit)</td>
                <td>{logit(e.score.precisionLogit)}</td>
              </tr>
              <tr className="border-t font-medium">
                <td>Confidence</td>
                <td>{formatPercent(e.score.confidence, 1)}</td>
              </tr>
            </tbody>
          </table>
          {rule ? (
            <div className="grid gap-1">
              <span className="text-muted-foreground">Rule</span>
              <pre className="overflow-x-auto rounded-md border bg-background p-2 font-mono text-xs">
                {rule.expression}
              </pre>
              {rule.valuePattern ? (
                <span className="text-xs">
                  Value pattern <code className="font-mono">{rule.valuePattern}</code>
                </span>
              ) : null}
            </div>
          ) : null}
        </div>
      </div>

      <div className="grid gap-1">
        <span className="text-muted-foreground">Why</span>
        <ul className="grid list-disc gap-0.5 pl-5" data-testid="evidence-reasons">
          {e.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
