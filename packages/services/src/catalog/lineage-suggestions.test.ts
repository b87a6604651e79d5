import { describe, expect, it } from 'vitest';
import { lineageSuggestions } from './lineage-suggestions';

const labels: Record<string, string[]> = { a: ['PII.Email', 'PII.Phone'], b: ['PII.Email'], c: [], d: ['PCI.CardNumber'] };
const of = (id: string) => labels[id];

describe('lineage label suggestions', () => {
  it('suggests downstream labels the target lacks, and nothing on edges that do not propagate', () => {
    expect(lineageSuggestions([{ id: 'e1', from: 'a', to: 'b', propagation: 'downstream' }], of)).toEqual([{ assetId: 'b', label: 'PII.Phone', fromAssetId: 'a', viaEdgeId: 'e1' }]);
    expect(lineageSuggestions([{ id: 'e1', from: 'a', to: 'c', propagation: 'none' }], of)).toEqual([]);
  });

  it('goes both ways on "both" edges, but never upstream on "downstream" ones', () => {
    expect(lineageSuggestions([{ id: 'e2', from: 'b', to: 'd', propagation: 'downstream' }], of).map((s) => [s.assetId, s.label])).toEqual([['d', 'PII.Email']]);
    expect(lineageSuggestions([{ id: 'e2', from: 'b', to: 'd', propagation: 'both' }], of).map((s) => [s.assetId, s.label])).toEqual([
      ['d', 'PII.Email'],
      ['b', 'PCI.CardNumber'],
    ]);
  });

  it('skips labels rejected on the target, hidden ends, and repeats through a second edge', () => {
    const rejected = (id: string) => new Set(id === 'c' ? ['PII.Phone'] : []);
    const edges = [
      { id: 'e1', from: 'a', to: 'c', propagation: 'downstream' as const },
      { id: 'e3', from: 'b', to: 'c', propagation: 'downstream' as const },
      { id: 'e4', from: 'hidden', to: 'c', propagation: 'both' as const },
    ];
    expect(lineageSuggestions(edges, of, rejected)).toEqual([{ assetId: 'c', label: 'PII.Email', fromAssetId: 'a', viaEdgeId: 'e1' }]);
  });
});
