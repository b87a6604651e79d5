import {
  addLineageEdge,
  addLineageEdgeInput,
  assetIdInput,
  bulkUpdateAssets,
  bulkUpdateAssetsInput,
  getAsset,
  getLineage,
  lineageEdgeIdInput,
  lineageInput,
  removeLineageEdge,
  searchCatalog,
  searchCatalogInput,
  updateAsset,
  updateAssetInput,
  updateLineageEdge,
  updateLineageEdgeInput,
} from '@racine/services';
import { procedure, router } from '../trpc';

const ofAsset = { datasourceOf: 'asset', field: 'id' } as const;
const ofEdge = { datasourceOf: 'lineageEdge', field: 'id' } as const;

export const catalogRouter = router({
  /** Filtered to the sources the caller may read (and terms, to glossary readers) in the service. */
  search: procedure
    .meta({ permission: 'datasource.read', filtered: true })
    .input(searchCatalogInput.default({ limit: 25, offset: 0 }))
    .query(({ ctx, input }) => searchCatalog(ctx.deps, ctx.access, input)),
  getAsset: procedure.meta({ permission: 'datasource.read', scope: ofAsset }).input(assetIdInput).query(({ ctx, input }) => getAsset(ctx.deps, ctx.access, input.id)),
  updateAsset: procedure
    .meta({ permission: 'catalog.curate', scope: ofAsset })
    .input(updateAssetInput)
    .mutation(({ ctx, input }) => updateAsset(ctx.deps, ctx.actor, ctx.access, input)),
  /** Many assets, possibly across sources: checked per source in the service, all or nothing. */
  bulkUpdate: procedure
    .meta({ permission: 'catalog.curate', filtered: true })
    .input(bulkUpdateAssetsInput)
    .mutation(({ ctx, input }) => bulkUpdateAssets(ctx.deps, ctx.actor, ctx.access, input)),
  lineage: procedure.meta({ permission: 'datasource.read', scope: ofAsset }).input(lineageInput).query(({ ctx, input }) => getLineage(ctx.deps, ctx.access, input)),
  /** Declaring what feeds an asset is the downstream (to) asset's curators' call. */
  addLineageEdge: procedure
    .meta({ permission: 'catalog.curate', scope: { datasourceOf: 'asset', field: 'toAssetId' } })
    .input(addLineageEdgeInput)
    .mutation(({ ctx, input }) => addLineageEdge(ctx.deps, ctx.actor, ctx.access, input)),
  updateLineageEdge: procedure
    .meta({ permission: 'catalog.curate', scope: ofEdge })
    .input(updateLineageEdgeInput)
    .mutation(({ ctx, input }) => updateLineageEdge(ctx.deps, ctx.actor, input)),
  removeLineageEdge: procedure
    .meta({ permission: 'catalog.curate', scope: ofEdge })
    .input(lineageEdgeIdInput)
    .mutation(({ ctx, input }) => removeLineageEdge(ctx.deps, ctx.actor, input.id)),
});
