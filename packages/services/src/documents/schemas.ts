import { z } from 'zod';
import { resourceTypes } from '../collab/resource-ref';
import { documentTemplateKeys } from './templates';

export const documentKinds = ['runbook', 'note'] as const;

/** 1 MiB of update, as base64 (4 characters per 3 bytes). */
export const MAX_UPDATE_BYTES = 1024 * 1024;
const base64 = z
  .string()
  .min(1, 'The update is empty')
  .max(Math.ceil(MAX_UPDATE_BYTES / 3) * 4, 'An update is at most 1 MiB: send large pastes in several updates')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The update must be base64');

const documentId = z.uuid('Not a document id');
/** The editing tab: its updates come back to it on the sync channel only to be skipped. */
const clientId = z.string().trim().min(1, 'A client id is required').max(64, 'A client id is at most 64 characters');
const title = z.string().trim().min(1, 'A title is required').max(200, 'A title is at most 200 characters');

export const createDocumentInput = z
  .object({
    workspaceId: z.uuid('Not a workspace id'),
    title,
    /** Absent: the template's kind (a runbook for the runbook template, else a note). */
    kind: z.enum(documentKinds).optional(),
    resourceType: z.enum(resourceTypes).optional(),
    resourceId: z.uuid('resourceId must be a uuid').optional(),
    template: z.enum(documentTemplateKeys).default('blank'),
  })
  .strict()
  .refine((v) => (v.resourceType === undefined) === (v.resourceId === undefined), { message: 'Attach to a resource with both resourceType and resourceId, or neither', path: ['resourceId'] });

export const listDocumentsInput = z
  .object({
    workspaceId: z.uuid('Not a workspace id').optional(),
    resourceType: z.enum(resourceTypes).optional(),
    resourceId: z.uuid('resourceId must be a uuid').optional(),
    kind: z.enum(documentKinds).optional(),
    q: z.string().trim().max(200, 'A search is at most 200 characters').optional(),
    archived: z.boolean().default(false),
    limit: z.number().int().min(1).max(100).default(25),
    cursor: z.uuid('Not a document id').optional(),
    /** Sent by infinite queries; the list only pages forward. */
    direction: z.enum(['forward', 'backward']).optional(),
  })
  .strict();

export const documentIdInput = z.object({ documentId }).strict();

export const applyUpdateInput = z.object({ documentId, clientId, update: base64 }).strict();

export const syncDocumentInput = z
  .object({
    documentId,
    clientId,
    /** The last seq this client has (from `get`'s cursor, or the last event on a reconnect); absent: everything. */
    lastEventId: z.string().regex(/^\d{1,19}$/, 'lastEventId is a sequence number').optional(),
  })
  .strict();

export const renameDocumentInput = z.object({ documentId, title }).strict();

export const saveVersionInput = z.object({ documentId, label: z.string().trim().max(120, 'A label is at most 120 characters').optional() }).strict();

export const versionIdInput = z.object({ documentId, versionId: z.uuid('Not a version id') }).strict();
