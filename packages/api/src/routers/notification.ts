import { listNotifications, listNotificationsInput, markNotificationsRead, markNotificationsReadInput, unreadNotificationCount } from '@racine/services';
import { z } from 'zod';
import { procedure, router } from '../trpc';

/** The caller's own notifications: the service reads and writes only their rows. */
export const notificationRouter = router({
  list: procedure
    .meta({ permission: 'authenticated' })
    .input(listNotificationsInput.default({ unreadOnly: false, limit: 25 }))
    .query(({ ctx, input }) => listNotifications(ctx.deps, ctx.actor, input)),
  unreadCount: procedure
    .meta({ permission: 'authenticated' })
    .input(z.object({}).strict().default({}))
    .query(({ ctx }) => unreadNotificationCount(ctx.deps, ctx.actor)),
  markRead: procedure.meta({ permission: 'authenticated' }).input(markNotificationsReadInput).mutation(({ ctx, input }) => markNotificationsRead(ctx.deps, ctx.actor, input)),
});
