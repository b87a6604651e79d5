import type { RouterInputs, RouterOutputs } from '~/trpc/types';

/** The shapes the catalog pages read, named once so the components don't repeat the paths. */
export type SearchInput = RouterInputs['catalog']['search'];
export type SearchResult = RouterOutputs['catalog']['search'];
export type SearchHit = SearchResult['items'][number];
export type Facets = SearchResult['facets'];
export type FacetKey = keyof Facets;
export type FacetValue = Facets[FacetKey][number];
export type AssetView = RouterOutputs['catalog']['getAsset'];
export type AssetChild = AssetView['children'][number];
/** A table's or view's column as its page lists it (with type, keys and labels). */
export type ColumnChild = Extract<AssetChild, { classifications: unknown }>;
export const isColumnChild = (c: AssetChild): c is ColumnChild => 'classifications' in c;
export type AssetSteward = AssetView['stewards'][number];
export type LineageView = RouterOutputs['catalog']['lineage'];
export type LineageNode = LineageView['nodes'][number];
export type LineageEdge = LineageView['edges'][number];
export type LineageSuggestion = LineageView['suggestions'][number];
export type LineageDirection = RouterInputs['catalog']['lineage']['direction'];
export type Propagation = LineageEdge['propagation'];
export type Certification = AssetView['certification'];
export type AssetType = AssetView['type'];
