import { EventEmitter } from 'node:events';

/**
 * "Document X has a new update", inside this process: wakes the sync loops of
 * editors connected here at once. Editors connected to another process notice
 * on their next poll (sync.ts), so nothing depends on this firing.
 */
const emitter = new EventEmitter();
emitter.setMaxListeners(0);

export function notifyDocumentUpdated(documentId: string): void {
  emitter.emit('updated', documentId);
}

export function onDocumentUpdated(listener: (documentId: string) => void): () => void {
  emitter.on('updated', listener);
  return () => emitter.off('updated', listener);
}
