'use client';
import * as React from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { FlaskConical } from 'lucide-react';
import {
  ErrorState,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Skeleton,
  Spinner,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useDebounced } from '~/lib/use-debounced';
import { checkCondition } from './condition-field';
import { EvidenceList } from './evidence-list';
import type { RuleTarget } from './types';

const ALL = '__all__';

/**
 * "Test this rule": evaluates the unsaved conditions against the catalog as
 * they are typed (debounced, only once both parse), and lists the assets
 * that would fail with what the rule saw on them.
 */
export function RuleTestPanel({
  target,
  appliesWhen,
  requires,
  valid,
}: {
  target: RuleTarget;
  appliesWhen: string;
  requires: string;
  /** False while a condition does not parse: nothing is sent then. */
  valid: boolean;
}) {
  const trpc = useTRPC();
  const [sourceId, setSourceId] = React.useState<string>(ALL);
  const draft = useDebounced({ target, appliesWhen, requires, sourceId }, 400);
  const draftValid = !checkCondition(draft.appliesWhen) && !checkCondition(draft.requires);
  const sources = useQuery({
    ...trpc.datasource.list.queryOptions({ limit: 100 }),
    staleTime: 60_000,
  });
  const test = useQuery({
    ...trpc.compliance.testRule.queryOptions({
      target: draft.target,
      appliesWhen: draft.appliesWhen,
      requires: draft.requires,
      ...(draft.sourceId !== ALL ? { dataSourceId: draft.sourceId } : {}),
      limit: 20,
    }),
    // The debounced text may lag behind a fix: only send what parses.
    enabled: valid && draftValid,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const r = test.data;
  const stale = test.isFetching || draft.appliesWhen !== appliesWhen || draft.requires !== requires;

  return (
    <section
      className="grid content-start gap-3 rounded-lg border bg-muted/30 p-4"
      data-testid="rule-test-panel"
      aria-busy={stale}
    >
      <div className="flex items-center justify-between gap-2">
        <h3 className="flex items-center gap-2 text-sm font-semibold">
          <FlaskConical className="size-4 text-muted-foreground" />
          Test this rule
          {stale && valid ? <Spinner className="size-3.5" /> : null}
        </h3>
        <Select value={sourceId} onValueChange={setSourceId}>
          <SelectTrigger className="h-8 w-40 text-xs" aria-label="Test against source">
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
      </div>
      {!valid ? (
        <p className="text-sm text-muted-foreground">Fix the conditions to test them.</p>
      ) : test.error && !r ? (
        <ErrorState title="Could not test the rule" error={test.error} className="py-4" />
      ) : !r ? (
        <div className="grid gap-2">
          <Skeleton className="h-5 w-64" />
          <Skeleton className="h-16 w-full" />
        </div>
      ) : (
        <>
          <p className="text-sm" data-testid="rule-test-summary">
            Applies to <strong className="tabular-nums">{r.applies}</strong>{' '}
            {r.applies === 1 ? 'asset' : 'assets'},{' '}
            <strong className="tabular-nums text-success">{r.passing}</strong> pass,{' '}
            <strong className={r.failingTotal ? 'tabular-nums text-destructive' : 'tabular-nums'}>
              {r.failingTotal}
            </strong>{' '}
            fail
          </p>
          {r.applies === 0 ? (
            <p className="text-xs text-muted-foreground">
              No {target} matches “applies when” yet. Scan a source, or widen the condition.
            </p>
          ) : r.failing.length === 0 ? (
            <p className="text-xs text-muted-foreground">Every matching {target} passes.</p>
          ) : (
            <ul className="grid max-h-80 gap-2 overflow-y-auto" data-testid="rule-test-failing">
              {r.failing.map((a) => (
                <li key={a.assetId} className="rounded-md border bg-background p-2">
                  <details>
                    <summary className="cursor-pointer text-xs">
                      <span className="font-mono">{a.qualifiedName}</span>{' '}
                      <span className="text-muted-foreground">· {a.dataSourceName}</span>
                    </summary>
                    <div className="mt-2">
                      <EvidenceList facts={a.evidence} />
                    </div>
                  </details>
                </li>
              ))}
              {r.failingTotal > r.failing.length ? (
                <li className="text-xs text-muted-foreground">
                  and {r.failingTotal - r.failing.length} more
                </li>
              ) : null}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
