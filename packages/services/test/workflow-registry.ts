/**
 * Step types for unit tests of validation and analysis: the same shapes as
 * the real ones (config schemas, output fields, groups), with a `run` that
 * is never called, so those tests need neither a database nor the registry.
 */
import { z } from 'zod';
import { defineStepType, type StepType } from '../src/workflow/step-type';

const never = async (): Promise<never> => {
  throw new Error('not run in unit tests');
};

const scanRun = defineStepType({
  type: 'scan.run',
  title: 'Scan',
  description: 'Scans a data source',
  group: 'scanning',
  config: z.object({ dataSourceId: z.string().uuid().optional(), scanId: z.string().uuid().optional(), waitForCompletion: z.boolean().default(true) }).strict().refine((c) => c.dataSourceId || c.scanId, 'Give dataSourceId or scanId'),
  output: { runId: { type: 'string', description: 'run' }, status: { type: 'string', description: 'status' }, labelsSuggested: { type: 'number', description: 'n' } },
  run: never,
});

const autoAccept = defineStepType({
  type: 'classification.autoAccept',
  title: 'Auto-accept',
  description: 'Accepts labels',
  group: 'classification',
  config: z.object({ dataSourceId: z.string().min(1), minConfidence: z.number().min(0).max(1), labels: z.array(z.string()).optional() }).strict(),
  output: { accepted: { type: 'number', description: 'n' }, skipped: { type: 'number', description: 'n' } },
  run: never,
});

const notify = defineStepType({
  type: 'notify',
  title: 'Notify',
  description: 'Notifies',
  group: 'notification',
  config: z.object({ title: z.string().min(1), body: z.string().optional(), userIds: z.array(z.string()).optional() }).strict(),
  output: { notified: { type: 'number', description: 'n' } },
  run: never,
});

const approval = defineStepType({
  type: 'approval',
  title: 'Approval',
  description: 'Asks a human',
  group: 'human',
  config: z.object({ title: z.string().min(1) }).strict(),
  output: { approved: { type: 'boolean', description: 'b' } },
  run: never,
});

const delay = defineStepType({
  type: 'delay',
  title: 'Delay',
  description: 'Waits',
  group: 'control',
  config: z.object({ ms: z.number().int().min(0) }).strict(),
  output: {},
  run: never,
});

const forEach = defineStepType({
  type: 'forEach',
  title: 'For each',
  description: 'Fans out',
  group: 'control',
  config: z.object({ items: z.union([z.array(z.unknown()), z.string()]), concurrency: z.number().int().min(1).max(50).default(4), step: z.object({ type: z.string(), config: z.record(z.string(), z.unknown()).default({}) }).passthrough() }).strict(),
  output: { count: { type: 'number', description: 'n' }, succeeded: { type: 'number', description: 'n' }, failed: { type: 'number', description: 'n' } },
  run: never,
});

export const testRegistry: Readonly<Record<string, StepType<unknown>>> = Object.fromEntries([scanRun, autoAccept, notify, approval, delay, forEach].map((t) => [t.type, t]));
