import { describe, expect, it } from 'vitest';
import { evaluateRule, readField, type RuleContext } from './evaluate';
import { parseRuleExpression } from './parser';

function ctx(
  overrides: {
    column?: Partial<RuleContext['column']>;
    table?: Partial<RuleContext['table']>;
    sample?: RuleContext['sample'];
  } = {},
): RuleContext {
  return {
    column: {
      name: 'customer_ssn',
      type: 'VARCHAR(11)',
      normalizedType: 'string',
      nullable: true,
      comment: 'Social security number',
      ordinal: 4,
      ...overrides.column,
    },
    table: { name: 'customers', kind: 'table', rowCount: 12_000, ...overrides.table },
    schema: { name: 'public' },
    source: { engine: 'postgres', environment: 'prod' },
    sample:
      overrides.sample === undefined
        ? { nonNull: 95, distinct: 95, matchRate: 0.97 }
        : overrides.sample,
  };
}

function run(src: string, context: RuleContext = ctx()): boolean {
  const r = parseRuleExpression(src);
  if (!r.ok) throw new Error(r.error.message);
  return evaluateRule(r.ast, context);
}

describe('evaluateRule', () => {
  it('matches globs on the whole value with like, case-insensitively', () => {
    expect(run('column.name like "*_SSN"')).toBe(true);
    expect(run('column.name like "customer_?sn"')).toBe(true);
    expect(run('column.name like "ssn"')).toBe(false); // whole value, unlike matches
    expect(run('column.name matches "ssn"')).toBe(true);
    expect(run('column.name not like "tmp_*"')).toBe(true);
    expect(run('column.comment like "*security*"', ctx({ column: { comment: null } }))).toBe(false);
    expect(parseRuleExpression('column.ordinal like "1*"')).toMatchObject({ ok: false, error: { message: '"like" works on text, but column.ordinal is a number at 1:16' } });
  });

  it('evaluates the requirement example', () => {
    const src = 'column.name matches "(?i)ssn|social" and column.type in ["text", "varchar(11)"]';
    expect(run(src)).toBe(true);
    expect(run(src, ctx({ column: { name: 'SOCIAL_NO' } }))).toBe(true);
    expect(run(src, ctx({ column: { name: 'email' } }))).toBe(false);
    expect(run(src, ctx({ column: { type: 'integer' } }))).toBe(false);
  });

  it('reads column.type lowercased, and bigint row counts as numbers', () => {
    expect(readField('column.type', ctx())).toBe('varchar(11)');
    expect(run('column.type == "varchar(11)"')).toBe(true);
    expect(run('table.rowCount > 10000', ctx({ table: { rowCount: 12_000n } }))).toBe(true);
  });

  it('compares numbers', () => {
    expect(run('column.ordinal == 4')).toBe(true);
    expect(run('column.ordinal != 4')).toBe(false);
    expect(run('column.ordinal < 5')).toBe(true);
    expect(run('column.ordinal <= 4')).toBe(true);
    expect(run('column.ordinal > 4')).toBe(false);
    expect(run('column.ordinal >= 4')).toBe(true);
    expect(run('sample.matchRate >= 0.95 and sample.nonNull > 50 and sample.distinct == 95')).toBe(
      true,
    );
    expect(run('-1 < column.ordinal')).toBe(true);
  });

  it('compares strings (exactly, case-sensitively, in code-unit order)', () => {
    expect(run('column.name == "customer_ssn"')).toBe(true);
    expect(run('column.name == "CUSTOMER_SSN"')).toBe(false);
    expect(run('column.name != "id"')).toBe(true);
    expect(run('column.name < "d"')).toBe(true);
    expect(run('column.name >= "customer_ssn"')).toBe(true);
    expect(run('column.name > "z"')).toBe(false);
    expect(run('table.name == schema.name')).toBe(false);
    expect(
      run('source.engine == "postgres" and source.environment == "prod" and table.kind == "table"'),
    ).toBe(true);
  });

  it('compares booleans and uses boolean fields as conditions', () => {
    expect(run('column.nullable')).toBe(true);
    expect(run('not column.nullable')).toBe(false);
    expect(run('column.nullable == true')).toBe(true);
    expect(run('column.nullable != true')).toBe(false);
    expect(run('true')).toBe(true);
    expect(run('false')).toBe(false);
  });

  it('tests membership', () => {
    expect(run('column.normalizedType in ["string", "other"]')).toBe(true);
    expect(run('column.normalizedType not in ["string", "other"]')).toBe(false);
    expect(run('column.ordinal in [1, 2, 3]')).toBe(false);
    expect(run('column.ordinal not in [1, 2, 3]')).toBe(true);
  });

  it('matches text', () => {
    expect(run('column.name matches "ssn$"')).toBe(true);
    expect(run('column.name matches "^ssn"')).toBe(false); // unanchored search: anchor explicitly
    expect(run('column.name matches "SSN"')).toBe(false);
    expect(run('column.name matches "(?i)SSN"')).toBe(true);
    expect(run(String.raw`column.type matches "^varchar\(\d+\)$"`)).toBe(true);
    expect(run('column.name not matches "^id$"')).toBe(true);
    expect(run('column.comment contains "security"')).toBe(true);
    expect(run('column.comment contains "SECURITY"')).toBe(false);
    expect(run('column.comment not contains "security"')).toBe(false);
    expect(run('column.name startsWith "customer_"')).toBe(true);
    expect(run('column.name startsWith "ssn"')).toBe(false);
    expect(run('column.name endsWith "_ssn"')).toBe(true);
    expect(run('column.name not endsWith "_ssn"')).toBe(false);
  });

  it('combines with and / or / not, short-circuiting', () => {
    expect(run('column.nullable and column.ordinal == 4 and table.name == "customers"')).toBe(true);
    expect(run('column.nullable and column.ordinal == 5')).toBe(false);
    expect(run('column.ordinal == 5 or column.name endsWith "ssn"')).toBe(true);
    expect(run('not (column.ordinal == 5 or column.name endsWith "x")')).toBe(true);
    expect(run('column.nullable or column.ordinal == 4 and false')).toBe(true); // and binds tighter
    expect(run('(column.nullable or column.ordinal == 4) and false')).toBe(false);
  });

  describe('null handling', () => {
    const noComment = ctx({
      column: { comment: null },
      table: { rowCount: null, kind: undefined },
      sample: null,
    });

    it('comparisons that read a null field are false, negated forms included', () => {
      expect(run('column.comment contains "ssn"', noComment)).toBe(false);
      expect(run('column.comment not contains "ssn"', noComment)).toBe(false);
      expect(run('column.comment matches ".*"', noComment)).toBe(false);
      expect(run('column.comment startsWith ""', noComment)).toBe(false);
      expect(run('column.comment == "x"', noComment)).toBe(false);
      expect(run('column.comment != "x"', noComment)).toBe(false);
      expect(run('column.comment < "x"', noComment)).toBe(false);
      expect(run('column.comment in ["x"]', noComment)).toBe(false);
      expect(run('column.comment not in ["x"]', noComment)).toBe(false);
      expect(run('table.rowCount > 0', noComment)).toBe(false);
      expect(run('table.rowCount <= 0', noComment)).toBe(false);
      expect(run('table.kind == "table"', noComment)).toBe(false);
      expect(run('column.comment == table.name', noComment)).toBe(false);
    });

    it('an explicit null literal tests presence', () => {
      expect(run('column.comment == null', noComment)).toBe(true);
      expect(run('column.comment != null', noComment)).toBe(false);
      expect(run('null == column.comment', noComment)).toBe(true);
      expect(run('column.comment == null')).toBe(false);
      expect(run('column.comment != null')).toBe(true);
    });

    it('not is plain negation of what it wraps', () => {
      expect(run('not (column.comment contains "ssn")', noComment)).toBe(true);
      expect(run('not column.comment contains "ssn"', noComment)).toBe(true);
    });

    it('sample fields are null when the rule is evaluated on metadata only', () => {
      expect(run('sample.matchRate >= 0', noComment)).toBe(false);
      expect(run('sample.nonNull == null and sample.distinct == null', noComment)).toBe(true);
      expect(
        run(
          'sample.matchRate < 0.5',
          ctx({ sample: { nonNull: 3, distinct: 3, matchRate: null } }),
        ),
      ).toBe(false);
    });

    it('a context holding the wrong type for a field does not match', () => {
      const odd = ctx({ column: { ordinal: '4' as unknown as number } });
      expect(run('column.ordinal == 4', odd)).toBe(false);
      expect(run('column.ordinal != 4', odd)).toBe(false);
    });
  });

  it('runs a catastrophic-backtracking pattern in linear time', () => {
    const r = parseRuleExpression('column.name matches "(a+)+$"');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // A backtracking engine takes ~2^47 steps here; RE2 is linear, so this returns.
    expect(
      evaluateRule(
        r.ast,
        ctx({ column: { name: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' } }),
      ),
    ).toBe(false);
    expect(
      evaluateRule(r.ast, ctx({ column: { comment: null, name: `${'a'.repeat(100_000)}!` } })),
    ).toBe(false);
    expect(evaluateRule(r.ast, ctx({ column: { name: 'aaa' } }))).toBe(true);
  });
});
