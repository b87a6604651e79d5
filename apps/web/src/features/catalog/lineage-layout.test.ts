import { describe, expect, it } from 'vitest';
import { edgeKey, layoutLineage, NODE_HEIGHT, NODE_WIDTH } from './lineage-layout';

describe('lineage layout', () => {
  it('puts upstream assets left of downstream ones', () => {
    const { positions: pos } = layoutLineage(['orders', 'customers', 'warehouse'], [
      { from: 'customers', to: 'orders' },
      { from: 'orders', to: 'warehouse' },
    ]);
    expect(pos.get('customers')!.x).toBeLessThan(pos.get('orders')!.x);
    expect(pos.get('orders')!.x).toBeLessThan(pos.get('warehouse')!.x);
  });

  it('keeps siblings of one rank from overlapping', () => {
    const { positions: pos } = layoutLineage(['root', 'a', 'b', 'c'], [
      { from: 'root', to: 'a' },
      { from: 'root', to: 'b' },
      { from: 'root', to: 'c' },
    ]);
    const ys = ['a', 'b', 'c'].map((id) => pos.get(id)!.y).sort((x, y) => x - y);
    expect(new Set(['a', 'b', 'c'].map((id) => pos.get(id)!.x)).size).toBe(1);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(NODE_HEIGHT);
    expect(ys[2]! - ys[1]!).toBeGreaterThanOrEqual(NODE_HEIGHT);
    expect(pos.get('a')!.x - pos.get('root')!.x).toBeGreaterThanOrEqual(NODE_WIDTH);
  });

  it('routes an edge that skips a rank around the asset in between', () => {
    const { positions, bends } = layoutLineage(['a', 'b', 'c'], [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'a', to: 'c' },
    ]);
    const b = positions.get('b')!;
    const around = bends.get(edgeKey('a', 'c'))!;
    expect(around.length).toBeGreaterThan(0);
    // Where it passes b's rank, it is above or below b, not through it.
    const atB = around.filter((p) => p.x >= b.x && p.x <= b.x + NODE_WIDTH);
    expect(atB.length).toBeGreaterThan(0);
    for (const p of atB) expect(p.y < b.y || p.y > b.y + NODE_HEIGHT).toBe(true);
  });

  it('places every node, ignoring edges to assets outside the graph', () => {
    const { positions: pos } = layoutLineage(['x'], [{ from: 'x', to: 'gone' }]);
    expect([...pos.keys()]).toEqual(['x']);
  });
});
