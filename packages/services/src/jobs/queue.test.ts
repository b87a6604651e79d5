import { describe, expect, it } from 'vitest';
import { isRoutineCompletion } from './queue';

describe('worker log', () => {
  it('keeps quiet about housekeeping ticks that succeeded, not about real jobs or failures', () => {
    expect(isRoutineCompletion('Completed task 16 (workflow:events, 66.16ms) with success')).toBe(true);
    expect(isRoutineCompletion('Completed task 3 (scan:tick, 2ms) with success')).toBe(true);
    expect(isRoutineCompletion('Completed task 9 (scan:run, 1200ms) with success')).toBe(false);
    expect(isRoutineCompletion('Completed task 9 (workflow:step, 12ms) with success')).toBe(false);
    expect(isRoutineCompletion("Failed task 160 (workflow:events, 10ms, attempt 1 of 25) with error 'x'")).toBe(false);
  });
});
