import {
  accessReport,
  accessReportInput,
  accessRequestIdInput,
  approveAccessRequest,
  approveAccessRequestInput,
  cancelAccessRequest,
  createAccessRequest,
  createAccessRequestInput,
  getAccessRequest,
  listAccessRequests,
  listAccessRequestsInput,
  rejectAccessRequest,
  rejectAccessRequestInput,
  requestScopes,
  requestScopesInput,
} from '@racine/services';
import { procedure, router } from '../trpc';

/**
 * Access requests. Anyone signed in may ask; who may decide depends on the
 * request's scope (access.approve there, never one's own), so deciding is
 * `filtered` and the service checks and says why it refuses.
 */
export const accessRequestRouter = router({
  scopes: procedure.meta({ permission: 'authenticated' }).input(requestScopesInput.default({})).query(({ ctx, input }) => requestScopes(ctx.deps, input)),
  create: procedure.meta({ permission: 'authenticated' }).input(createAccessRequestInput).mutation(({ ctx, input }) => createAccessRequest(ctx.deps, ctx.actor, input)),
  list: procedure
    .meta({ permission: 'authenticated', filtered: true })
    .input(listAccessRequestsInput.default({ view: 'mine', limit: 25 }))
    .query(({ ctx, input }) => listAccessRequests(ctx.deps, ctx.actor, ctx.access, input)),
  get: procedure.meta({ permission: 'authenticated', filtered: true }).input(accessRequestIdInput).query(({ ctx, input }) => getAccessRequest(ctx.deps, ctx.actor, ctx.access, input)),
  approve: procedure.meta({ permission: 'access.approve', filtered: true }).input(approveAccessRequestInput).mutation(({ ctx, input }) => approveAccessRequest(ctx.deps, ctx.actor, ctx.access, input)),
  reject: procedure.meta({ permission: 'access.approve', filtered: true }).input(rejectAccessRequestInput).mutation(({ ctx, input }) => rejectAccessRequest(ctx.deps, ctx.actor, ctx.access, input)),
  /** Who has had access to restricted data, and why; with format 'csv', also the file to download. */
  report: procedure.meta({ permission: 'access.audit' }).input(accessReportInput).query(({ ctx, input }) => accessReport(ctx.deps, input)),
  cancel: procedure.meta({ permission: 'authenticated' }).input(accessRequestIdInput).mutation(({ ctx, input }) => cancelAccessRequest(ctx.deps, ctx.actor, input)),
});
