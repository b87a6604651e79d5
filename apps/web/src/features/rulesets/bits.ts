import type { z } from 'zod';
import type { scanRuleSetInput } from '@racine/services/rulesets/schemas';
import type { RouterOutputs } from '~/trpc/types';

export type RuleSetRow = RouterOutputs['scanRuleSet']['get'];
export type RuleSetFormInput = z.input<typeof scanRuleSetInput>;
export type RuleSetFormOutput = z.output<typeof scanRuleSetInput>;

/** The editable part of a stored rule set (what `scanRuleSetInput` takes). */
export function ruleSetValues(
  row: RuleSetRow,
  overrides: Partial<RuleSetFormInput> = {},
): RuleSetFormInput {
  return {
    name: row.name,
    description: row.description,
    includeSchemas: row.includeSchemas,
    excludeSchemas: row.excludeSchemas,
    includeTables: row.includeTables,
    excludeTables: row.excludeTables,
    includeColumns: row.includeColumns,
    excludeColumns: row.excludeColumns,
    sampleSize: row.sampleSize,
    sampleStrategy: row.sampleStrategy as RuleSetFormInput['sampleStrategy'],
    minNonNull: row.minNonNull,
    detectors: row.detectors,
    customRules: (Array.isArray(row.customRules)
      ? row.customRules
      : []) as RuleSetFormInput['customRules'],
    autoAcceptThreshold: row.autoAcceptThreshold,
    ...overrides,
  };
}

export const customRuleCount = (row: Pick<RuleSetRow, 'customRules'>) =>
  Array.isArray(row.customRules) ? row.customRules.length : 0;
