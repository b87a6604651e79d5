export * from './notifications';
export * from './schemas';
export * from './kinds';
export * from './preferences';
export * from './email';
export * from './email-render';
export * from './digest';
export * from './stream';
