/** Invites in the workspaces where the caller may manage guests, newest first. */
import type { Prisma } from '@racine/db';
import type { z } from 'zod';
import type { ServiceDeps } from '../deps';
import type { AccessChecker } from '../rbac/resolve';
import { presentInvites } from './present';
import type { listGuestInvitesInput } from './schemas';
import { statusWhere } from './status';

export async function listGuestInvites(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof listGuestInvitesInput>) {
  const now = deps.clock();
  const manageable = await access.workspacesWith('guest.manage');
  const filters: Prisma.GuestInviteWhereInput[] = [];
  if (manageable !== 'all') filters.push({ workspaceId: { in: manageable } });
  if (input.workspaceId) filters.push({ workspaceId: input.workspaceId });
  if (input.status) filters.push(statusWhere(input.status, now));
  if (input.q) filters.push({ email: { contains: input.q.toLowerCase() } });
  const rows = await deps.db.guestInvite.findMany({
    where: { AND: filters },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const items = await presentInvites(deps.db, rows.slice(0, input.limit), now);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

/** The workspaces one may invite guests to, for the invite dialog's picker. */
export async function guestWorkspaces(deps: ServiceDeps, access: AccessChecker) {
  const manageable = await access.workspacesWith('guest.manage');
  const items = await deps.db.workspace.findMany({
    where: manageable === 'all' ? {} : { id: { in: manageable } },
    select: { id: true, name: true, environment: true },
    orderBy: { name: 'asc' },
    take: 200,
  });
  return { items };
}
