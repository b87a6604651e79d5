import { describe, expect, it } from 'vitest';
import { applyReview, feedbackDelta, initialState, planRescan, suppressedLabels } from './lifecycle';
import { classificationEvidenceSchema, reviewClassificationInput } from './schemas';
import { classify, col, generate } from './testing';

const emails = generate(50, (i) => `p${i}@example.com`);

describe('classification lifecycle', () => {
  it('stores fresh suggestions as suggested or auto_accepted', () => {
    const [auto] = classify(col('email', 'string'), emails, { autoAcceptThreshold: 0.9 });
    const [manual] = classify(col('email', 'string'), emails);
    expect(initialState(auto!)).toBe('auto_accepted');
    expect(initialState(manual!)).toBe('suggested');
  });

  it('a person accepts or rejects, and may change their mind', () => {
    expect(applyReview('suggested', 'accept')).toBe('accepted');
    expect(applyReview('suggested', 'reject')).toBe('rejected');
    expect(applyReview('auto_accepted', 'reject')).toBe('rejected');
    expect(applyReview('rejected', 'accept')).toBe('accepted');
  });

  it('counts feedback once per decision, and moves it when a decision is reversed', () => {
    expect(feedbackDelta('suggested', 'accept')).toEqual({ accepted: 1, rejected: 0 });
    expect(feedbackDelta('auto_accepted', 'reject')).toEqual({ accepted: 0, rejected: 1 });
    expect(feedbackDelta('accepted', 'accept')).toEqual({ accepted: 0, rejected: 0 });
    expect(feedbackDelta('accepted', 'reject')).toEqual({ accepted: -1, rejected: 1 });
    expect(feedbackDelta('rejected', 'accept')).toEqual({ accepted: 1, rejected: -1 });
  });

  it('a rejected label is not suggested again on a rescan of the same column', () => {
    const existing = [
      { label: 'PII.Email', state: 'rejected' as const },
      { label: 'PII.PersonName', state: 'suggested' as const },
    ];
    const suppressed = suppressedLabels(existing);
    expect([...suppressed]).toEqual(['PII.Email']);
    expect(classify(col('email', 'string'), emails, { suppressed })).toEqual([]);
  });

  it('plans a rescan: create new, refresh pending, keep decisions, withdraw stale pending labels', () => {
    const [email] = classify(col('email', 'string'), emails);
    const existing = [
      { label: 'PII.PersonName', state: 'suggested' as const },
      { label: 'PII.Phone', state: 'accepted' as const },
      { label: 'PCI.CardNumber', state: 'rejected' as const },
    ];
    const plan = planRescan(existing, [email!]);
    expect(plan.create.map((s) => s.label)).toEqual(['PII.Email']);
    expect(plan.withdraw).toEqual(['PII.PersonName']);
    expect(plan.refresh).toEqual([]);
    expect(plan.confirmed).toEqual([]);
    const again = planRescan([{ label: 'PII.Email', state: 'auto_accepted' }], [email!]);
    expect(again.refresh.map((s) => s.label)).toEqual(['PII.Email']);
    const rejected = planRescan([{ label: 'PII.Email', state: 'rejected' }], [email!]);
    expect(rejected).toEqual({ create: [], refresh: [], confirmed: [], withdraw: [] });
  });

  it('evidence survives a JSON round trip through its schema', () => {
    const [s] = classify(col('email', 'string'), emails);
    const stored = JSON.parse(JSON.stringify(s!.evidence)) as unknown;
    expect(classificationEvidenceSchema.parse(stored)).toEqual(s!.evidence);
    expect(reviewClassificationInput.safeParse({ classificationId: 'c1', decision: 'maybe' }).success).toBe(false);
  });
});
