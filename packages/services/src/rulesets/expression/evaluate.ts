/**
 * The scan rules' context: one column's metadata, read through the fixed
 * field table. The tree walk itself (and the null semantics) is in walk.ts,
 * shared with the compliance language.
 */
import type { RuleAst } from './ast';
import type { FieldName } from './fields';
import { evaluateExpression } from './walk';

/** What an expression can see of one column. Missing optional values read as null. */
export interface RuleContext {
  column: {
    name: string;
    /** The raw database type; compared lowercased. */
    type: string;
    normalizedType: string;
    nullable: boolean;
    comment?: string | null;
    ordinal?: number | null;
  };
  table: {
    name: string;
    kind?: string | null;
    rowCount?: number | bigint | null;
  };
  schema: { name: string };
  source: {
    engine?: string | null;
    environment?: string | null;
  };
  /** Counts from the sampled values; absent when the rule is evaluated on metadata only. */
  sample?: {
    nonNull?: number | null;
    distinct?: number | null;
    matchRate?: number | null;
  } | null;
}

type Value = string | number | boolean | null;

function num(v: number | bigint | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'bigint' ? Number(v) : v;
  return Number.isNaN(n) ? null : n;
}

function str(v: string | null | undefined): string | null {
  return typeof v === 'string' ? v : null;
}

/** The value of a field in a context; null when absent. */
export function readField(name: FieldName, ctx: RuleContext): Value {
  switch (name) {
    case 'column.name':
      return str(ctx.column.name);
    case 'column.type':
      return typeof ctx.column.type === 'string' ? ctx.column.type.toLowerCase() : null;
    case 'column.normalizedType':
      return str(ctx.column.normalizedType);
    case 'column.nullable':
      return typeof ctx.column.nullable === 'boolean' ? ctx.column.nullable : null;
    case 'column.comment':
      return str(ctx.column.comment);
    case 'column.ordinal':
      return num(ctx.column.ordinal);
    case 'table.name':
      return str(ctx.table.name);
    case 'table.kind':
      return str(ctx.table.kind);
    case 'table.rowCount':
      return num(ctx.table.rowCount);
    case 'schema.name':
      return str(ctx.schema.name);
    case 'source.engine':
      return str(ctx.source.engine);
    case 'source.environment':
      return str(ctx.source.environment);
    case 'sample.nonNull':
      return num(ctx.sample?.nonNull);
    case 'sample.distinct':
      return num(ctx.sample?.distinct);
    case 'sample.matchRate':
      return num(ctx.sample?.matchRate);
  }
}

/** True when the column described by `ctx` satisfies the expression. */
export function evaluateRule(ast: RuleAst, ctx: RuleContext): boolean {
  // The parser only lets names of FIELDS through, so the cast holds.
  return evaluateExpression(ast, (name) => readField(name as FieldName, ctx));
}
