'use client';
import { useQuery } from '@tanstack/react-query';
import { Checkbox, Meter, Skeleton, Switch, ErrorState } from '@racine/ui';
import { LABEL_CATEGORIES } from '@racine/services/classification/taxonomy';
import { useTRPC } from '~/trpc/react';
import { type Detector, formatPercent, SensitivityBadge } from '~/features/classifications/bits';

/**
 * Which built-in detectors a rule set runs. Empty means all of them
 * (including detectors added later); otherwise the chosen labels.
 */
export function DetectorPicker({
  value,
  onChange,
  disabled,
  error,
}: {
  value: readonly string[];
  onChange: (next: string[]) => void;
  disabled?: boolean;
  error?: string;
}) {
  const trpc = useTRPC();
  const detectors = useQuery({
    ...trpc.classification.detectors.queryOptions(),
    staleTime: 60_000,
  });
  const all = value.length === 0;
  if (detectors.isPending) return <Skeleton className="h-40" />;
  if (detectors.isError)
    return <ErrorState error={detectors.error} onRetry={() => void detectors.refetch()} />;
  const groups = LABEL_CATEGORIES.map((c) => ({
    category: c,
    items: detectors.data.filter((d) => d.category === c),
  })).filter((g) => g.items.length);
  const chosen = new Set(value);
  const setLabels = (labels: Iterable<string>) => {
    // Keep taxonomy order, so a saved list reads the same way as the picker.
    const wanted = new Set(labels);
    onChange(detectors.data.map((d) => d.label).filter((l) => wanted.has(l)));
  };
  const row = (d: Detector) => (
    <label
      key={d.id}
      className="flex cursor-pointer items-start gap-2.5 rounded-md px-2 py-1.5 hover:bg-accent has-[:disabled]:cursor-default"
    >
      <Checkbox
        className="mt-0.5"
        checked={all || chosen.has(d.label)}
        disabled={disabled || all}
        aria-label={d.label}
        onCheckedChange={(checked) => {
          const next = new Set(chosen);
          if (checked) next.add(d.label);
          else next.delete(d.label);
          if (next.size === 0) return;
          setLabels(next);
        }}
      />
      <span className="grid min-w-0 flex-1 gap-0.5">
        <span className="flex flex-wrap items-center gap-2">
          <code className="font-mono text-xs font-medium">{d.label}</code>
          <SensitivityBadge sensitivity={d.sensitivity} />
        </span>
        <span className="truncate text-xs text-muted-foreground" title={d.description}>
          {d.displayName} · {d.validation}
        </span>
      </span>
      <span className="w-28 shrink-0" title={`${d.accepted} accepted, ${d.rejected} rejected`}>
        {d.measuredPrecision === null ? (
          <span className="text-[11px] text-muted-foreground">not reviewed</span>
        ) : (
          <Meter
            value={d.measuredPrecision}
            tone="auto"
            label={`Measured precision of ${d.label}`}
            barClassName="w-12"
            format={(v) => formatPercent(v)}
          />
        )}
      </span>
    </label>
  );
  return (
    <div className="grid gap-3" data-testid="detector-picker">
      <label className="flex items-center gap-2 text-sm">
        <Switch
          checked={all}
          disabled={disabled}
          onCheckedChange={(checked) => onChange(checked ? [] : detectors.data.map((d) => d.label))}
          aria-label="Run every detector"
        />
        <span>
          Run every detector{' '}
          <span className="text-muted-foreground">(including ones added in later versions)</span>
        </span>
      </label>
      {error ? <p className="text-xs text-destructive">{error}</p> : null}
      <div className="gap-4 md:columns-2">
        {groups.map((g) => {
          const inGroup = g.items.filter((d) => all || chosen.has(d.label)).length;
          return (
            <fieldset
              key={g.category}
              className="mb-4 grid break-inside-avoid content-start gap-0.5 rounded-md border p-2"
            >
              <legend className="flex items-center gap-2 px-1 text-xs font-semibold">
                <Checkbox
                  aria-label={`All ${g.category} detectors`}
                  disabled={disabled || all}
                  checked={inGroup === g.items.length ? true : inGroup ? 'indeterminate' : false}
                  onCheckedChange={(checked) => {
                    const next = new Set(chosen);
                    for (const d of g.items) {
                      if (checked) next.add(d.label);
                      else next.delete(d.label);
                    }
                    if (next.size) setLabels(next);
                  }}
                />
                {g.category}
                <span className="font-normal text-muted-foreground tabular-nums">
                  {inGroup}/{g.items.length}
                </span>
              </legend>
              {g.items.map(row)}
            </fieldset>
          );
        })}
      </div>
      {!all ? (
        <p className="text-xs text-muted-foreground">
          {value.length} detectors chosen. Measured precision is accepted ÷ reviewed labels.
        </p>
      ) : null}
    </div>
  );
}
