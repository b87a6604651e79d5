export * from './notifications';
export * from './schemas';
