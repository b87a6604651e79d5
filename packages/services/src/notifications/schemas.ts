import { z } from 'zod';
import { defaultKindKey, emailDeliveries, notificationKindKeys } from './kinds';

export const listNotificationsInput = z.object({
  unreadOnly: z.boolean().default(false),
  kind: z.string().trim().min(1).max(60, 'A notification kind is at most 60 characters').optional(),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: z.uuid('Not a notification id').optional(),
});

export const markNotificationsReadInput = z
  .object({
    ids: z.array(z.uuid('Not a notification id')).min(1).max(500).optional(),
    all: z.boolean().optional(),
  })
  .refine((v) => Boolean(v.ids?.length) !== Boolean(v.all), { message: 'Mark some notifications (ids) or all of them (all: true), not both' });

export const setNotificationPreferenceInput = z
  .object({
    kind: z.enum([defaultKindKey, ...notificationKindKeys], 'Not a notification kind (or "*" for the default)'),
    inApp: z.boolean().optional(),
    email: z.enum(emailDeliveries, 'Email is off, immediate or daily').optional(),
  })
  .strict()
  .refine((v) => v.inApp !== undefined || v.email !== undefined, { message: 'Set inApp, email or both' });

export const watchNotificationsInput = z
  .object({
    /** The seq of the last notification seen (tracked id); only later ones are sent. */
    lastEventId: z.string().regex(/^\d{1,20}$/, 'lastEventId is a notification seq').nullish(),
  })
  .strict();

export const emailStatuses = ['pending', 'sent', 'failed', 'logged'] as const;

export const listOutboxInput = z
  .object({
    status: z.enum(emailStatuses).optional(),
    limit: z.number().int().min(1).max(100).default(25),
    cursor: z.uuid('Not an email id').optional(),
    /** Sent by infinite queries (@trpc/tanstack-react-query); pages only go forward. */
    direction: z.enum(['forward', 'backward']).optional(),
  })
  .strict();
