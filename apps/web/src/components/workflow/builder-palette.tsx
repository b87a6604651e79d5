'use client';
import * as React from 'react';
import { GripVertical, Plus, Search } from 'lucide-react';
import { Input, Skeleton } from '@racine/ui';
import { groupLabels, groupOrder, type StepTypeInfo } from './builder-types';
import { STEP_TYPE_MIME } from './canvas-editor';
import { groupIcon } from './canvas-node';

/**
 * The step types, grouped (scanning, classification, …). Drag one onto the
 * canvas to place it there, or press it (click, Enter or Space) to add it
 * after the selected step.
 */
export function Palette({
  stepTypes,
  loading,
  onAdd,
  disabled,
}: {
  stepTypes: readonly StepTypeInfo[] | undefined;
  loading: boolean;
  onAdd: (type: string) => void;
  disabled?: boolean;
}) {
  const [q, setQ] = React.useState('');
  const query = q.trim().toLowerCase();
  const groups = React.useMemo(() => {
    const match = (t: StepTypeInfo) =>
      !query || t.type.includes(query) || t.title.toLowerCase().includes(query) || t.description.toLowerCase().includes(query);
    const byGroup = new Map<string, StepTypeInfo[]>();
    for (const t of stepTypes ?? []) if (match(t)) byGroup.set(t.group, [...(byGroup.get(t.group) ?? []), t]);
    const rank = (g: string) => (groupOrder.indexOf(g) < 0 ? 99 : groupOrder.indexOf(g));
    return [...byGroup.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
  }, [stepTypes, query]);

  return (
    <div className="flex h-full min-h-0 flex-col gap-2" data-testid="step-palette">
      <div className="relative">
        <Search className="pointer-events-none absolute left-2 top-2.5 size-4 text-muted-foreground" />
        <Input value={q} onChange={(e) => setQ(e.target.value)} placeholder="Find a step…" aria-label="Find a step type" className="h-9 pl-8" />
      </div>
      <div className="min-h-0 flex-1 space-y-3 overflow-y-auto pr-1">
        {loading
          ? Array.from({ length: 6 }, (_, i) => <Skeleton key={i} className="h-12 w-full" />)
          : groups.map(([group, types]) => {
              const Icon = groupIcon[group] ?? groupIcon.control!;
              return (
                <section key={group} aria-label={groupLabels[group] ?? group}>
                  <h3 className="mb-1 flex items-center gap-1.5 px-1 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
                    <Icon className="size-3.5" aria-hidden />
                    {groupLabels[group] ?? group}
                  </h3>
                  <ul className="space-y-1">
                    {types.map((t) => (
                      <li key={t.type}>
                        <button
                          type="button"
                          draggable={!disabled}
                          disabled={disabled}
                          onDragStart={(e) => {
                            e.dataTransfer.setData(STEP_TYPE_MIME, t.type);
                            e.dataTransfer.setData('text/plain', t.type);
                            e.dataTransfer.effectAllowed = 'copy';
                          }}
                          onClick={() => onAdd(t.type)}
                          className="group flex w-full cursor-grab items-start gap-1.5 rounded-md border bg-card px-2 py-1.5 text-left text-sm shadow-xs transition-colors hover:border-primary/60 hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring active:cursor-grabbing disabled:cursor-not-allowed disabled:opacity-60"
                          title={`${t.description}\nDrag onto the canvas, or press to add.`}
                          aria-label={`Add ${t.title} (${t.type})`}
                          data-testid="palette-item"
                          data-type={t.type}
                        >
                          <GripVertical className="mt-0.5 size-4 shrink-0 text-muted-foreground/60" aria-hidden />
                          <span className="min-w-0 flex-1">
                            <span className="block truncate font-medium">{t.title}</span>
                            <span className="block truncate font-mono text-[11px] text-muted-foreground">{t.type}</span>
                          </span>
                          <Plus className="mt-0.5 size-4 shrink-0 text-muted-foreground opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100" aria-hidden />
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
        {!loading && groups.length === 0 ? <p className="px-1 text-sm text-muted-foreground">No step type matches.</p> : null}
      </div>
    </div>
  );
}
