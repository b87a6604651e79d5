import { z } from 'zod';

/** Roles one may ask for, per scope type (a workspace's owner role is handed over, never requested). */
export const requestableRoles = {
  workspace: ['ws.viewer', 'ws.member', 'ws.admin'],
  datasource: ['ds.reader', 'ds.steward', 'ds.owner'],
} as const;
export const requestableRoleKeys = [...requestableRoles.workspace, ...requestableRoles.datasource] as const;
export type RequestScopeType = keyof typeof requestableRoles;

export const accessRequestStatuses = ['pending', 'approved', 'rejected', 'cancelled', 'expired'] as const;

/** 90 days: the longest grant one may ask for. */
export const maxRequestMinutes = 129_600;

export const requestScopesInput = z
  .object({ q: z.string().trim().max(200, 'A search is at most 200 characters').optional() })
  .strict();

export const createAccessRequestInput = z
  .object({
    roleKey: z.enum(requestableRoleKeys, 'Pick one of the requestable roles'),
    scopeType: z.enum(['workspace', 'datasource'], 'The scope is a workspace or a data source'),
    scopeId: z.uuid('Not a workspace or data source id'),
    justification: z.string().trim().min(10, 'Say why, in at least 10 characters').max(2_000, 'A justification is at most 2,000 characters'),
    durationMinutes: z.number().int('Whole minutes').min(1, 'At least one minute').max(maxRequestMinutes, 'At most 90 days (129,600 minutes)'),
  })
  .strict();

export const listAccessRequestsInput = z
  .object({
    view: z.enum(['mine', 'toDecide', 'all']).default('mine'),
    status: z.enum(accessRequestStatuses).optional(),
    limit: z.number().int().min(1).max(100).default(25),
    cursor: z.uuid('Not an access request id').optional(),
    /** Sent by infinite queries (@trpc/tanstack-react-query); pages only go forward. */
    direction: z.enum(['forward', 'backward']).optional(),
  })
  .strict();

export const accessRequestIdInput = z.object({ id: z.uuid('Not an access request id') }).strict();

export const approveAccessRequestInput = z
  .object({
    id: z.uuid('Not an access request id'),
    comment: z.string().trim().max(2_000, 'A comment is at most 2,000 characters').optional(),
  })
  .strict();

export const rejectAccessRequestInput = z
  .object({
    id: z.uuid('Not an access request id'),
    comment: z.string().trim().min(1, 'Say why the request is rejected').max(2_000, 'A comment is at most 2,000 characters'),
  })
  .strict();

export const accessReportInput = z
  .object({
    from: z.coerce.date('from must be a date'),
    to: z.coerce.date('to must be a date'),
    dataSourceId: z.uuid('Not a data source id').optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict()
  .refine((v) => v.from <= v.to, { message: 'from must be before to', path: ['from'] });
