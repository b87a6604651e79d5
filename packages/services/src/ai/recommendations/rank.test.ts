import { describe, expect, it } from 'vitest';
import { acceptanceRate, scoreOf } from './rank';

describe('acceptance rate (Beta(1,1) mean)', () => {
  it('is one half with no feedback and moves by the rule of succession', () => {
    expect(acceptanceRate({ accepted: 0, dismissed: 0 })).toBe(0.5);
    expect(acceptanceRate({ accepted: 0, dismissed: 1 })).toBeCloseTo(1 / 3);
    expect(acceptanceRate({ accepted: 3, dismissed: 1 })).toBeCloseTo(4 / 6);
    expect(acceptanceRate({ accepted: 0, dismissed: 8 })).toBeCloseTo(0.1);
  });
});

describe('score', () => {
  it('is base × rate × (0.5 + 0.5 × urgency)', () => {
    expect(scoreOf('finding_due', 1, 0.5)).toBe(0.5);
    expect(scoreOf('labels_to_review', 0, 0.5)).toBe(0.1);
    expect(scoreOf('pii_unowned', 2, 0.5)).toBe(0.4); // urgency is clamped
  });
  it('lets a dismissed type sink below one with a lower base priority', () => {
    const dismissed = acceptanceRate({ accepted: 0, dismissed: 6 }); // 1/8: 1 × 0.125 × 1 < 0.4 × 0.5 × 0.75
    expect(scoreOf('finding_due', 1, dismissed)).toBeLessThan(scoreOf('labels_to_review', 0.5, 0.5));
  });
});
