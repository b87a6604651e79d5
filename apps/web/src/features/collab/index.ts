export { PresenceAvatars } from './presence-avatars';
export { CommentThread } from './comment-thread';
export type { ResourceProps, ResourceType } from './types';
