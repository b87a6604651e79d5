'use client';
import * as React from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Field,
  FilterSelect,
  Input,
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectTrigger,
  SelectValue,
  Skeleton,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useDebounced } from '~/lib/use-debounced';
import { dimensionLabel, groupMetrics } from './metric-groups';
import { defaultSize, typesForShape, type Widget, type WidgetState, type WidgetType, widgetTypeLabel } from './types';
import { RenderWidget } from './widgets/render-widget';

type Filters = Widget['filters'];
const severities = ['critical', 'high', 'medium', 'low'] as const;
const grains = [
  { value: 'hour', label: 'Hourly' },
  { value: 'day', label: 'Daily' },
  { value: 'week', label: 'Weekly' },
] as const;
const ranges = [
  { value: '24h', label: 'Last 24 hours' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: '90d', label: 'Last 90 days' },
] as const;
const listTypes: readonly WidgetType[] = ['table', 'topN', 'findings', 'insights'];
const newId = () => `w-${Math.random().toString(36).slice(2, 10)}`;

/**
 * Adds a widget or changes one: a metric from the catalogue (grouped, with
 * what it counts), how to show it (only the shapes that metric offers), its
 * filters, grouping, grain and range, and a live preview computed by the
 * server from the unsaved widget before anything is added.
 */
export function WidgetEditorDialog({
  open,
  onOpenChange,
  initial,
  placeFor,
  onDone,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The widget being configured; absent to add one. */
  initial?: Widget;
  /** Where a new widget of this size goes (the first free spot on the grid). */
  placeFor: (w: number, h: number) => { x: number; y: number };
  onDone: (widget: Widget) => void;
}) {
  const trpc = useTRPC();
  const catalog = useQuery({ ...trpc.metrics.catalog.queryOptions(), staleTime: 5 * 60_000, enabled: open });
  const metrics = catalog.data ?? [];
  const [metricKey, setMetricKey] = React.useState(initial?.metric ?? '');
  const [type, setType] = React.useState<WidgetType | ''>(initial?.type ?? '');
  const [title, setTitle] = React.useState(initial?.title ?? '');
  const [titleTouched, setTitleTouched] = React.useState(Boolean(initial));
  const [filters, setFilters] = React.useState<Filters>(initial?.filters ?? {});
  const [groupBy, setGroupBy] = React.useState<Widget['groupBy'] | null>(initial?.groupBy ?? null);
  const [grain, setGrain] = React.useState<Widget['grain']>(initial?.grain ?? 'day');
  const [range, setRange] = React.useState<Widget['range']>(initial?.range ?? '30d');
  const [limit, setLimit] = React.useState(initial?.limit ?? 10);

  const metric = metrics.find((m) => m.key === metricKey);
  const types = React.useMemo(() => [...new Set((metric?.shapes ?? []).flatMap((s) => typesForShape(s, metric?.key ?? '')))], [metric]);
  const dims = new Set<string>(metric?.dimensions ?? []);

  const chooseMetric = (key: string) => {
    const m = metrics.find((x) => x.key === key);
    setMetricKey(key);
    const allowed = [...new Set((m?.shapes ?? []).flatMap((s) => typesForShape(s, key)))];
    if (!type || !allowed.includes(type)) setType(allowed[0] ?? '');
    if (!titleTouched) setTitle(m?.title ?? '');
    // Filters and grouping the new metric has no dimension for would be ignored: drop them.
    const d = new Set<string>(m?.dimensions ?? []);
    setFilters((f) => ({
      ...(f.workspaceId && d.has('workspace') ? { workspaceId: f.workspaceId } : {}),
      ...(f.dataSourceId && d.has('datasource') ? { dataSourceId: f.dataSourceId } : {}),
      ...(f.frameworkId && d.has('framework') ? { frameworkId: f.frameworkId } : {}),
      ...(f.severity && d.has('severity') ? { severity: f.severity } : {}),
    }));
    if (groupBy && !d.has(groupBy)) setGroupBy(null);
  };

  const size = type ? defaultSize[type] : { w: 6, h: 4 };
  const slot = initial ? null : placeFor(size.w, size.h);
  const draft: Widget | null =
    metric && type
      ? {
          id: initial?.id ?? 'preview',
          type,
          title: title.trim() || metric.title,
          metric: metric.key,
          filters,
          ...(groupBy ? { groupBy } : {}),
          grain,
          range,
          limit,
          x: initial?.x ?? slot?.x ?? 0,
          y: initial?.y ?? slot?.y ?? 0,
          w: initial?.w ?? size.w,
          h: initial?.h ?? size.h,
        }
      : null;
  // Debounced as text: a new object each render would restart the timer for ever.
  const previewKey = useDebounced(draft ? JSON.stringify({ ...draft, id: 'preview', x: 0, y: 0 }) : null, 300);
  const previewInput = React.useMemo(() => (previewKey ? (JSON.parse(previewKey) as Widget) : null), [previewKey]);
  const preview = useQuery({
    ...trpc.dashboard.data.queryOptions({ widgets: previewInput ? [previewInput] : [] }),
    enabled: open && Boolean(previewInput),
    placeholderData: keepPreviousData,
  });
  const previewData = preview.data?.widgets.preview;
  const previewState: WidgetState = preview.error
    ? { error: preview.error.message }
    : previewData?.status === 'ok'
      ? { result: previewData.result }
      : previewData?.status === 'error'
        ? { error: previewData.error.message }
        : {};

  const workspaces = useQuery({ ...trpc.workspace.list.queryOptions({ limit: 100 }), enabled: open && dims.has('workspace'), staleTime: 60_000 });
  const sources = useQuery({
    ...trpc.datasource.list.queryOptions({ limit: 100, ...(filters.workspaceId ? { workspaceId: filters.workspaceId } : {}) }),
    enabled: open && dims.has('datasource'),
    staleTime: 60_000,
  });
  const frameworks = useQuery({ ...trpc.compliance.frameworks.queryOptions({}), enabled: open && dims.has('framework'), staleTime: 5 * 60_000 });

  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K] | null) =>
    setFilters((f) => {
      const next = { ...f };
      if (value) next[key] = value;
      else delete next[key];
      return next;
    });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[92vh] overflow-y-auto sm:max-w-4xl" data-testid="widget-editor">
        <DialogHeader>
          <DialogTitle>{initial ? 'Configure widget' : 'Add a widget'}</DialogTitle>
          <DialogDescription>Pick a metric from the catalogue, how to show it and what to count; the preview is computed from live data.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
          <div className="grid content-start gap-4">
            <Field label="Metric" htmlFor="widget-metric" hint={metric?.description ?? 'What the widget counts.'}>
              <Select value={metricKey} onValueChange={chooseMetric} disabled={catalog.isPending}>
                <SelectTrigger id="widget-metric" aria-label="Metric" data-testid="widget-metric">
                  <SelectValue placeholder={catalog.isPending ? 'Loading the catalogue…' : 'Choose a metric'} />
                </SelectTrigger>
                <SelectContent className="max-h-80">
                  {groupMetrics(metrics).map((g) => (
                    <SelectGroup key={g.area}>
                      <SelectLabel>{g.area}</SelectLabel>
                      {g.metrics.map((m) => (
                        <SelectItem key={m.key} value={m.key} data-metric={m.key}>
                          {m.title}
                        </SelectItem>
                      ))}
                    </SelectGroup>
                  ))}
                </SelectContent>
              </Select>
            </Field>
            {catalog.error ? <p className="text-sm text-destructive">Could not load the metric catalogue: {catalog.error.message}</p> : null}
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="Show as" htmlFor="widget-type">
                <Select value={type} onValueChange={(v) => setType(v as WidgetType)} disabled={!metric}>
                  <SelectTrigger id="widget-type" aria-label="Show as" data-testid="widget-type">
                    <SelectValue placeholder="Widget type" />
                  </SelectTrigger>
                  <SelectContent>
                    {types.map((t) => (
                      <SelectItem key={t} value={t}>
                        {widgetTypeLabel[t]}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              </Field>
              <Field label="Title" htmlFor="widget-title">
                <Input
                  id="widget-title"
                  value={title}
                  maxLength={80}
                  onChange={(e) => {
                    setTitle(e.target.value);
                    setTitleTouched(true);
                  }}
                  data-testid="widget-title"
                />
              </Field>
            </div>
            {metric && (dims.has('workspace') || dims.has('datasource') || dims.has('framework') || dims.has('severity')) ? (
              <fieldset className="grid gap-3 sm:grid-cols-2">
                <legend className="mb-2 text-sm font-medium">Filters</legend>
                {dims.has('workspace') ? (
                  <FilterSelect
                    label="Workspace filter"
                    allLabel="All workspaces"
                    value={filters.workspaceId ?? null}
                    onChange={(v) => setFilter('workspaceId', v)}
                    options={(workspaces.data?.items ?? []).map((w) => ({ value: w.id, label: w.name }))}
                    data-testid="filter-workspace"
                  />
                ) : null}
                {dims.has('datasource') ? (
                  <FilterSelect
                    label="Data source filter"
                    allLabel="All data sources"
                    value={filters.dataSourceId ?? null}
                    onChange={(v) => setFilter('dataSourceId', v)}
                    options={(sources.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
                    data-testid="filter-datasource"
                  />
                ) : null}
                {dims.has('framework') ? (
                  <FilterSelect
                    label="Framework filter"
                    allLabel="All frameworks"
                    value={filters.frameworkId ?? null}
                    onChange={(v) => setFilter('frameworkId', v)}
                    options={(frameworks.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
                    data-testid="filter-framework"
                  />
                ) : null}
                {dims.has('severity') ? (
                  <FilterSelect
                    label="Severity filter"
                    allLabel="Any severity"
                    value={filters.severity ?? null}
                    onChange={(v) => setFilter('severity', v)}
                    options={severities.map((s) => ({ value: s, label: <span className="capitalize">{s}</span> }))}
                    data-testid="filter-severity"
                  />
                ) : null}
              </fieldset>
            ) : null}
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label="Group by">
                <FilterSelect
                  label="Group by"
                  allLabel="No grouping"
                  value={groupBy ?? null}
                  onChange={(v) => setGroupBy(v as Widget['groupBy'] | null)}
                  options={[...dims].map((d) => ({ value: d, label: dimensionLabel[d] ?? d }))}
                  data-testid="widget-group-by"
                />
              </Field>
              <Field label="Grain">
                <FilterSelect label="Grain" allLabel="Daily" value={grain === 'day' ? null : grain} onChange={(v) => setGrain((v ?? 'day') as Widget['grain'])} options={grains.filter((g) => g.value !== 'day')} />
              </Field>
              <Field label="Range">
                <Select value={range} onValueChange={(v) => setRange(v as Widget['range'])}>
                  <SelectTrigger aria-label="Range" data-testid="widget-range">
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    {ranges.map((r) => (
                      <SelectItem key={r.value} value={r.value}>
                        {r.label}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              </Field>
            </div>
            {type && listTypes.includes(type) ? (
              <Field label="Rows" htmlFor="widget-limit" hint="How many rows the list shows (1–50).">
                <Input id="widget-limit" type="number" min={1} max={50} value={limit} onChange={(e) => setLimit(Math.min(50, Math.max(1, Number(e.target.value) || 1)))} className="w-24" />
              </Field>
            ) : null}
          </div>
          <div className="grid content-start gap-2">
            <p className="text-sm font-medium">Preview</p>
            <div className="h-72" data-testid="widget-preview">
              {draft ? (
                <RenderWidget widget={draft} state={previewState} height={200} />
              ) : catalog.isPending ? (
                <Skeleton className="h-full w-full" />
              ) : (
                <div className="flex h-full items-center justify-center rounded-xl border border-dashed text-sm text-muted-foreground">Choose a metric to see it here</div>
              )}
            </div>
          </div>
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button
            disabled={!draft}
            data-testid="widget-editor-done"
            onClick={() => {
              if (!draft) return;
              onDone({ ...draft, id: initial?.id ?? newId() });
              onOpenChange(false);
            }}
          >
            {initial ? 'Apply' : 'Add widget'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
