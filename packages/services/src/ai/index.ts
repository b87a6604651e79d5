// The ai barrel: re-export this folder's public functions here.
export * from './types';
export { aiTools, describeTools, findTool, runTool, type RunToolOptions } from './tools/index';
