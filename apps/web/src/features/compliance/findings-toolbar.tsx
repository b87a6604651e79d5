'use client';
import { useQuery } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { Button, cn, DataTableSearch, FilterSelect } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { severities } from './bits';
import type { FindingFilters } from './findings-filters';

/** The board's filters; each change goes through `set`, which also puts it in the URL. */
export function FindingsToolbar({
  filters,
  search,
  onSearch,
  set,
}: {
  filters: FindingFilters;
  search: string;
  onSearch: (q: string) => void;
  set: (patch: Partial<FindingFilters>) => void;
}) {
  const trpc = useTRPC();
  const frameworks = useQuery({
    ...trpc.compliance.frameworks.queryOptions({}),
    staleTime: 60_000,
  });
  const framework = useQuery({
    ...trpc.compliance.framework.queryOptions({ id: filters.frameworkId ?? '' }),
    enabled: !!filters.frameworkId,
    staleTime: 60_000,
  });
  const sources = useQuery({
    ...trpc.datasource.list.queryOptions({ limit: 100 }),
    staleTime: 60_000,
  });
  const directory = useQuery({
    ...trpc.user.list.queryOptions({ limit: 100 }),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const toggleSeverity = (s: (typeof severities)[number]) =>
    set({
      severity: filters.severity.includes(s)
        ? filters.severity.filter((x) => x !== s)
        : [...filters.severity, s],
    });

  return (
    <>
      <DataTableSearch
        value={search}
        onChange={onSearch}
        placeholder="Search rule, asset or source…"
        label="Search findings"
      />
      <FilterSelect
        value={filters.frameworkId}
        onChange={(v) => set({ frameworkId: v, ruleId: null })}
        options={(frameworks.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
        allLabel="All frameworks"
        label="Framework filter"
        className="w-40"
        data-testid="framework-filter"
      />
      {filters.frameworkId ? (
        <FilterSelect
          value={filters.ruleId}
          onChange={(v) => set({ ruleId: v })}
          options={(framework.data?.rules ?? []).map((r) => ({
            value: r.id,
            label: `${r.code} · ${r.title}`,
          }))}
          allLabel="All rules"
          label="Rule filter"
          className="w-48"
        />
      ) : null}
      <FilterSelect
        value={filters.dataSourceId}
        onChange={(v) => set({ dataSourceId: v })}
        options={(sources.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
        allLabel="All sources"
        label="Source filter"
        className="w-40"
      />
      <FilterSelect
        value={filters.assignee}
        onChange={(v) => set({ assignee: v })}
        options={[
          { value: 'me', label: 'Assigned to me' },
          { value: 'none', label: 'Unassigned' },
          ...(directory.data?.items ?? [])
            .filter((u) => u.isActive)
            .map((u) => ({ value: u.id, label: u.name })),
        ]}
        allLabel="Anyone"
        label="Assignee filter"
        className="w-40"
      />
      <div className="flex items-center gap-1" role="group" aria-label="Severity filter">
        {severities.map((s) => {
          const on = filters.severity.includes(s);
          return (
            <button
              key={s}
              type="button"
              aria-pressed={on}
              onClick={() => toggleSeverity(s)}
              className={cn(
                'h-8 rounded-md border px-2 text-xs capitalize transition-colors cursor-pointer',
                on
                  ? 'border-primary bg-primary/10 text-foreground'
                  : 'text-muted-foreground hover:text-foreground',
              )}
            >
              {s}
            </button>
          );
        })}
      </div>
      {filters.assetId ? (
        <Button variant="outline" size="sm" onClick={() => set({ assetId: null })}>
          One asset
          <X />
        </Button>
      ) : null}
    </>
  );
}
