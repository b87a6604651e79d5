// Collaboration: presence, comments and mentions, over any resource (resource-ref.ts).
export * from './resource-ref';
export * from './schemas';
export * from './presence';
export * from './mentions';
export * from './comments';
export * from './comment-views';
export * from './comment-stream';
