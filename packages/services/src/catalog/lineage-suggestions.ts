/**
 * Label propagation along lineage is suggested, never applied silently: for
 * each edge that propagates, the labels one end carries and the other lacks
 * (and nobody rejected there). Pure, so it is unit-tested on its own.
 */

export interface PropagatingEdge {
  id: string;
  from: string;
  to: string;
  propagation: 'none' | 'downstream' | 'both';
}

export interface LineageSuggestion {
  /** The asset the label is suggested for. */
  assetId: string;
  label: string;
  /** Where the label comes from. */
  fromAssetId: string;
  viaEdgeId: string;
}

export function lineageSuggestions(
  edges: readonly PropagatingEdge[],
  labelsOf: (assetId: string) => readonly string[] | undefined,
  rejectedOn: (assetId: string) => ReadonlySet<string> = () => new Set(),
): LineageSuggestion[] {
  const out: LineageSuggestion[] = [];
  const seen = new Set<string>();
  const suggest = (edgeId: string, source: string, target: string) => {
    const have = labelsOf(source);
    const present = labelsOf(target);
    // An end the caller may not see has no labels to give or compare.
    if (!have || !present) return;
    const rejected = rejectedOn(target);
    for (const label of have) {
      if (present.includes(label) || rejected.has(label)) continue;
      const key = `${target}|${label}`;
      if (seen.has(key)) continue; // one suggestion per label and asset, from the first edge that brings it
      seen.add(key);
      out.push({ assetId: target, label, fromAssetId: source, viaEdgeId: edgeId });
    }
  };
  for (const e of edges) {
    if (e.propagation === 'none') continue;
    suggest(e.id, e.from, e.to);
    if (e.propagation === 'both') suggest(e.id, e.to, e.from);
  }
  return out;
}
