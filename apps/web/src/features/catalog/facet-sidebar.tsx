'use client';
import * as React from 'react';
import { Checkbox, Skeleton, cn } from '@racine/ui';
import { type FacetName, facetNames, facetTitle } from './search-params';
import type { Facets } from './types';

const SHOWN = 8;

/**
 * One checkbox list per facet, each value with how many results carry it.
 * A selected value stays listed even when the other filters leave it no hits.
 */
export function FacetSidebar({
  facets,
  selected,
  onToggle,
  onClear,
  loading,
}: {
  facets: Facets | undefined;
  selected: Record<FacetName, string[]>;
  onToggle: (facet: FacetName, value: string) => void;
  onClear: (facet: FacetName) => void;
  loading: boolean;
}) {
  if (!facets && loading)
    return (
      <div className="grid gap-5" aria-busy="true">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="grid gap-2">
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-4/5" />
          </div>
        ))}
      </div>
    );
  return (
    <nav className="grid content-start gap-5" aria-label="Filters" data-testid="facets">
      {facetNames.map((f) => (
        <FacetGroup
          key={f}
          name={f}
          values={facets?.[f] ?? []}
          selected={selected[f]}
          onToggle={(v) => onToggle(f, v)}
          onClear={() => onClear(f)}
        />
      ))}
    </nav>
  );
}

function FacetGroup({
  name,
  values,
  selected,
  onToggle,
  onClear,
}: {
  name: FacetName;
  values: readonly { value: string; label: string; count: number }[];
  selected: readonly string[];
  onToggle: (value: string) => void;
  onClear: () => void;
}) {
  const [expanded, setExpanded] = React.useState(false);
  const listed = [
    ...values,
    ...selected
      .filter((s) => !values.some((v) => v.value === s))
      .map((s) => ({ value: s, label: s, count: 0 })),
  ];
  if (!listed.length) return null;
  const shown = expanded ? listed : listed.slice(0, SHOWN);
  return (
    <fieldset className="grid gap-1" data-testid={`facet-${name}`}>
      <legend className="mb-1 flex w-full items-center justify-between text-xs font-medium uppercase tracking-wide text-muted-foreground">
        {facetTitle[name]}
        {selected.length ? (
          <button
            type="button"
            className="cursor-pointer text-[11px] normal-case tracking-normal text-primary hover:underline"
            onClick={onClear}
          >
            Clear
          </button>
        ) : null}
      </legend>
      {shown.map((v) => {
        const id = `facet-${name}-${v.value}`;
        const on = selected.includes(v.value);
        return (
          <label
            key={v.value}
            htmlFor={id}
            className={cn(
              'flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-muted/60',
              !on && v.count === 0 && 'text-muted-foreground',
            )}
          >
            <Checkbox id={id} checked={on} onCheckedChange={() => onToggle(v.value)} />
            <span className="min-w-0 flex-1 truncate" title={v.label}>
              {v.label}
            </span>
            <span className="text-xs tabular-nums text-muted-foreground">{v.count}</span>
          </label>
        );
      })}
      {listed.length > SHOWN ? (
        <button
          type="button"
          className="cursor-pointer justify-self-start px-1 text-xs text-primary hover:underline"
          onClick={() => setExpanded((e) => !e)}
        >
          {expanded ? 'Show fewer' : `Show all ${listed.length}`}
        </button>
      ) : null}
    </fieldset>
  );
}
