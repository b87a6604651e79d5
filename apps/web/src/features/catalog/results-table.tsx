'use client';
import Link from 'next/link';
import { Checkbox, DataTable, type DataTableColumn } from '@racine/ui';
import { EnvironmentBadge } from '~/components/environment-badge';
import { LabelBadge } from '~/features/classifications/bits';
import {
  AssetTypeIcon,
  assetHref,
  CertificationBadge,
  Highlight,
  SensitivityBadge,
  TagList,
  termHref,
} from './bits';
import type { SearchHit } from './types';

type Environment = 'dev' | 'staging' | 'prod';

const MAX_LABELS = 3;

/** A description's markdown as plain text for a one-line preview: links keep their text, markers go. */
const plainText = (md: string) =>
  md.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#>~]+/g, '');

/** Data sources come back as hits too; they have their own page, not an asset page. */
export const hitHref = (h: SearchHit) =>
  h.kind === 'term'
    ? termHref(h.id)
    : h.kind === 'article'
      ? `/collaboration/kb/${h.id}`
      : h.type === 'source'
        ? `/datasources/${h.id}`
        : assetHref(h.id);
const isCuratable = (h: SearchHit) => h.kind === 'asset' && h.type !== 'source';
/** Whether the highlighted text is the name itself (else it is the qualified name or a snippet). */
const highlighted = (h: SearchHit) => h.highlight.map((s) => s.text).join('');
const onName = (h: SearchHit) => highlighted(h) === h.name;
const onQualifiedName = (h: SearchHit) => !onName(h) && highlighted(h) === h.qualifiedName;

/** Ranked search hits. Assets can be selected for bulk changes; terms link to the glossary. */
export function ResultsTable({
  hits,
  isLoading,
  error,
  onRetry,
  empty,
  selected,
  onSelectedChange,
}: {
  hits: SearchHit[] | undefined;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  empty: React.ReactNode;
  selected: ReadonlySet<string>;
  onSelectedChange: (next: ReadonlySet<string>) => void;
}) {
  const assets = (hits ?? []).filter(isCuratable);
  const allSelected = assets.length > 0 && assets.every((h) => selected.has(h.id));
  const someSelected = assets.some((h) => selected.has(h.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  };
  const columns: DataTableColumn<SearchHit>[] = [
    {
      id: 'select',
      className: 'w-8',
      header: (
        <Checkbox
          aria-label="Select all assets shown"
          checked={allSelected ? true : someSelected ? 'indeterminate' : false}
          disabled={!assets.length}
          onCheckedChange={(v) => onSelectedChange(v ? new Set(assets.map((h) => h.id)) : new Set())}
        />
      ),
      cell: (h) =>
        isCuratable(h) ? (
          <Checkbox
            aria-label={`Select ${h.qualifiedName}`}
            checked={selected.has(h.id)}
            onCheckedChange={() => toggle(h.id)}
          />
        ) : null,
    },
    {
      id: 'name',
      header: 'Name',
      cell: (h) => (
        <div className="flex min-w-0 max-w-sm items-start gap-2 xl:max-w-lg">
          <AssetTypeIcon type={h.type} className="mt-0.5" />
          <div className="min-w-0">
            <Link
              href={hitHref(h)}
              className="block truncate font-medium hover:underline"
              data-testid="result-link"
            >
              {onName(h) ? <Highlight segments={h.highlight} /> : h.name}
            </Link>
            <div className="truncate font-mono text-[11px] text-muted-foreground">
              {h.kind === 'term' ? (
                'Glossary term'
              ) : h.kind === 'article' ? (
                'Knowledge-base article'
              ) : h.type === 'source' ? (
                'Data source'
              ) : (
                <>
                  {h.type} ·{' '}
                  {onQualifiedName(h) ? <Highlight segments={h.highlight} /> : h.qualifiedName}
                </>
              )}
            </div>
            {!onName(h) && !onQualifiedName(h) && h.highlight.some((s) => s.match) ? (
              <Highlight
                segments={h.highlight}
                className="line-clamp-1 font-mono text-xs text-muted-foreground"
              />
            ) : h.description ? (
              <div className="line-clamp-1 text-xs text-muted-foreground">
                {plainText(h.description)}
              </div>
            ) : null}
          </div>
        </div>
      ),
    },
    {
      id: 'labels',
      header: 'Labels & tags',
      className: 'hidden md:table-cell',
      cell: (h) => (
        <div className="flex max-w-60 flex-wrap items-center gap-1">
          {h.sensitivity ? <SensitivityBadge sensitivity={h.sensitivity} /> : null}
          {h.labels.slice(0, MAX_LABELS).map((l) => (
            <LabelBadge key={l} label={l} sensitivity={h.sensitivity ?? 'Internal'} />
          ))}
          {h.labels.length > MAX_LABELS ? (
            <span className="text-xs text-muted-foreground">+{h.labels.length - MAX_LABELS}</span>
          ) : null}
          <TagList tags={h.tags} max={3} />
          {!h.sensitivity && !h.labels.length && !h.tags.length ? (
            <span className="text-xs text-muted-foreground">—</span>
          ) : null}
        </div>
      ),
    },
    {
      id: 'certification',
      header: 'Status',
      className: 'hidden sm:table-cell',
      cell: (h) => (h.certification ? <CertificationBadge certification={h.certification} /> : null),
    },
    {
      id: 'source',
      header: 'Source',
      className: 'hidden lg:table-cell',
      cell: (h) =>
        h.dataSource ? (
          <span className="flex items-center gap-1.5 whitespace-nowrap text-xs">
            <Link href={`/datasources/${h.dataSource.id}`} className="hover:underline">
              {h.dataSource.name}
            </Link>
            <EnvironmentBadge environment={h.dataSource.environment as Environment} />
          </span>
        ) : (
          <span className="text-xs text-muted-foreground">Glossary</span>
        ),
    },
  ];
  return (
    <DataTable
      label="Search results"
      columns={columns}
      data={hits}
      getRowId={(h) => `${h.kind}:${h.id}`}
      rowTestId="catalog-result"
      isLoading={isLoading}
      error={error}
      onRetry={onRetry}
      empty={empty}
    />
  );
}
