import { describe, expect, it } from 'vitest';
import { decay, EVIDENCE_WEIGHTS, evidencePoints, HALF_LIFE_DAYS, rankExperts, type Evidence } from './experts-score';

const now = new Date('2026-12-01T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const e = (userId: string, kind: Evidence['kind'], days: number, example = `${kind} ${days}`): Evidence => ({ userId, kind, at: daysAgo(days), example });

describe('expert scoring', () => {
  it('halves a piece of evidence every half-life and never inflates future-dated ones', () => {
    expect(decay(0)).toBe(1);
    expect(decay(HALF_LIFE_DAYS * 86_400_000)).toBeCloseTo(0.5);
    expect(decay(2 * HALF_LIFE_DAYS * 86_400_000)).toBeCloseTo(0.25);
    expect(decay(-86_400_000)).toBe(1);
  });

  it('keeps standing roles (owner, steward, term owner) at full weight however old', () => {
    expect(evidencePoints({ kind: 'owner', at: daysAgo(900) }, now)).toBe(EVIDENCE_WEIGHTS.owner);
    expect(evidencePoints({ kind: 'reviewed', at: daysAgo(90) }, now)).toBeCloseTo(EVIDENCE_WEIGHTS.reviewed / 2);
  });

  it('ranks recent, weighty work above a pile of old comments, and says why', () => {
    const evidence = [
      ...Array.from({ length: 14 }, (_, i) => e('ann', 'reviewed', 3 + i)),
      e('ann', 'curated', 10, 'main.app.customers'),
      ...Array.from({ length: 20 }, (_, i) => e('bob', 'commented', 400 + i)),
      e('bob', 'curated', 1, 'main.app.orders'),
    ];
    const [first, second] = rankExperts(evidence, now, 10);
    expect(first!.userId).toBe('ann');
    expect(second!.userId).toBe('bob');
    const reviewed = first!.reasons[0]!;
    expect(reviewed).toMatchObject({ kind: 'reviewed', count: 14, example: 'reviewed 3' });
    expect(reviewed.lastAt).toEqual(daysAgo(3));
    // The score is the sum of the reasons' points.
    expect(first!.score).toBeCloseTo(first!.reasons.reduce((s, r) => s + r.points, 0), 1);
    // Bob's comments are over four half-lives old: each is worth ~1/20 of a fresh one.
    const comments = second!.reasons.find((r) => r.kind === 'commented')!;
    expect(comments.count).toBe(20);
    expect(comments.points).toBeLessThan(20 * EVIDENCE_WEIGHTS.commented * 0.06);
  });

  it('limits the list, and breaks ties by the most recent evidence', () => {
    const ranked = rankExperts([e('old', 'owner', 300), e('new', 'owner', 2), e('third', 'curated', 0)], now, 2);
    expect(ranked.map((r) => r.userId)).toEqual(['new', 'old']);
  });

  it('returns nobody without evidence', () => {
    expect(rankExperts([], now, 5)).toEqual([]);
  });
});
