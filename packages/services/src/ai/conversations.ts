/**
 * Conversations: persisted per user, each message with the tool calls it
 * made. Only their owner reads, continues, renames or deletes them; anyone
 * else gets the same NOT_FOUND as for a conversation that does not exist.
 */
import type { Prisma } from '@racine/db';
import type { z } from 'zod';
import { type Actor, actorUserId } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import type { listConversationsInput, renameConversationInput } from './schemas';
import type { AnswerLink, AskInput, PageContext, ToolCallRecord } from './types';

/** How many earlier messages an engine is given when a conversation continues. */
export const HISTORY_MESSAGES = 20;
const TITLE_CHARS = 80;

export function requireUser(actor: Actor): string {
  const userId = actorUserId(actor);
  if (!userId) throw new AppError('BAD_REQUEST', 'The assistant answers people, not the system');
  return userId;
}

export const messageSelect = { id: true, seq: true, role: true, content: true, mode: true, toolCalls: true, links: true, suggestions: true, status: true, createdAt: true } satisfies Prisma.AiMessageSelect;
type MessageRow = Prisma.AiMessageGetPayload<{ select: typeof messageSelect }>;

export const toMessageView = (m: MessageRow) => ({
  id: m.id,
  seq: m.seq.toString(),
  role: m.role as 'user' | 'assistant',
  content: m.content,
  mode: m.mode as 'builtin' | 'model',
  toolCalls: (Array.isArray(m.toolCalls) ? m.toolCalls : []) as unknown as ToolCallRecord[],
  /** null on answers stored before links were kept: the client reads them back from the tool outputs. */
  links: Array.isArray(m.links) ? (m.links as unknown as AnswerLink[]) : null,
  suggestions: m.suggestions,
  status: m.status as 'complete' | 'streaming' | 'error',
  createdAt: m.createdAt,
});
export type AiMessageView = ReturnType<typeof toMessageView>;

async function ownConversation(deps: ServiceDeps, userId: string, id: string) {
  const c = await deps.db.aiConversation.findFirst({ where: { id, userId }, select: { id: true, title: true, context: true, createdAt: true, updatedAt: true } });
  if (!c) throw notFound('Conversation', id);
  return c;
}

export async function listConversations(deps: ServiceDeps, actor: Actor, input: z.output<typeof listConversationsInput>) {
  const userId = requireUser(actor);
  const rows = await deps.db.aiConversation.findMany({
    where: { userId },
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: { id: true, title: true, context: true, createdAt: true, updatedAt: true, _count: { select: { messages: true } } },
  });
  const items = rows.slice(0, input.limit).map(({ _count, ...c }) => ({ ...c, context: c.context as PageContext, messageCount: _count.messages }));
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

export async function getConversation(deps: ServiceDeps, actor: Actor, id: string) {
  const userId = requireUser(actor);
  const c = await ownConversation(deps, userId, id);
  const messages = await deps.db.aiMessage.findMany({ where: { conversationId: id }, orderBy: { seq: 'asc' }, select: messageSelect });
  return { ...c, context: c.context as PageContext, messages: messages.map(toMessageView) };
}

export async function renameConversation(deps: ServiceDeps, actor: Actor, input: z.output<typeof renameConversationInput>) {
  const userId = requireUser(actor);
  return mutate(deps, actor, { type: 'ai.conversation.renamed', category: 'data', sourceGroup: 'ai', action: 'rename', resourceType: 'aiConversation', resourceId: input.id }, async (tx) => {
    const before = await tx.aiConversation.findFirst({ where: { id: input.id, userId }, select: { title: true } });
    if (!before) throw notFound('Conversation', input.id);
    const updated = await tx.aiConversation.update({ where: { id: input.id }, data: { title: input.title }, select: { id: true, title: true, updatedAt: true } });
    return { result: updated, before, after: { title: updated.title } };
  });
}

export async function deleteConversation(deps: ServiceDeps, actor: Actor, id: string) {
  const userId = requireUser(actor);
  return mutate(deps, actor, { type: 'ai.conversation.deleted', category: 'data', sourceGroup: 'ai', action: 'delete', resourceType: 'aiConversation', resourceId: id }, async (tx) => {
    const found = await tx.aiConversation.findFirst({ where: { id, userId }, select: { title: true, _count: { select: { messages: true } } } });
    if (!found) throw notFound('Conversation', id);
    await tx.aiConversation.delete({ where: { id } });
    return { result: { id }, before: { title: found.title, messages: found._count.messages } };
  });
}

/** A new turn: the conversation (created on its first question), the question stored, an empty answer to stream into. */
export async function startTurn(deps: ServiceDeps, actor: Actor, input: { conversationId?: string; question: string; page: PageContext; mode: 'builtin' | 'model' }) {
  const userId = requireUser(actor);
  const existing = input.conversationId ? await ownConversation(deps, userId, input.conversationId) : null;
  const history = existing
    ? (await deps.db.aiMessage.findMany({ where: { conversationId: existing.id, status: { not: 'streaming' } }, orderBy: { seq: 'desc' }, take: HISTORY_MESSAGES, select: { role: true, content: true } }))
        .reverse()
        .map((m) => ({ role: m.role as 'user' | 'assistant', content: m.content }))
    : [];
  const create = async (tx: Prisma.TransactionClient, conversationId: string) => {
    await tx.aiMessage.create({ data: { conversationId, role: 'user', content: input.question, mode: input.mode } });
    return tx.aiMessage.create({ data: { conversationId, role: 'assistant', mode: input.mode, status: 'streaming' }, select: { id: true } });
  };
  if (existing) {
    const answer = await deps.db.$transaction(async (tx) => {
      const m = await create(tx, existing.id);
      await tx.aiConversation.update({ where: { id: existing.id }, data: { updatedAt: deps.clock() } });
      return m;
    });
    return { conversationId: existing.id, messageId: answer.id, history: history as AskInput['history'] };
  }
  const title = input.question.length > TITLE_CHARS ? `${input.question.slice(0, TITLE_CHARS - 1)}…` : input.question;
  return mutate(deps, actor, { type: 'ai.conversation.created', category: 'data', sourceGroup: 'ai', action: 'create', resourceType: 'aiConversation' }, async (tx) => {
    const c = await tx.aiConversation.create({ data: { userId, title, context: input.page as Prisma.InputJsonObject }, select: { id: true } });
    const answer = await create(tx, c.id);
    return { result: { conversationId: c.id, messageId: answer.id, history: [] as AskInput['history'] }, resourceId: c.id, after: { title } };
  });
}

/** Stores the finished answer with its tool calls, and the links and suggestions it offered, so a reopened conversation shows them too. */
export async function finishTurn(deps: ServiceDeps, messageId: string, answer: { content: string; toolCalls: ToolCallRecord[]; links: AnswerLink[]; suggestions: string[]; status: 'complete' | 'error' }) {
  await deps.db.aiMessage.update({
    where: { id: messageId },
    data: { content: answer.content, toolCalls: answer.toolCalls as unknown as Prisma.InputJsonArray, links: answer.links as unknown as Prisma.InputJsonArray, suggestions: answer.suggestions, status: answer.status },
  });
}
