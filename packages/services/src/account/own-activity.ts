import type { z } from 'zod';
import type { Actor } from '../actor';
import { listActivity } from '../activity/queries';
import type { ServiceDeps } from '../deps';
import { requireUserActor } from './profile';
import type { ownActivityInput } from './schemas';

/**
 * What the caller did, newest first: the activity log filtered to rows they
 * are the actor of (through the browser or one of their API tokens). Everyone
 * may see their own rows, whatever else activity.read allows them.
 */
export async function ownActivity(deps: ServiceDeps, actor: Actor, input: z.output<typeof ownActivityInput>) {
  const userId = requireUserActor(actor);
  return listActivity(deps, { all: false, userId, workspaceIds: new Set() }, { actorId: userId, type: input.type, limit: input.limit, cursor: input.cursor });
}
