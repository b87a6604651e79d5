import { describe, expect, it } from 'vitest';
import { firstFreeSlot } from './placement';

describe('firstFreeSlot', () => {
  it('starts at the top left of an empty grid', () => {
    expect(firstFreeSlot([], 3, 2)).toEqual({ x: 0, y: 0 });
  });

  it('fills the space to the right of a narrow widget before going below it', () => {
    expect(firstFreeSlot([{ x: 0, y: 0, w: 3, h: 2 }], 6, 4)).toEqual({ x: 3, y: 0 });
  });

  it('goes below when the row has no room for the width', () => {
    expect(firstFreeSlot([{ x: 0, y: 0, w: 8, h: 2 }], 6, 2)).toEqual({ x: 0, y: 2 });
  });

  it('uses a hole left between widgets when the widget fits in it', () => {
    const widgets = [
      { x: 0, y: 0, w: 4, h: 4 },
      { x: 8, y: 0, w: 4, h: 4 },
    ];
    expect(firstFreeSlot(widgets, 4, 4)).toEqual({ x: 4, y: 0 });
    expect(firstFreeSlot(widgets, 5, 4)).toEqual({ x: 0, y: 4 });
  });
});
