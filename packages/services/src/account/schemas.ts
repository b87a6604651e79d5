import { z } from 'zod';

/** Every IANA zone this runtime knows, plus "UTC" (which supportedValuesOf may list only as "Etc/UTC"). */
export const timeZones: ReadonlySet<string> = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

export const updateProfileInput = z
  .object({
    name: z.string().trim().min(1, 'Name is required').max(120),
    title: z.string().trim().max(120).nullable(),
    department: z.string().trim().max(120).nullable(),
    timeZone: z.string().max(64).refine((tz) => timeZones.has(tz), { message: 'Not a known IANA time zone (e.g. Europe/Paris, UTC)' }),
    theme: z.enum(['light', 'dark', 'system']),
    defaultWorkspaceId: z.uuid('Not a workspace id').nullable(),
  })
  .partial()
  .strict();

export const newPasswordSchema = z.string().min(12, 'The new password needs at least 12 characters').max(256, 'Passwords can be at most 256 characters');

export const changePasswordInput = z
  .object({ currentPassword: z.string().min(1, 'Enter your current password').max(256), newPassword: newPasswordSchema })
  .strict();

/** A 6-digit authenticator code (spaces allowed, as apps show "123 456"). */
export const totpCodeSchema = z
  .string()
  .trim()
  .max(12)
  .transform((c) => c.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app'));

export const verifyMfaInput = z.object({ code: totpCodeSchema }).strict();
export const disableMfaInput = z.object({ password: z.string().min(1, 'Enter your password').max(256), code: totpCodeSchema }).strict();
export const regenerateRecoveryCodesInput = z.object({ code: totpCodeSchema }).strict();

export const revokeSessionInput = z.object({ id: z.uuid('Not a session id') }).strict();

export const effectivePermissionsInput = z.object({ userId: z.uuid('Not a user id').optional() }).strict().default({});

export const ownActivityInput = z
  .object({
    type: z.string().trim().max(100).optional(),
    limit: z.number().int().min(1).max(100).default(25),
    cursor: z.string().regex(/^\d{1,19}$/, 'Event ids are decimal numbers').optional(),
    /** Sent by infinite queries (@trpc/tanstack-react-query); pages only go forward. */
    direction: z.enum(['forward', 'backward']).optional(),
  })
  .strict();

export const setRoleRequiresMfaInput = z.object({ roleId: z.string().trim().min(1).max(100), requiresMfa: z.boolean() }).strict();
