'use client';
import * as React from 'react';
import {
  Button,
  Card,
  CardContent,
  Field,
  Input,
  Spinner,
  TagInput,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
  Textarea,
} from '@racine/ui';
import { Markdown } from '~/features/catalog/markdown';
import type { Article } from './types';

export interface ArticleDraft {
  title: string;
  body: string;
  tags: string[];
}

/** Title, tags and markdown body, with a preview rendered exactly as readers will see it. */
export function ArticleEditor({
  article,
  saving,
  onSave,
  onCancel,
}: {
  article: Article;
  saving: boolean;
  onSave: (draft: ArticleDraft) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = React.useState(article.title);
  const [body, setBody] = React.useState(article.body);
  const [tags, setTags] = React.useState<string[]>(article.tags);
  const tooShort = title.trim().length < 3;
  const dirty = title !== article.title || body !== article.body || tags.join() !== article.tags.join();
  return (
    <Card>
      <CardContent className="grid gap-4 pt-6">
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (!tooShort) onSave({ title: title.trim(), body, tags });
          }}
        >
          <Field label="Title" htmlFor="article-edit-title" error={tooShort ? 'A title needs at least 3 characters' : undefined}>
            <Input id="article-edit-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} data-testid="article-edit-title" />
          </Field>
          <Field label="Tags" hint="Lowercase words without spaces, e.g. pci, runbook">
            <TagInput value={tags} onChange={(next) => setTags(next.map((t) => t.toLowerCase().replace(/\s+/g, '-')))} placeholder="Add a tag…" aria-label="Tags" />
          </Field>
          <Tabs defaultValue="write">
            <TabsList>
              <TabsTrigger value="write">Write</TabsTrigger>
              <TabsTrigger value="preview" data-testid="article-preview-tab">
                Preview
              </TabsTrigger>
            </TabsList>
            <TabsContent value="write">
              <Textarea
                aria-label="Article body (markdown)"
                className="min-h-80 font-mono text-sm"
                value={body}
                onChange={(e) => setBody(e.target.value)}
                placeholder={'## When to use this\n\nSteps, decisions, links. Markdown works: **bold**, lists, `code`, [links](https://…).'}
                data-testid="article-body-input"
              />
            </TabsContent>
            <TabsContent value="preview">
              <div className="min-h-80 rounded-md border p-4">
                {body.trim() ? <Markdown>{body}</Markdown> : <p className="text-sm text-muted-foreground">Nothing to preview yet.</p>}
              </div>
            </TabsContent>
          </Tabs>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" disabled={tooShort || !dirty || saving} data-testid="save-article">
              {saving ? <Spinner /> : null}
              Save
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
