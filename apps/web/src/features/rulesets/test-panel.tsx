'use client';
import * as React from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { CheckCircle2, FlaskConical, MinusCircle } from 'lucide-react';
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  ErrorState,
  Field,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Spinner,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { RouterInputs, RouterOutputs } from '~/trpc/types';
import { ConfidenceBar, LabelBadge } from '~/features/classifications/bits';

type TestResult = RouterOutputs['scanRuleSet']['test'];
type Draft = NonNullable<RouterInputs['scanRuleSet']['test']['draft']>;

/**
 * "Test against a table": samples a real table and shows what a scan with
 * this rule set would label — the saved rule set, or the unsaved draft.
 */
export function RuleSetTestPanel({
  ruleSetId,
  getDraft,
  usesDraft,
}: {
  ruleSetId?: string;
  /** The form's values, validated; null (and errors shown) when they are not valid. */
  getDraft: () => Promise<Draft | null>;
  /** True when the form differs from what is saved (or nothing is saved yet). */
  usesDraft: boolean;
}) {
  const trpc = useTRPC();
  const [sourceId, setSourceId] = React.useState<string>('');
  const [schema, setSchema] = React.useState<string>('');
  const [table, setTable] = React.useState<string>('');
  const sources = useQuery({
    ...trpc.datasource.list.queryOptions({ limit: 100 }),
    staleTime: 60_000,
  });
  const discover = useQuery({
    ...trpc.datasource.discover.queryOptions({ id: sourceId }),
    enabled: !!sourceId,
    staleTime: 5 * 60_000,
  });
  const schemas = discover.data?.schemas ?? [];
  const tables = schemas.find((s) => s.name === schema)?.tables ?? [];

  React.useEffect(() => {
    if (schemas.length && !schemas.some((s) => s.name === schema)) {
      setSchema(schemas[0]!.name);
      setTable('');
    }
  }, [schemas, schema]);

  const test = useMutation(trpc.scanRuleSet.test.mutationOptions());
  const run = async () => {
    const target = { dataSourceId: sourceId, schema, table };
    if (usesDraft || !ruleSetId) {
      const draft = await getDraft();
      if (!draft) return;
      test.mutate({ ...target, draft });
    } else test.mutate({ ...target, ruleSetId });
  };

  return (
    <Card data-testid="ruleset-test">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <FlaskConical className="size-4" />
          Test against a table
        </CardTitle>
        <CardDescription>
          Samples the table as a scan would and shows what would be labelled; nothing is stored but
          an audit record. {usesDraft ? 'Uses your unsaved changes.' : 'Uses the saved rule set.'}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end">
          <Field label="Data source" htmlFor="test-source">
            <Select
              value={sourceId || undefined}
              onValueChange={(v) => {
                setSourceId(v);
                setSchema('');
                setTable('');
                test.reset();
              }}
            >
              <SelectTrigger id="test-source" aria-label="Data source">
                <SelectValue placeholder="Pick a source" />
              </SelectTrigger>
              <SelectContent>
                {sources.data?.items.map((s) => (
                  <SelectItem key={s.id} value={s.id}>
                    {s.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
          <Field label="Schema" htmlFor="test-schema">
            <Select
              value={schema || undefined}
              onValueChange={(v) => {
                setSchema(v);
                setTable('');
              }}
              disabled={!schemas.length}
            >
              <SelectTrigger id="test-schema" aria-label="Schema">
                <SelectValue placeholder={discover.isFetching ? 'Reading…' : 'Schema'} />
              </SelectTrigger>
              <SelectContent>
                {schemas.map((s) => (
                  <SelectItem key={s.name} value={s.name}>
                    {s.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
          <Field label="Table" htmlFor="test-table">
            <Select value={table || undefined} onValueChange={setTable} disabled={!tables.length}>
              <SelectTrigger id="test-table" aria-label="Table">
                <SelectValue placeholder="Table" />
              </SelectTrigger>
              <SelectContent>
                {tables.map((t) => (
                  <SelectItem key={t.name} value={t.name}>
                    {t.name}
                    {t.kind === 'view' ? ' (view)' : ''}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
          <Button
            onClick={() => void run()}
            disabled={!table || test.isPending}
            data-testid="run-ruleset-test"
          >
            {test.isPending ? <Spinner /> : <FlaskConical />}
            Run test
          </Button>
        </div>
        {discover.isError ? (
          <ErrorState
            title="Could not read this source"
            error={discover.error}
            onRetry={() => void discover.refetch()}
          />
        ) : null}
        {test.isError ? <ErrorState title="The test failed" error={test.error} /> : null}
        {test.data ? <TestResults result={test.data} /> : null}
      </CardContent>
    </Card>
  );
}

function TestResults({ result }: { result: TestResult }) {
  const s = result.summary;
  return (
    <div className="grid gap-3" data-testid="ruleset-test-results">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-mono font-medium">
          {result.schema}.{result.table}
        </span>
        <Badge variant="outline">{result.kind}</Badge>
        <span className="text-muted-foreground">
          {s.inScope}/{s.columns} columns in scope · {s.labelled} labelled · {s.suggestions}{' '}
          suggestions
          {s.autoAccepted ? ` · ${s.autoAccepted} auto-accepted` : ''}
          {s.fromRules ? ` · ${s.fromRules} from custom rules` : ''}
        </span>
      </div>
      {!result.inScope && result.exclusion ? (
        <p className="rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
          {result.exclusion.message}
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-md border">
        <table className="w-full text-sm" aria-label="Test results per column">
          <thead className="bg-muted/40 text-xs text-muted-foreground">
            <tr>
              <th className="px-3 py-2 text-left font-medium">Column</th>
              <th className="px-3 py-2 text-left font-medium">Scope</th>
              <th className="px-3 py-2 text-left font-medium">Suggestions</th>
            </tr>
          </thead>
          <tbody>
            {result.columns.map((c) => (
              <tr
                key={c.name}
                className="border-t align-top"
                data-testid="test-column"
                data-in-scope={c.inScope}
              >
                <td className="px-3 py-2">
                  <div className="font-mono text-xs font-medium">{c.name}</div>
                  <div className="text-[11px] text-muted-foreground">
                    {c.dataType.toLowerCase()} → {c.normalizedType}
                  </div>
                </td>
                <td className="px-3 py-2 text-xs">
                  {c.inScope ? (
                    <span className="inline-flex items-center gap-1 text-success">
                      <CheckCircle2 className="size-3.5" />
                      in scope · {c.sampled} sampled
                    </span>
                  ) : (
                    <span className="inline-flex items-start gap-1 text-muted-foreground">
                      <MinusCircle className="mt-0.5 size-3.5 shrink-0" />
                      {c.exclusion?.message ?? 'out of scope'}
                    </span>
                  )}
                </td>
                <td className="px-3 py-2">
                  {c.suggestions.length === 0 ? (
                    <span className="text-xs text-muted-foreground">
                      {c.inScope ? 'nothing' : '—'}
                    </span>
                  ) : (
                    <ul className="grid gap-2">
                      {c.suggestions.map((sg) => (
                        <li key={sg.label} className="grid gap-1">
                          <div className="flex flex-wrap items-center gap-2">
                            <LabelBadge label={sg.label} sensitivity={sg.sensitivity} />
                            <ConfidenceBar
                              value={sg.confidence}
                              label={`Confidence of ${sg.label}`}
                            />
                            {sg.autoAccept ? <Badge variant="success">auto-accept</Badge> : null}
                            {(sg.evidence as { source?: string }).source === 'rule' ? (
                              <Badge variant="info">rule</Badge>
                            ) : null}
                          </div>
                          <details className="text-xs text-muted-foreground">
                            <summary className="cursor-pointer">Why</summary>
                            <ul className="mt-1 list-disc pl-5">
                              {sg.evidence.reasons.map((r, i) => (
                                <li key={i}>{r}</li>
                              ))}
                            </ul>
                          </details>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
