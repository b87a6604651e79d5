import type { AnswerLink, ToolCallRecord, Turn } from './types';

/** A stored AiMessage as ai.conversation returns it. */
export interface StoredMessage {
  id: string;
  role: string;
  content: string;
  mode?: string;
  toolCalls: unknown;
  /** null on answers stored before links were kept. */
  links?: AnswerLink[] | null;
  suggestions?: string[];
  status: string;
  createdAt: Date | string;
}

/**
 * Stored messages as turns: each assistant message answers the user message
 * before it. A message still "streaming" is being written by an ask in
 * progress (here or in another tab); it shows as thinking until it is done.
 * An answer shows the links and suggestions stored with it, as it did live.
 */
export function turnsFromMessages(messages: readonly StoredMessage[]): Turn[] {
  const turns: Turn[] = [];
  let question: StoredMessage | null = null;
  for (const m of messages) {
    if (m.role === 'user') {
      if (question) turns.push(unanswered(question));
      question = m;
      continue;
    }
    const calls = Array.isArray(m.toolCalls) ? (m.toolCalls as ToolCallRecord[]) : [];
    turns.push({
      key: m.id,
      messageId: m.id,
      question: question?.content ?? '',
      answer: m.content,
      calls,
      links: m.links ?? linksFromCalls(calls),
      suggestions: m.suggestions ?? [],
      status: m.status === 'streaming' ? 'streaming' : m.status === 'error' ? 'error' : 'done',
      mode: m.mode === 'model' ? 'model' : 'builtin',
      at: new Date(m.createdAt),
    });
    question = null;
  }
  if (question) turns.push(unanswered(question));
  return turns;
}

const unanswered = (m: StoredMessage): Turn => ({
  key: m.id,
  question: m.content,
  answer: '',
  calls: [],
  links: [],
  suggestions: [],
  status: 'error',
  error: 'This question got no answer.',
  at: new Date(m.createdAt),
});

const MAX_LINKS = 25;

/**
 * The links of an answer stored before its links were kept, read back from
 * its tool outputs: every record a tool returns that has a page carries its
 * `link`. Named as the answer names them (table.column, else the
 * qualified name, the name or the title).
 */
export function linksFromCalls(calls: readonly ToolCallRecord[]): AnswerLink[] {
  const links: AnswerLink[] = [];
  const seen = new Set<string>();
  const visit = (value: unknown, depth: number) => {
    if (links.length >= MAX_LINKS || depth > 4 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const v = value as Record<string, unknown>;
    if (typeof v.link === 'string' && v.link.startsWith('/') && !seen.has(v.link)) {
      const label = linkLabel(v);
      if (label) {
        seen.add(v.link);
        links.push({ label, href: v.link });
      }
    }
    for (const child of Object.values(v))
      if (child && typeof child === 'object') visit(child, depth + 1);
  };
  for (const call of calls) if (call.status === 'done') visit(call.output, 0);
  return links;
}

function linkLabel(v: Record<string, unknown>): string | undefined {
  const str = (k: string) => (typeof v[k] === 'string' && v[k] ? (v[k] as string) : undefined);
  const column = str('column');
  if (column) return str('table') ? `${str('table')}.${column}` : column;
  return str('qualifiedName') ?? str('name') ?? str('title') ?? str('label');
}
