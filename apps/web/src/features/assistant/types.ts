import type {
  AnswerLink,
  AskEvent,
  PageContext,
  ToolCallRecord,
  ToolCallStatus,
} from '@racine/services/ai/types';

export type { AnswerLink, AskEvent, PageContext, ToolCallRecord, ToolCallStatus };

export type TurnStatus = 'thinking' | 'streaming' | 'done' | 'error';

/** One question and its answer, as the conversation view draws it (live or stored). */
export interface Turn {
  /** Stable for the life of the turn: the stored message id, or a local id for a live one. */
  key: string;
  messageId?: string;
  question: string;
  answer: string;
  calls: ToolCallRecord[];
  links: AnswerLink[];
  suggestions: string[];
  status: TurnStatus;
  error?: string;
  mode?: 'builtin' | 'model';
  at?: Date;
}

export const assistantHref = (conversationId?: string | null) =>
  conversationId ? `/assistant?c=${conversationId}` : '/assistant';

/** One recommendation as ai.recommendations ranks it (provisional until the router's output type is in). */
export interface Recommendation {
  subjectKey: string;
  type: string;
  title: string;
  evidence: string[];
  severity?: string;
  action:
    | { kind: 'link'; label: string; href: string }
    | { kind: 'tool'; label: string; tool: string; input: unknown; question: string };
}

export interface RecommendationRate {
  type: string;
  accepted: number;
  decided: number;
  rate: number;
}
