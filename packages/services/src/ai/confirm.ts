/**
 * ai.confirm: the asker approves or declines a write tool call an engine
 * proposed. Approved, the tool runs now, as the asker, with their current
 * permissions (runTool checks them again); the answer is continued with
 * what happened. The decision and its outcome are one audited change.
 */
import type { Prisma } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import type { AccessChecker } from '../rbac/resolve';
import { messageSelect, requireUser, toMessageView } from './conversations';
import type { confirmInput } from './schemas';
import { runTool } from './tools/index';
import type { PageContext, ToolCallRecord } from './types';

/** The sentence the answer is continued with: from the tool's real output. */
export function confirmationText(call: ToolCallRecord): string {
  if (call.status === 'declined') return `You declined ${call.tool}; nothing was run.`;
  if (call.status === 'failed') return `${call.tool} did not run: ${call.error ?? 'no reason given'}.`;
  const out = (call.output ?? {}) as { scan?: string; source?: string; runId?: string; workflow?: string; executionId?: string; status?: string };
  if (call.tool === 'start_scan') return `Started scan “${out.scan}” of ${out.source}: run ${out.runId} is ${out.status}.`;
  if (call.tool === 'start_workflow') return `Started workflow “${out.workflow}”: execution ${out.executionId} is ${out.status}.`;
  return `${call.tool} ran.`;
}

export async function confirmToolCall(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof confirmInput>) {
  const userId = requireUser(actor);
  const message = await deps.db.aiMessage.findFirst({
    where: { id: input.messageId, role: 'assistant', conversation: { userId } },
    select: { id: true, toolCalls: true, content: true, conversation: { select: { context: true } } },
  });
  if (!message) throw notFound('Message', input.messageId);
  const calls = (Array.isArray(message.toolCalls) ? message.toolCalls : []) as unknown as ToolCallRecord[];
  const pending = calls.find((c) => c.id === input.callId);
  if (!pending) throw new AppError('NOT_FOUND', `Call ${input.callId} is not part of message ${input.messageId}`);
  if (pending.status !== 'awaiting_confirmation') throw new AppError('CONFLICT', `Call ${input.callId} is already ${pending.status}`);
  const page = (message.conversation.context ?? {}) as PageContext;
  // Claim the call under the row lock first, so two clicks never both run it.
  await deps.db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ toolCalls: unknown }[]>`SELECT "toolCalls" FROM "AiMessage" WHERE id = ${message.id} FOR UPDATE`;
    const current = (Array.isArray(row?.toolCalls) ? row.toolCalls : []) as ToolCallRecord[];
    const status = current.find((c) => c.id === pending.id)?.status;
    if (status !== 'awaiting_confirmation') throw new AppError('CONFLICT', `Call ${input.callId} is already ${status ?? 'gone'}`);
    const claimed = current.map((c) => (c.id === pending.id ? { ...c, status: 'running' as const } : c));
    await tx.aiMessage.update({ where: { id: message.id }, data: { toolCalls: claimed as unknown as Prisma.InputJsonArray } });
  });
  const outcome: ToolCallRecord = input.approve
    ? await runTool({ deps, actor, access, page }, pending.tool, pending.input, { confirmed: true, id: pending.id })
    : { ...pending, status: 'declined' };
  const sentence = confirmationText(outcome);
  return mutate(
    deps,
    actor,
    { type: input.approve ? 'ai.tool.confirmed' : 'ai.tool.declined', category: 'execution', sourceGroup: 'ai', action: input.approve ? 'confirm' : 'decline', resourceType: 'aiMessage', resourceId: message.id },
    async (tx) => {
      const [row] = await tx.$queryRaw<{ toolCalls: unknown; content: string }[]>`SELECT "toolCalls", content FROM "AiMessage" WHERE id = ${message.id} FOR UPDATE`;
      const current = (Array.isArray(row?.toolCalls) ? row.toolCalls : []) as ToolCallRecord[];
      const next = current.map((c) => (c.id === pending.id ? outcome : c));
      const content = row?.content ? `${row.content}\n\n${sentence}` : sentence;
      const updated = await tx.aiMessage.update({
        where: { id: message.id },
        data: { toolCalls: next as unknown as Prisma.InputJsonArray, content },
        select: messageSelect,
      });
      return {
        result: { call: outcome, text: sentence, message: toMessageView(updated) },
        before: { status: 'awaiting_confirmation' },
        after: { status: outcome.status, ...(outcome.error ? { error: outcome.error } : {}) },
        details: { tool: pending.tool, input: pending.input as Record<string, unknown>, callId: pending.id },
      };
    },
  );
}
