/**
 * The syntax tree of a rule expression: plain data (JSON-serialisable),
 * with the source span of every node so an editor can underline it.
 * Regexes compiled at parse time live beside the tree (see `regexOf`).
 */

export interface Span {
  /** 0-based offset of the first character. */
  start: number;
  /** 0-based offset just past the last character. */
  end: number;
}

export type Literal = string | number | boolean | null;

export interface FieldRef {
  kind: 'field';
  /** A name from the language's field table (checked by the parser). */
  name: string;
  span: Span;
}

export interface LiteralNode {
  kind: 'literal';
  value: Literal;
  span: Span;
}

export type Operand = FieldRef | LiteralNode;

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
/** `like` is a glob (`*`, `?`; whole value, case-insensitive); `matches` an RE2 search. */
export type TextOp = 'matches' | 'like' | 'contains' | 'startsWith' | 'endsWith';

/** `a and b and c`: n-ary, so a long chain does not count against the depth limit. */
export interface AndNode {
  kind: 'and';
  operands: RuleAst[];
  span: Span;
}

export interface OrNode {
  kind: 'or';
  operands: RuleAst[];
  span: Span;
}

export interface NotNode {
  kind: 'not';
  operand: RuleAst;
  span: Span;
}

/** `left op right`; at least one side is a field; both sides have the same type, or one is `null` (`==`/`!=` only). */
export interface CompareNode {
  kind: 'compare';
  op: CompareOp;
  left: Operand;
  right: Operand;
  /** For an ordered field (`asset.sensitivity`): its values in ascending order, so `<`… compare positions. */
  rank?: readonly string[];
  span: Span;
}

/** `field in [...]` / `field not in [...]`. */
export interface InNode {
  kind: 'in';
  negated: boolean;
  field: FieldRef;
  values: Exclude<Literal, null>[];
  span: Span;
}

/** `field matches "re"`, `field contains "text"`, `startsWith`, `endsWith`, and their `not` forms. */
export interface TextNode {
  kind: 'text';
  op: TextOp;
  negated: boolean;
  field: FieldRef;
  value: string;
  span: Span;
}

/** `list has "x"`, `list has_any [..]`, `list has_all [..]` and their `not` forms: exact membership. */
export interface HasNode {
  kind: 'has';
  mode: 'any' | 'all';
  negated: boolean;
  field: FieldRef;
  values: string[];
  span: Span;
}

/** `list any|all|none <textOp> "…"`: a text test over every element (`all` of an empty list is true, `any` false). */
export interface QuantNode {
  kind: 'quant';
  quantifier: 'any' | 'all' | 'none';
  op: TextOp;
  field: FieldRef;
  value: string;
  span: Span;
}

/** A boolean field (`column.nullable`) or `true` / `false` used as a condition. */
export type ConditionLeaf = FieldRef | (LiteralNode & { value: boolean });

export type RuleAst = AndNode | OrNode | NotNode | CompareNode | InNode | TextNode | HasNode | QuantNode | ConditionLeaf;

/** Depth of a tree: a leaf (comparison, field, literal) is 1. */
export function astDepth(node: RuleAst): number {
  switch (node.kind) {
    case 'and':
    case 'or': {
      let max = 0;
      for (const o of node.operands) max = Math.max(max, astDepth(o));
      return max + 1;
    }
    case 'not':
      return astDepth(node.operand) + 1;
    default:
      return 1;
  }
}

/** Every field an expression reads (e.g. to know whether it looks at sampled values). */
export function referencedFields(node: RuleAst, out = new Set<string>()): Set<string> {
  switch (node.kind) {
    case 'and':
    case 'or':
      for (const o of node.operands) referencedFields(o, out);
      break;
    case 'not':
      referencedFields(node.operand, out);
      break;
    case 'compare':
      if (node.left.kind === 'field') out.add(node.left.name);
      if (node.right.kind === 'field') out.add(node.right.name);
      break;
    case 'in':
    case 'text':
    case 'has':
    case 'quant':
      out.add(node.field.name);
      break;
    case 'field':
      out.add(node.name);
      break;
    case 'literal':
      break;
  }
  return out;
}

/** The first reference to `name` in source order, for pointing at it in a message. */
export function findField(node: RuleAst, name: string): FieldRef | undefined {
  switch (node.kind) {
    case 'and':
    case 'or':
      for (const o of node.operands) {
        const hit = findField(o, name);
        if (hit) return hit;
      }
      return undefined;
    case 'not':
      return findField(node.operand, name);
    case 'compare':
      if (node.left.kind === 'field' && node.left.name === name) return node.left;
      if (node.right.kind === 'field' && node.right.name === name) return node.right;
      return undefined;
    case 'in':
    case 'text':
    case 'has':
    case 'quant':
      return node.field.name === name ? node.field : undefined;
    case 'field':
      return node.name === name ? node : undefined;
    case 'literal':
      return undefined;
  }
}
