'use client';
import Link from 'next/link';
import { ArrowRight, Lightbulb } from 'lucide-react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@racine/ui';
import { LabelBadge } from '~/features/classifications/bits';
import { assetHref } from './bits';
import type { LineageNode, LineageSuggestion } from './types';

/** Suggestions grouped by the pair of assets they connect, so one edge is one entry. */
function groupByPair(suggestions: readonly LineageSuggestion[]) {
  const groups = new Map<string, { fromAssetId: string; assetId: string; labels: string[] }>();
  for (const s of suggestions) {
    const key = `${s.fromAssetId}→${s.assetId}`;
    const g = groups.get(key) ?? { fromAssetId: s.fromAssetId, assetId: s.assetId, labels: [] };
    if (!g.labels.includes(s.label)) g.labels.push(s.label);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/**
 * Labels that edges with propagation say should follow the data ("PII.Email
 * on customers.email flows to …"). They are only listed, never applied: the
 * API has no way to apply one yet, so a curator who agrees labels the
 * receiving asset through its own review.
 */
export function LineageSuggestions({
  suggestions,
  nodes,
}: {
  suggestions: readonly LineageSuggestion[];
  nodes: readonly LineageNode[];
}) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const nameOf = (id: string) => byId.get(id)?.name || 'an asset outside the graph';
  return (
    <Card className="min-w-0 content-start" data-testid="lineage-suggestions">
      <CardHeader>
        <CardTitle className="flex items-center gap-1.5">
          <Lightbulb className="size-4 text-warning" />
          Propagation suggestions
        </CardTitle>
        <CardDescription>Suggested by edges that propagate labels; never applied on their own.</CardDescription>
      </CardHeader>
      <CardContent className="grid max-h-96 min-w-0 gap-2 overflow-y-auto">
        {groupByPair(suggestions).map((g) => (
          <div
            key={`${g.fromAssetId}-${g.assetId}`}
            className="grid min-w-0 gap-1.5 rounded-md border p-2 text-xs"
            data-testid="lineage-suggestion"
          >
            <div className="flex flex-wrap gap-1">
              {g.labels.map((l) => (
                <LabelBadge
                  key={l}
                  label={l}
                  sensitivity={byId.get(g.fromAssetId)?.sensitivity ?? 'Internal'}
                />
              ))}
            </div>
            <div className="flex min-w-0 items-center gap-1">
              <span className="shrink-0 text-muted-foreground">on</span>
              <Link
                href={assetHref(g.fromAssetId)}
                className="min-w-0 truncate font-mono hover:underline"
                title={byId.get(g.fromAssetId)?.qualifiedName}
              >
                {nameOf(g.fromAssetId)}
              </Link>
              <ArrowRight className="size-3 shrink-0 text-muted-foreground" />
              <span className="shrink-0 text-muted-foreground">flow to</span>
              <Link
                href={assetHref(g.assetId)}
                className="min-w-0 truncate font-mono hover:underline"
                title={byId.get(g.assetId)?.qualifiedName}
              >
                {nameOf(g.assetId)}
              </Link>
            </div>
          </div>
        ))}
      </CardContent>
    </Card>
  );
}
