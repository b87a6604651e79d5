/**
 * Detectors defined by rule-set authors: a label, name patterns and an
 * optional value pattern, all in RE2 syntax. RE2JS matches in linear time,
 * so a pattern such as `(a+)+$` cannot hang a scan, whatever the data.
 */
import { RE2JS } from 're2js';
import { z } from 'zod';
import { NORMALIZED_TYPES } from './column';
import { namePatterns, type Detector } from './detector';
import { SENSITIVITY_LEVELS } from './taxonomy';

function compiles(pattern: string, flags = 0): string | undefined {
  try {
    RE2JS.compile(pattern, flags);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

const pattern = z.string().min(1).max(500);

export const customDetectorInput = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,63}$/, 'lowercase letters, digits, dots and dashes'),
    label: z.string().regex(/^[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)+$/, 'dotted PascalCase, e.g. Acme.LoyaltyNumber'),
    description: z.string().max(500).default(''),
    sensitivity: z.enum(SENSITIVITY_LEVELS),
    /** Matched against normalized column names (`customerId` → `customer_id`). */
    namePatterns: z.array(pattern).max(20).default([]),
    negativeNamePatterns: z.array(pattern).max(20).default([]),
    /** Must match the whole value. Without one, the detector suggests from the name alone. */
    valuePattern: z.string().min(1).max(1000).optional(),
    caseInsensitive: z.boolean().default(false),
    allowedTypes: z.array(z.enum(NORMALIZED_TYPES)).min(1).default(['string', 'other']),
    nameRequired: z.boolean().default(false),
    minHits: z.number().int().min(1).max(1000).default(3),
    minMatchRate: z.number().gt(0).max(1).default(0.6),
    minMatchRateNamed: z.number().gt(0).max(1).optional(),
    minDistinctRatio: z.number().min(0).max(1).optional(),
    version: z.number().int().positive().default(1),
  })
  .superRefine((spec, ctx) => {
    const check = (p: string, path: (string | number)[], flags = 0) => {
      const err = compiles(p, flags);
      if (err) ctx.addIssue({ code: 'custom', path, message: `Not a valid RE2 pattern: ${err}` });
    };
    spec.namePatterns.forEach((p, i) => check(p, ['namePatterns', i]));
    spec.negativeNamePatterns.forEach((p, i) => check(p, ['negativeNamePatterns', i]));
    if (spec.valuePattern) check(spec.valuePattern, ['valuePattern'], spec.caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
    if (!spec.valuePattern && spec.namePatterns.length === 0)
      ctx.addIssue({ code: 'custom', path: ['namePatterns'], message: 'A detector needs a value pattern, name patterns, or both.' });
  });

export type CustomDetectorInput = z.input<typeof customDetectorInput>;

/** Validates a rule-set author's detector and compiles it; throws a ZodError with the issues otherwise. */
export function defineCustomDetector(input: CustomDetectorInput): Detector {
  const spec = customDetectorInput.parse(input);
  const value = spec.valuePattern ? RE2JS.compile(spec.valuePattern, spec.caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0) : undefined;
  return {
    id: `custom.${spec.id}`,
    label: spec.label,
    version: spec.version,
    description: spec.description,
    sensitivity: spec.sensitivity,
    noun: `${spec.label} values`,
    validation: value ? `the rule set's pattern /${spec.valuePattern}/` : 'no value pattern (name only)',
    namePatterns: namePatterns(...spec.namePatterns),
    negativeNamePatterns: namePatterns(...spec.negativeNamePatterns),
    allowedTypes: spec.allowedTypes,
    nameRequired: spec.nameRequired,
    nameOnly: !value,
    valueMatcher: (v) => (value && v.length <= 4096 && value.testExact(v) ? 'match' : 'nomatch'),
    minHits: spec.minHits,
    minMatchRate: spec.minMatchRate,
    minMatchRateNamed: spec.minMatchRateNamed,
    cardinality: spec.minDistinctRatio !== undefined ? { minDistinctRatio: spec.minDistinctRatio } : undefined,
    maskStyle: 'last4',
  };
}
