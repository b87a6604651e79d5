import { z } from 'zod';
import { workspaceRoleKeys } from '../rbac/catalog';

export const environments = ['dev', 'staging', 'prod'] as const;
const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'Slugs need at least 2 characters')
  .max(48)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes');
const quota = (what: string) => z.number().int(`${what} must be a whole number`).min(1, `${what} must be at least 1`).max(100_000);

export const workspaceIdInput = z.object({ id: z.uuid('Not a workspace id') });

export const createWorkspaceInput = z.object({
  name: z.string().trim().min(2, 'Names need at least 2 characters').max(80),
  slug: slugSchema.optional(),
  description: z.string().trim().max(2000).default(''),
  kind: z.enum(['team', 'personal']).default('team'),
  environment: z.enum(environments).default('dev'),
  maxMembers: quota('Max members').default(50),
  maxResources: quota('Max linked resources').default(500),
  settings: z.record(z.string(), z.unknown()).default({}),
});

export const createFromTemplateInput = z.object({
  templateKey: z.string().min(1),
  name: z.string().trim().min(2, 'Names need at least 2 characters').max(80),
  slug: slugSchema.optional(),
});

export const updateWorkspaceInput = z.object({
  id: z.uuid('Not a workspace id'),
  name: z.string().trim().min(2).max(80).optional(),
  description: z.string().trim().max(2000).optional(),
  environment: z.enum(environments).optional(),
  maxMembers: quota('Max members').optional(),
  maxResources: quota('Max linked resources').optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});

export const listWorkspacesInput = z.object({
  query: z.string().trim().max(100).optional(),
  environment: z.enum(environments).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: z.string().optional(),
});

export const addMemberInput = z.object({
  workspaceId: z.uuid('Not a workspace id'),
  userId: z.uuid('Not a user id').optional(),
  email: z.email('Enter a valid email address').optional(),
  role: z.enum(workspaceRoleKeys).default('member'),
}).refine((i) => i.userId || i.email, { message: 'Give the userId or the email of the person to add', path: ['email'] });

export const removeMemberInput = z.object({ workspaceId: z.uuid(), userId: z.uuid() });
export const setMemberRoleInput = z.object({ workspaceId: z.uuid(), userId: z.uuid(), role: z.enum(workspaceRoleKeys) });

const resourceType = z.string().trim().min(1).max(40).regex(/^[a-z][a-zA-Z0-9_.-]*$/, 'Resource types look like "datasource" or "scan"');
export const linkResourceInput = z.object({
  workspaceId: z.uuid(),
  resourceType,
  resourceId: z.string().trim().min(1).max(200),
  label: z.string().trim().max(200).default(''),
});
export const unlinkResourceInput = z.object({ workspaceId: z.uuid(), resourceType, resourceId: z.string().trim().min(1).max(200) });
