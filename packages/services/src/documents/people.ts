import type { Actor } from '../actor';
import { AppError } from '../errors';

/** Documents are written by people (a user, or a user's API token), never by the system actor. */
export function editorOf(actor: Actor): string {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'Documents are edited by people');
  return actor.userId;
}

export const documentSpec = (type: string, action: string, documentId: string | undefined, workspaceId: string) => ({
  type,
  category: 'data' as const,
  sourceGroup: 'collaboration',
  action,
  resourceType: 'document',
  resourceId: documentId,
  workspaceId,
});
