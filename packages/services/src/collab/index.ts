// Collaboration: presence, comments and mentions, over any resource (resource-ref.ts).
export * from './resource-ref';
export * from './schemas';
export * from './presence';
