/**
 * Evaluates a parsed rule expression against one column's metadata. A tree
 * walk over plain data: nothing is compiled to JavaScript, nothing is looked
 * up by name outside the fixed field table.
 *
 * Null: a comparison (`==`, `!=`, `<`…, `in`, `not in`, `matches`,
 * `contains`…, and their `not` forms) is false when a field it reads is
 * null or missing — except an explicit test against the `null` literal
 * (`column.comment == null`, `column.comment != null`). `not` is plain
 * boolean negation of what it wraps.
 */
import type { Literal, Operand, RuleAst, TextNode } from './ast';
import type { FieldName } from './fields';
import { regexOf } from './parser';

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

function operandValue(op: Operand, ctx: RuleContext): Value {
  return op.kind === 'field' ? readField(op.name, ctx) : op.value;
}

function isNullLiteral(op: Operand): boolean {
  return op.kind === 'literal' && op.value === null;
}

function compare(op: string, a: Value, b: Value): boolean {
  if (a === null || b === null) return false;
  // The parser guarantees both sides have the same declared type; a context
  // holding something else (a number where a string belongs) just does not match.
  if (typeof a !== typeof b) return false;
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      return false;
  }
}

function text(node: TextNode, value: string): boolean {
  switch (node.op) {
    case 'matches':
      return regexOf(node).test(value);
    case 'contains':
      return value.includes(node.value);
    case 'startsWith':
      return value.startsWith(node.value);
    case 'endsWith':
      return value.endsWith(node.value);
  }
}

/** True when the column described by `ctx` satisfies the expression. */
export function evaluateRule(ast: RuleAst, ctx: RuleContext): boolean {
  switch (ast.kind) {
    case 'or':
      for (const o of ast.operands) if (evaluateRule(o, ctx)) return true;
      return false;
    case 'and':
      for (const o of ast.operands) if (!evaluateRule(o, ctx)) return false;
      return true;
    case 'not':
      return !evaluateRule(ast.operand, ctx);
    case 'literal':
      return ast.value === true;
    case 'field':
      return readField(ast.name, ctx) === true;
    case 'compare': {
      const a = operandValue(ast.left, ctx);
      const b = operandValue(ast.right, ctx);
      if (isNullLiteral(ast.left) || isNullLiteral(ast.right)) {
        const other = isNullLiteral(ast.left) ? b : a;
        return ast.op === '==' ? other === null : ast.op === '!=' ? other !== null : false;
      }
      return compare(ast.op, a, b);
    }
    case 'in': {
      const v = readField(ast.field.name, ctx);
      if (v === null) return false;
      const found = (ast.values as Literal[]).includes(v);
      return ast.negated ? !found : found;
    }
    case 'text': {
      const v = readField(ast.field.name, ctx);
      if (typeof v !== 'string') return false;
      const hit = text(ast, v);
      return ast.negated ? !hit : hit;
    }
  }
}
