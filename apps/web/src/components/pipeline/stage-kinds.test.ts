import { describe, expect, it } from 'vitest';
import { newStage } from './stage-kinds';

describe('newStage', () => {
  it('takes the kind as its id, numbered when the kind is already used', () => {
    expect(newStage('quality', ['ingest']).id).toBe('quality');
    expect(newStage('quality', ['quality', 'quality-2']).id).toBe('quality-3');
  });

  it('starts with the schema defaults and no settings', () => {
    expect(newStage('publish', [])).toEqual({
      id: 'publish',
      kind: 'publish',
      concurrency: 2,
      batchSize: 10,
      maxAttempts: 3,
      config: {},
    });
  });
});
