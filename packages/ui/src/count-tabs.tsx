import { cn } from './cn';

export interface CountTab<V extends string> {
  value: V;
  label: string;
  /** Undefined while the count is loading. */
  count: number | undefined;
}

/**
 * A row of filter tabs, each with the number of rows it would show (the
 * review queue's states, the findings board's statuses). `testIdPrefix`
 * gives each tab `data-testid="<prefix>-<value>"`.
 */
export function CountTabs<V extends string>({
  tabs,
  value,
  onChange,
  label,
  testIdPrefix,
  className,
}: {
  tabs: readonly CountTab<V>[];
  value: V;
  onChange: (value: V) => void;
  label: string;
  testIdPrefix: string;
  className?: string;
}) {
  return (
    <div
      className={cn('flex flex-wrap items-center gap-1 border-b', className)}
      role="tablist"
      aria-label={label}
    >
      {tabs.map((t) => {
        const active = value === t.value;
        return (
          <button
            key={t.value}
            type="button"
            role="tab"
            aria-selected={active}
            data-testid={`${testIdPrefix}-${t.value}`}
            onClick={() => onChange(t.value)}
            className={cn(
              '-mb-px inline-flex h-9 items-center gap-1.5 border-b-2 px-3 text-sm font-medium transition-colors cursor-pointer',
              active
                ? 'border-primary text-foreground'
                : 'border-transparent text-muted-foreground hover:text-foreground',
            )}
          >
            {t.label}
            <span className="rounded bg-muted px-1.5 text-xs tabular-nums text-muted-foreground">
              {t.count ?? '…'}
            </span>
          </button>
        );
      })}
    </div>
  );
}
