/**
 * Imported first by the pipeline test files: this process's pipeline jobs get
 * task names of their own (pipeline:batch:test-<pid>), so the workers other
 * test files start at the same time never take them (they would run them with
 * another test's settings). A spawned worker inherits the suffix.
 */
process.env.RACINE_PIPELINE_TASK_SUFFIX ??= `:test-${process.pid}`;
export {};
