import { z } from 'zod';
import { globalRoleKeys } from '../rbac/catalog';

const policyFields = {
  title: z.string().trim().min(3, 'A title of at least 3 characters').max(200, 'A title is at most 200 characters'),
  body: z.string().trim().min(1, 'Write the policy people attest to').max(50_000, 'A policy is at most 50,000 characters'),
  periodDays: z.number().int('Whole days').min(1, 'At least one day').max(3_650, 'At most ten years'),
  graceDays: z.number().int('Whole days').min(0, 'Zero or more days').max(365, 'At most a year of grace'),
  requiredRoleKeys: z.array(z.enum(globalRoleKeys, 'Global roles only: admin, steward, analyst, viewer')).max(globalRoleKeys.length).default([]),
  blockRoles: z.boolean().default(false),
};

export const createPolicyInput = z.object(policyFields).strict();

export const updatePolicyInput = z
  .object({
    id: z.uuid('Not a policy id'),
    title: policyFields.title.optional(),
    body: policyFields.body.optional(),
    periodDays: policyFields.periodDays.optional(),
    graceDays: policyFields.graceDays.optional(),
    requiredRoleKeys: z.array(z.enum(globalRoleKeys, 'Global roles only: admin, steward, analyst, viewer')).max(globalRoleKeys.length).optional(),
    blockRoles: z.boolean().optional(),
  })
  .strict();

export const policyIdInput = z.object({ id: z.uuid('Not a policy id') }).strict();
export const policyStatusInput = z.object({ policyId: z.uuid('Not a policy id') }).strict();
export const listPoliciesInput = z.object({ includeArchived: z.boolean().default(false) }).strict();
export const attestInput = z.object({ policyId: z.uuid('Not a policy id'), version: z.number().int().min(1, 'Versions start at 1') }).strict();
