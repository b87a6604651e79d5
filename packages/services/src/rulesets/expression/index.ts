/**
 * The rule language: a small, safe expression language over column
 * metadata. Tokenizer + recursive-descent parser + tree-walking evaluator;
 * never `eval`/`Function`. Regexes are RE2 (re2js): linear time. See
 * ../README.md for the grammar.
 */
export * from './ast';
export * from './errors';
export * from './fields';
export { MAX_EXPRESSION_LENGTH, tokenize, type Token, type TokenKind } from './tokenizer';
export {
  MAX_AST_DEPTH,
  MAX_LIST_SIZE,
  parseRuleExpression,
  regexError,
  regexOf,
  type ParseResult,
} from './parser';
export { evaluateRule, readField, type RuleContext } from './evaluate';
export { evaluateExpression, type FieldReader, type FieldValue } from './walk';
