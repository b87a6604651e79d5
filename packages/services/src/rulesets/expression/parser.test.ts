import { describe, expect, it } from 'vitest';
import { astDepth, referencedFields, type RuleAst } from './ast';
import { MAX_AST_DEPTH, MAX_LIST_SIZE, parseRuleExpression, regexOf } from './parser';

function ast(src: string): RuleAst {
  const r = parseRuleExpression(src);
  if (!r.ok) throw new Error(r.error.message);
  return r.ast;
}

function err(src: string) {
  const r = parseRuleExpression(src);
  if (r.ok) throw new Error(`expected an error for ${src}`);
  return r.error;
}

/** A compact rendering of the tree: `(or (and a b) c)`. */
function show(node: RuleAst): string {
  switch (node.kind) {
    case 'or':
    case 'and':
      return `(${node.kind} ${node.operands.map(show).join(' ')})`;
    case 'not':
      return `(not ${show(node.operand)})`;
    case 'compare':
      return `[${node.left.kind === 'field' ? node.left.name : JSON.stringify(node.left.value)} ${node.op} ${node.right.kind === 'field' ? node.right.name : JSON.stringify(node.right.value)}]`;
    case 'in':
      return `[${node.field.name} ${node.negated ? 'not in' : 'in'} ${JSON.stringify(node.values)}]`;
    case 'text':
      return `[${node.field.name} ${node.negated ? 'not ' : ''}${node.op} ${JSON.stringify(node.value)}]`;
    case 'field':
      return node.name;
    case 'literal':
      return String(node.value);
    case 'has':
      return `[${node.field.name} ${node.negated ? 'not ' : ''}has_${node.mode} ${JSON.stringify(node.values)}]`;
    case 'quant':
      return `[${node.field.name} ${node.quantifier} ${node.op} ${JSON.stringify(node.value)}]`;
  }
}

describe('parseRuleExpression: structure', () => {
  it('parses the example from the requirement', () => {
    const r = parseRuleExpression(
      'column.name matches "(?i)ssn|social" and column.type in ["text", "varchar"]',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(show(r.ast)).toBe(
      '(and [column.name matches "(?i)ssn|social"] [column.type in ["text","varchar"]])',
    );
    expect(r.ast.span).toEqual({ start: 0, end: 75 });
    // The regex was compiled once, at parse time, and is RE2 with inline (?i).
    const m = (r.ast as Extract<RuleAst, { kind: 'and' }>).operands[0]!;
    expect(m.kind).toBe('text');
    if (m.kind === 'text') expect(regexOf(m).test('Customer_SSN')).toBe(true);
  });

  it('binds not tighter than and, and tighter than or', () => {
    expect(show(ast('column.nullable or column.ordinal == 1 and column.name == "a"'))).toBe(
      '(or column.nullable (and [column.ordinal == 1] [column.name == "a"]))',
    );
    expect(show(ast('not column.nullable and column.ordinal == 1'))).toBe(
      '(and (not column.nullable) [column.ordinal == 1])',
    );
    expect(show(ast('not column.name == "a" or column.nullable'))).toBe(
      '(or (not [column.name == "a"]) column.nullable)',
    );
    expect(show(ast('column.nullable and not column.nullable or true'))).toBe(
      '(or (and column.nullable (not column.nullable)) true)',
    );
  });

  it('keeps and/or chains flat (n-ary)', () => {
    expect(show(ast('column.ordinal == 1 or column.ordinal == 2 or column.ordinal == 3'))).toBe(
      '(or [column.ordinal == 1] [column.ordinal == 2] [column.ordinal == 3])',
    );
    const chain = Array.from({ length: 80 }, (_, i) => `column.ordinal == ${i}`).join(' or ');
    expect(astDepth(ast(chain))).toBe(2);
  });

  it('respects nested parentheses', () => {
    expect(show(ast('(column.nullable or column.ordinal == 1) and column.name == "a"'))).toBe(
      '(and (or column.nullable [column.ordinal == 1]) [column.name == "a"])',
    );
    expect(show(ast('not (column.nullable and (column.name == "a" or (table.name == "t")))'))).toBe(
      '(not (and column.nullable (or [column.name == "a"] [table.name == "t"])))',
    );
    expect(show(ast('((((column.nullable))))'))).toBe('column.nullable');
  });

  it('parses every operator form', () => {
    expect(show(ast('column.name != "id"'))).toBe('[column.name != "id"]');
    expect(show(ast('table.rowCount >= 1000'))).toBe('[table.rowCount >= 1000]');
    expect(show(ast('column.ordinal < 3'))).toBe('[column.ordinal < 3]');
    expect(show(ast('column.ordinal <= 3'))).toBe('[column.ordinal <= 3]');
    expect(show(ast('sample.matchRate > 0.5'))).toBe('[sample.matchRate > 0.5]');
    expect(show(ast('column.ordinal > -1'))).toBe('[column.ordinal > -1]');
    expect(show(ast('3 < column.ordinal'))).toBe('[3 < column.ordinal]');
    expect(show(ast('column.name == table.name'))).toBe('[column.name == table.name]');
    expect(show(ast('column.comment == null'))).toBe('[column.comment == null]');
    expect(show(ast('column.comment != null'))).toBe('[column.comment != null]');
    expect(show(ast('column.nullable == false'))).toBe('[column.nullable == false]');
    expect(show(ast('column.normalizedType not in ["json", "binary",]'))).toBe(
      '[column.normalizedType not in ["json","binary"]]',
    );
    expect(show(ast('column.ordinal in [1, 2, 3]'))).toBe('[column.ordinal in [1,2,3]]');
    expect(show(ast('column.comment contains "ssn"'))).toBe('[column.comment contains "ssn"]');
    expect(show(ast('column.name startsWith "pii_"'))).toBe('[column.name startsWith "pii_"]');
    expect(show(ast('column.name endsWith "_enc"'))).toBe('[column.name endsWith "_enc"]');
    expect(show(ast('column.name not matches "^id$"'))).toBe('[column.name not matches "^id$"]');
    expect(show(ast('column.name not contains "tmp"'))).toBe('[column.name not contains "tmp"]');
    expect(show(ast('true'))).toBe('true');
  });

  it('accepts keywords in any case and spans several lines', () => {
    expect(show(ast('column.nullable AND NOT column.name STARTSWITH "x" Or False'))).toBe(
      '(or (and column.nullable (not [column.name startsWith "x"])) false)',
    );
    expect(show(ast('column.nullable\n  and\n    table.name == "users"'))).toBe(
      '(and column.nullable [table.name == "users"])',
    );
  });

  it('records spans for highlighting and the fields read', () => {
    const tree = ast('column.nullable and table.rowCount > 10');
    expect(tree.kind === 'and' && tree.operands.map((o) => o.span)).toEqual([
      { start: 0, end: 15 },
      { start: 20, end: 39 },
    ]);
    expect(
      [
        ...referencedFields(
          ast('column.name == "a" or not (sample.matchRate > 0.5 and column.type in ["x"])'),
        ),
      ].sort(),
    ).toEqual(['column.name', 'column.type', 'sample.matchRate']);
  });

  it('produces plain data that survives JSON (regexes are recompiled on demand)', () => {
    const tree = ast('column.name matches "^a+$"');
    const copy = JSON.parse(JSON.stringify(tree)) as RuleAst;
    expect(copy).toEqual(tree);
    if (copy.kind === 'text') expect(regexOf(copy).test('aaa')).toBe(true);
  });
});

describe('parseRuleExpression: errors with positions', () => {
  it('names unknown fields and suggests the closest one', () => {
    expect(err('column.nme == "ssn"')).toEqual({
      message: 'Unknown field "column.nme" at 1:1 — did you mean "column.name"?',
      position: { line: 1, column: 1, offset: 0 },
    });
    expect(err('column.nullable and colum.type == "text"').message).toBe(
      'Unknown field "colum.type" at 1:21 — did you mean "column.type"?',
    );
    expect(err('name == "x"').message).toBe(
      'Unknown field "name" at 1:1 — did you mean "column.name", "table.name" or "schema.name"?',
    );
    expect(err('row.count > 1').message).toMatch(/^Unknown field "row.count" at 1:1/);
  });

  it('reports positions on later lines', () => {
    expect(err('column.name == "x"\n  and column.typ == "y"')).toEqual({
      message: 'Unknown field "column.typ" at 2:7 — did you mean "column.type"?',
      position: { line: 2, column: 7, offset: 25 },
    });
  });

  it('reports type mismatches', () => {
    expect(err('column.ordinal == "3"').message).toBe(
      'Type mismatch: column.ordinal is a number but "3" is a string at 1:19',
    );
    expect(err('column.name > 3').message).toBe(
      'Type mismatch: column.name is a string but 3 is a number at 1:15',
    );
    expect(err('column.nullable == "yes"').message).toMatch(
      /column.nullable is a boolean but "yes" is a string at 1:20/,
    );
    expect(err('column.nullable < true').message).toMatch(
      /^"<" compares numbers or strings, not booleans at 1:17/,
    );
    expect(err('column.name == table.rowCount').message).toMatch(
      /column.name is a string but table.rowCount is a number at 1:16/,
    );
    expect(err('column.ordinal matches "1"').message).toBe(
      '"matches" works on text, but column.ordinal is a number at 1:16',
    );
    expect(err('column.type in ["text", 3]').message).toBe(
      'Type mismatch: column.type is a string but 3 is a number at 1:25',
    );
    expect(err('column.comment > null').message).toBe(
      'null can only be compared with == or != at 1:16',
    );
    expect(err('1 == 1').message).toBe('A comparison needs a field on at least one side at 1:1');
    expect(err('"a" in ["a"]').message).toMatch(/^"in" needs a field on its left/);
  });

  it('checks literals against enumerated fields and ranges', () => {
    expect(err('column.normalizedType == "strng"').message).toMatch(
      /^"strng" is not a possible value of column.normalizedType \(string, integer, .*\) at 1:26 — did you mean "string"\?$/,
    );
    expect(err('source.environment in ["dev", "production"]').message).toMatch(
      /"production" is not a possible value .* — did you mean "prod"\?/,
    );
    expect(err('table.kind == "tabel"').message).toBe(
      '"tabel" is not a possible value of table.kind (table, view) at 1:15 — did you mean "table"?',
    );
    expect(err('sample.matchRate >= 80').message).toBe(
      '80 is out of range: sample.matchRate is between 0 and 1 at 1:21 — write 0.8 for 80%',
    );
  });

  it('refuses non-boolean operands used as conditions', () => {
    expect(err('column.name').message).toBe(
      'column.name is a string, not a condition at 1:1 — compare it, e.g. column.name == "…" or column.name matches "…"',
    );
    expect(err('column.nullable and table.rowCount').message).toMatch(
      /^table.rowCount is a number, not a condition at 1:21/,
    );
    expect(err('"ssn"').message).toBe('Expected a condition, found "ssn" at 1:1');
  });

  it('reports invalid regexes at the pattern, with the RE2 reason', () => {
    expect(err('column.name matches "(ssn"')).toEqual({
      message: 'Invalid regular expression "(ssn": missing closing ): `(ssn` at 1:21',
      position: { line: 1, column: 21, offset: 20 },
    });
    expect(err('column.name matches "(?=ssn)x"').message).toMatch(
      /at 1:21 — lookarounds are not supported/,
    );
    expect(err(String.raw`column.name matches "(a)\1"`).message).toMatch(
      /backreferences are not supported/,
    );
    expect(err('column.name matches ssn').message).toMatch(
      /^Expected a string after "matches", found "ssn" at 1:21/,
    );
  });

  it('reports syntax errors with hints', () => {
    expect(err('column.name match "x"').message).toMatch(
      /^Expected an operator .* after column.name, found "match" at 1:13 — did you mean "matches"\?$/,
    );
    expect(err('column.name == "a" column.type == "b"').message).toBe(
      'Expected "and", "or" or the end of the expression, found "column.type" at 1:20',
    );
    expect(err('(column.nullable or column.ordinal == 1').message).toBe(
      'Missing ")" at 1:40 — the "(" at 1:1 is not closed',
    );
    expect(err('column.nullable)').message).toBe('Unmatched ")" at 1:16');
    expect(err('column.nullable and').message).toBe(
      'Unexpected end of the expression: expected a field or a value at 1:20',
    );
    expect(err('column.type in ["a", "b"').message).toBe(
      'Missing "]" at 1:25 — the list opened at 1:16 is not closed',
    );
    expect(err('column.type in "a"').message).toMatch(/^Expected a list after "in"/);
    expect(err('column.type in [text]').message).toMatch(
      /Lists hold values, not fields: found "text" at 1:17 — write "text" with quotes/,
    );
    expect(err('column.comment in [null]').message).toMatch(
      /null cannot be in a list at 1:20 — write column.comment == null/,
    );
    expect(err('column.type in []').message).toBe('Empty list: it would never match at 1:16');
    expect(err('column.name not "x"').message).toMatch(
      /^Expected "in", "matches", .* after "not", found the string "x" at 1:17/,
    );
    expect(err('').message).toBe('Empty expression at 1:1');
    expect(err('and column.nullable').message).toBe(
      'Expected a field or a value, found the keyword "and" at 1:1',
    );
    expect(err('column.ordinal > - 1').message).toBe('Expected a number right after "-" at 1:18');
  });
});

describe('parseRuleExpression: limits', () => {
  it('refuses expressions over 2000 characters', () => {
    const e = err(`column.name == "${'x'.repeat(2000)}"`);
    expect(e.message).toMatch(
      /^Expression is too long \(2017 characters; the maximum is 2000\) at 1:2001$/,
    );
    expect(e.position.offset).toBe(2000);
  });

  it(`refuses nesting deeper than ${MAX_AST_DEPTH}`, () => {
    const nots = (n: number) => `${'not '.repeat(n)}column.nullable`;
    expect(parseRuleExpression(nots(MAX_AST_DEPTH - 1)).ok).toBe(true);
    expect(err(nots(MAX_AST_DEPTH + 1)).message).toMatch(
      /^Expression is nested too deeply \(the maximum is 32 levels\) at 1:/,
    );
    const parens = (n: number) => `${'('.repeat(n)}column.nullable${')'.repeat(n)}`;
    expect(parseRuleExpression(parens(MAX_AST_DEPTH)).ok).toBe(true);
    expect(err(parens(MAX_AST_DEPTH + 1)).message).toMatch(/nested too deeply .* at 1:33$/);
    // Alternating and/or groups build a deep tree without much nesting of any one kind.
    let deep = 'column.nullable';
    for (let i = 0; i < 40; i++) deep = `column.ordinal == ${i} ${i % 2 ? 'and' : 'or'} (${deep})`;
    expect(err(deep).message).toMatch(/nested too deeply/);
    // Refused long before the stack is at risk.
    expect(err(`${'('.repeat(990)}column.nullable${')'.repeat(990)}`).message).toMatch(
      /nested too deeply/,
    );
  });

  it(`refuses lists of more than ${MAX_LIST_SIZE} values`, () => {
    const list = (n: number) =>
      `column.ordinal in [${Array.from({ length: n }, (_, i) => i).join(',')}]`;
    expect(parseRuleExpression(list(MAX_LIST_SIZE)).ok).toBe(true);
    const e = err(list(MAX_LIST_SIZE + 1));
    expect(e.message).toMatch(/^A list can hold at most 200 values at 1:\d+$/);
    expect(list(MAX_LIST_SIZE + 1).slice(e.position.offset)).toBe('200]');
  });

  it('never throws, whatever the input', () => {
    for (const src of [
      '(',
      ')',
      '[',
      ']',
      ',',
      '-',
      '"',
      "'",
      'not',
      'not not',
      'in',
      'a.b.c.d',
      '1',
      '1 ==',
      '== 1',
      '\u0000',
      '😀',
    ]) {
      const r = parseRuleExpression(src);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.position.offset).toBeGreaterThanOrEqual(0);
    }
    expect(parseRuleExpression(42 as unknown as string).ok).toBe(false);
  });
});
