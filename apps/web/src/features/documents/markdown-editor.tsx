'use client';
import * as React from 'react';
import { EditorView, basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { markdown } from '@codemirror/lang-markdown';
import { yCollab } from 'y-codemirror.next';
import type * as Y from 'yjs';

/** Colours from the theme tokens, so light and dark both work. */
const theme = EditorView.theme({
  '&': { color: 'var(--color-foreground)', backgroundColor: 'transparent', fontSize: '0.875rem' },
  '.cm-content': { fontFamily: 'var(--font-mono, ui-monospace, monospace)', caretColor: 'var(--color-foreground)', padding: '12px 0' },
  '.cm-gutters': { backgroundColor: 'transparent', color: 'var(--color-muted-foreground)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in oklab, var(--color-muted) 50%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent' },
  '&.cm-focused': { outline: 'none' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--color-foreground)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection': { backgroundColor: 'color-mix(in oklab, var(--color-primary) 25%, transparent) !important' },
  '.cm-scroller': { minHeight: '24rem' },
});

/**
 * CodeMirror 6 bound to a Y.Text: typing changes the Y.Text (which the sync
 * hook sends), and remote updates applied to it show up live, cursors kept.
 */
export function MarkdownEditor({ text, readOnly, label }: { text: Y.Text; readOnly: boolean; label: string }) {
  const host = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (!host.current) return;
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: text.toString(),
        extensions: [
          basicSetup,
          markdown(),
          EditorView.lineWrapping,
          theme,
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'document-editor-content' }),
          yCollab(text, null),
        ],
      }),
    });
    return () => view.destroy();
  }, [text, readOnly, label]);
  return <div ref={host} className="min-h-96 rounded-md border bg-card px-1" data-testid="document-editor" />;
}
