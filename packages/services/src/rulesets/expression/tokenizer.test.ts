import { describe, expect, it } from 'vitest';
import { RuleSyntaxError } from './errors';
import { MAX_EXPRESSION_LENGTH, tokenize } from './tokenizer';

const kinds = (src: string) => tokenize(src).map((t) => t.kind);
const texts = (src: string) => tokenize(src).map((t) => t.text);

function syntaxError(src: string): RuleSyntaxError {
  try {
    tokenize(src);
  } catch (e) {
    if (e instanceof RuleSyntaxError) return e;
    throw e;
  }
  throw new Error(`no error for ${src}`);
}

describe('tokenize', () => {
  it('splits the requirement example into tokens with offsets', () => {
    const src = 'column.name matches "(?i)ssn|social" and column.type in ["text", "varchar"]';
    const tokens = tokenize(src);
    expect(tokens.map((t) => t.kind)).toEqual([
      'identifier',
      'identifier',
      'string',
      'identifier',
      'identifier',
      'identifier',
      '[',
      'string',
      ',',
      'string',
      ']',
      'eof',
    ]);
    expect(tokens[0]).toMatchObject({ text: 'column.name', start: 0, end: 11 });
    expect(tokens[2]).toMatchObject({ value: '(?i)ssn|social', start: 20, end: 36 });
    expect(tokens.at(-1)).toMatchObject({ kind: 'eof', start: src.length });
  });

  it('reads comparison operators, parentheses and minus', () => {
    expect(texts('a.b==1 a.b!=1 a.b<=1 a.b>=1 a.b<1 a.b>1')).toEqual([
      'a.b',
      '==',
      '1',
      'a.b',
      '!=',
      '1',
      'a.b',
      '<=',
      '1',
      'a.b',
      '>=',
      '1',
      'a.b',
      '<',
      '1',
      'a.b',
      '>',
      '1',
      '',
    ]);
    expect(kinds('(x.y > -2)')).toEqual([
      '(',
      'identifier',
      'operator',
      'minus',
      'number',
      ')',
      'eof',
    ]);
  });

  it('reads numbers: integers, decimals and exponents', () => {
    expect(
      tokenize('0 42 3.25 1e3 2.5E-2')
        .slice(0, 5)
        .map((t) => t.value),
    ).toEqual([0, 42, 3.25, 1000, 0.025]);
    expect(syntaxError('1.').detail).toMatch(/digit after the decimal point/);
    expect(syntaxError('12abc').detail).toMatch(/Unexpected "a" after the number 12/);
  });

  it('decodes string escapes but keeps regex escapes such as \\d intact', () => {
    expect(tokenize(String.raw`"a\"b"`)[0]!.value).toBe('a"b');
    expect(tokenize(String.raw`'it\'s'`)[0]!.value).toBe("it's");
    expect(tokenize(String.raw`"\d{3}-\d{2}\.\b"`)[0]!.value).toBe(String.raw`\d{3}-\d{2}\.\b`);
    expect(tokenize(String.raw`"a\\b"`)[0]!.value).toBe(String.raw`a\b`);
    expect(tokenize(String.raw`"tab\there"`)[0]!.value).toBe('tab\there');
    expect(tokenize('"été ✓"')[0]!.value).toBe('été ✓');
  });

  it('reports lexical errors at their offset, with hints for C-style operators', () => {
    expect(syntaxError('column.name == "abc').offset).toBe(15);
    expect(syntaxError('column.name == "abc').detail).toMatch(/Unterminated string/);
    expect(syntaxError('a.b = 1')).toMatchObject({ offset: 4, hint: 'write "==" to compare' });
    expect(syntaxError('a.b && c.d')).toMatchObject({ offset: 4, hint: 'write "and"' });
    expect(syntaxError('a.b || c.d')).toMatchObject({ offset: 4, hint: 'write "or"' });
    expect(syntaxError('!a.b').hint).toMatch(/write "not"/);
    expect(syntaxError('a.b == 1 ; drop')).toMatchObject({
      detail: 'Unexpected character ";"',
      offset: 9,
    });
    expect(syntaxError('column. == 1')).toMatchObject({ offset: 7 });
  });

  it(`refuses expressions longer than ${MAX_EXPRESSION_LENGTH} characters`, () => {
    const long = `column.name == "${'x'.repeat(MAX_EXPRESSION_LENGTH)}"`;
    expect(syntaxError(long).detail).toMatch(/too long \(\d+ characters; the maximum is 2000\)/);
    expect(() =>
      tokenize(`column.name == "${'x'.repeat(MAX_EXPRESSION_LENGTH - 17)}"`),
    ).not.toThrow();
  });
});
