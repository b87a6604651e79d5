'use client';
import * as React from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Check } from 'lucide-react';
import { Input, Spinner, cn } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useDebounced } from '~/lib/use-debounced';
import { AssetTypeIcon, SensitivityBadge } from './bits';
import type { SearchHit } from './types';

/**
 * Find assets through catalog.search and pick one (or several with `multiple`).
 * Terms are left out: only data assets can be picked.
 */
export function AssetPicker({
  selected,
  onToggle,
  exclude,
  types = ['table', 'view', 'column'],
  label = 'Find an asset',
  testId,
}: {
  selected: ReadonlyMap<string, SearchHit>;
  onToggle: (hit: SearchHit) => void;
  exclude?: ReadonlySet<string>;
  types?: ('database' | 'schema' | 'table' | 'view' | 'column')[];
  label?: string;
  testId?: string;
}) {
  const trpc = useTRPC();
  const [text, setText] = React.useState('');
  const q = useDebounced(text.trim(), 250);
  const search = useQuery({
    ...trpc.catalog.search.queryOptions({ ...(q ? { q } : {}), types, limit: 12 }),
    placeholderData: keepPreviousData,
  });
  const hits = (search.data?.items ?? []).filter((h) => h.kind === 'asset' && !exclude?.has(h.id));
  return (
    <div className="grid gap-2" data-testid={testId}>
      <div className="relative">
        <Input
          aria-label={label}
          placeholder="Name or qualified name…"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {search.isFetching ? (
          <Spinner className="absolute right-2.5 top-1/2 size-4 -translate-y-1/2" />
        ) : null}
      </div>
      <div
        className="max-h-60 overflow-y-auto rounded-md border"
        role="listbox"
        aria-label="Matching assets"
      >
        {search.isError ? (
          <p className="p-3 text-sm text-destructive">{search.error.message}</p>
        ) : hits.length ? (
          hits.map((h) => {
            const isOn = selected.has(h.id);
            return (
              <button
                key={h.id}
                type="button"
                role="option"
                aria-selected={isOn}
                data-testid="asset-option"
                data-name={h.name}
                onClick={() => onToggle(h)}
                className={cn(
                  'flex w-full cursor-pointer items-center gap-2 border-b px-2.5 py-1.5 text-left text-sm last:border-0 hover:bg-accent',
                  isOn && 'bg-primary/5',
                )}
              >
                <AssetTypeIcon type={h.type} />
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{h.name}</span>
                  <span className="block truncate font-mono text-[11px] text-muted-foreground">
                    {h.dataSource ? `${h.dataSource.name} · ` : ''}
                    {h.qualifiedName}
                  </span>
                </span>
                {h.sensitivity ? <SensitivityBadge sensitivity={h.sensitivity} /> : null}
                {isOn ? <Check className="size-4 text-primary" /> : null}
              </button>
            );
          })
        ) : (
          <p className="p-3 text-center text-sm text-muted-foreground">
            {search.isPending ? 'Searching…' : 'No asset matches.'}
          </p>
        )}
      </div>
    </div>
  );
}
