import * as React from 'react';
import { cn } from '@racine/ui';
import { conditionReads, flattenFacts, type Json } from './facts';

function FactValue({ value }: { value: Json }) {
  if (value === null) return <span className="italic text-muted-foreground">none</span>;
  if (Array.isArray(value))
    return value.length === 0 ? (
      <span className="italic text-muted-foreground">empty</span>
    ) : (
      <span className="flex flex-wrap gap-1">
        {value.map((v, i) => (
          <span key={i} className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">
            {typeof v === 'string' ? v : JSON.stringify(v)}
          </span>
        ))}
      </span>
    );
  if (typeof value === 'boolean')
    return <span className={cn('font-mono', !value && 'text-destructive')}>{String(value)}</span>;
  return <span className="break-all font-mono">{String(value)}</span>;
}

/**
 * The facts a rule saw on the asset, as a key/value list. The facts the
 * requirement reads (`requires`) are the ones that failed: they are marked.
 */
export function EvidenceList({ facts, requires }: { facts: unknown; requires?: string | null }) {
  const rows = flattenFacts(facts);
  if (!rows.length)
    return <p className="text-sm text-muted-foreground">The evaluation recorded no facts.</p>;
  return (
    <dl
      className="grid grid-cols-[minmax(0,11rem)_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm"
      data-testid="finding-evidence"
    >
      {rows.map(([key, value]) => {
        const isFailed = !!requires && conditionReads(requires, key);
        return (
          <React.Fragment key={key}>
            <dt
              className={cn(
                'truncate font-mono text-xs leading-6 text-muted-foreground',
                isFailed && 'font-semibold text-destructive',
              )}
              title={key}
            >
              {key}
            </dt>
            <dd className="min-w-0 leading-6" data-fact={key} data-failed={isFailed || undefined}>
              <FactValue value={value} />
            </dd>
          </React.Fragment>
        );
      })}
    </dl>
  );
}
