/**
 * Recursive-descent parser and type checker for rule expressions. One pass
 * over the tokens builds the tree and checks every field name, operand type
 * and literal; regexes are compiled here, once, with RE2JS.
 *
 *     expression  := or
 *     or          := and ( "or" and )*
 *     and         := unary ( "and" unary )*
 *     unary       := "not" unary | primary
 *     primary     := "(" expression ")" | condition
 *     condition   := operand [ compareOp operand
 *                            | [ "not" ] "in" list
 *                            | [ "not" ] textOp string ]
 *                            | [ "not" ] hasOp ( string | list )       (list fields)
 *                            | quantifier textOp string ]            (list fields)
 *     operand     := field | string | number | "-" number | "true" | "false" | "null"
 *     hasOp       := "has" | "has_any" | "has_all"
 *     quantifier  := "any" | "all" | "none"
 *     list        := "[" [ literal ( "," literal )* [ "," ] ] "]"
 *     compareOp   := "==" | "!=" | "<" | "<=" | ">" | ">="
 *     textOp      := "matches" | "like" | "contains" | "startsWith" | "endsWith"
 *
 * The grammar is shared: which fields exist (and their types) comes from the
 * field table a caller passes — the scan rules' `FIELDS` by default, the
 * compliance catalog facts in ../../compliance/language.
 *
 * So `not` binds tighter than `and`, which binds tighter than `or`, and a
 * comparison binds tighter than all three: `not a == 1 and b or c` is
 * `((not (a == 1)) and b) or c`.
 */
import { RE2JS } from 're2js';
import {
  astDepth,
  type CompareOp,
  type HasNode,
  type QuantNode,
  type ConditionLeaf,
  type FieldRef,
  type InNode,
  type Literal,
  type LiteralNode,
  type Operand,
  type RuleAst,
  type Span,
  type TextNode,
  type TextOp,
} from './ast';
import {
  closest,
  didYouMean,
  positionAt,
  RuleSyntaxError,
  type RuleExpressionError,
} from './errors';
import { FIELDS, type FieldDefinition, type FieldTable, lookupField, type ValueType } from './fields';
import { compileGlob } from '../scope';
import { tokenize, type Token } from './tokenizer';

/** Deepest tree (a comparison alone is 1; `a and (b or c)` is 3) and deepest nesting of `(` / `not`. */
export const MAX_AST_DEPTH = 32;
/** Most values in one `in [...]` list. */
export const MAX_LIST_SIZE = 200;

const KEYWORDS = [
  'and',
  'or',
  'not',
  'in',
  'matches',
  'like',
  'contains',
  'startsWith',
  'endsWith',
  'true',
  'false',
  'null',
  'has',
  'has_any',
  'has_all',
  'any',
  'all',
  'none',
] as const;
type Keyword = (typeof KEYWORDS)[number];
const KEYWORD_BY_LOWER = new Map<string, Keyword>(KEYWORDS.map((k) => [k.toLowerCase(), k]));
const TEXT_OPS: readonly TextOp[] = ['matches', 'like', 'contains', 'startsWith', 'endsWith'];
const HAS_OPS = ['has', 'has_any', 'has_all'] as const;
const QUANTIFIERS = ['any', 'all', 'none'] as const;
const OPERATOR_WORDS = ['in', 'not in', ...TEXT_OPS];
const OPERATORS_TEXT =
  '==, !=, <, <=, >, >=, in, not in, matches, like, contains, startsWith or endsWith';

/** Compiled `matches` / `like` patterns, beside the tree so the tree stays plain data. */
const compiledRegexes = new WeakMap<TextNode | QuantNode, RE2JS>();

const compilePattern = (op: TextOp, value: string) => (op === 'like' ? compileGlob(value) : RE2JS.compile(value));

/**
 * The RE2JS program of a `matches` or `like` node: compiled by the parser;
 * compiled here (and cached) for a tree that was rebuilt from JSON.
 */
export function regexOf(node: TextNode | QuantNode): RE2JS {
  let re = compiledRegexes.get(node);
  if (!re) {
    re = compilePattern(node.op, node.value);
    compiledRegexes.set(node, re);
  }
  return re;
}

/** The RE2 error without its `error parsing regexp: ` prefix. */
export function regexError(pattern: string, flags = 0): string | undefined {
  try {
    RE2JS.compile(pattern, flags);
    return undefined;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return msg.replace(/^error parsing regexp: /, '');
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'the end of the expression';
    case 'string':
      return `the string ${t.text.length > 40 ? `${t.text.slice(0, 37)}…` : t.text}`;
    case 'number':
      return `the number ${t.text}`;
    case 'identifier':
      return `"${t.text}"`;
    default:
      return `"${t.text}"`;
  }
}

function typeOfLiteral(v: Literal): ValueType | 'null' {
  if (v === null) return 'null';
  return typeof v as ValueType;
}

function article(type: string): string {
  return type === 'integer' ? 'an' : 'a';
}

function showLiteral(v: Literal): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

class Parser {
  private pos = 0;
  private nesting = 0;

  constructor(
    private readonly src: string,
    private readonly tokens: Token[],
    private readonly fields: FieldTable,
  ) {}

  private def(name: string): FieldDefinition {
    return lookupField(this.fields, name)!;
  }

  private typeOf(op: Operand): ValueType {
    return op.kind === 'field' ? this.def(op.name).type : (typeOfLiteral(op.value) as ValueType);
  }

  parse(): RuleAst {
    if (this.peek().kind === 'eof') throw new RuleSyntaxError('Empty expression', 0);
    const ast = this.parseOr();
    const t = this.peek();
    if (t.kind !== 'eof') {
      if (t.kind === ')') throw new RuleSyntaxError('Unmatched ")"', t.start);
      throw new RuleSyntaxError(
        `Expected "and", "or" or the end of the expression, found ${describe(t)}`,
        t.start,
        this.keywordHint(t),
      );
    }
    this.checkDepth(ast);
    return ast;
  }

  // ── token helpers ──

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  private keyword(t: Token): Keyword | undefined {
    return t.kind === 'identifier' ? KEYWORD_BY_LOWER.get(t.text.toLowerCase()) : undefined;
  }

  /** "did you mean" for a misspelt keyword (`match` → `matches`, `AND` is fine already). */
  private keywordHint(t: Token): string | undefined {
    if (t.kind !== 'identifier') return undefined;
    return didYouMean(closest(t.text, ['and', 'or', ...OPERATOR_WORDS]).slice(0, 1));
  }

  private enter(t: Token): void {
    if (++this.nesting > MAX_AST_DEPTH)
      throw new RuleSyntaxError(
        `Expression is nested too deeply (the maximum is ${MAX_AST_DEPTH} levels)`,
        t.start,
      );
  }

  private leave(): void {
    this.nesting--;
  }

  private checkDepth(ast: RuleAst): void {
    if (astDepth(ast) <= MAX_AST_DEPTH) return;
    // Report the outermost node that pushes the tree past the limit.
    const find = (node: RuleAst, depth: number): RuleAst | undefined => {
      if (depth + astDepth(node) - 1 <= MAX_AST_DEPTH) return undefined;
      if (depth === MAX_AST_DEPTH) return node;
      const children =
        node.kind === 'and' || node.kind === 'or'
          ? node.operands
          : node.kind === 'not'
            ? [node.operand]
            : [];
      for (const c of children) {
        const hit = find(c, depth + 1);
        if (hit) return hit;
      }
      return node;
    };
    const at = find(ast, 1) ?? ast;
    throw new RuleSyntaxError(
      `Expression is nested too deeply (the maximum is ${MAX_AST_DEPTH} levels)`,
      at.span.start,
    );
  }

  // ── grammar ──

  private parseOr(): RuleAst {
    const operands = [this.parseAnd()];
    while (this.keyword(this.peek()) === 'or') {
      this.next();
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands, span: spanOf(operands) };
  }

  private parseAnd(): RuleAst {
    const operands = [this.parseUnary()];
    while (this.keyword(this.peek()) === 'and') {
      this.next();
      operands.push(this.parseUnary());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands, span: spanOf(operands) };
  }

  private parseUnary(): RuleAst {
    const t = this.peek();
    if (this.keyword(t) === 'not') {
      this.next();
      this.enter(t);
      const operand = this.parseUnary();
      this.leave();
      return { kind: 'not', operand, span: { start: t.start, end: operand.span.end } };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): RuleAst {
    const t = this.peek();
    if (t.kind === '(') {
      this.next();
      this.enter(t);
      const inner = this.parseOr();
      const close = this.peek();
      if (close.kind !== ')') {
        throw new RuleSyntaxError(
          close.kind === 'eof' ? 'Missing ")"' : `Expected ")", found ${describe(close)}`,
          close.start,
          `the "(" at ${lineCol(this.src, t.start)} is not closed`,
        );
      }
      this.next();
      this.leave();
      return inner;
    }
    return this.parseCondition();
  }

  private parseCondition(): RuleAst {
    const left = this.parseOperand();
    const t = this.peek();
    const kw = this.keyword(t);
    const negatedHas = kw === 'not' && (HAS_OPS as readonly string[]).includes(this.keyword(this.peek(1)) ?? '');
    if ((kw && (HAS_OPS as readonly string[]).includes(kw)) || negatedHas) {
      if (negatedHas) this.next();
      return this.parseHas(left, this.next(), negatedHas);
    }
    if (kw && (QUANTIFIERS as readonly string[]).includes(kw)) {
      this.next();
      return this.parseQuant(left, kw as QuantNode['quantifier'], t);
    }
    if (left.kind === 'field' && this.def(left.name).type === 'list' && kw !== 'and' && kw !== 'or' && t.kind !== 'eof' && t.kind !== ')')
      throw new RuleSyntaxError(`${left.name} is a list: ${describe(t)} cannot compare it`, t.start, listHint(left.name));

    if (t.kind === 'operator') {
      this.next();
      const right = this.parseOperand();
      return this.checkCompare(t, left, right);
    }
    if (kw === 'in') {
      this.next();
      return this.parseIn(left, false);
    }
    if (kw && (TEXT_OPS as readonly string[]).includes(kw)) {
      this.next();
      return this.parseText(left, kw as TextOp, false, t);
    }
    if (kw === 'not') {
      const after = this.peek(1);
      const kw2 = this.keyword(after);
      if (kw2 === 'in') {
        this.next();
        this.next();
        return this.parseIn(left, true);
      }
      if (kw2 && (TEXT_OPS as readonly string[]).includes(kw2)) {
        this.next();
        this.next();
        return this.parseText(left, kw2 as TextOp, true, t);
      }
      throw new RuleSyntaxError(
        `Expected "in", "matches", "like", "contains", "startsWith", "endsWith", "has", "has_any" or "has_all" after "not", found ${describe(after)}`,
        after.start,
        this.keywordHint(after),
      );
    }

    // No operator: the operand must be a condition on its own.
    const stray =
      t.kind === 'string' ||
      t.kind === 'number' ||
      t.kind === '[' ||
      t.kind === 'minus' ||
      (t.kind === 'identifier' && !kw);
    if (stray || (t.kind === 'identifier' && kw && kw !== 'and' && kw !== 'or'))
      throw new RuleSyntaxError(
        `Expected an operator (${OPERATORS_TEXT}) after ${operandText(this.src, left)}, found ${describe(t)}`,
        t.start,
        this.keywordHint(t),
      );
    return this.asCondition(left);
  }

  private asCondition(op: Operand): ConditionLeaf {
    if (op.kind === 'field') {
      const type = this.def(op.name).type;
      if (type === 'boolean') return op;
      if (type === 'list') throw new RuleSyntaxError(`${op.name} is a list, not a condition`, op.span.start, listHint(op.name));
      throw new RuleSyntaxError(
        `${op.name} is ${article(type)} ${type}, not a condition`,
        op.span.start,
        type === 'string'
          ? `compare it, e.g. ${op.name} == "…" or ${op.name} matches "…"`
          : `compare it, e.g. ${op.name} > 0`,
      );
    }
    if (typeof op.value === 'boolean') return op as LiteralNode & { value: boolean };
    throw new RuleSyntaxError(
      `Expected a condition, found ${op.value === null ? 'null' : showLiteral(op.value)}`,
      op.span.start,
    );
  }

  private parseOperand(): Operand {
    const t = this.peek();
    switch (t.kind) {
      case 'string':
        this.next();
        return { kind: 'literal', value: t.value as string, span: { start: t.start, end: t.end } };
      case 'number':
        this.next();
        return { kind: 'literal', value: t.value as number, span: { start: t.start, end: t.end } };
      case 'minus': {
        const num = this.peek(1);
        if (num.kind !== 'number' || num.start !== t.end)
          throw new RuleSyntaxError(
            'Expected a number right after "-"',
            num.kind === 'number' ? t.start : num.start,
          );
        this.next();
        this.next();
        return {
          kind: 'literal',
          value: -(num.value as number),
          span: { start: t.start, end: num.end },
        };
      }
      case 'identifier': {
        const kw = this.keyword(t);
        if (kw === 'true' || kw === 'false' || kw === 'null') {
          this.next();
          return {
            kind: 'literal',
            value: kw === 'null' ? null : kw === 'true',
            span: { start: t.start, end: t.end },
          };
        }
        if (kw)
          throw new RuleSyntaxError(
            `Expected a field or a value, found the keyword "${t.text}"`,
            t.start,
          );
        if (!lookupField(this.fields, t.text)) {
          const names = Object.keys(this.fields);
          throw new RuleSyntaxError(
            `Unknown field "${t.text}"`,
            t.start,
            didYouMean(closest(t.text, names)) ?? `fields are ${names.join(', ')}`,
          );
        }
        this.next();
        return { kind: 'field', name: t.text, span: { start: t.start, end: t.end } };
      }
      case 'eof':
        throw new RuleSyntaxError(
          'Unexpected end of the expression: expected a field or a value',
          t.start,
        );
      case '[':
        throw new RuleSyntaxError('A list can only follow "in" or "not in"', t.start);
      default:
        throw new RuleSyntaxError(`Expected a field or a value, found ${describe(t)}`, t.start);
    }
  }

  // ── checks ──

  private checkCompare(opTok: Token, left: Operand, right: Operand): RuleAst {
    const op = opTok.text as CompareOp;
    const span = { start: left.span.start, end: right.span.end };
    if (left.kind === 'literal' && right.kind === 'literal')
      throw new RuleSyntaxError('A comparison needs a field on at least one side', left.span.start);
    const nullSide =
      left.kind === 'literal' && left.value === null
        ? left
        : right.kind === 'literal' && right.value === null
          ? right
          : undefined;
    if (nullSide) {
      if (op !== '==' && op !== '!=')
        throw new RuleSyntaxError(`null can only be compared with == or !=`, opTok.start);
      return { kind: 'compare', op, left, right, span };
    }
    const lt = this.typeOf(left);
    const rt = this.typeOf(right);
    const listSide = lt === 'list' ? left : rt === 'list' ? right : undefined;
    if (listSide?.kind === 'field')
      throw new RuleSyntaxError(`${listSide.name} is a list: "${op}" cannot compare it`, opTok.start, listHint(listSide.name));
    if (lt !== rt) {
      const bad = right.kind === 'literal' || left.kind === 'field' ? right : left;
      const other = bad === right ? left : right;
      throw new RuleSyntaxError(
        `Type mismatch: ${operandText(this.src, other)} is ${article(this.typeOf(other))} ${this.typeOf(other)} but ${operandText(this.src, bad)} is ${article(this.typeOf(bad))} ${this.typeOf(bad)}`,
        bad.span.start,
      );
    }
    if (lt === 'boolean' && op !== '==' && op !== '!=')
      throw new RuleSyntaxError(
        `"${op}" compares numbers or strings, not booleans`,
        opTok.start,
        'use == or !=',
      );
    let rank: readonly string[] | undefined;
    for (const [field, lit] of [
      [left, right],
      [right, left],
    ] as const) {
      if (field.kind !== 'field') continue;
      const def = this.def(field.name);
      if (def.ordered && def.values) rank = def.values;
      // An ordered field's order only means something between its own values.
      if (lit.kind === 'literal') this.checkLiteral(field, lit.value, lit.span, op === '==' || op === '!=' || def.ordered === true);
    }
    return rank ? { kind: 'compare', op, left, right, rank, span } : { kind: 'compare', op, left, right, span };
  }

  /** Enumerated fields only take their values; ranged fields only numbers in range. */
  private checkLiteral(field: FieldRef, value: Literal, span: Span, enumCheck: boolean): void {
    const def = this.def(field.name);
    if (enumCheck && def.values && typeof value === 'string' && !def.values.includes(value))
      throw new RuleSyntaxError(
        `${JSON.stringify(value)} is not a possible value of ${field.name} (${def.values.join(', ')})`,
        span.start,
        didYouMean(closest(value, def.values)),
      );
    if (def.range && typeof value === 'number' && (value < def.range[0] || value > def.range[1]))
      throw new RuleSyntaxError(
        `${value} is out of range: ${field.name} is between ${def.range[0]} and ${def.range[1]}`,
        span.start,
        def.range[1] === 1 && value > 1 && value <= 100
          ? `write ${value / 100} for ${value}%`
          : undefined,
      );
  }

  private requireField(left: Operand, op: string): FieldRef {
    if (left.kind === 'field') return left;
    throw new RuleSyntaxError(
      `"${op}" needs a field on its left, found ${operandText(this.src, left)}`,
      left.span.start,
    );
  }

  /** `elementOf`: parsing the list of `has_any` / `has_all` (string elements) rather than of `in`. */
  private parseIn(left: Operand, negated: boolean, elementOf?: string): InNode {
    const opName = elementOf ?? (negated ? 'not in' : 'in');
    const field = this.requireField(left, opName);
    const type = elementOf ? 'string' : this.def(field.name).type;
    const open = this.peek();
    if (open.kind !== '[')
      throw new RuleSyntaxError(
        `Expected a list after "${opName}", found ${describe(open)}`,
        open.start,
        'write e.g. ["text", "varchar"]',
      );
    this.next();
    const values: Exclude<Literal, null>[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === ']') break;
      if (values.length === MAX_LIST_SIZE)
        throw new RuleSyntaxError(`A list can hold at most ${MAX_LIST_SIZE} values`, t.start);
      const item = this.parseListItem();
      if (item.value === null)
        throw new RuleSyntaxError(
          'null cannot be in a list',
          item.span.start,
          `write ${field.name} == null`,
        );
      const it = typeOfLiteral(item.value);
      if (it !== type)
        throw new RuleSyntaxError(
          `Type mismatch: ${field.name} ${elementOf ? 'holds strings' : `is ${article(type)} ${type}`} but ${showLiteral(item.value)} is ${article(it)} ${it}`,
          item.span.start,
        );
      this.checkLiteral(field, item.value, item.span, true);
      values.push(item.value);
      const sep = this.peek();
      if (sep.kind === ',') {
        this.next();
        continue;
      }
      if (sep.kind === ']') break;
      throw new RuleSyntaxError(
        sep.kind === 'eof'
          ? 'Missing "]"'
          : `Expected "," or "]" in the list, found ${describe(sep)}`,
        sep.start,
        `the list opened at ${lineCol(this.src, open.start)} is not closed`,
      );
    }
    const close = this.next();
    if (values.length === 0)
      throw new RuleSyntaxError('Empty list: it would never match', open.start);
    return {
      kind: 'in',
      negated,
      field,
      values,
      span: { start: field.span.start, end: close.end },
    };
  }

  private parseListItem(): LiteralNode {
    const t = this.peek();
    if (t.kind === 'identifier' && !this.keyword(t))
      throw new RuleSyntaxError(
        `Lists hold values, not fields: found ${describe(t)}`,
        t.start,
        t.text.includes('.') ? undefined : `write "${t.text}" with quotes`,
      );
    if (t.kind === 'eof') throw new RuleSyntaxError('Missing "]" to close the list', t.start);
    const op = this.parseOperand();
    if (op.kind !== 'literal')
      throw new RuleSyntaxError('Lists hold values, not fields', op.span.start);
    return op;
  }

  private parseText(left: Operand, op: TextOp, negated: boolean, opTok: Token): TextNode {
    const shown = negated ? `not ${op}` : op;
    const field = this.requireField(left, shown);
    const type = this.def(field.name).type;
    if (type === 'list')
      throw new RuleSyntaxError(`${field.name} is a list: say which elements "${op}" must hold for`, opTok.start, `write ${field.name} any ${op} "…" (or all / none)`);
    if (type !== 'string')
      throw new RuleSyntaxError(
        `"${op}" works on text, but ${field.name} is ${article(type)} ${type}`,
        opTok.start,
      );
    const t = this.peek();
    if (t.kind !== 'string')
      throw new RuleSyntaxError(
        `Expected a string after "${shown}", found ${describe(t)}`,
        t.start,
        op === 'matches'
          ? `write e.g. ${field.name} matches "(?i)ssn|social"`
          : `write e.g. ${field.name} ${op} "text"`,
      );
    this.next();
    const value = t.value as string;
    const node: TextNode = {
      kind: 'text',
      op,
      negated,
      field,
      value,
      span: { start: field.span.start, end: t.end },
    };
    this.compileInto(node, t);
    return node;
  }

  private compileInto(node: TextNode | QuantNode, t: Token): void {
    if (node.op !== 'matches' && node.op !== 'like') return;
    try {
      compiledRegexes.set(node, compilePattern(node.op, node.value));
    } catch {
      throw new RuleSyntaxError(
        `Invalid regular expression ${t.text}: ${regexError(node.value)}`,
        t.start,
        regexHint(node.value),
      );
    }
  }

  /** `list has "x"`, `list has_any ["x", "y"]`, `list has_all [...]`, and `not` before any of them. */
  private parseHas(left: Operand, opTok: Token, negated: boolean): HasNode {
    const op = this.keyword(opTok) as (typeof HAS_OPS)[number];
    const field = this.requireField(left, op);
    if (this.def(field.name).type !== 'list')
      throw new RuleSyntaxError(`"${op}" works on lists, but ${field.name} is ${article(this.def(field.name).type)} ${this.def(field.name).type}`, opTok.start, `write ${field.name} == "…" or ${field.name} in [...]`);
    const span = (end: number) => ({ start: field.span.start, end });
    if (op === 'has') {
      const v = this.peek();
      if (v.kind !== 'string') throw new RuleSyntaxError(`Expected a string after "has", found ${describe(v)}`, v.start, `write ${field.name} has "…" (has_any [..] for several)`);
      this.next();
      return { kind: 'has', mode: 'any', negated, field, values: [v.value as string], span: span(v.end) };
    }
    const list = this.parseIn(field, false, op);
    return { kind: 'has', mode: op === 'has_all' ? 'all' : 'any', negated, field, values: list.values as string[], span: span(list.span.end) };
  }

  /** `list any like "PII.*"`, `list all startsWith "x"`, `list none matches "…"`. */
  private parseQuant(left: Operand, quantifier: QuantNode['quantifier'], qTok: Token): QuantNode {
    const field = this.requireField(left, quantifier);
    if (this.def(field.name).type !== 'list')
      throw new RuleSyntaxError(`"${quantifier}" works on lists, but ${field.name} is ${article(this.def(field.name).type)} ${this.def(field.name).type}`, qTok.start);
    const opTok = this.peek();
    const op = this.keyword(opTok);
    if (!op || !(TEXT_OPS as readonly string[]).includes(op))
      throw new RuleSyntaxError(`Expected matches, like, contains, startsWith or endsWith after "${quantifier}", found ${describe(opTok)}`, opTok.start, this.keywordHint(opTok));
    this.next();
    const t = this.peek();
    if (t.kind !== 'string') throw new RuleSyntaxError(`Expected a string after "${quantifier} ${op}", found ${describe(t)}`, t.start, `write e.g. ${field.name} any like "PII.*"`);
    this.next();
    const node: QuantNode = { kind: 'quant', quantifier, op: op as TextOp, field, value: t.value as string, span: { start: field.span.start, end: t.end } };
    this.compileInto(node, t);
    return node;
  }
}

function listHint(name: string): string {
  return `test it with ${name} has "…", has_any [...], has_all [...] or any like "…"; ${name}.count is its length`;
}

/** Hints for the constructs RE2 refuses on purpose. */
function regexHint(pattern: string): string | undefined {
  if (/\(\?(?:=|!|<=|<!)/.test(pattern))
    return 'lookarounds are not supported: RE2 syntax guarantees linear-time matching';
  if (/\\[1-9]/.test(pattern))
    return 'backreferences are not supported: RE2 syntax guarantees linear-time matching';
  return undefined;
}

function spanOf(nodes: readonly RuleAst[]): Span {
  return { start: nodes[0]!.span.start, end: nodes[nodes.length - 1]!.span.end };
}

function operandText(src: string, op: Operand): string {
  return op.kind === 'field' ? op.name : src.slice(op.span.start, op.span.end);
}

function lineCol(src: string, offset: number): string {
  const p = positionAt(src, offset);
  return `${p.line}:${p.column}`;
}

export type ParseResult = { ok: true; ast: RuleAst } | { ok: false; error: RuleExpressionError };

/**
 * Parses and type-checks a rule expression. Never throws for bad input:
 * every problem comes back as `{ ok: false, error: { message, position } }`.
 */
export function parseRuleExpression(src: string, fields: FieldTable = FIELDS): ParseResult {
  if (typeof src !== 'string')
    return {
      ok: false,
      error: {
        message: 'The expression must be a string',
        position: { line: 1, column: 1, offset: 0 },
      },
    };
  try {
    const ast = new Parser(src, tokenize(src), fields).parse();
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof RuleSyntaxError) return { ok: false, error: e.toError(src) };
    throw e;
  }
}
