/**
 * What an approval decision makes of its step: the same answer whether the
 * decision completes the waiting step (tasks.ts) or the step reads the
 * decided task when it wakes (steps/approval.ts).
 */
export type OnReject = 'fail' | 'continue';

export function approvalOutcome(p: { approved: boolean; onReject: OnReject; decider: { id: string; name: string }; comment: string | null; taskId: string }): { output: Record<string, unknown> } | { error: string } {
  const output = { approved: p.approved, decidedBy: p.decider.name, decidedById: p.decider.id, comment: p.comment ?? '', taskId: p.taskId };
  if (p.approved || p.onReject === 'continue') return { output };
  return { error: `Rejected by ${p.decider.name}: ${p.comment?.trim() || 'no comment given'}` };
}
