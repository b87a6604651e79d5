import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff';

const policy = { backoffMs: 1000, maxBackoffMs: 10_000, jitter: 0 };

describe('backoffDelayMs', () => {
  it('doubles per failed attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(policy, n))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
  it('spreads by ± jitter around the base', () => {
    const p = { ...policy, jitter: 0.2 };
    expect(backoffDelayMs(p, 2, () => 0)).toBe(1600);
    expect(backoffDelayMs(p, 2, () => 1)).toBe(2400);
    expect(backoffDelayMs(p, 2, () => 0.5)).toBe(2000);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelayMs(p, 3);
      expect(d).toBeGreaterThanOrEqual(3200);
      expect(d).toBeLessThanOrEqual(4800);
    }
  });
  it('never exceeds the cap, even with jitter, and stays finite for huge attempts', () => {
    expect(backoffDelayMs({ ...policy, jitter: 1 }, 10, () => 1)).toBe(10_000);
    expect(backoffDelayMs(policy, 5000)).toBe(10_000);
    expect(backoffDelayMs({ backoffMs: 0, maxBackoffMs: 0, jitter: 0.5 }, 3)).toBe(0);
  });
});
