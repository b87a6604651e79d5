import {
  getNotificationPreferences,
  listNotifications,
  listNotificationsInput,
  listOutbox,
  listOutboxInput,
  markNotificationsRead,
  markNotificationsReadInput,
  setNotificationPreference,
  setNotificationPreferenceInput,
  unreadNotificationCount,
  watchNotifications,
  watchNotificationsInput,
} from '@racine/services';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { procedure, router } from '../trpc';

/** The caller's own notifications and preferences: the service reads and writes only their rows. The outbox is for global admins. */
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
  preferences: procedure
    .meta({ permission: 'authenticated' })
    .input(z.object({}).strict().default({}))
    .query(({ ctx }) => getNotificationPreferences(ctx.deps, ctx.actor)),
  setPreference: procedure.meta({ permission: 'authenticated' }).input(setNotificationPreferenceInput).mutation(({ ctx, input }) => setNotificationPreference(ctx.deps, ctx.actor, input)),
  /** The caller's new notifications, live; a reconnecting client passes lastEventId (a seq) and gets what it missed. */
  stream: procedure
    .meta({ permission: 'authenticated' })
    .input(watchNotificationsInput.default({}))
    .subscription(async function* ({ ctx, input, signal }) {
      for await (const n of watchNotifications(ctx.deps, ctx.actor, input.lastEventId, signal ?? new AbortController().signal)) yield tracked(n.seq, n);
    }),
  outbox: procedure
    .meta({ permission: 'notification.outbox' })
    .input(listOutboxInput.default({ limit: 25 }))
    .query(({ ctx, input }) => listOutbox(ctx.deps, input)),
});
