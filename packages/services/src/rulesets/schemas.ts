/**
 * Zod schemas for scan rule sets and their custom rules: what the API
 * accepts and what is stored (`ScanRuleSet` row; `customRules` as JSON).
 * Expressions are checked by the rule-language parser, regexes by RE2JS,
 * glob patterns by the scope compiler — so a saved rule set always runs.
 */
import { z } from 'zod';
import {
  classificationEvidenceSchema,
  classificationSuggestionSchema,
} from '../classification/schemas';
import { getLabel, isLabelId, LABELS, SENSITIVITY_LEVELS } from '../classification/taxonomy';
import { findField, referencedFields } from './expression/ast';
import { closest, didYouMean, positionAt } from './expression/errors';
import { parseRuleExpression, regexError } from './expression/parser';
import { scopePatternError, type ScopeLevel } from './scope';

// ── custom rules ──

/** `Custom.LoyaltyNumber`, `Custom.Acme.BadgeId`: labels a rule set may invent. */
export const CUSTOM_LABEL_PATTERN = /^Custom(\.[A-Z][A-Za-z0-9]{0,63})+$/;
export const RULE_ID_PATTERN = /^[a-z0-9][a-z0-9.-]{0,63}$/;
export const MAX_VALUE_PATTERN_LENGTH = 500;
export const MAX_CUSTOM_RULES = 50;

export function isCustomLabel(label: string): boolean {
  return label.length <= 100 && CUSTOM_LABEL_PATTERN.test(label);
}

/** FNV-1a, 32 bits, as 8 hex digits: a stable id for a rule saved without one. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The id given to a rule saved without one: derived from what it does, so it is the same on every save. */
export function defaultRuleId(rule: {
  label: string;
  expression: string;
  valuePattern?: string;
}): string {
  return `r-${fnv1a(`${rule.label}\u0000${rule.expression}\u0000${rule.valuePattern ?? ''}`)}`;
}

/** The expression field: a string the rule-language parser accepts; issues carry the parser's message and position. */
export const ruleExpression = z.string().superRefine((src, ctx) => {
  const r = parseRuleExpression(src);
  if (!r.ok)
    ctx.addIssue({
      code: 'custom',
      message: r.error.message,
      params: { position: r.error.position },
    });
});

export const customRuleInput = z
  .object({
    /** Stable id (evidence and feedback refer to it); derived from label + expression when omitted. */
    id: z
      .string()
      .regex(RULE_ID_PATTERN, 'lowercase letters, digits, dots and dashes (max 64)')
      .optional(),
    /** A taxonomy label (`PII.NationalId`) or a custom one (`Custom.LoyaltyNumber`). */
    label: z.string().min(1).max(100),
    /** Required for a custom label; for a taxonomy label it comes from the taxonomy. */
    sensitivity: z.enum(SENSITIVITY_LEVELS).optional(),
    expression: ruleExpression,
    /** RE2 pattern a sampled value must match as a whole; gives the expression `sample.matchRate`. `(?i)` for case-insensitive. */
    valuePattern: z.string().min(1).max(MAX_VALUE_PATTERN_LENGTH).optional(),
    confidence: z.number().min(0).max(1).default(0.8),
    description: z.string().max(500).default(''),
  })
  .superRefine((rule, ctx) => {
    if (isLabelId(rule.label)) {
      const level = getLabel(rule.label)!.sensitivity;
      if (rule.sensitivity !== undefined && rule.sensitivity !== level)
        ctx.addIssue({
          code: 'custom',
          path: ['sensitivity'],
          message: `${rule.label} is ${level} in the taxonomy; leave sensitivity out (only custom labels set their own)`,
        });
    } else if (isCustomLabel(rule.label)) {
      if (rule.sensitivity === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['sensitivity'],
          message: `A custom label needs a sensitivity (${SENSITIVITY_LEVELS.join(', ')})`,
        });
    } else {
      const hint = didYouMean(
        closest(
          rule.label,
          LABELS.map((l) => l.id),
        ),
      );
      ctx.addIssue({
        code: 'custom',
        path: ['label'],
        message: `Unknown label "${rule.label}": use a taxonomy label (e.g. PII.Email) or Custom.<Name> (e.g. Custom.LoyaltyNumber)${hint ? ` — ${hint}` : ''}`,
      });
    }
    if (rule.valuePattern !== undefined) {
      const err = regexError(rule.valuePattern);
      if (err)
        ctx.addIssue({
          code: 'custom',
          path: ['valuePattern'],
          message: `Invalid regular expression: ${err}`,
        });
    }
    if (rule.valuePattern === undefined) {
      const parsed = parseRuleExpression(rule.expression);
      if (parsed.ok && referencedFields(parsed.ast).has('sample.matchRate')) {
        const ref = findField(parsed.ast, 'sample.matchRate')!;
        const position = positionAt(rule.expression, ref.span.start);
        ctx.addIssue({
          code: 'custom',
          path: ['expression'],
          message: `sample.matchRate at ${position.line}:${position.column} needs a valuePattern: it is the share of sampled values matching it`,
          params: { position },
        });
      }
    }
  })
  .transform((rule) => ({ ...rule, id: rule.id ?? defaultRuleId(rule) }));

export type CustomRuleInput = z.input<typeof customRuleInput>;
/** A validated rule, as stored in `ScanRuleSet.customRules`: always has an id. */
export type CustomRule = z.output<typeof customRuleInput>;

// ── rule sets ──

export const SAMPLE_STRATEGIES = ['random', 'first'] as const;
export type SampleStrategy = (typeof SAMPLE_STRATEGIES)[number];
export const MAX_PATTERNS_PER_LIST = 100;

function patternList(level: ScopeLevel) {
  return z
    .array(
      z
        .string()
        .trim()
        .max(200)
        .superRefine((p, ctx) => {
          const err = scopePatternError(p, level);
          if (err) ctx.addIssue({ code: 'custom', message: err });
        }),
    )
    .max(MAX_PATTERNS_PER_LIST)
    .default([]);
}

/** Labels with a detector to run: the taxonomy's (every taxonomy label has a built-in detector). */
const detectorLabel = z.string().superRefine((label, ctx) => {
  if (isLabelId(label)) return;
  const hint = didYouMean(
    closest(
      label,
      LABELS.map((l) => l.id),
    ),
  );
  ctx.addIssue({
    code: 'custom',
    message: `Unknown detector label "${label}"${hint ? ` — ${hint}` : ''}`,
  });
});

export const scanRuleSetInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().max(1000).default(''),
    includeSchemas: patternList('schema'),
    excludeSchemas: patternList('schema'),
    includeTables: patternList('table'),
    excludeTables: patternList('table'),
    includeColumns: patternList('column'),
    excludeColumns: patternList('column'),
    /** Values sampled per column. */
    sampleSize: z.number().int().min(1).max(10_000).default(100),
    sampleStrategy: z.enum(SAMPLE_STRATEGIES).default('random'),
    /** Non-null sampled values needed before values count as evidence. */
    minNonNull: z.number().int().min(0).max(10_000).default(10),
    /** Labels of the built-in detectors to run; empty means all of them. */
    detectors: z.array(detectorLabel).max(LABELS.length).default([]),
    customRules: z.array(customRuleInput).max(MAX_CUSTOM_RULES).default([]),
    /** Value-mode suggestions at or above this confidence are accepted without review; null: always review. */
    autoAcceptThreshold: z.number().gt(0.5).max(1).nullable().default(null),
  })
  .superRefine((rs, ctx) => {
    const seenDetectors = new Set<string>();
    rs.detectors.forEach((d, i) => {
      if (seenDetectors.has(d))
        ctx.addIssue({ code: 'custom', path: ['detectors', i], message: `${d} is listed twice` });
      seenDetectors.add(d);
    });
    const seenRules = new Map<string, number>();
    rs.customRules.forEach((r, i) => {
      const first = seenRules.get(r.id);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['customRules', i, 'id'],
          message: `Rule id "${r.id}" is already used by rule ${first + 1}${r.id.startsWith('r-') ? ' (two rules with the same label, expression and value pattern)' : ''}`,
        });
      else seenRules.set(r.id, i);
    });
    if (rs.minNonNull > rs.sampleSize)
      ctx.addIssue({
        code: 'custom',
        path: ['minNonNull'],
        message: `minNonNull (${rs.minNonNull}) is larger than sampleSize (${rs.sampleSize}): sampled values could never count as evidence`,
      });
  });

export type ScanRuleSetInput = z.input<typeof scanRuleSetInput>;
/** A validated rule set with every default filled in. */
export type ScanRuleSet = z.output<typeof scanRuleSetInput>;

// ── rule suggestions as stored ──

export const ruleEvidenceSchema = classificationEvidenceSchema.extend({
  source: z.literal('rule'),
  rule: z.object({
    id: z.string().min(1),
    expression: z.string(),
    valuePattern: z.string().optional(),
    description: z.string().optional(),
  }),
});

export const ruleSuggestionSchema = classificationSuggestionSchema.extend({
  evidence: ruleEvidenceSchema,
});
