// The dashboards barrel: re-export this folder's public functions here.
export * from './widgets';
export * from './builtins';
