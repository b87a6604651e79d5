/**
 * The Yjs side of shared documents, free of the database: decoding and
 * checking an update, folding stored updates into one state, the plain text
 * of a state, and the update that turns one text into another. A document's
 * content is one Y.Text named `content` (the editor binds to the same name).
 */
import * as Y from 'yjs';
import { AppError } from '../errors';

export const CONTENT = 'content';

export const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
export const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

/** Bytes for a Bytes column: Prisma wants a Uint8Array over a plain ArrayBuffer. */
export const forDb = (u: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(u);

/** A scratch document holding `updates` applied in order (the snapshot first). */
export function loadDoc(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  doc.transact(() => {
    for (const u of updates) Y.applyUpdate(doc, u);
  });
  return doc;
}

export const textOf = (doc: Y.Doc): string => doc.getText(CONTENT).toString();

/** One update holding everything in `doc`. */
export const stateOf = (doc: Y.Doc): Uint8Array => Y.encodeStateAsUpdate(doc);

/**
 * Applies a client's update to `doc` (the document's current state), or says
 * why it is not one: bytes that do not decode as a Yjs update, or an update
 * built on changes the server never received (it would sit pending and leave
 * a hole in every later reader's state).
 */
export function applyChecked(doc: Y.Doc, update: Uint8Array): void {
  if (update.byteLength === 0) throw new AppError('BAD_REQUEST', 'The update is empty: send a Yjs update (Y.encodeStateAsUpdate or a doc "update" event)');
  try {
    Y.decodeUpdate(update);
    Y.applyUpdate(doc, update);
  } catch {
    throw new AppError('BAD_REQUEST', 'The update is not a Yjs update: it does not decode');
  }
  if (doc.store.pendingStructs || doc.store.pendingDs) {
    throw new AppError('BAD_REQUEST', 'The update builds on changes the server does not have: reload the document and send your edits again');
  }
}

/**
 * The update that makes `doc` read `target`: only the middle that differs
 * (common prefix and suffix kept), so concurrent edits outside it and
 * collaborators' cursors survive. Returns null when the text already matches.
 */
export function replaceTextUpdate(doc: Y.Doc, target: string): Uint8Array | null {
  const ytext = doc.getText(CONTENT);
  const current = ytext.toString();
  if (current === target) return null;
  const { start, removed, inserted } = textDiff(current, target);
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    if (removed > 0) ytext.delete(start, removed);
    if (inserted) ytext.insert(start, inserted);
  });
  return Y.encodeStateAsUpdate(doc, before);
}

/** The single replaced range between two strings: keep what both start and end with. */
export function textDiff(from: string, to: string): { start: number; removed: number; inserted: string } {
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
  // Never split a surrogate pair: Y.Text counts UTF-16 units like JS strings, but a half pair is not text.
  if (start > 0 && isHighSurrogate(from.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(from.charCodeAt(from.length - end))) end--;
  return { start, removed: from.length - start - end, inserted: to.slice(start, to.length - end) };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** A fresh document state holding `text` (for a new document from a template). */
export function stateFromText(text: string): Uint8Array {
  const doc = new Y.Doc();
  if (text) doc.getText(CONTENT).insert(0, text);
  return stateOf(doc);
}
