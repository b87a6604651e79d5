import {
  createFramework,
  createFrameworkInput,
  createRule,
  createRuleInput,
  evaluateFrameworks,
  evaluateInput,
  exportReport,
  exportReportInput,
  frameworkIdInput,
  getFramework,
  getPosture,
  listFindings,
  listFindingsInput,
  listFrameworks,
  postureInput,
  testRule,
  testRuleInput,
  updateFinding,
  updateFindingInput,
  updateFramework,
  updateFrameworkInput,
  updateRule,
  updateRuleInput,
} from '@racine/services';
import { z } from 'zod';
import { procedure, router } from '../trpc';

const ofFinding = { datasourceOf: 'finding', field: 'id' } as const;

export const complianceRouter = router({
  frameworks: procedure
    .meta({ permission: 'compliance.read' })
    .input(z.object({}).default({}))
    .query(({ ctx }) => listFrameworks(ctx.deps, ctx.access)),
  framework: procedure.meta({ permission: 'compliance.read' }).input(frameworkIdInput).query(({ ctx, input }) => getFramework(ctx.deps, input.id)),
  createFramework: procedure
    .meta({ permission: 'compliance.manage' })
    .input(createFrameworkInput)
    .mutation(({ ctx, input }) => createFramework(ctx.deps, ctx.actor, input)),
  updateFramework: procedure
    .meta({ permission: 'compliance.manage' })
    .input(updateFrameworkInput)
    .mutation(({ ctx, input }) => updateFramework(ctx.deps, ctx.actor, input)),
  createRule: procedure.meta({ permission: 'compliance.manage' }).input(createRuleInput).mutation(({ ctx, input }) => createRule(ctx.deps, ctx.actor, input)),
  updateRule: procedure.meta({ permission: 'compliance.manage' }).input(updateRuleInput).mutation(({ ctx, input }) => updateRule(ctx.deps, ctx.actor, input)),
  /** Reads only; over the sources the caller may read. */
  testRule: procedure.meta({ permission: 'compliance.read' }).input(testRuleInput).query(({ ctx, input }) => testRule(ctx.deps, ctx.access, input)),
  /** Synchronous: evaluation is fast (see the benchmark); after a scan the job queue does it. */
  evaluate: procedure
    .meta({ permission: 'compliance.evaluate' })
    .input(evaluateInput.default({}))
    .mutation(({ ctx, input }) => evaluateFrameworks(ctx.deps, ctx.actor, { ...input, trigger: 'manual' })),
  findings: procedure
    .meta({ permission: 'compliance.read' })
    .input(listFindingsInput.default({ limit: 50, offset: 0 }))
    .query(({ ctx, input }) => listFindings(ctx.deps, ctx.access, input)),
  /** compliance.findings.manage at the finding's source; waiving also needs compliance.waive (checked in the service). */
  updateFinding: procedure
    .meta({ permission: 'compliance.findings.manage', scope: ofFinding })
    .input(updateFindingInput)
    .mutation(({ ctx, input }) => updateFinding(ctx.deps, ctx.actor, ctx.access, input)),
  posture: procedure
    .meta({ permission: 'compliance.read' })
    .input(postureInput.default({ days: 30 }))
    .query(({ ctx, input }) => getPosture(ctx.deps, ctx.access, input)),
  exportReport: procedure
    .meta({ permission: 'compliance.read' })
    .input(exportReportInput)
    .mutation(({ ctx, input }) => exportReport(ctx.deps, ctx.access, input)),
});
