import { describe, expect, it } from 'vitest';
import { crossing, ewmaBand, holt, holtForecast, mad, median, robustZ, stdDev } from './stats';

describe('median and MAD', () => {
  it('takes the middle, or the mean of the two middles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('MAD ignores the outlier: |1,2,3,4,100 − 3| = 2,1,0,1,97 → median 1', () => {
    expect(mad([1, 2, 3, 4, 100])).toBe(1);
  });
});

describe('robust z', () => {
  it('(10 − 3) / (1.4826 · 1) = 4.7214', () => {
    const r = robustZ(10, [1, 2, 3, 4, 100]);
    expect(r.median).toBe(3);
    expect(r.z).toBeCloseTo(4.721437, 5);
    expect(r.floored).toBe(false);
  });
  it('a flat baseline uses the floor of one unit instead of dividing by zero', () => {
    const r = robustZ(40, [1, 1, 1, 1]);
    expect(r).toMatchObject({ median: 1, mad: 0, scale: 1, floored: true });
    expect(r.z).toBe(39);
  });
  it('a flat baseline of large values floors at 10% of the median', () => {
    expect(robustZ(600, [500, 500, 500, 500, 500]).z).toBe(2);
  });
});

describe('EWMA band', () => {
  it('α = 0.5 over 10, 20, 10: s = 10, 15, 12.5; residuals 10, −5 → σ 7.5; band 12.5 ± 22.5', () => {
    const b = ewmaBand([10, 20, 10], 0.5, 3);
    expect(b.smoothed).toEqual([10, 15, 12.5]);
    expect(b.sigma).toBe(7.5);
    expect(b.lower).toBe(-10);
    expect(b.upper).toBe(35);
  });
  it('population σ', () => {
    expect(stdDev([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
  });
});

describe('Holt', () => {
  it('α = β = 0.5 over 10, 12, 15, 17 by hand: ℓ 16.875, b 2.3125, residuals 1 and 0.25', () => {
    const fit = holt([10, 12, 15, 17], 0.5, 0.5);
    expect(fit.level).toBe(16.875);
    expect(fit.trend).toBe(2.3125);
    expect(fit.sigma).toBeCloseTo(Math.sqrt(0.53125), 10);
    expect(fit.fitted).toEqual([10, 12, 14, 16.75]);
    const f = holtForecast(fit, 4);
    expect(f.value).toBe(26.125);
    expect(f.upper - f.value).toBeCloseTo(1.96 * Math.sqrt(0.53125) * 2, 10);
  });
  it('crosses 30 upward after 13.125 / 2.3125 = 5.68 steps, so not within a horizon of 5', () => {
    const fit = holt([10, 12, 15, 17], 0.5, 0.5);
    expect(crossing(fit, 30, 10)).toEqual({ h: 13.125 / 2.3125, direction: 'above' });
    expect(crossing(fit, 30, 5)).toBeNull();
  });
  it('a steady fall of 2 a step from 84 reaches 80 in 2 steps; a threshold already passed is no forecast', () => {
    const fit = holt([90, 88, 86, 84], 0.5, 0.5);
    expect(fit).toMatchObject({ level: 84, trend: -2, sigma: 0 });
    expect(crossing(fit, 80, 60)).toEqual({ h: 2, direction: 'below' });
    expect(crossing(fit, 90, 60)).toBeNull();
  });
  it('a flat series never crosses', () => {
    expect(crossing(holt([5, 5, 5], 0.5, 0.5), 1, 100)).toBeNull();
  });
});
