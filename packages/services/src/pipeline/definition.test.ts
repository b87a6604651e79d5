import { describe, expect, it } from 'vitest';
import { globToRegExp, pipelineDefinitionSchema } from './definition';
import { asTime } from './stages/quality';
import { pipelineTemplates } from './templates';

const source = { kind: 'dataSourceTables', dataSourceId: '6f1c1f43-6f0e-4a59-9a43-2f1b3c7f1f0a' };
const issues = (value: unknown) => {
  const r = pipelineDefinitionSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('pipeline definitions', () => {
  it('fills the defaults of stages and SLA', () => {
    const d = pipelineDefinitionSchema.parse({
      source,
      stages: [
        { id: 'ingest', kind: 'ingest' },
        { id: 'q', kind: 'quality' },
      ],
    });
    expect(d.stages[0]).toEqual({
      id: 'ingest',
      kind: 'ingest',
      concurrency: 2,
      batchSize: 10,
      maxAttempts: 3,
      config: {},
    });
    expect(d.stages[1]!.config).toEqual({ failOnViolation: false });
    expect(d.sla).toEqual({ freshnessHours: 24, maxErrorRate: 0.05 });
  });

  it('says what is wrong: duplicate ids, unknown kinds, limits, config of another kind, no stages, a bad cron', () => {
    expect(
      issues({
        source,
        stages: [
          { id: 'a', kind: 'ingest' },
          { id: 'a', kind: 'publish' },
        ],
      }),
    ).toEqual(['stages.1.id: Stage id "a" is used twice; stage ids must be unique']);
    expect(issues({ source, stages: [{ id: 'a', kind: 'transform' }] })[0]).toMatch(
      /^stages\.0\.kind/,
    );
    expect(issues({ source, stages: [{ id: 'a', kind: 'ingest', concurrency: 17 }] })[0]).toMatch(
      /^stages\.0\.concurrency/,
    );
    expect(issues({ source, stages: [{ id: 'a', kind: 'ingest', batchSize: 0 }] })[0]).toMatch(
      /^stages\.0\.batchSize/,
    );
    expect(
      issues({ source, stages: [{ id: 'a', kind: 'ingest', config: { maxNullRatio: 0.1 } }] })[0],
    ).toMatch(/^stages\.0\.config/);
    expect(
      issues({ source, stages: [{ id: 'q', kind: 'quality', config: { maxNullRatio: 1.5 } }] })[0],
    ).toMatch(/^stages\.0\.config\.maxNullRatio/);
    expect(
      issues({ source, stages: [{ id: 'p', kind: 'publish', config: { certify: 'gold' } }] })[0],
    ).toMatch(/^stages\.0\.config\.certify/);
    expect(issues({ source, stages: [] })).toEqual(['stages: A pipeline needs at least one stage']);
    expect(issues({ source, stages: [{ id: 'Bad Id', kind: 'ingest' }] })[0]).toMatch(
      /A stage id is a lowercase letter/,
    );
    expect(
      issues({ source, stages: [{ id: 'a', kind: 'ingest' }], schedule: 'every night' })[0],
    ).toMatch(/^schedule: Not a valid cron schedule/);
    expect(
      issues({ source: { ...source, dataSourceId: 'x' }, stages: [{ id: 'a', kind: 'ingest' }] }),
    ).toEqual(['source.dataSourceId: Not a data source id']);
    expect(
      issues({
        source,
        stages: Array.from({ length: 11 }, (_, i) => ({ id: `s${i}`, kind: 'ingest' })),
      }),
    ).toEqual(['stages: A pipeline has at most 10 stages']);
  });

  it('ships templates that are valid definitions', () => {
    for (const t of pipelineTemplates()) expect(issues(t.definition), t.key).toEqual([]);
  });

  it('matches table globs on * and ? only', () => {
    expect(globToRegExp('order*').test('orders')).toBe(true);
    expect(globToRegExp('order*').test('customer_orders')).toBe(false);
    expect(globToRegExp('t?').test('t1')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
  });

  it('reads freshness values as times: dates, ISO and SQL text, epoch seconds and milliseconds', () => {
    expect(asTime(new Date('2026-01-01T00:00:00Z'))?.toISOString()).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    expect(asTime('2026-01-01 10:00:00')?.toISOString()).toBe('2026-01-01T10:00:00.000Z');
    expect(asTime(1_767_225_600)?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(asTime(1_767_225_600_000)?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(asTime('soon')).toBeNull();
    expect(asTime(null)).toBeNull();
  });
});
