import { describe, expect, it } from 'vitest';
import { standingOf } from './attestation-standing';

const day = 86_400_000;
const t0 = new Date('2026-01-01T00:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * day);

describe('standingOf', () => {
  const policy = { version: 2, graceDays: 7, publishedAt: t0 };

  it('is due from publication, overdue after the grace days, without an attestation', () => {
    expect(standingOf(policy, null, at(3)).standing).toBe('due');
    expect(standingOf(policy, null, at(7)).standing).toBe('overdue');
    expect(standingOf({ ...policy, graceDays: 0 }, null, at(0)).standing).toBe('overdue');
  });

  it('is done until the attestation is due again, then due, then overdue', () => {
    const last = { policyVersion: 2, attestedAt: at(1), dueAt: at(31) };
    expect(standingOf(policy, last, at(30)).standing).toBe('done');
    expect(standingOf(policy, last, at(31)).standing).toBe('due');
    expect(standingOf(policy, last, at(38))).toMatchObject({ standing: 'overdue', overdueAt: at(38) });
  });

  it('does not count an attestation of an older version', () => {
    expect(standingOf(policy, { policyVersion: 1, attestedAt: at(1), dueAt: at(365) }, at(10)).standing).toBe('overdue');
  });
});
