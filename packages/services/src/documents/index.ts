// Shared documents (Yjs): snapshots plus updates, versions, live sync.
export {};
