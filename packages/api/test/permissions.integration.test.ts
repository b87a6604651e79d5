/**
 * Every procedure, its permission check and its bad-input path, in one table
 * merged from `permission-cases/*` (one file per area). A procedure added to
 * the router without a row fails the first test.
 */
import { describe, expect, it } from 'vitest';
import { appRouter } from '../src/root';
import { callerFor, personWith } from './harness';
import { catalogCases } from './permission-cases/catalog';
import { complianceCases } from './permission-cases/compliance';
import { foundationCases } from './permission-cases/foundation';
import { pipelineCases } from './permission-cases/pipelines';
import { scanningCases } from './permission-cases/scanning';
import type { Case } from './permission-cases/shared';
import { taskCases } from './permission-cases/tasks';
import { workflowCases } from './permission-cases/workflows';
import { collabCases } from './permission-cases/collab';
import { notificationPrefCases } from './permission-cases/notifications';
import { documentCases } from './permission-cases/documents';
import { kbCases } from './permission-cases/kb';
import { guestCases } from './permission-cases/guests';
import { accountCases } from './permission-cases/account';
import { accessCases } from './permission-cases/access';
import { dashboardCases } from './permission-cases/dashboards';
import { metricCases } from './permission-cases/metrics';
import { insightCases } from './permission-cases/insights';
import { activityAnalyticsCases } from './permission-cases/activity-analytics';
import { aiCases } from './permission-cases/ai';

type Caller = Awaited<ReturnType<typeof callerFor>>;
type Callable = ((input?: unknown) => Promise<unknown>) & Record<string, unknown>;
const call = (caller: Caller, path: string, input?: unknown): Promise<unknown> => {
  const fn = path.split('.').reduce<Callable>((o, k) => o[k] as Callable, caller as unknown as Callable);
  return fn(input);
};

const cases: Record<string, Case> = { ...foundationCases, ...scanningCases, ...complianceCases, ...catalogCases, ...pipelineCases, ...workflowCases, ...taskCases,
  ...collabCases, ...notificationPrefCases, ...documentCases, ...kbCases, ...guestCases, ...accountCases, ...accessCases,
  ...dashboardCases, ...metricCases, ...insightCases, ...activityAnalyticsCases, ...aiCases };

type ProcedureDef = { _def: { meta?: { permission?: string }; type: string } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);

describe('the router', () => {
  it('has a permission case for every procedure, and every procedure declares a permission', () => {
    expect(procedures.map(([path]) => path).sort()).toEqual(Object.keys(cases).sort());
    for (const [path, proc] of procedures) expect(proc._def.meta?.permission, path).toBeTruthy();
  });
});

/** Authorisation and input parsing run when a procedure is called, subscriptions included. */
const invoke = (caller: Caller, path: string, input: unknown) => call(caller, path, input);

/** Procedures on publicProcedure (meta permission 'public'): signed-out callers are let through, not refused. */
const isPublic = (path: string) => procedures.find(([p]) => p === path)?.[1]._def.meta?.permission === 'public';

describe.each(Object.entries(cases))('%s', (path, c) => {
  it(isPublic(path) ? 'lets anonymous callers through (public)' : 'refuses anonymous callers with UNAUTHORIZED', async () => {
    const { input } = await c.setup();
    if (isPublic(path)) await expect(invoke(await callerFor(null), path, input)).resolves.toBeDefined();
    else await expect(invoke(await callerFor(null), path, input)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('lets the allowed role through and refuses the others with FORBIDDEN', async () => {
    const { input, allowed, denied } = await c.setup();
    for (const d of denied) await expect(invoke(d.caller, path, input), `denied ${d.user.email}`).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(invoke(allowed.caller, path, input)).resolves.toBeDefined();
  });

  it(c.badInput === null ? 'takes no input' : 'rejects bad input with BAD_REQUEST and says what was wrong', async () => {
    if (c.badInput === null) return;
    const admin = await personWith(['admin']);
    const error = await invoke(admin.caller, path, c.badInput).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((error as Error).message).toMatch(/Invalid input|required/);
  });
});
