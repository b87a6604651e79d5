import {
  type ActivityEventView,
  type ActivityVisibility,
  canSee,
  type streamActivityInput,
  updateVisibility,
} from '@racine/services';
import type { z } from 'zod';

/**
 * Which events an activity.stream subscriber receives: its filters, then what
 * its roles let it see (visibility learns of new workspaces and sources as
 * their events pass). One function for both paths that serve the stream, the
 * tRPC procedure (src/routers/activity.ts) and the fast SSE handler.
 */
export function acceptFor(
  visibility: ActivityVisibility,
  input: Pick<z.output<typeof streamActivityInput>, 'workspaceId' | 'type'>,
): (event: ActivityEventView) => boolean {
  const { workspaceId, type } = input;
  return (event) => {
    updateVisibility(visibility, event);
    if (workspaceId && event.workspaceId !== workspaceId) return false;
    if (type && !event.type.startsWith(type)) return false;
    return canSee(visibility, event);
  };
}
