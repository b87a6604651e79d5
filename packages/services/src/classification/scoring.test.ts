import { describe, expect, it } from 'vitest';
import { detectorPrecision, precisionAdjustment, precisionTable, priorMean, recordFeedback } from './precision';
import { logit, sigmoid, wilsonLowerBound } from './scoring';

describe('wilsonLowerBound', () => {
  it('shrinks small samples and approaches the rate for large ones', () => {
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(10, 10)).toBeCloseTo(0.787, 2);
    expect(wilsonLowerBound(100, 100)).toBeCloseTo(0.974, 2);
    expect(wilsonLowerBound(50, 100)).toBeCloseTo(0.418, 2);
    expect(wilsonLowerBound(0, 100)).toBe(0);
    expect(wilsonLowerBound(90, 100)).toBeLessThan(0.9);
  });

  it('logit and sigmoid are inverses', () => {
    for (const p of [0.01, 0.3, 0.5, 0.8, 0.99]) expect(sigmoid(logit(p))).toBeCloseTo(p, 10);
  });
});

describe('precision from feedback (Beta prior)', () => {
  it('starts at the prior mean and moves with evidence', () => {
    expect(priorMean()).toBe(0.8);
    expect(detectorPrecision({ accepted: 0, rejected: 0 })).toBe(0.8);
    expect(detectorPrecision({ accepted: 0, rejected: 1 })).toBeCloseTo(8 / 11, 10);
    expect(detectorPrecision({ accepted: 0, rejected: 20 })).toBeCloseTo(8 / 30, 10);
    expect(detectorPrecision({ accepted: 90, rejected: 0 })).toBeCloseTo(98 / 100, 10);
    expect(detectorPrecision({ accepted: 3, rejected: 1 }, { alpha: 1, beta: 1 })).toBeCloseTo(4 / 6, 10);
  });

  it('turns precision into a bounded log-odds adjustment', () => {
    expect(precisionAdjustment(0.8)).toBeCloseTo(0, 10);
    expect(precisionAdjustment(0.4)).toBeLessThan(-1.5);
    expect(precisionAdjustment(0.01)).toBe(-3);
    expect(precisionAdjustment(0.999)).toBe(1);
  });

  it('tables and records feedback', () => {
    let fb = recordFeedback({}, 'PII.Email', 'accepted');
    fb = recordFeedback(fb, 'PII.Email', 'rejected');
    fb = recordFeedback(fb, 'PII.Email', 'rejected');
    expect(fb['PII.Email']).toEqual({ accepted: 1, rejected: 2 });
    expect(precisionTable(fb)['PII.Email']).toBeCloseTo(9 / 13, 10);
  });
});
