import { describe, expect, it } from 'vitest';
import { formatMetric, metricDirection } from './format';
import { typesForShape } from './types';

describe('formatMetric', () => {
  it('writes each unit the way a reader expects', () => {
    expect(formatMetric(82.456, 'percent')).toBe('82.5%');
    expect(formatMetric(1234, 'count')).toBe('1,234');
    expect(formatMetric(123_456, 'count')).toBe('123.5K');
    expect(formatMetric(850, 'ms')).toBe('850 ms');
    expect(formatMetric(4_200, 'ms')).toBe('4.2 s');
    expect(formatMetric(1, 'days')).toBe('1 day');
    expect(formatMetric(2.25, 'days', { short: true })).toBe('2.3d');
    expect(formatMetric(null, 'percent')).toBe('—');
  });
});

describe('metricDirection', () => {
  it('says whether a rise is good news', () => {
    expect(metricDirection('posture.score')).toBe('up');
    expect(metricDirection('scan.success_rate')).toBe('up');
    expect(metricDirection('classification.coverage')).toBe('up');
    expect(metricDirection('findings.open')).toBe('down');
    expect(metricDirection('findings.sla_breaches')).toBe('down');
    expect(metricDirection('workflow.duration_p95')).toBe('down');
    expect(metricDirection('scan.freshness')).toBe('down');
    expect(metricDirection('sensitive.columns')).toBe('neutral');
    expect(metricDirection('activity.volume')).toBe('neutral');
  });
});

describe('typesForShape', () => {
  it('maps the catalogue shapes to widget types', () => {
    expect(typesForShape('list', 'insights.open')).toEqual(['insights']);
    expect(typesForShape('list', 'findings.attention')).toEqual(['findings', 'table']);
    expect(typesForShape('donut', 'sensitive.columns')).toEqual(['donut']);
  });
});

describe('axisDate', () => {
  it('reads the epoch milliseconds chart rows carry', async () => {
    const { axisDate } = await import('./format');
    expect(axisDate(Date.UTC(2026, 11, 1, 12), 'day')).toMatch(/^Dec \d+$/);
  });
});
