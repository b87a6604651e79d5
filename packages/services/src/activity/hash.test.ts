import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { activityHash, canonicalJson, contentHash, GENESIS_HASH, linkHash, type HashedFields } from './hash';

const row: HashedFields & { id: bigint } = {
  id: 7n,
  occurredAt: new Date('2026-11-25T10:00:00.000Z'),
  type: 'workspace.created',
  category: 'configuration',
  sourceGroup: 'workspace',
  targetGroup: null,
  action: 'create',
  resourceType: 'workspace',
  resourceId: 'w1',
  actorId: 'u1',
  actorType: 'user',
  workspaceId: 'w1',
  status: 'success',
  durationMs: 12,
  details: { b: 1, a: { d: [1, 2], c: 'x' } },
  before: null,
  after: { name: 'Ops' },
  complianceRelevant: false,
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: undefined, b: [{ z: 1, y: 2 }] } })).toBe('{"a":{"b":[{"y":2,"z":1}],"d":2},"b":1}');
  });
  it('is the same whatever order jsonb returns keys in', () => {
    expect(canonicalJson({ x: 1, y: { q: 1, p: 2 } })).toBe(canonicalJson({ y: { p: 2, q: 1 }, x: 1 }));
  });
});

describe('activityHash', () => {
  const base = activityHash(GENESIS_HASH, row);
  it('is a sha256 hex digest, stable for the same input', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(activityHash(GENESIS_HASH, { ...row, details: { a: { c: 'x', d: [1, 2] }, b: 1 } })).toBe(base);
  });
  it.each([
    ['type', { type: 'workspace.deleted' }],
    ['actor', { actorId: 'u2' }],
    ['time', { occurredAt: new Date('2026-11-25T10:00:00.001Z') }],
    ['details', { details: { b: 2, a: { d: [1, 2], c: 'x' } } }],
    ['id', { id: 8n }],
    ['status', { status: 'failure' }],
  ])('changes when the %s changes', (_, change) => {
    expect(activityHash(GENESIS_HASH, { ...row, ...change })).not.toBe(base);
  });
  it('depends on the previous hash, chaining rows', () => {
    expect(activityHash('f'.repeat(64), row)).not.toBe(base);
  });
});

describe('activityHash on a row read back from the database', () => {
  it('ignores the row’s own hash fields', () => {
    const hash = activityHash(GENESIS_HASH, row);
    expect(activityHash(GENESIS_HASH, { ...row, prevHash: GENESIS_HASH, hash } as HashedFields & { id: bigint })).toBe(hash);
  });
  it('links exactly as the database function does: sha256(prev:id:content)', () => {
    const content = contentHash(row);
    const expected = createHash('sha256').update(`${GENESIS_HASH}:7:${content}`).digest('hex');
    expect(linkHash(GENESIS_HASH, 7n, content)).toBe(expected);
    expect(activityHash(GENESIS_HASH, row)).toBe(expected);
  });
});
