import { cn } from '@racine/ui';
import { sensitivityLevels, sensitivitySwatchClass } from './bits';

export const edgeKindLabel: Record<string, string> = {
  foreign_key: 'Foreign key',
  declared: 'Declared',
  pipeline: 'Pipeline',
};

/** What the node colours and line styles mean. */
export function LineageLegend() {
  return (
    <div
      className="flex flex-wrap items-center gap-x-5 gap-y-1.5 text-xs text-muted-foreground"
      data-testid="lineage-legend"
    >
      <span className="flex flex-wrap items-center gap-3">
        {[...sensitivityLevels, 'none' as const].map((s) => (
          <span key={s} className="inline-flex items-center gap-1.5">
            <span className={cn('size-3 rounded-sm', sensitivitySwatchClass[s])} />
            {s === 'none' ? 'Not classified' : s}
          </span>
        ))}
      </span>
      <span className="flex flex-wrap items-center gap-3">
        <span className="inline-flex items-center gap-1.5">
          <svg width="24" height="6" aria-hidden>
            <line x1="0" y1="3" x2="24" y2="3" stroke="var(--muted-foreground)" strokeWidth="2" />
          </svg>
          {edgeKindLabel.foreign_key}
        </span>
        <span className="inline-flex items-center gap-1.5">
          <svg width="24" height="6" aria-hidden>
            <line
              x1="0"
              y1="3"
              x2="24"
              y2="3"
              stroke="var(--primary)"
              strokeWidth="2"
              strokeDasharray="6 4"
            />
          </svg>
          {edgeKindLabel.declared}
        </span>
        <span className="inline-flex items-center gap-1.5">
          <svg width="24" height="6" aria-hidden>
            <line
              x1="0"
              y1="3"
              x2="24"
              y2="3"
              stroke="var(--info)"
              strokeWidth="2"
              strokeDasharray="2 3"
            />
          </svg>
          {edgeKindLabel.pipeline}
        </span>
        <span>Hover a line for its note; click it to change it.</span>
      </span>
    </div>
  );
}
