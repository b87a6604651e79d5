// Shared documents (Yjs): snapshots plus updates, versions, live sync.
export * from './crdt';
export * from './documents';
export * from './schemas';
export * from './sync';
export * from './templates';
export { applyUpdate, COMPACT_AFTER, EDITED_EVERY_MS } from './updates';
export { getDocumentVersion, listDocumentVersions, restoreDocumentVersion, saveDocumentVersion, RESTORE_CLIENT_ID } from './versions';
