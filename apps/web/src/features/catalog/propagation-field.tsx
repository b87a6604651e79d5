'use client';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@racine/ui';
import type { Propagation } from './types';

export const propagationText: Record<Propagation, string> = {
  none: 'None — labels stay where they are',
  downstream: 'Downstream — suggest upstream labels on the target',
  both: 'Both ways — suggest labels in either direction',
};

export function PropagationSelect({
  value,
  onChange,
  id,
  disabled,
}: {
  value: Propagation;
  onChange: (v: Propagation) => void;
  id?: string;
  disabled?: boolean;
}) {
  return (
    <Select value={value} onValueChange={(v) => onChange(v as Propagation)} disabled={disabled}>
      <SelectTrigger id={id} aria-label="Propagation" data-testid="propagation-select">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {(Object.keys(propagationText) as Propagation[]).map((p) => (
          <SelectItem key={p} value={p}>
            {propagationText[p]}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
