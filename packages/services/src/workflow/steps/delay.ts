/**
 * delay: waits without holding a worker slot. The first run parks the step
 * until `now + ms`; the engine wakes it then (a job with that run time, so a
 * worker restart in between loses nothing) and it finishes.
 */
import { z } from 'zod';
import { defineStepType } from '../step-type';

const stateSchema = z.object({ since: z.string(), until: z.string() });

export const delayStep = defineStepType({
  type: 'delay',
  title: 'Delay',
  description: 'Waits for a while before the steps that depend on it run.',
  group: 'control',
  config: z.object({ ms: z.number().int().min(0).max(30 * 86_400_000) }).strict(),
  output: { waitedMs: { type: 'number', description: 'How long the step waited, in ms.' } },
  run: async (ctx) => {
    const now = ctx.deps.clock();
    const parsed = stateSchema.safeParse(ctx.state);
    if (!parsed.success) {
      const until = new Date(now.getTime() + ctx.config.ms);
      if (ctx.config.ms === 0) return { kind: 'done', output: { waitedMs: 0 } };
      return { kind: 'wait', state: { since: now.toISOString(), until: until.toISOString() }, wakeAt: until };
    }
    const until = new Date(parsed.data.until);
    if (now < until) return { kind: 'wait', state: parsed.data, wakeAt: until };
    return { kind: 'done', output: { waitedMs: now.getTime() - new Date(parsed.data.since).getTime() } };
  },
});
