import type { DataSource, ScanRuleSet } from '@racine/db';
import { z } from 'zod';
import type { ClassificationSuggestion } from '../classification/types';
import type { ColumnInfo, DiscoverResult, TableInfo } from '../connectors/types';
import { columnContextOf, compileCustomRules, customRuleInput, evaluateCustomRules, selectColumns } from '../rulesets/index';
import type { TablePlan } from './classify-table';

export type CustomRulesFn = (schema: string, table: TableInfo, column: ColumnInfo, values: readonly unknown[], suppressed: ReadonlySet<string>) => ClassificationSuggestion[];

export interface ScanPlan {
  tables: TablePlan[];
  customRules?: CustomRulesFn;
}

/** The rule set's stored custom rules, validated on the way out as on the way in. */
export const storedCustomRules = (json: unknown) => z.array(customRuleInput).parse(json ?? []);

/** Which tables and columns a run classifies (the rule set's scope), and its custom rules compiled once. */
export function planScan(ruleSet: ScanRuleSet, discovered: DiscoverResult, source: Pick<DataSource, 'engine' | 'environment'>): ScanPlan {
  const selection = selectColumns(ruleSet, discovered);
  const tables = selection.tables.map((t) => ({ schema: t.schema, table: t.table as TableInfo, columns: t.columns.map((c) => c.name) }));
  const rules = compileCustomRules(storedCustomRules(ruleSet.customRules));
  if (rules.length === 0) return { tables };
  return {
    tables,
    customRules: (schema, table, column, values, suppressed) =>
      evaluateCustomRules(rules, columnContextOf(source, schema, table, column), values, {
        minNonNull: ruleSet.minNonNull,
        autoAcceptThreshold: ruleSet.autoAcceptThreshold,
        suppressed,
      }),
  };
}
