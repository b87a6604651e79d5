'use client';
import * as React from 'react';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from './select';

export interface FilterOption<T extends string = string> {
  value: T;
  label: React.ReactNode;
  className?: string;
}

export interface FilterSelectProps<T extends string = string> {
  /** The chosen value, or `null` for "no filter". */
  value: T | null;
  onChange: (value: T | null) => void;
  options: readonly FilterOption<T>[];
  /** Label of the "no filter" item, e.g. "All workspaces" or "Any status". */
  allLabel: React.ReactNode;
  /** Accessible name of the trigger, e.g. "Workspace filter". */
  label: string;
  /** Width (and other) classes of the trigger, e.g. `w-44`. */
  className?: string;
  'data-testid'?: string;
}

// Radix Select cannot hold an empty value, so "no filter" gets a value no option can take.
const ALL = '__all__';

/** A toolbar filter: one "all" item, then the options; `null` means not filtered. */
export function FilterSelect<T extends string = string>({
  value,
  onChange,
  options,
  allLabel,
  label,
  className,
  'data-testid': testId,
}: FilterSelectProps<T>) {
  return (
    <Select value={value ?? ALL} onValueChange={(v) => onChange(v === ALL ? null : (v as T))}>
      <SelectTrigger className={className} aria-label={label} data-testid={testId}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>{allLabel}</SelectItem>
        {options.map((o) => (
          <SelectItem key={o.value} value={o.value} className={o.className}>
            {o.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
