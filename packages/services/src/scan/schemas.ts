import { Cron } from 'croner';
import { z } from 'zod';

/** A 5-field cron expression ("0 2 * * *"), checked by parsing it. */
export const cronSchema = z
  .string()
  .trim()
  .max(100)
  .superRefine((value, ctx) => {
    try {
      new Cron(value, { paused: true }).stop();
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `Not a valid cron schedule: ${(error as Error).message}` });
    }
  });

export const createScanInput = z.object({
  name: z.string().trim().min(2, 'Names need at least 2 characters').max(80),
  dataSourceId: z.uuid('Not a data source id'),
  ruleSetId: z.uuid('Not a rule set id'),
  schedule: cronSchema.nullable().default(null),
  enabled: z.boolean().default(true),
});

export const updateScanInput = z.object({
  id: z.uuid('Not a scan id'),
  name: z.string().trim().min(2).max(80).optional(),
  ruleSetId: z.uuid().optional(),
  schedule: cronSchema.nullable().optional(),
  enabled: z.boolean().optional(),
});

export const scanIdInput = z.object({ id: z.uuid('Not a scan id') });
export const runIdInput = z.object({ runId: z.uuid('Not a run id') });

export const listScansInput = z.object({
  dataSourceId: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: z.string().optional(),
});

export const listRunsInput = z.object({
  dataSourceId: z.uuid().optional(),
  scanId: z.uuid().optional(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: z.string().optional(),
});

export const watchRunInput = z.object({ runId: z.uuid('Not a run id'), lastEventId: z.string().nullish() });
