import { createRuleSet, deleteRuleSet, getRuleSet, listRuleSets, ruleSetIdInput, testRuleSetInput, testRuleSetOnTable, updateRuleSet, updateRuleSetInput } from '@racine/services';
import { scanRuleSetInput } from '@racine/services/rulesets/index';
import { procedure, router } from '../trpc';

export const scanRuleSetRouter = router({
  create: procedure.meta({ permission: 'scanRuleSet.manage' }).input(scanRuleSetInput).mutation(({ ctx, input }) => createRuleSet(ctx.deps, ctx.actor, input)),
  list: procedure.meta({ permission: 'scanRuleSet.read' }).query(({ ctx }) => listRuleSets(ctx.deps)),
  get: procedure.meta({ permission: 'scanRuleSet.read' }).input(ruleSetIdInput).query(({ ctx, input }) => getRuleSet(ctx.deps, input.id)),
  update: procedure.meta({ permission: 'scanRuleSet.manage' }).input(updateRuleSetInput).mutation(({ ctx, input }) => updateRuleSet(ctx.deps, ctx.actor, input)),
  delete: procedure.meta({ permission: 'scanRuleSet.manage' }).input(ruleSetIdInput).mutation(({ ctx, input }) => deleteRuleSet(ctx.deps, ctx.actor, input.id)),
  /** Samples real rows of the table, so it needs preview rights on that source. */
  test: procedure
    .meta({ permission: 'datasource.preview', scope: { datasource: 'dataSourceId' } })
    .input(testRuleSetInput)
    .mutation(({ ctx, input }) => testRuleSetOnTable(ctx.deps, ctx.actor, input)),
});
