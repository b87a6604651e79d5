import { describe, expect, it } from 'vitest';
import { customRuleInput, defaultRuleId, scanRuleSetInput, type ScanRuleSetInput } from './schemas';

function issues(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
}

describe('customRuleInput', () => {
  it('accepts a taxonomy label and fills in defaults and a stable id', () => {
    const rule = customRuleInput.parse({
      label: 'PII.NationalId',
      expression: 'column.name matches "(?i)ssn|social"',
    });
    expect(rule).toEqual({
      label: 'PII.NationalId',
      expression: 'column.name matches "(?i)ssn|social"',
      confidence: 0.8,
      description: '',
      id: defaultRuleId({
        label: 'PII.NationalId',
        expression: 'column.name matches "(?i)ssn|social"',
      }),
    });
    expect(rule.id).toMatch(/^r-[0-9a-f]{8}$/);
    expect(
      customRuleInput.parse({
        label: 'PII.NationalId',
        expression: 'column.name matches "(?i)ssn|social"',
      }).id,
    ).toBe(rule.id);
    expect(
      customRuleInput.parse({ id: 'ssn-by-name', label: 'PII.NationalId', expression: 'true' }).id,
    ).toBe('ssn-by-name');
  });

  it('reports the parser message, with its position, on the expression', () => {
    const r = customRuleInput.safeParse({
      label: 'PII.Email',
      expression: 'column.nme == "email"',
    });
    expect(issues(r)).toEqual([
      ['expression', 'Unknown field "column.nme" at 1:1 — did you mean "column.name"?'],
    ]);
    expect((r.error!.issues[0] as { params?: unknown }).params).toEqual({
      position: { line: 1, column: 1, offset: 0 },
    });
    expect(
      issues(
        customRuleInput.safeParse({ label: 'PII.Email', expression: 'column.name matches "(x"' }),
      )[0]![1],
    ).toMatch(/^Invalid regular expression "\(x": missing closing \)/);
  });

  it('needs a sensitivity for custom labels and refuses one that contradicts the taxonomy', () => {
    expect(
      customRuleInput.parse({
        label: 'Custom.LoyaltyNumber',
        sensitivity: 'Internal',
        expression: 'true',
      }).sensitivity,
    ).toBe('Internal');
    expect(
      customRuleInput.parse({
        label: 'Custom.Acme.BadgeId',
        sensitivity: 'Confidential',
        expression: 'true',
      }).label,
    ).toBe('Custom.Acme.BadgeId');
    expect(
      issues(customRuleInput.safeParse({ label: 'Custom.LoyaltyNumber', expression: 'true' })),
    ).toEqual([
      [
        'sensitivity',
        'A custom label needs a sensitivity (Public, Internal, Confidential, Restricted)',
      ],
    ]);
    expect(
      issues(
        customRuleInput.safeParse({
          label: 'PII.Email',
          sensitivity: 'Public',
          expression: 'true',
        }),
      )[0]![1],
    ).toMatch(/PII.Email is Confidential in the taxonomy/);
    expect(
      customRuleInput.parse({ label: 'PII.Email', sensitivity: 'Confidential', expression: 'true' })
        .sensitivity,
    ).toBe('Confidential');
  });

  it('refuses labels that are neither in the taxonomy nor Custom.<Name>', () => {
    expect(
      issues(customRuleInput.safeParse({ label: 'PII.Emial', expression: 'true' }))[0],
    ).toEqual([
      'label',
      'Unknown label "PII.Emial": use a taxonomy label (e.g. PII.Email) or Custom.<Name> (e.g. Custom.LoyaltyNumber) — did you mean "PII.Email"?',
    ]);
    for (const label of [
      'Acme.Loyalty',
      'Custom.',
      'Custom.loyalty',
      'custom.Loyalty',
      'Custom.Loyalty Number',
    ])
      expect(
        customRuleInput.safeParse({ label, sensitivity: 'Internal', expression: 'true' }).success,
      ).toBe(false);
  });

  it('checks the value pattern with RE2 and requires it for sample.matchRate', () => {
    expect(
      customRuleInput.parse({
        label: 'Custom.Loyalty',
        sensitivity: 'Internal',
        expression: 'sample.matchRate >= 0.8',
        valuePattern: 'LY-[0-9]{8}',
      }).valuePattern,
    ).toBe('LY-[0-9]{8}');
    expect(
      issues(
        customRuleInput.safeParse({
          label: 'Custom.Loyalty',
          sensitivity: 'Internal',
          expression: 'true',
          valuePattern: '(a)\\1',
        }),
      ),
    ).toEqual([['valuePattern', 'Invalid regular expression: invalid escape sequence: `\\1`']]);
    expect(
      issues(
        customRuleInput.safeParse({
          label: 'Custom.Loyalty',
          sensitivity: 'Internal',
          expression: 'column.nullable and sample.matchRate > 0.5',
        }),
      ),
    ).toEqual([
      [
        'expression',
        'sample.matchRate at 1:21 needs a valuePattern: it is the share of sampled values matching it',
      ],
    ]);
  });

  it('bounds confidence to 0..1', () => {
    expect(
      customRuleInput.safeParse({ label: 'PII.Email', expression: 'true', confidence: 1.2 })
        .success,
    ).toBe(false);
    expect(
      customRuleInput.safeParse({ label: 'PII.Email', expression: 'true', confidence: -0.1 })
        .success,
    ).toBe(false);
    expect(
      customRuleInput.parse({ label: 'PII.Email', expression: 'true', confidence: 1 }).confidence,
    ).toBe(1);
  });
});

describe('scanRuleSetInput', () => {
  it('fills in defaults', () => {
    expect(scanRuleSetInput.parse({ name: ' Nightly PII ' })).toEqual({
      name: 'Nightly PII',
      description: '',
      includeSchemas: [],
      excludeSchemas: [],
      includeTables: [],
      excludeTables: [],
      includeColumns: [],
      excludeColumns: [],
      sampleSize: 100,
      sampleStrategy: 'random',
      minNonNull: 10,
      detectors: [],
      customRules: [],
      autoAcceptThreshold: null,
    });
  });

  it('validates glob patterns per level', () => {
    const r = scanRuleSetInput.safeParse({
      name: 'x',
      includeSchemas: ['public.users'],
      includeTables: ['sales.orders', 'a.b.c'],
      excludeColumns: ['public.users.ssn', 'a..b', ''],
    });
    expect(issues(r)).toEqual([
      ['includeSchemas.0', expect.stringMatching(/a schema pattern is `schema`/)],
      ['includeTables.1', expect.stringMatching(/a table pattern is `table` or `schema.table`/)],
      ['excludeColumns.1', '"a..b" has an empty part between dots'],
      ['excludeColumns.2', 'A pattern cannot be empty'],
    ]);
  });

  it('bounds numbers and enumerations', () => {
    const bad: ScanRuleSetInput[] = [
      { name: 'x', sampleSize: 0 },
      { name: 'x', sampleSize: 10_001 },
      { name: 'x', sampleSize: 1.5 },
      { name: 'x', minNonNull: -1 },
      { name: 'x', sampleStrategy: 'last' as 'first' },
      { name: 'x', autoAcceptThreshold: 0.5 },
      { name: 'x', autoAcceptThreshold: 1.01 },
      { name: '' },
    ];
    for (const input of bad)
      expect(scanRuleSetInput.safeParse(input).success, JSON.stringify(input)).toBe(false);
    expect(
      scanRuleSetInput.parse({
        name: 'x',
        sampleSize: 10_000,
        minNonNull: 0,
        autoAcceptThreshold: 1,
        sampleStrategy: 'first',
      }),
    ).toMatchObject({
      sampleSize: 10_000,
      minNonNull: 0,
      autoAcceptThreshold: 1,
      sampleStrategy: 'first',
    });
    expect(
      scanRuleSetInput.parse({ name: 'x', autoAcceptThreshold: 0.51 }).autoAcceptThreshold,
    ).toBe(0.51);
  });

  it('checks detector labels, rule ids and minNonNull against sampleSize', () => {
    const r = scanRuleSetInput.safeParse({
      name: 'x',
      sampleSize: 50,
      minNonNull: 60,
      detectors: ['PII.Email', 'PII.Phne', 'PII.Email'],
      customRules: [
        { id: 'a', label: 'PII.Email', expression: 'true' },
        { id: 'a', label: 'PII.Phone', expression: 'true' },
      ],
    });
    expect(issues(r)).toEqual([
      ['detectors.1', 'Unknown detector label "PII.Phne" — did you mean "PII.Phone"?'],
      ['detectors.2', 'PII.Email is listed twice'],
      ['customRules.1.id', 'Rule id "a" is already used by rule 1'],
      [
        'minNonNull',
        'minNonNull (60) is larger than sampleSize (50): sampled values could never count as evidence',
      ],
    ]);
  });

  it('allows at most 50 custom rules', () => {
    const rules = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        label: 'PII.Email',
        expression: `column.ordinal == ${i}`,
      }));
    expect(scanRuleSetInput.safeParse({ name: 'x', customRules: rules(50) }).success).toBe(true);
    expect(scanRuleSetInput.safeParse({ name: 'x', customRules: rules(51) }).success).toBe(false);
  });
});
