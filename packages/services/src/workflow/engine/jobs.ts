/** The engine's job tasks and crontab line, merged into jobs/tasks.ts. */
import type { Task } from 'graphile-worker';
import type { ServiceDeps } from '../../deps';
import { taskNames } from './registry';
import { runStepJob } from './run-step';
import { sweepWorkflows } from './sweep';

export function workflowJobTasks(deps: ServiceDeps): Record<string, Task> {
  const names = taskNames(deps);
  return {
    [names.step]: async (payload, helpers) => {
      const { stepRunId, takeover } = payload as { stepRunId: string; takeover?: boolean };
      // attempts > 1: this job was handed out before, to a worker that died (or threw) mid-step.
      await runStepJob(deps, stepRunId, { takeover: takeover === true || helpers.job.attempts > 1 });
    },
    [names.sweep]: async () => {
      await sweepWorkflows(deps);
    },
  };
}

export function workflowCrontab(deps: ServiceDeps): string {
  const { sweep } = taskNames(deps);
  return `* * * * * ${sweep} ?max=1&jobKey=${sweep}`;
}
