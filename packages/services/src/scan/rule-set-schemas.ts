/** Inputs of the rule-set service that the web forms use too: zod and pure rule-set code only. */
import { z } from 'zod';
import { scanRuleSetInput } from '../rulesets/schemas';

export const ruleSetIdInput = z.object({ id: z.uuid('Not a rule set id') });
export const updateRuleSetInput = z.object({ id: z.uuid('Not a rule set id'), ruleSet: scanRuleSetInput });
export const testRuleSetInput = z
  .object({
    /** A saved rule set, or a draft from the editor. */
    ruleSetId: z.uuid().optional(),
    draft: scanRuleSetInput.optional(),
    dataSourceId: z.uuid('Not a data source id'),
    schema: z.string().min(1).max(255),
    table: z.string().min(1).max(255),
  })
  .refine((i) => !!i.ruleSetId !== !!i.draft, { message: 'Give either ruleSetId or a draft rule set', path: ['ruleSetId'] });
