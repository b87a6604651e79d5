'use client';
import Link from 'next/link';
import { ArrowRight, Lightbulb } from 'lucide-react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@racine/ui';
import { LabelBadge } from '~/features/classifications/bits';
import { assetHref } from './bits';
import type { LineageNode, LineageSuggestion } from './types';

/**
 * Labels that edges with propagation say should follow the data. They are
 * only listed, never applied: the API has no way to apply one yet, so a
 * curator who agrees labels the receiving asset through its own review.
 */
export function LineageSuggestions({
  suggestions,
  nodes,
}: {
  suggestions: readonly LineageSuggestion[];
  nodes: readonly LineageNode[];
}) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const name = (id: string) => byId.get(id)?.qualifiedName ?? 'an asset outside the graph';
  return (
    <Card className="content-start" data-testid="lineage-suggestions">
      <CardHeader>
        <CardTitle className="flex items-center gap-1.5">
          <Lightbulb className="size-4 text-warning" />
          Propagation suggestions
        </CardTitle>
        <CardDescription>Never applied on their own.</CardDescription>
      </CardHeader>
      <CardContent className="grid max-h-96 gap-2 overflow-y-auto">
        {suggestions.map((s) => {
          const key = `${s.assetId}:${s.label}:${s.viaEdgeId}`;
          return (
            <div key={key} className="grid gap-1.5 rounded-md border p-2 text-xs" data-testid="lineage-suggestion">
              <div className="flex flex-wrap items-center gap-1">
                <LabelBadge label={s.label} sensitivity={byId.get(s.fromAssetId)?.sensitivity ?? 'Internal'} />
                <span className="text-muted-foreground">on</span>
                <Link href={assetHref(s.fromAssetId)} className="font-mono hover:underline">
                  {name(s.fromAssetId)}
                </Link>
              </div>
              <div className="flex items-center gap-1">
                <ArrowRight className="size-3 shrink-0 text-muted-foreground" />
                <span className="text-muted-foreground">flows to</span>
                <Link href={assetHref(s.assetId)} className="min-w-0 truncate font-mono hover:underline">
                  {name(s.assetId)}
                </Link>
              </div>
            </div>
          );
        })}
      </CardContent>
    </Card>
  );
}
