import { describe, expect, it } from 'vitest';
import { formatMetric, isImprovement } from './format';
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

describe('isImprovement', () => {
  it('reads a change against the direction the catalogue declares better', () => {
    expect(isImprovement(2, 'up')).toBe(true);
    expect(isImprovement(-2, 'up')).toBe(false);
    expect(isImprovement(-3, 'down')).toBe(true);
    expect(isImprovement(3, 'down')).toBe(false);
  });

  it('has no opinion on volumes, on no change, or without an earlier value', () => {
    expect(isImprovement(40, 'neither')).toBeNull();
    expect(isImprovement(-40, 'neither')).toBeNull();
    expect(isImprovement(0, 'up')).toBeNull();
    expect(isImprovement(null, 'down')).toBeNull();
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
