import { describe, expect, it } from 'vitest';
import { approvalOutcome } from '../task-outcome';
import { formatDuration } from './approval';
import { matchesLabels } from './assets';
import { signBody } from './notify';

describe('step helpers', () => {
  it('says a timeout in words', () => {
    expect([1_000, 60_000, 90_000, 3_600_000, 7_200_000, 86_400_000, 3 * 86_400_000, 1_500].map(formatDuration)).toEqual(['1 second', '1 minute', '90 seconds', '1 hour', '2 hours', '1 day', '3 days', '2 seconds']);
  });

  it('matches labels exactly or by prefix', () => {
    expect(matchesLabels(['PII.Email'], undefined)).toBe(true);
    expect(matchesLabels(['PII.Email'], ['PII.*'])).toBe(true);
    expect(matchesLabels(['PII.Email'], ['PII.'])).toBe(true);
    expect(matchesLabels(['PCI.CardNumber'], ['PII.*'])).toBe(false);
    expect(matchesLabels(['PII.Email'], ['PII.Phone', 'PII.Email'])).toBe(true);
    expect(matchesLabels([], ['PII.*'])).toBe(false);
  });

  it('turns a decision into the step’s outcome', () => {
    const decider = { id: 'u1', name: 'Ada' };
    expect(approvalOutcome({ approved: true, onReject: 'fail', decider, comment: null, taskId: 't' })).toEqual({ output: { approved: true, decidedBy: 'Ada', decidedById: 'u1', comment: '', taskId: 't' } });
    expect(approvalOutcome({ approved: false, onReject: 'fail', decider, comment: 'too early', taskId: 't' })).toEqual({ error: 'Rejected by Ada: too early' });
    expect(approvalOutcome({ approved: false, onReject: 'fail', decider, comment: ' ', taskId: 't' })).toEqual({ error: 'Rejected by Ada: no comment given' });
    expect(approvalOutcome({ approved: false, onReject: 'continue', decider, comment: null, taskId: 't' })).toMatchObject({ output: { approved: false } });
  });

  it('signs a body as sha256=<hex HMAC>', () => {
    // RFC 4231 test case 2.
    expect(signBody('Jefe', 'what do ya want for nothing?')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});
