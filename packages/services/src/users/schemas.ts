import { z } from 'zod';
import { globalRoleKeys } from '../rbac/catalog';

export const emailSchema = z.email('Enter a valid email address').max(254).transform((e) => e.toLowerCase());
export const passwordSchema = z
  .string()
  .min(10, 'Passwords need at least 10 characters')
  .max(256, 'Passwords can be at most 256 characters');

export const createUserInput = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'Name is required').max(120),
  password: passwordSchema,
  roles: z.array(z.enum(globalRoleKeys)).max(4).default(['viewer']),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const listUsersInput = z.object({
  query: z.string().trim().max(100).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: z.string().optional(),
});

export const setGlobalRolesInput = z.object({
  userId: z.uuid(),
  roles: z.array(z.enum(globalRoleKeys)).max(4),
});

export const createApiTokenInput = z.object({
  name: z.string().trim().min(1, 'Give the token a name').max(80),
  expiresInDays: z.number().int().min(1).max(365).nullable().default(90),
});

export const revokeApiTokenInput = z.object({ tokenId: z.uuid() });
