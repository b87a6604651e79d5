import { describe, expect, it } from 'vitest';
import { classificationSuggestionSchema } from '../classification/schemas';
import {
  columnContextOf,
  compileCustomRule,
  evaluateCustomRules,
  type RuleColumnContext,
} from './custom-rules';
import { ruleSuggestionSchema, type CustomRuleInput } from './schemas';

const source = { engine: 'postgres' as const, environment: 'prod' };
const customers = { name: 'customers', kind: 'table', rowCountEstimate: 5000 };

function context(
  name: string,
  dataType = 'text',
  extra: { comment?: string | null; nullable?: boolean } = {},
): RuleColumnContext {
  return columnContextOf(source, 'public', customers, {
    name,
    dataType,
    nullable: extra.nullable ?? true,
    comment: extra.comment ?? null,
    ordinal: 3,
  });
}

const ssnByName: CustomRuleInput = {
  id: 'ssn-by-name',
  label: 'PII.NationalId',
  expression:
    'column.name matches "(?i)ssn|social" and column.type in ["text", "varchar", "character varying"]',
  description: 'Our SSN columns',
};

const loyalty: CustomRuleInput = {
  id: 'loyalty',
  label: 'Custom.LoyaltyNumber',
  sensitivity: 'Confidential',
  expression: 'sample.matchRate >= 0.8',
  valuePattern: 'LY-[0-9]{8}',
  confidence: 0.97,
};

const loyaltyValues = Array.from(
  { length: 40 },
  (_, i) => `LY-${String(10_000_000 + i * 7919).padStart(8, '0')}`,
);

describe('columnContextOf', () => {
  it('lowercases the raw type and normalizes it for the engine', () => {
    const ctx = columnContextOf(
      { engine: 'mysql' },
      'shop',
      { name: 'users', kind: 'table', rowCountEstimate: 12n },
      { name: 'Active', dataType: 'TINYINT(1)', nullable: false, ordinal: 7 },
    );
    expect(ctx).toEqual({
      column: {
        name: 'Active',
        type: 'tinyint(1)',
        normalizedType: 'boolean',
        nullable: false,
        comment: null,
        ordinal: 7,
      },
      table: { name: 'users', kind: 'table', rowCount: 12n },
      schema: { name: 'shop' },
      source: { engine: 'mysql', environment: null },
    });
  });
});

describe('evaluateCustomRules', () => {
  it('labels from metadata: the requirement example', () => {
    const [s, ...rest] = evaluateCustomRules([ssnByName], context('customer_SSN', 'TEXT'), [
      '123-45-6789',
    ]);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      label: 'PII.NationalId',
      confidence: 0.8,
      sensitivity: 'Restricted',
      autoAccept: false,
    });
    expect(s!.evidence).toMatchObject({
      source: 'rule',
      rule: { id: 'ssn-by-name', expression: ssnByName.expression, description: 'Our SSN columns' },
      detector: 'rule.ssn-by-name',
      detectorVersion: 1,
      matchMode: 'name',
      sampled: 1,
      nonNull: 1,
      matched: 0,
      normalizedType: 'string',
      rowCount: 5000,
    });
    expect(s!.evidence.reasons[0]).toBe(
      `The column satisfies custom rule "ssn-by-name": ${ssnByName.expression}`,
    );
    expect(evaluateCustomRules([ssnByName], context('email'), [])).toEqual([]);
    expect(evaluateCustomRules([ssnByName], context('ssn', 'integer'), [])).toEqual([]);
    // column.type is the raw type: lengths included (use column.normalizedType or matches for families).
    expect(evaluateCustomRules([ssnByName], context('ssn', 'character varying(11)'), [])).toEqual(
      [],
    );
  });

  it('produces suggestions the classification store accepts, in the engine’s shape', () => {
    const [a] = evaluateCustomRules([ssnByName], context('ssn'), null);
    const [b] = evaluateCustomRules([loyalty], context('loyalty_no'), loyaltyValues);
    for (const s of [a!, b!]) {
      expect(classificationSuggestionSchema.safeParse(s).success).toBe(true);
      expect(ruleSuggestionSchema.parse(s)).toEqual(s);
    }
  });

  it('computes sample.matchRate from the value pattern and reports matched counts', () => {
    const values = [...loyaltyValues, 'n/a', null, '', 'LOYAL-1', 'LY-123'];
    const [s] = evaluateCustomRules([loyalty], context('c7'), values, {
      autoAcceptThreshold: 0.95,
    });
    expect(s).toMatchObject({
      label: 'Custom.LoyaltyNumber',
      confidence: 0.97,
      sensitivity: 'Confidential',
      autoAccept: true,
    });
    expect(s!.evidence).toMatchObject({
      matchMode: 'value',
      sampled: 45,
      nonNull: 42,
      placeholders: 1,
      matched: 40,
      matchRate: 0.952,
      rule: { id: 'loyalty', valuePattern: 'LY-[0-9]{8}' },
      score: { valueScore: 0.952, confidence: 0.97 },
    });
    expect(s!.evidence.maskedExamples).toHaveLength(3);
    for (const m of s!.evidence.maskedExamples) expect(m).toMatch(/^\*\*-\*{4,}\d{1,4}$/);
    expect(s!.evidence.reasons).toContain(
      "40 of 42 non-null sampled values (95.2%) match the rule's value pattern /LY-[0-9]{8}/ as a whole.",
    );
    expect(s!.evidence.reasons.at(-1)).toBe(
      "Auto-accepted: confidence 0.97 ≥ the rule set's threshold 0.95.",
    );
  });

  it('does not label when too few values match, or too few were sampled', () => {
    const mostlyOther = [
      ...loyaltyValues.slice(0, 10),
      ...Array.from({ length: 30 }, (_, i) => `X${i}`),
    ];
    expect(evaluateCustomRules([loyalty], context('c7'), mostlyOther)).toEqual([]);
    // 5 values < minNonNull 10: sample.matchRate is null, so `>= 0.8` is false.
    expect(evaluateCustomRules([loyalty], context('c7'), loyaltyValues.slice(0, 5))).toEqual([]);
    expect(
      evaluateCustomRules([loyalty], context('c7'), loyaltyValues.slice(0, 5), { minNonNull: 3 }),
    ).toHaveLength(1);
    expect(evaluateCustomRules([loyalty], context('c7'), null)).toEqual([]);
  });

  it('reports pattern matches for metadata rules too, but never auto-accepts them', () => {
    const rule: CustomRuleInput = {
      id: 'by-name',
      label: 'Custom.LoyaltyNumber',
      sensitivity: 'Internal',
      expression: 'column.name contains "loyalty"',
      valuePattern: 'LY-[0-9]{8}',
      confidence: 0.99,
    };
    const [s] = evaluateCustomRules([rule], context('loyalty_no'), loyaltyValues, {
      autoAcceptThreshold: 0.9,
    });
    expect(s).toMatchObject({
      autoAccept: false,
      evidence: { matchMode: 'name', matched: 40, nonNull: 40 },
    });
    expect(s!.evidence.reasons.at(-1)).toBe(
      'Not auto-accepted: a rule that does not test sampled values always needs a person to confirm.',
    );
  });

  it('keeps the most confident rule per label, skips suppressed labels, sorts by confidence', () => {
    const rules: CustomRuleInput[] = [
      {
        id: 'weak',
        label: 'PII.NationalId',
        expression: 'column.name contains "ssn"',
        confidence: 0.5,
      },
      {
        id: 'strong',
        label: 'PII.NationalId',
        expression: 'column.name == "ssn"',
        confidence: 0.9,
      },
      {
        id: 'nullable',
        label: 'Custom.Optional',
        sensitivity: 'Public',
        expression: 'column.nullable',
        confidence: 0.3,
      },
      { id: 'comment', label: 'PII.Email', expression: 'column.comment contains "mail"' },
    ];
    const labelled = evaluateCustomRules(rules, context('ssn'), []);
    expect(labelled.map((s) => [s.label, s.evidence.rule.id])).toEqual([
      ['PII.NationalId', 'strong'],
      ['Custom.Optional', 'nullable'],
    ]);
    expect(
      evaluateCustomRules(rules, context('ssn'), [], { suppressed: ['PII.NationalId'] }).map(
        (s) => s.label,
      ),
    ).toEqual(['Custom.Optional']);
    expect(
      evaluateCustomRules(rules, context('ssn'), [], {
        suppressed: new Set(['rule.nullable']),
      }).map((s) => s.label),
    ).toEqual(['PII.NationalId']);
  });

  it('reads sample counts (null on metadata-only runs)', () => {
    const rule: CustomRuleInput = {
      id: 'sparse',
      label: 'Custom.Sparse',
      sensitivity: 'Internal',
      expression: 'sample.nonNull < 5 and sample.distinct <= 2',
    };
    expect(evaluateCustomRules([rule], context('x'), ['a', 'b', 'a', null, null])).toHaveLength(1);
    expect(evaluateCustomRules([rule], context('x'), ['a', 'b', 'c'])).toEqual([]);
    expect(evaluateCustomRules([rule], context('x'), null)).toEqual([]);
  });

  it('masks secrets completely in examples', () => {
    const rule: CustomRuleInput = {
      id: 'tok',
      label: 'Secret.ApiKey',
      expression: 'sample.matchRate == 1',
      valuePattern: 'tok_[a-z0-9]{12}',
    };
    const values = Array.from(
      { length: 12 },
      (_, i) => `tok_${'abcdef012345'.slice(i) + 'x'.repeat(i)}`,
    );
    const [s] = evaluateCustomRules([rule], context('token'), values);
    expect(s!.evidence.maskedExamples).toEqual(['********']);
  });

  it('a catastrophic-backtracking value pattern completes', () => {
    const rule: CustomRuleInput = {
      id: 'evil',
      label: 'Custom.Evil',
      sensitivity: 'Internal',
      expression: 'sample.matchRate > 0.5',
      valuePattern: '(a+)+$',
    };
    const values = Array.from(
      { length: 20 },
      () => 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!',
    );
    expect(evaluateCustomRules([rule], context('x'), values)).toEqual([]);
  });

  it('compiles each rule once, and refuses invalid rules', () => {
    const rule: CustomRuleInput = { ...ssnByName };
    expect(compileCustomRule(rule)).toBe(compileCustomRule(rule));
    expect(compileCustomRule(rule).readsMatchRate).toBe(false);
    expect(compileCustomRule(loyalty).readsMatchRate).toBe(true);
    expect(() =>
      compileCustomRule({ label: 'PII.Email', expression: 'column.nme == "x"' }),
    ).toThrow(/Unknown field .*column.nme/);
  });
});
