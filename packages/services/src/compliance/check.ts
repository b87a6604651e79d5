/**
 * One rule against one asset's facts: does it apply, does it pass, and if not
 * the evidence — the condition and the actual value of every field it read.
 * Pure: the evaluator (evaluate.ts) loads the facts and writes the findings.
 */
import type { RuleAst } from '../rulesets/expression/ast';
import type { FieldValue } from '../rulesets/expression/walk';
import { AppError } from '../errors';
import { type AssetFacts, factsRead, holds, parseCondition, type RuleTarget } from './language';

export interface RuleConditions {
  target: RuleTarget;
  appliesWhen: string;
  requires: string;
}

export interface CompiledRule extends RuleConditions {
  applies: RuleAst;
  required: RuleAst;
}

export interface FindingEvidence {
  appliesWhen: string;
  requires: string;
  facts: Record<string, FieldValue>;
  message: string;
}

export type CheckOutcome = { result: 'not-applicable' } | { result: 'pass' } | { result: 'fail'; evidence: FindingEvidence };

/** The parse error of one condition, named by its field: `requires: Unknown field "asset.tag" at 1:1 — did you mean "asset.tags"?` */
export function conditionError(field: 'appliesWhen' | 'requires', src: string): string | null {
  const parsed = parseCondition(src);
  return parsed.ok ? null : `${field}: ${parsed.error.message}`;
}

/** Parses both conditions; a bad one is a BAD_REQUEST that says where and what. */
export function compileRule<T extends RuleConditions>(rule: T): T & CompiledRule {
  const applies = parseCondition(rule.appliesWhen);
  if (!applies.ok) throw new AppError('BAD_REQUEST', `appliesWhen: ${applies.error.message}`, { field: 'appliesWhen', position: applies.error.position });
  const required = parseCondition(rule.requires);
  if (!required.ok) throw new AppError('BAD_REQUEST', `requires: ${required.error.message}`, { field: 'requires', position: required.error.position });
  return { ...rule, applies: applies.ast, required: required.ast };
}

function show(value: FieldValue): string {
  if (Array.isArray(value)) return value.length ? `[${value.join(', ')}]` : '[] (none)';
  return value === null ? 'null' : typeof value === 'string' ? `"${value}"` : String(value);
}

export function checkAsset(rule: CompiledRule, facts: AssetFacts): CheckOutcome {
  if (!holds(rule.applies, facts)) return { result: 'not-applicable' };
  if (holds(rule.required, facts)) return { result: 'pass' };
  const read = factsRead(facts, rule.applies, rule.required);
  const subject = rule.target === 'source' ? `Source ${String(facts['source.name'])}` : String(facts['asset.qualifiedName']);
  const shown = Object.entries(read)
    .map(([k, v]) => `${k} = ${show(v)}`)
    .join('; ');
  return {
    result: 'fail',
    evidence: { appliesWhen: rule.appliesWhen, requires: rule.requires, facts: read, message: `${subject} does not satisfy ${rule.requires} (${shown})` },
  };
}
