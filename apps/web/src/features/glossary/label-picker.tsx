'use client';
import * as React from 'react';
import { ChevronDown, X } from 'lucide-react';
import {
  Button,
  Checkbox,
  Input,
  Popover,
  PopoverContent,
  PopoverTrigger,
} from '@racine/ui';
import { LABELS } from '@racine/services/classification/taxonomy';

/** Pick classification labels from the taxonomy (the only labels a term may stand for). */
export function LabelPicker({
  value,
  onChange,
  id,
}: {
  value: readonly string[];
  onChange: (next: string[]) => void;
  id?: string;
}) {
  const [open, setOpen] = React.useState(false);
  const [filter, setFilter] = React.useState('');
  const options = React.useMemo(
    () => LABELS.map((l) => [l.id, l.displayName] as const).sort(([a], [b]) => a.localeCompare(b)),
    [],
  );
  const f = filter.trim().toLowerCase();
  const shown = options.filter(
    ([idv, name]) => !f || idv.toLowerCase().includes(f) || name.toLowerCase().includes(f),
  );
  const toggle = (label: string) =>
    onChange(value.includes(label) ? value.filter((l) => l !== label) : [...value, label]);
  return (
    <div className="grid gap-1.5">
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <Button id={id} variant="outline" className="justify-between font-normal" data-testid="label-picker">
            {value.length ? `${value.length} label${value.length === 1 ? '' : 's'}` : 'Pick labels…'}
            <ChevronDown className="text-muted-foreground" />
          </Button>
        </PopoverTrigger>
        <PopoverContent align="start" className="w-80 p-2">
          <Input
            autoFocus
            aria-label="Filter labels"
            placeholder="PII.Email, card…"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <div className="mt-2 max-h-64 overflow-y-auto">
            {shown.map(([label, name]) => (
              <label
                key={label}
                className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-accent"
              >
                <Checkbox checked={value.includes(label)} onCheckedChange={() => toggle(label)} />
                <span className="font-mono text-xs">{label}</span>
                <span className="truncate text-xs text-muted-foreground">{name}</span>
              </label>
            ))}
            {!shown.length ? (
              <p className="py-3 text-center text-xs text-muted-foreground">No label matches.</p>
            ) : null}
          </div>
        </PopoverContent>
      </Popover>
      {value.length ? (
        <div className="flex flex-wrap gap-1">
          {value.map((l) => (
            <span
              key={l}
              className="inline-flex items-center gap-1 rounded bg-secondary px-1.5 py-0.5 font-mono text-xs"
            >
              {l}
              <button
                type="button"
                aria-label={`Remove ${l}`}
                className="cursor-pointer opacity-60 hover:opacity-100"
                onClick={() => toggle(l)}
              >
                <X className="size-3" />
              </button>
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}
