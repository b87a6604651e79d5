import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyChecked, CONTENT, fromBase64, loadDoc, replaceTextUpdate, stateFromText, stateOf, textDiff, textOf, toBase64 } from './crdt';

const docWith = (text: string) => loadDoc([stateFromText(text)]);

describe('textDiff', () => {
  it('keeps the common prefix and suffix', () => {
    expect(textDiff('hello world', 'hello brave world')).toEqual({ start: 6, removed: 0, inserted: 'brave ' });
    expect(textDiff('abcdef', 'abXYef')).toEqual({ start: 2, removed: 2, inserted: 'XY' });
    expect(textDiff('same', 'same')).toEqual({ start: 4, removed: 0, inserted: '' });
    expect(textDiff('', 'new')).toEqual({ start: 0, removed: 0, inserted: 'new' });
    expect(textDiff('aaa', 'aa')).toEqual({ start: 2, removed: 1, inserted: '' });
  });

  it('never splits a surrogate pair', () => {
    // 😀 and 😃 share their high surrogate: a naive prefix would end inside the pair.
    const d = textDiff('x😀y', 'x😃y');
    expect(d).toEqual({ start: 1, removed: 2, inserted: '😃' });
  });
});

describe('replaceTextUpdate', () => {
  it('turns the current text into the target, as an update another replica can apply', () => {
    const server = docWith('# Title\n\nfirst line\nsecond line\n');
    const replica = loadDoc([stateOf(server)]);
    const update = replaceTextUpdate(server, '# Title\n\nonly line\n');
    expect(update).not.toBeNull();
    expect(textOf(server)).toBe('# Title\n\nonly line\n');
    Y.applyUpdate(replica, update!);
    expect(textOf(replica)).toBe('# Title\n\nonly line\n');
  });

  it('returns null when nothing changes', () => {
    expect(replaceTextUpdate(docWith('same'), 'same')).toBeNull();
  });

  it('keeps a concurrent edit outside the replaced range', () => {
    const server = docWith('keep this. change this.');
    const editor = loadDoc([stateOf(server)]);
    const before = Y.encodeStateVector(editor);
    editor.getText(CONTENT).insert(0, 'NEW ');
    const edit = Y.encodeStateAsUpdate(editor, before);
    const restore = replaceTextUpdate(server, 'keep this. restored.')!;
    Y.applyUpdate(server, edit);
    Y.applyUpdate(editor, restore);
    expect(textOf(server)).toBe('NEW keep this. restored.');
    expect(textOf(editor)).toBe(textOf(server));
  });
});

describe('applyChecked', () => {
  it('applies a real update', () => {
    const doc = docWith('abc');
    const other = loadDoc([stateOf(doc)]);
    const sv = Y.encodeStateVector(other);
    other.getText(CONTENT).insert(3, 'd');
    applyChecked(doc, Y.encodeStateAsUpdate(other, sv));
    expect(textOf(doc)).toBe('abcd');
  });

  it('refuses bytes that are not a Yjs update', () => {
    for (let i = 0; i < 50; i++) expect(() => applyChecked(new Y.Doc(), randomBytes(1 + i))).toThrow(/not a Yjs update/);
    expect(() => applyChecked(new Y.Doc(), new Uint8Array())).toThrow(/empty/);
  });

  it('refuses an update built on changes the server never got', () => {
    const client = new Y.Doc();
    client.getText(CONTENT).insert(0, 'first');
    const sv = Y.encodeStateVector(client);
    client.getText(CONTENT).insert(5, ' second');
    const onlySecond = Y.encodeStateAsUpdate(client, sv);
    expect(() => applyChecked(new Y.Doc(), onlySecond)).toThrow(/does not have/);
  });
});

it('base64 round-trips bytes', () => {
  const b = new Uint8Array(randomBytes(100));
  expect(fromBase64(toBase64(b))).toEqual(b);
  expect(toBase64(b.subarray(10, 20))).toBe(Buffer.from(b.subarray(10, 20)).toString('base64'));
});
