/** The workflow module: definitions, templates and conditions, the step registry and the durable engine. */
export * from './definition';
export * from './step-type';
export * from './expressions';
export { stepTypes, stepType } from './steps/index';
export { FOR_EACH_TYPE, forEachConfigSchema, type ForEachConfig } from './steps/for-each';
export * from './engine/types';
export { startExecution, startExecutionInput, type StartExecutionInput } from './engine/start';
export { cancelExecution, pauseExecution, resumeExecution, completeWaitingStep, completeWaitingStepOutcome, type StepOutcome } from './engine/control';
export { getExecution, getExecutionLogs, watchExecution } from './engine/views';
export { workflowJobTasks, workflowCrontab } from './engine/jobs';
export { sweepWorkflows, type SweepResult } from './engine/sweep';
export { backoffDelayMs } from './engine/backoff';
export { stepRegistry, taskNames, STEP_TASK, SWEEP_TASK } from './engine/registry';
export { quotaOf, DEFAULT_MAX_CONCURRENT_RUNS } from './engine/quota';
export { workflowTemplates, workflowTemplate, type WorkflowTemplate } from './templates';
export { listTasks, approveTask, rejectTask } from './tasks';
export * from './task-schemas';
