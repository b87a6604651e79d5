import { z } from 'zod';

/** The workspace roles a guest may hold: never admin or owner, whatever the inviter holds. */
export const guestRoles = { viewer: 'ws.viewer', member: 'ws.member' } as const;
export type GuestRole = keyof typeof guestRoles;

export const guestStatuses = ['pending', 'active', 'expired', 'revoked'] as const;
export type GuestStatus = (typeof guestStatuses)[number];

/** The longest a guest's access may last, and a link's longest life (a week). */
export const maxGuestAccessDays = 90;
export const maxLinkValidHours = 168;

export const inviteGuestInput = z
  .object({
    workspaceId: z.uuid('Not a workspace id'),
    email: z.email('Enter a valid email address').max(320, 'An email is at most 320 characters').transform((e) => e.trim().toLowerCase()),
    roleKey: z.enum(['viewer', 'member'], 'A guest is a viewer or a member of the workspace'),
    accessDays: z.number().int('Whole days').min(1, 'At least one day').max(maxGuestAccessDays, `At most ${maxGuestAccessDays} days`).optional(),
    accessEndsAt: z.coerce.date('accessEndsAt must be a date').optional(),
    linkValidHours: z.number().int('Whole hours').min(1, 'The link is valid for at least an hour').max(maxLinkValidHours, 'The link is valid for at most a week (168 hours)').default(72),
    message: z.string().trim().max(2_000, 'A message is at most 2,000 characters').optional(),
  })
  .strict()
  .refine((v) => (v.accessDays === undefined) !== (v.accessEndsAt === undefined), { message: 'Give either accessDays or accessEndsAt', path: ['accessDays'] });

const token = z.string().trim().min(16, 'This invite link is incomplete').max(200, 'This invite link is not valid');

export const guestTokenInput = z.object({ token }).strict();

export const acceptGuestInviteInput = z
  .object({
    token,
    name: z.string().trim().min(1, 'Enter your name').max(200, 'A name is at most 200 characters'),
    password: z.string().min(12, 'A password has at least 12 characters').max(200, 'A password is at most 200 characters'),
  })
  .strict();

export const revokeGuestInviteInput = z.object({ inviteId: z.uuid('Not an invite id') }).strict();

export const listGuestInvitesInput = z
  .object({
    workspaceId: z.uuid('Not a workspace id').optional(),
    status: z.enum(guestStatuses, 'A status is pending, active, expired or revoked').optional(),
    q: z.string().trim().max(200, 'A search is at most 200 characters').optional(),
    limit: z.number().int().min(1).max(100).default(25),
    cursor: z.uuid('Not an invite id').optional(),
    // Sent by useInfiniteQuery; pages only go forward.
    direction: z.enum(['forward', 'backward']).optional(),
  })
  .strict();
