import {
  connectionDraftInput,
  createDataSource,
  demoConnection,
  createDataSourceInput,
  dataSourceIdInput,
  deleteDataSource,
  discoverDataSource,
  discoverInput,
  getDataSource,
  listDataSources,
  listDataSourcesInput,
  previewInput,
  previewTable,
  profileColumn,
  profileInput,
  testDataSource,
  updateDataSource,
  updateDataSourceInput,
} from '@racine/services';
import { z } from 'zod';
import { procedure, router } from '../trpc';

const byId = { datasource: 'id' };

export const dataSourceRouter = router({
  create: procedure
    .meta({ permission: 'datasource.create' })
    .input(createDataSourceInput)
    .mutation(({ ctx, input }) => createDataSource(ctx.deps, ctx.actor, input)),
  list: procedure
    .meta({ permission: 'datasource.read', filtered: true })
    .input(listDataSourcesInput.default({ limit: 25 }))
    .query(({ ctx, input }) => listDataSources(ctx.deps, ctx.access, input)),
  get: procedure
    .meta({ permission: 'datasource.read', scope: byId })
    .input(dataSourceIdInput)
    .query(({ ctx, input }) => getDataSource(ctx.deps, input.id)),
  update: procedure
    .meta({ permission: 'datasource.update', scope: byId })
    .input(updateDataSourceInput)
    .mutation(({ ctx, input }) => updateDataSource(ctx.deps, ctx.actor, input)),
  delete: procedure
    .meta({ permission: 'datasource.delete', scope: byId })
    .input(dataSourceIdInput)
    .mutation(({ ctx, input }) => deleteDataSource(ctx.deps, ctx.actor, input.id)),
  /** Tests a saved source and records the outcome on it. */
  test: procedure
    .meta({ permission: 'datasource.connect', scope: byId })
    .input(dataSourceIdInput)
    .mutation(({ ctx, input }) => testDataSource(ctx.deps, ctx.actor, input)),
  /** Tests connection settings from the create form before anything is saved. */
  testDraft: procedure
    .meta({ permission: 'datasource.create' })
    .input(z.object({ connection: connectionDraftInput }))
    .mutation(({ ctx, input }) => testDataSource(ctx.deps, ctx.actor, input)),
  /** The demo database's connection settings, when the embedded default wrote one. */
  demoConnection: procedure.meta({ permission: 'datasource.create' }).query(() => demoConnection()),
  discover: procedure
    .meta({ permission: 'datasource.connect', scope: byId })
    .input(discoverInput)
    .query(({ ctx, input }) => discoverDataSource(ctx.deps, input.id)),
  preview: procedure
    .meta({ permission: 'datasource.preview', scope: byId })
    .input(previewInput)
    .query(({ ctx, input }) => previewTable(ctx.deps, ctx.actor, input)),
  profile: procedure
    .meta({ permission: 'datasource.preview', scope: byId })
    .input(profileInput)
    .query(({ ctx, input }) => profileColumn(ctx.deps, ctx.actor, input)),
});
