// The ai barrel: re-export this folder's public functions here.
export * from './types';
