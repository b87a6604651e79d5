/**
 * condition: evaluates a rule-language expression over the workflow's
 * parameters and earlier steps' outputs, and outputs `result`. Later steps
 * branch on it with their own `condition: steps.<id>.result == true`.
 * The expression reads the same fields a step condition may (expressions.ts
 * `conditionFields`): parameters and this step's transitive dependencies.
 */
import { z } from 'zod';
import { evaluateStepCondition, parseStepCondition, conditionFields } from '../expressions';
import { defineStepType } from '../step-type';

export const conditionStep = defineStepType({
  type: 'condition',
  title: 'Condition',
  description: 'Evaluates an expression over parameters and earlier outputs; later steps branch on its result.',
  group: 'control',
  config: z.object({ expression: z.string().trim().min(1, 'The expression is empty').max(2_000) }).strict(),
  output: { result: { type: 'boolean', description: 'Whether the expression held.' } },
  run: async (ctx) => {
    // Imported when run: the engine's registry imports this folder's index, which imports this file.
    const { loadDefinitionOf, stepRegistry } = await import('../engine/registry');
    const definition = await loadDefinitionOf(ctx.deps.db, ctx.execution.workflowId, ctx.execution.version);
    const parsed = parseStepCondition(ctx.config.expression, conditionFields(definition, ctx.step.id, stepRegistry(ctx.deps)));
    if (!parsed.ok) throw new Error(`The expression is invalid: ${parsed.error.message}`);
    const result = evaluateStepCondition(parsed.ast, { params: ctx.execution.params, outputs: ctx.outputs });
    await ctx.log(`The expression is ${result}`);
    return { kind: 'done', output: { result } };
  },
});
