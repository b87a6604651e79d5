'use client';
import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  ChevronRight,
  Columns3,
  Eye,
  FolderTree,
  KeyRound,
  Link2,
  RefreshCw,
  Table2,
} from 'lucide-react';
import {
  Badge,
  BarChartView,
  Button,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  cn,
  DataTableSearch,
  EmptyState,
  ErrorState,
  Meter,
  Skeleton,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { CatalogLink } from '~/features/catalog/catalog-link';
import type { DataSourceView } from './bits';

type Discovery = RouterOutputs['datasource']['discover'];
type SchemaInfo = Discovery['schemas'][number];
type TableInfo = SchemaInfo['tables'][number];
type ColumnInfo = TableInfo['columns'][number];
type Selection = { schema: string; table: string; column?: string };

function fkOf(table: TableInfo, column: string) {
  return table.foreignKeys.find((fk) => fk.columns.includes(column));
}

/** A value from a preview or a profile, as text: null, numbers, strings and JSON. */
export function CellValue({ value }: { value: unknown }) {
  if (value === null || value === undefined)
    return <span className="italic text-muted-foreground">null</span>;
  if (typeof value === 'object')
    return <span className="font-mono text-xs">{JSON.stringify(value)}</span>;
  if (typeof value === 'boolean') return <span className="font-mono text-xs">{String(value)}</span>;
  return <>{String(value)}</>;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function KeyBadges({ table, column }: { table: TableInfo; column: ColumnInfo }) {
  const fk = fkOf(table, column.name);
  return (
    <>
      {table.primaryKey.includes(column.name) ? (
        <Badge variant="warning" className="px-1 py-0 text-[10px]" title="Primary key">
          <KeyRound />
          PK
        </Badge>
      ) : null}
      {fk ? (
        <Badge
          variant="info"
          className="px-1 py-0 text-[10px]"
          title={`References ${fk.referencedSchema}.${fk.referencedTable}(${fk.referencedColumns.join(', ')})`}
        >
          <Link2 />
          FK
        </Badge>
      ) : null}
    </>
  );
}

function SchemaTree({
  discovery,
  selection,
  onSelect,
  filter,
}: {
  discovery: Discovery;
  selection: Selection | null;
  onSelect: (s: Selection) => void;
  filter: string;
}) {
  const [openSchemas, setOpenSchemas] = React.useState<ReadonlySet<string>>(
    () => new Set(discovery.schemas.slice(0, 3).map((s) => s.name)),
  );
  const [openTables, setOpenTables] = React.useState<ReadonlySet<string>>(new Set());
  const toggle = (set: ReadonlySet<string>, key: string) => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  };
  const q = filter.trim().toLowerCase();
  const schemas = discovery.schemas
    .map((s) => ({
      ...s,
      tables: q
        ? s.tables.filter(
            (t) =>
              t.name.toLowerCase().includes(q) ||
              t.columns.some((c) => c.name.toLowerCase().includes(q)),
          )
        : s.tables,
    }))
    .filter((s) => !q || s.tables.length > 0);

  if (!schemas.length)
    return <p className="px-3 py-6 text-center text-sm text-muted-foreground">Nothing matches.</p>;

  return (
    <ul role="tree" aria-label="Schemas" className="grid gap-0.5 text-sm" data-testid="schema-tree">
      {schemas.map((schema) => {
        const schemaOpen = q !== '' || openSchemas.has(schema.name);
        return (
          <li key={schema.name} role="treeitem" aria-expanded={schemaOpen} aria-selected={false}>
            <button
              type="button"
              className="flex w-full items-center gap-1.5 rounded px-1.5 py-1 text-left hover:bg-accent cursor-pointer"
              onClick={() => setOpenSchemas((s) => toggle(s, schema.name))}
            >
              <ChevronRight
                className={cn('size-3.5 shrink-0 transition-transform', schemaOpen && 'rotate-90')}
              />
              <FolderTree className="size-4 shrink-0 text-muted-foreground" />
              <span className="truncate font-medium">{schema.name}</span>
              <span className="ml-auto text-xs text-muted-foreground tabular-nums">
                {schema.tables.length}
              </span>
            </button>
            {schemaOpen ? (
              <ul role="group" className="ml-3 grid gap-0.5 border-l pl-1.5">
                {schema.tables.map((table) => {
                  const key = `${schema.name}.${table.name}`;
                  const tableOpen = openTables.has(key);
                  const selected =
                    selection?.schema === schema.name &&
                    selection.table === table.name &&
                    !selection.column;
                  const Icon = table.kind === 'view' ? Eye : Table2;
                  const columns = q
                    ? table.columns.filter(
                        (c) =>
                          table.name.toLowerCase().includes(q) || c.name.toLowerCase().includes(q),
                      )
                    : table.columns;
                  return (
                    <li
                      key={table.name}
                      role="treeitem"
                      aria-expanded={tableOpen}
                      aria-selected={selected}
                    >
                      <div
                        className={cn(
                          'flex items-center gap-1 rounded pr-1.5',
                          selected ? 'bg-primary/10 text-foreground' : 'hover:bg-accent',
                        )}
                      >
                        <button
                          type="button"
                          aria-label={tableOpen ? `Collapse ${table.name}` : `Expand ${table.name}`}
                          className="flex size-6 shrink-0 items-center justify-center rounded cursor-pointer"
                          onClick={() => setOpenTables((s) => toggle(s, key))}
                        >
                          <ChevronRight
                            className={cn(
                              'size-3.5 transition-transform',
                              tableOpen && 'rotate-90',
                            )}
                          />
                        </button>
                        <button
                          type="button"
                          data-testid="tree-table"
                          data-table={key}
                          className="flex min-w-0 flex-1 items-center gap-1.5 py-1 text-left cursor-pointer"
                          onClick={() => {
                            onSelect({ schema: schema.name, table: table.name });
                            setOpenTables((s) => new Set(s).add(key));
                          }}
                        >
                          <Icon className="size-4 shrink-0 text-muted-foreground" />
                          <span className="truncate">{table.name}</span>
                          {table.kind === 'view' ? (
                            <span className="text-[10px] uppercase text-muted-foreground">
                              view
                            </span>
                          ) : null}
                          <span className="ml-auto text-xs text-muted-foreground tabular-nums">
                            {table.columns.length}
                          </span>
                        </button>
                      </div>
                      {tableOpen ? (
                        <ul role="group" className="ml-5 grid border-l pl-1.5">
                          {columns.map((column) => {
                            const colSelected =
                              selection?.schema === schema.name &&
                              selection.table === table.name &&
                              selection.column === column.name;
                            return (
                              <li key={column.name} role="treeitem" aria-selected={colSelected}>
                                <button
                                  type="button"
                                  data-testid="tree-column"
                                  data-column={`${key}.${column.name}`}
                                  title={column.comment ?? undefined}
                                  className={cn(
                                    'grid w-full grid-cols-[1fr_auto] items-center gap-x-2 rounded px-1.5 py-1 text-left cursor-pointer',
                                    colSelected ? 'bg-primary/10' : 'hover:bg-accent',
                                  )}
                                  onClick={() =>
                                    onSelect({
                                      schema: schema.name,
                                      table: table.name,
                                      column: column.name,
                                    })
                                  }
                                >
                                  <span className="flex min-w-0 items-center gap-1.5">
                                    <Columns3 className="size-3.5 shrink-0 text-muted-foreground" />
                                    <span className="truncate">{column.name}</span>
                                    <KeyBadges table={table} column={column} />
                                  </span>
                                  <span className="flex items-center gap-1.5 font-mono text-[11px] text-muted-foreground">
                                    {column.dataType.toLowerCase()}
                                    {column.nullable ? (
                                      <span
                                        title="Nullable"
                                        className="rounded bg-muted px-1 text-[10px] uppercase"
                                      >
                                        null
                                      </span>
                                    ) : (
                                      <span
                                        title="NOT NULL"
                                        className="rounded border px-1 text-[10px] uppercase text-foreground/70"
                                      >
                                        not null
                                      </span>
                                    )}
                                  </span>
                                  {column.comment ? (
                                    <span className="col-span-2 truncate pl-5 text-xs text-muted-foreground">
                                      {column.comment}
                                    </span>
                                  ) : null}
                                </button>
                              </li>
                            );
                          })}
                        </ul>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function TablePanel({
  sourceId,
  schema,
  table,
}: {
  sourceId: string;
  schema: string;
  table: TableInfo;
}) {
  const trpc = useTRPC();
  const preview = useQuery({
    ...trpc.datasource.preview.queryOptions({ id: sourceId, schema, table: table.name, limit: 50 }),
    staleTime: 60_000,
  });
  return (
    <div className="grid min-w-0 gap-4">
      <Card>
        <CardHeader>
          <CardTitle className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-base">
              {schema}.{table.name}
            </span>
            <Badge variant="outline">{table.kind}</Badge>
            <span className="ml-auto">
              <CatalogLink
                dataSourceId={sourceId}
                type={table.kind === 'view' ? 'view' : 'table'}
                name={table.name}
                path={`${schema}.${table.name}`}
              />
            </span>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-2 text-sm">
          {table.comment ? <p className="text-muted-foreground">{table.comment}</p> : null}
          <div className="flex flex-wrap gap-x-6 gap-y-1 text-muted-foreground">
            <span>
              <span className="font-medium text-foreground tabular-nums">
                {table.columns.length}
              </span>{' '}
              columns
            </span>
            <span>
              <span className="font-medium text-foreground tabular-nums">
                {table.rowCountEstimate == null
                  ? '—'
                  : `~${table.rowCountEstimate.toLocaleString()}`}
              </span>{' '}
              rows (estimate)
            </span>
            <span>
              Primary key:{' '}
              <code className="font-mono text-xs text-foreground">
                {table.primaryKey.length ? table.primaryKey.join(', ') : 'none'}
              </code>
            </span>
          </div>
          {table.foreignKeys.length ? (
            <ul className="grid gap-0.5 text-xs text-muted-foreground">
              {table.foreignKeys.map((fk) => (
                <li key={fk.name}>
                  <Link2 className="mr-1 inline size-3" />
                  <code className="font-mono">{fk.columns.join(', ')}</code> →{' '}
                  <code className="font-mono">
                    {fk.referencedSchema}.{fk.referencedTable}({fk.referencedColumns.join(', ')})
                  </code>
                </li>
              ))}
            </ul>
          ) : null}
        </CardContent>
      </Card>
      <Card className="min-w-0" data-testid="table-preview">
        <CardHeader className="flex-row items-center justify-between">
          <CardTitle>Preview</CardTitle>
          <div className="flex items-center gap-2 text-xs text-muted-foreground">
            Reading rows is recorded in the activity log
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label="Reload the preview"
              onClick={() => void preview.refetch()}
              disabled={preview.isFetching}
            >
              <RefreshCw className={cn(preview.isFetching && 'animate-spin')} />
            </Button>
          </div>
        </CardHeader>
        <CardContent className="p-0">
          {preview.isPending ? (
            <div className="grid gap-2 p-5">
              {Array.from({ length: 6 }, (_, i) => (
                <Skeleton key={i} className="h-5" />
              ))}
            </div>
          ) : preview.isError ? (
            <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
          ) : preview.data.rows.length === 0 ? (
            <EmptyState icon={<Table2 />} title="This table is empty" />
          ) : (
            <div className="max-h-[28rem] overflow-auto border-t">
              <table className="w-full text-xs" aria-label={`Rows of ${table.name}`}>
                <thead className="sticky top-0 z-10 bg-muted">
                  <tr>
                    {preview.data.columns.map((c) => (
                      <th
                        key={c}
                        scope="col"
                        className="whitespace-nowrap px-3 py-2 text-left font-medium text-muted-foreground"
                      >
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.data.rows.map((row, i) => (
                    <tr key={i} className="border-b last:border-0 hover:bg-muted/40">
                      {preview.data.columns.map((c) => (
                        <td
                          key={c}
                          className="max-w-64 truncate whitespace-nowrap px-3 py-1.5"
                          title={valueText(row[c])}
                        >
                          <CellValue value={row[c]} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <div className="text-xs text-muted-foreground">{label}</div>
      <div className="truncate font-medium tabular-nums">{value}</div>
    </div>
  );
}

function ColumnPanel({
  sourceId,
  schema,
  table,
  column,
}: {
  sourceId: string;
  schema: string;
  table: TableInfo;
  column: ColumnInfo;
}) {
  const trpc = useTRPC();
  const profile = useQuery({
    ...trpc.datasource.profile.queryOptions({
      id: sourceId,
      schema,
      table: table.name,
      column: column.name,
    }),
    staleTime: 60_000,
  });
  const fk = fkOf(table, column.name);
  const top =
    profile.data?.topValues.map((t) => ({
      value: valueText(t.value).slice(0, 24),
      count: t.count,
    })) ?? [];
  return (
    <div className="grid min-w-0 gap-4">
      <Card>
        <CardHeader>
          <CardTitle className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-base">
              {table.name}.{column.name}
            </span>
            <KeyBadges table={table} column={column} />
            <span className="ml-auto">
              <CatalogLink
                dataSourceId={sourceId}
                type="column"
                name={column.name}
                path={`${schema}.${table.name}.${column.name}`}
              />
            </span>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3 text-sm">
          {column.comment ? <p className="text-muted-foreground">{column.comment}</p> : null}
          <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            <Stat
              label="Type"
              value={<code className="font-mono text-xs">{column.dataType}</code>}
            />
            <Stat label="Nullable" value={column.nullable ? 'yes' : 'NOT NULL'} />
            <Stat
              label="Default"
              value={<code className="font-mono text-xs">{column.defaultValue ?? '—'}</code>}
            />
            <Stat label="Position" value={`#${column.ordinal}`} />
          </div>
          {fk ? (
            <p className="text-xs text-muted-foreground">
              References{' '}
              <code className="font-mono">
                {fk.referencedSchema}.{fk.referencedTable}({fk.referencedColumns.join(', ')})
              </code>
            </p>
          ) : null}
        </CardContent>
      </Card>
      <Card data-testid="column-profile">
        <CardHeader className="flex-row items-center justify-between">
          <CardTitle>Profile</CardTitle>
          {profile.data ? (
            <span className="text-xs text-muted-foreground">
              {profile.data.exact
                ? `All ${profile.data.rowCount.toLocaleString()} rows`
                : `A sample of ${profile.data.rowCount.toLocaleString()} rows`}
            </span>
          ) : null}
        </CardHeader>
        <CardContent>
          {profile.isPending ? (
            <div className="grid gap-3">
              <Skeleton className="h-5 w-1/2" />
              <Skeleton className="h-5" />
              <Skeleton className="h-40" />
            </div>
          ) : profile.isError ? (
            <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
          ) : (
            <div className="grid gap-5">
              <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
                <div className="col-span-2 min-w-0">
                  <div className="text-xs text-muted-foreground">
                    Nulls · {profile.data.nullCount.toLocaleString()} of{' '}
                    {profile.data.rowCount.toLocaleString()}
                  </div>
                  <Meter
                    value={profile.data.nullRatio}
                    label="Null ratio"
                    tone={profile.data.nullRatio > 0.5 ? 'warning' : 'muted'}
                    barClassName="w-auto flex-1 shrink"
                    className="mt-1.5"
                    format={(v) => `${(v * 100).toFixed(1)}%`}
                  />
                </div>
                <Stat label="Distinct" value={profile.data.distinctCount.toLocaleString()} />
                <Stat
                  label="Distinct ratio"
                  value={
                    profile.data.rowCount - profile.data.nullCount > 0
                      ? `${Math.round(
                          (profile.data.distinctCount /
                            (profile.data.rowCount - profile.data.nullCount)) *
                            100,
                        )}%`
                      : '—'
                  }
                />
                <Stat label="Min" value={<CellValue value={profile.data.min} />} />
                <Stat label="Max" value={<CellValue value={profile.data.max} />} />
              </div>
              <div>
                <div className="mb-2 text-xs font-medium text-muted-foreground">Top values</div>
                {top.length ? (
                  <BarChartView
                    data={top}
                    x="value"
                    series={[{ key: 'count', label: 'Rows' }]}
                    height={200}
                  />
                ) : (
                  <p className="text-sm text-muted-foreground">No non-null values.</p>
                )}
              </div>
            </div>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

export function SchemaTab({ source }: { source: DataSourceView }) {
  const trpc = useTRPC();
  const [selection, setSelection] = React.useState<Selection | null>(null);
  const [filter, setFilter] = React.useState('');
  const discover = useQuery({
    ...trpc.datasource.discover.queryOptions({ id: source.id }),
    staleTime: 5 * 60_000,
  });

  const found = React.useMemo(() => {
    if (!selection || !discover.data) return null;
    const table = discover.data.schemas
      .find((s) => s.name === selection.schema)
      ?.tables.find((t) => t.name === selection.table);
    if (!table) return null;
    const column = selection.column
      ? table.columns.find((c) => c.name === selection.column)
      : undefined;
    return { table, column };
  }, [selection, discover.data]);

  if (discover.isPending)
    return (
      <div className="grid gap-4 md:grid-cols-[20rem_1fr]">
        <Skeleton className="h-96" />
        <Skeleton className="h-96" />
      </div>
    );
  if (discover.isError)
    return (
      <Card>
        <ErrorState
          title="Could not read the schema"
          error={discover.error}
          onRetry={() => void discover.refetch()}
        />
      </Card>
    );

  const tables = discover.data.schemas.reduce((n, s) => n + s.tables.length, 0);
  return (
    <div className="grid items-start gap-4 md:grid-cols-[20rem_minmax(0,1fr)]">
      <Card className="md:sticky md:top-0">
        <CardHeader className="gap-3">
          <div className="flex items-center justify-between">
            <div className="min-w-0">
              <CardTitle className="truncate" title={discover.data.databaseName}>
                {discover.data.databaseName}
              </CardTitle>
              <p className="mt-0.5 text-xs text-muted-foreground">
                {discover.data.schemas.length}{' '}
                {discover.data.schemas.length === 1 ? 'schema' : 'schemas'} · {tables}{' '}
                {tables === 1 ? 'table' : 'tables'}
              </p>
            </div>
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label="Discover again"
              onClick={() => void discover.refetch()}
              disabled={discover.isFetching}
            >
              <RefreshCw className={cn(discover.isFetching && 'animate-spin')} />
            </Button>
          </div>
          <DataTableSearch
            value={filter}
            onChange={setFilter}
            placeholder="Filter tables and columns…"
            label="Filter tables and columns"
            className="sm:w-full"
          />
        </CardHeader>
        <CardContent className="max-h-[36rem] overflow-y-auto px-3">
          {tables === 0 ? (
            <EmptyState
              icon={<Table2 />}
              title="No tables"
              description="Nothing visible to this connection."
            />
          ) : (
            <SchemaTree
              discovery={discover.data}
              selection={selection}
              onSelect={setSelection}
              filter={filter}
            />
          )}
        </CardContent>
      </Card>
      {found && selection ? (
        found.column ? (
          <ColumnPanel
            key={`${selection.schema}.${selection.table}.${found.column.name}`}
            sourceId={source.id}
            schema={selection.schema}
            table={found.table}
            column={found.column}
          />
        ) : (
          <TablePanel
            key={`${selection.schema}.${selection.table}`}
            sourceId={source.id}
            schema={selection.schema}
            table={found.table}
          />
        )
      ) : (
        <Card>
          <EmptyState
            icon={<Table2 />}
            title="Pick a table or a column"
            description="A table shows its rows; a column shows its profile: nulls, distinct values, range and the most frequent values."
          />
        </Card>
      )}
    </div>
  );
}
