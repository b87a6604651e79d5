import {
  cancelRun,
  createScan,
  createScanInput,
  deleteScan,
  getRun,
  getScan,
  listRuns,
  listRunsInput,
  listScans,
  listScansInput,
  runIdInput,
  runScan,
  scanIdInput,
  updateScan,
  updateScanInput,
  watchRun,
  watchRunInput,
} from '@racine/services';
import { tracked } from '@trpc/server';
import { procedure, router } from '../trpc';

const ofScan = { datasourceOf: 'scan', field: 'id' } as const;
const ofRun = { datasourceOf: 'scanRun', field: 'runId' } as const;

export const scanRouter = router({
  create: procedure
    .meta({ permission: 'scan.manage', scope: { datasource: 'dataSourceId' } })
    .input(createScanInput)
    .mutation(({ ctx, input }) => createScan(ctx.deps, ctx.actor, input)),
  list: procedure
    .meta({ permission: 'scan.read', filtered: true })
    .input(listScansInput.default({ limit: 25 }))
    .query(({ ctx, input }) => listScans(ctx.deps, ctx.access, input)),
  get: procedure.meta({ permission: 'scan.read', scope: ofScan }).input(scanIdInput).query(({ ctx, input }) => getScan(ctx.deps, input.id)),
  update: procedure
    .meta({ permission: 'scan.manage', scope: ofScan })
    .input(updateScanInput)
    .mutation(({ ctx, input }) => updateScan(ctx.deps, ctx.actor, input)),
  delete: procedure.meta({ permission: 'scan.manage', scope: ofScan }).input(scanIdInput).mutation(({ ctx, input }) => deleteScan(ctx.deps, ctx.actor, input.id)),
  run: procedure.meta({ permission: 'scan.run', scope: ofScan }).input(scanIdInput).mutation(({ ctx, input }) => runScan(ctx.deps, ctx.actor, input.id)),
  cancel: procedure.meta({ permission: 'scan.run', scope: ofRun }).input(runIdInput).mutation(({ ctx, input }) => cancelRun(ctx.deps, ctx.actor, input.runId)),
  getRun: procedure.meta({ permission: 'scan.read', scope: ofRun }).input(runIdInput).query(({ ctx, input }) => getRun(ctx.deps, input.runId)),
  listRuns: procedure
    .meta({ permission: 'scan.read', filtered: true })
    .input(listRunsInput.default({ limit: 25 }))
    .query(({ ctx, input }) => listRuns(ctx.deps, ctx.access, input)),
  /** Live progress of a run until it ends; a reconnect gets the current state. */
  watchRun: procedure
    .meta({ permission: 'scan.read', scope: ofRun })
    .input(watchRunInput)
    .subscription(async function* ({ ctx, input, signal }) {
      for await (const run of watchRun(ctx.deps, input.runId, signal)) yield tracked(`${run.status}:${run.tablesDone}:${run.columnsClassified}`, run);
    }),
});
