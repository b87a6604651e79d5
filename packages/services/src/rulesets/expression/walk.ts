/**
 * The tree walk shared by every language built on this parser: it evaluates
 * a parsed expression against whatever a `FieldReader` returns for a field
 * name. Plain data in, a boolean out: nothing is compiled to JavaScript,
 * nothing is looked up outside the field table the parser checked against.
 *
 * Null: a comparison (`==`, `!=`, `<`…, `in`, `not in`, `matches`, `like`,
 * `contains`…, and their `not` forms) is false when a field it reads is null
 * or missing — except an explicit test against the `null` literal
 * (`column.comment == null`). `not` is plain boolean negation. Lists are never
 * null (an absent list reads as empty): `has`/`has_any`/`any …` are false on
 * an empty list, `has_all`/`all …` true, `none …` true.
 */
import type { CompareNode, Literal, Operand, QuantNode, RuleAst, TextNode } from './ast';
import { regexOf } from './parser';

export type FieldValue = string | number | boolean | null | readonly string[];
export type FieldReader = (name: string) => FieldValue | undefined;

function scalar(v: FieldValue | undefined): string | number | boolean | null {
  return v === undefined || Array.isArray(v) ? null : (v as string | number | boolean | null);
}

function list(v: FieldValue | undefined): readonly string[] {
  return Array.isArray(v) ? v : [];
}

function operandValue(op: Operand, read: FieldReader): string | number | boolean | null {
  return op.kind === 'field' ? scalar(read(op.name)) : op.value;
}

function isNullLiteral(op: Operand): boolean {
  return op.kind === 'literal' && op.value === null;
}

function compare(node: CompareNode, a: Literal, b: Literal): boolean {
  if (a === null || b === null) return false;
  // The parser guarantees both sides have the same declared type; a context
  // holding something else (a number where a string belongs) just does not match.
  if (typeof a !== typeof b) return false;
  let x: string | number | boolean = a;
  let y: string | number | boolean = b;
  if (node.rank && node.op !== '==' && node.op !== '!=') {
    // An ordered field: compare positions; a value outside the order is not comparable.
    x = node.rank.indexOf(a as string);
    y = node.rank.indexOf(b as string);
    if (x < 0 || y < 0) return false;
  }
  switch (node.op) {
    case '==':
      return x === y;
    case '!=':
      return x !== y;
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
  }
}

function text(node: TextNode | QuantNode, value: string): boolean {
  switch (node.op) {
    case 'matches':
      return regexOf(node).test(value);
    case 'like':
      return regexOf(node).testExact(value);
    case 'contains':
      return value.includes(node.value);
    case 'startsWith':
      return value.startsWith(node.value);
    case 'endsWith':
      return value.endsWith(node.value);
  }
}

/** True when the facts `read` returns satisfy the expression. */
export function evaluateExpression(ast: RuleAst, read: FieldReader): boolean {
  switch (ast.kind) {
    case 'or':
      for (const o of ast.operands) if (evaluateExpression(o, read)) return true;
      return false;
    case 'and':
      for (const o of ast.operands) if (!evaluateExpression(o, read)) return false;
      return true;
    case 'not':
      return !evaluateExpression(ast.operand, read);
    case 'literal':
      return ast.value === true;
    case 'field':
      return read(ast.name) === true;
    case 'compare': {
      const a = operandValue(ast.left, read);
      const b = operandValue(ast.right, read);
      if (isNullLiteral(ast.left) || isNullLiteral(ast.right)) {
        const other = isNullLiteral(ast.left) ? b : a;
        return ast.op === '==' ? other === null : ast.op === '!=' ? other !== null : false;
      }
      return compare(ast, a, b);
    }
    case 'in': {
      const v = scalar(read(ast.field.name));
      if (v === null) return false;
      const found = (ast.values as Literal[]).includes(v);
      return ast.negated ? !found : found;
    }
    case 'text': {
      const v = scalar(read(ast.field.name));
      if (typeof v !== 'string') return false;
      const hit = text(ast, v);
      return ast.negated ? !hit : hit;
    }
    case 'has': {
      const held = list(read(ast.field.name));
      const hit = ast.mode === 'all' ? ast.values.every((v) => held.includes(v)) : ast.values.some((v) => held.includes(v));
      return ast.negated ? !hit : hit;
    }
    case 'quant': {
      const held = list(read(ast.field.name));
      if (ast.quantifier === 'any') return held.some((v) => text(ast, v));
      if (ast.quantifier === 'all') return held.every((v) => text(ast, v));
      return !held.some((v) => text(ast, v));
    }
  }
}
