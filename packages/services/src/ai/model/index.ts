export * from './config';
export * from './engine';
export * from './links';
export * from './provider';
