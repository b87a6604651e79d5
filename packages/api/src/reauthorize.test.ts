import { describe, expect, it } from 'vitest';
import { reauthorizing } from './reauthorize';

/** A source that yields `items` with `gapMs` between them, and records whether it was told to stop. */
function source(items: number[], gapMs: number) {
  const state = { returned: false };
  async function* gen() {
    try {
      for (const i of items) {
        await new Promise((r) => setTimeout(r, gapMs));
        yield i;
      }
    } finally {
      state.returned = true;
    }
  }
  return { gen: gen(), state };
}

describe('reauthorizing', () => {
  it('passes every item through in order and rechecks on schedule, also while no item flows', async () => {
    const { gen } = source([1, 2, 3], 120);
    let checks = 0;
    const got: number[] = [];
    for await (const x of reauthorizing(gen, async () => void checks++, 50)) got.push(x);
    expect(got).toEqual([1, 2, 3]);
    // ~360 ms of iteration at one check per 50 ms, each gap of 120 ms holding two.
    expect(checks).toBeGreaterThanOrEqual(5);
  });

  it('ends with the recheck’s error and tells the source to stop', async () => {
    const { gen, state } = source([1, 2, 3, 4, 5], 100);
    let checks = 0;
    const got: number[] = [];
    const run = (async () => {
      for await (const x of reauthorizing(gen, async () => {
        if (++checks === 3) throw new Error('refused');
      }, 60))
        got.push(x);
    })();
    await expect(run).rejects.toThrow('refused');
    expect(got.length).toBeLessThan(5);
    await expect.poll(() => state.returned, { timeout: 1000 }).toBe(true);
  });

  it('does not recheck when the first item comes before the check is due', async () => {
    const { gen } = source([1], 5);
    let checks = 0;
    for await (const _ of reauthorizing(gen, async () => void checks++, 10_000)) void _;
    expect(checks).toBe(0);
  });
});
