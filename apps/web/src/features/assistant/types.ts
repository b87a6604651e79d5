import type {
  AnswerLink,
  AskEvent,
  PageContext,
  ToolCallRecord,
  ToolCallStatus,
} from '@racine/services/ai/types';
import type { RouterOutputs } from '~/trpc/types';

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

export type Recommendation = RouterOutputs['ai']['recommendations']['items'][number];
export type RecommendationRate = RouterOutputs['ai']['recommendations']['acceptance'][number];
