'use client';
import { Minus, Pencil, Plus } from 'lucide-react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@racine/ui';
import { formatDateTime, formatRelative } from '~/lib/format';

type Drift = {
  runId: string;
  change: string;
  qualifiedName: string;
  before: unknown;
  after: unknown;
  at: Date | string;
};

const icon = { added: Plus, removed: Minus, changed: Pencil } as const;
const tone = { added: 'text-success', removed: 'text-destructive', changed: 'text-warning' } as const;

/** What differed between one scan and the one before: a short value for before/after. */
function brief(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  const parts = [v.dataType, v.nullable === false ? 'not null' : v.nullable ? 'null' : null]
    .filter((p) => typeof p === 'string' && p)
    .join(' ');
  return parts || JSON.stringify(value);
}

/** When it was last scanned, and the schema changes the recent scans saw. */
export function DriftCard({
  drift,
  lastScannedAt,
  qualifiedName,
}: {
  drift: readonly Drift[];
  lastScannedAt: Date | string | null;
  /** The asset's own name: changes inside it (a table's columns) are named relative to it. */
  qualifiedName: string;
}) {
  const relative = (q: string) =>
    q === qualifiedName ? null : q.startsWith(`${qualifiedName}.`) ? q.slice(qualifiedName.length + 1) : q;
  return (
    <Card data-testid="asset-drift">
      <CardHeader>
        <CardTitle>Recent changes</CardTitle>
        <CardDescription>
          {lastScannedAt ? (
            <span title={formatDateTime(lastScannedAt)}>
              Last scanned {formatRelative(lastScannedAt)}
            </span>
          ) : (
            'Not scanned yet'
          )}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {drift.length ? (
          <ul className="grid gap-1.5 text-sm">
            {drift.map((d, i) => {
              const kind = (d.change in icon ? d.change : 'changed') as keyof typeof icon;
              const Icon = icon[kind];
              return (
                <li key={`${d.runId}-${i}`} className="flex items-start gap-2">
                  <Icon className={`mt-0.5 size-3.5 shrink-0 ${tone[kind]}`} />
                  <span className="min-w-0 flex-1">
                    <span className="capitalize">{kind}</span>
                    {relative(d.qualifiedName) ? (
                      <code className="font-mono text-xs"> {relative(d.qualifiedName)}</code>
                    ) : null}
                    {kind === 'changed' ? (
                      <span className="font-mono text-xs text-muted-foreground">
                        {' '}
                        {brief(d.before)} → {brief(d.after)}
                      </span>
                    ) : null}
                  </span>
                  <span className="shrink-0 text-xs text-muted-foreground" title={formatDateTime(d.at)}>
                    {formatRelative(d.at)}
                  </span>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-xs text-muted-foreground">
            No schema change since it was first found.
          </p>
        )}
      </CardContent>
    </Card>
  );
}
