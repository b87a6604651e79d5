/**
 * Where a new widget goes: the first free spot on the 12-column grid, read
 * row by row from the top, so widgets fill the space beside others instead of
 * stacking in one column at the left.
 */
import type { Widget } from './types';

const columns = 12;

type Box = Pick<Widget, 'x' | 'y' | 'w' | 'h'>;

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export function firstFreeSlot(widgets: readonly Box[], w: number, h: number): { x: number; y: number } {
  const width = Math.min(Math.max(1, w), columns);
  const bottom = widgets.reduce((max, b) => Math.max(max, b.y + b.h), 0);
  for (let y = 0; y <= bottom; y++) {
    for (let x = 0; x + width <= columns; x++) {
      const box = { x, y, w: width, h };
      if (!widgets.some((b) => overlaps(box, b))) return { x, y };
    }
  }
  return { x: 0, y: bottom };
}
