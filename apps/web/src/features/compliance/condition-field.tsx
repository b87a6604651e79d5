'use client';
import * as React from 'react';
import { COMPLIANCE_FIELDS, parseCondition } from '@racine/services/compliance/language';
import { cn, Label, Textarea } from '@racine/ui';

export interface ConditionProblem {
  message: string;
  position?: { line: number; column: number };
}

/** Parses in the browser with the server's own parser, so errors show while typing. */
export function checkCondition(src: string): ConditionProblem | null {
  if (!src.trim()) return { message: 'Write a condition (true matches everything).' };
  const result = parseCondition(src);
  return result.ok ? null : result.error;
}

const fieldNames = Object.keys(COMPLIANCE_FIELDS);

/**
 * A condition in the compliance rule language, in a code-style textarea.
 * The error (the browser's parse, or the server's BAD_REQUEST message) is
 * shown under it, with the offending line and a caret at its column.
 */
export function ConditionField({
  id,
  label,
  hint,
  value,
  onChange,
  onBlur,
  problem,
  rows = 2,
  disabled,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  problem: ConditionProblem | null;
  rows?: number;
  disabled?: boolean;
}) {
  const line = problem?.position ? value.split('\n')[problem.position.line - 1] : undefined;
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Textarea
        id={id}
        rows={rows}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        disabled={disabled}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        aria-invalid={!!problem}
        aria-describedby={`${id}-help`}
        className={cn('font-mono text-xs leading-5', problem && 'border-destructive')}
        data-testid={`${id}-input`}
      />
      <div id={`${id}-help`}>
        {problem ? (
          <div role="alert" className="grid gap-1" data-testid={`${id}-error`}>
            {line !== undefined && problem.position ? (
              <pre className="overflow-x-auto rounded bg-destructive/8 px-2 py-1 font-mono text-xs leading-4 text-destructive">
                {line}
                {'\n'}
                {' '.repeat(Math.max(0, problem.position.column - 1))}^
              </pre>
            ) : null}
            <p className="text-xs text-destructive">{problem.message}</p>
          </div>
        ) : (
          <p className="text-xs text-muted-foreground">{hint}</p>
        )}
      </div>
    </div>
  );
}

/** The field names, for the "what can I write" hint under the conditions. */
export function FieldReference() {
  return (
    <details className="text-xs text-muted-foreground">
      <summary className="cursor-pointer select-none">Fields you can use</summary>
      <ul className="mt-2 grid gap-1 sm:grid-cols-2">
        {fieldNames.map((name) => (
          <li key={name} className="min-w-0">
            <code className="font-mono text-foreground">{name}</code>{' '}
            <span>{COMPLIANCE_FIELDS[name as keyof typeof COMPLIANCE_FIELDS].description}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2">
        Operators: <code className="font-mono">== != &lt; &lt;= &gt; &gt;= in</code>, lists with{' '}
        <code className="font-mono">has has_any has_all</code> and{' '}
        <code className="font-mono">any/all/none like "…"</code>, combined with{' '}
        <code className="font-mono">and or not</code>.
      </p>
    </details>
  );
}
