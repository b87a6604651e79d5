'use client';
import { useQuery } from '@tanstack/react-query';
import { X } from 'lucide-react';
import {
  Button,
  cn,
  DataTableSearch,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { severities } from './bits';
import type { FindingFilters } from './findings-filters';

const ALL = '__all__';

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
      <Select
        value={filters.frameworkId ?? ALL}
        onValueChange={(v) => set({ frameworkId: v === ALL ? null : v, ruleId: null })}
      >
        <SelectTrigger
          className="w-40"
          aria-label="Framework filter"
          data-testid="framework-filter"
        >
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All frameworks</SelectItem>
          {(frameworks.data ?? []).map((f) => (
            <SelectItem key={f.id} value={f.id}>
              {f.name}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      {filters.frameworkId ? (
        <Select
          value={filters.ruleId ?? ALL}
          onValueChange={(v) => set({ ruleId: v === ALL ? null : v })}
        >
          <SelectTrigger className="w-48" aria-label="Rule filter">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All rules</SelectItem>
            {(framework.data?.rules ?? []).map((r) => (
              <SelectItem key={r.id} value={r.id}>
                {r.code} · {r.title}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      ) : null}
      <Select
        value={filters.dataSourceId ?? ALL}
        onValueChange={(v) => set({ dataSourceId: v === ALL ? null : v })}
      >
        <SelectTrigger className="w-40" aria-label="Source filter">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All sources</SelectItem>
          {(sources.data?.items ?? []).map((s) => (
            <SelectItem key={s.id} value={s.id}>
              {s.name}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Select
        value={filters.assignee ?? ALL}
        onValueChange={(v) => set({ assignee: v === ALL ? null : v })}
      >
        <SelectTrigger className="w-40" aria-label="Assignee filter">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>Anyone</SelectItem>
          <SelectItem value="me">Assigned to me</SelectItem>
          <SelectItem value="none">Unassigned</SelectItem>
          {(directory.data?.items ?? [])
            .filter((u) => u.isActive)
            .map((u) => (
              <SelectItem key={u.id} value={u.id}>
                {u.name}
              </SelectItem>
            ))}
        </SelectContent>
      </Select>
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
