/**
 * Splits a rule expression into tokens. Hand-written, one pass, no regular
 * expressions: every character is looked at once.
 */
import { RuleSyntaxError } from './errors';

export type TokenKind =
  | 'identifier' // column.name, and, matches, true… (keywords are told apart by the parser)
  | 'string'
  | 'number'
  | 'operator' // == != < <= > >=
  | 'minus'
  | '('
  | ')'
  | '['
  | ']'
  | ','
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** The source text of the token (for a string: with its quotes). */
  text: string;
  /** The decoded value of a string or number token. */
  value?: string | number;
  start: number;
  end: number;
}

/** The longest an expression may be, in UTF-16 code units. */
export const MAX_EXPRESSION_LENGTH = 2000;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95; // a-z A-Z _
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Escapes a string literal understands; any other backslash is kept as is, so `"\d{3}"` reaches the regex engine intact. */
const ESCAPES: Record<string, string> = {
  '"': '"',
  "'": "'",
  '\\': '\\',
  n: '\n',
  t: '\t',
  r: '\r',
};

export function tokenize(src: string): Token[] {
  if (src.length > MAX_EXPRESSION_LENGTH)
    throw new RuleSyntaxError(
      `Expression is too long (${src.length} characters; the maximum is ${MAX_EXPRESSION_LENGTH})`,
      MAX_EXPRESSION_LENGTH,
    );
  const tokens: Token[] = [];
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isIdentStart(c)) {
      // Dotted identifiers are one token: `column.name`. A dot must be followed by a name part.
      i++;
      for (;;) {
        while (i < n && isIdentPart(src.charCodeAt(i))) i++;
        if (i < n && src.charCodeAt(i) === 46 && i + 1 < n && isIdentStart(src.charCodeAt(i + 1))) {
          i++;
          continue;
        }
        break;
      }
      if (i < n && src.charCodeAt(i) === 46)
        throw new RuleSyntaxError(
          `Expected a field name after "${src.slice(start, i + 1)}"`,
          i + 1,
        );
      tokens.push({ kind: 'identifier', text: src.slice(start, i), start, end: i });
      continue;
    }
    if (isDigit(c)) {
      while (i < n && isDigit(src.charCodeAt(i))) i++;
      if (i < n && src.charCodeAt(i) === 46) {
        i++;
        if (!(i < n && isDigit(src.charCodeAt(i))))
          throw new RuleSyntaxError('Expected a digit after the decimal point', i);
        while (i < n && isDigit(src.charCodeAt(i))) i++;
      }
      if (i < n && (src.charCodeAt(i) | 0x20) === 101) {
        // e / E exponent
        let j = i + 1;
        if (j < n && (src[j] === '+' || src[j] === '-')) j++;
        if (!(j < n && isDigit(src.charCodeAt(j))))
          throw new RuleSyntaxError('Expected digits in the exponent', j);
        while (j < n && isDigit(src.charCodeAt(j))) j++;
        i = j;
      }
      if (i < n && isIdentStart(src.charCodeAt(i)))
        throw new RuleSyntaxError(
          `Unexpected "${src[i]}" after the number ${src.slice(start, i)}`,
          i,
        );
      const text = src.slice(start, i);
      const value = Number(text);
      if (!Number.isFinite(value))
        throw new RuleSyntaxError(`The number ${text} is too large`, start);
      tokens.push({ kind: 'number', text, value, start, end: i });
      continue;
    }
    if (c === 34 || c === 39) {
      // "…" or '…'
      const quote = src[i]!;
      i++;
      let value = '';
      let closed = false;
      while (i < n) {
        const ch = src[i]!;
        if (ch === quote) {
          closed = true;
          i++;
          break;
        }
        if (ch === '\n' || ch === '\r') break;
        if (ch === '\\' && i + 1 < n) {
          const next = src[i + 1]!;
          const decoded = ESCAPES[next];
          value += decoded ?? `\\${next}`;
          i += 2;
          continue;
        }
        value += ch;
        i++;
      }
      if (!closed) throw new RuleSyntaxError(`Unterminated string: no closing ${quote}`, start);
      tokens.push({ kind: 'string', text: src.slice(start, i), value, start, end: i });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '==' || two === '!=' || two === '<=' || two === '>=') {
      tokens.push({ kind: 'operator', text: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    if (two === '&&') throw new RuleSyntaxError('Unexpected "&&"', start, 'write "and"');
    if (two === '||') throw new RuleSyntaxError('Unexpected "||"', start, 'write "or"');
    switch (src[i]) {
      case '<':
      case '>':
        tokens.push({ kind: 'operator', text: src[i]!, start, end: i + 1 });
        i++;
        continue;
      case '(':
      case ')':
      case '[':
      case ']':
      case ',':
        tokens.push({
          kind: src[i] as '(' | ')' | '[' | ']' | ',',
          text: src[i]!,
          start,
          end: i + 1,
        });
        i++;
        continue;
      case '-':
        tokens.push({ kind: 'minus', text: '-', start, end: i + 1 });
        i++;
        continue;
      case '=':
        throw new RuleSyntaxError('Unexpected "="', start, 'write "==" to compare');
      case '!':
        throw new RuleSyntaxError(
          'Unexpected "!"',
          start,
          'write "not" to negate, or "!=" to compare',
        );
      default: {
        const cp = src.codePointAt(i)!;
        throw new RuleSyntaxError(`Unexpected character "${String.fromCodePoint(cp)}"`, start);
      }
    }
  }
  tokens.push({ kind: 'eof', text: '', start: n, end: n });
  return tokens;
}
