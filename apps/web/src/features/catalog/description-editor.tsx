'use client';
import * as React from 'react';
import { Pencil } from 'lucide-react';
import {
  Button,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  Spinner,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
  Textarea,
} from '@racine/ui';
import { CurateGate } from './curate-gate';
import { Markdown } from './markdown';

const MAX = 20_000;

/** A markdown description: read rendered; edit in a textarea with a preview tab. */
export function DescriptionEditor({
  value,
  fallback,
  canCurate,
  saving,
  onSave,
}: {
  value: string;
  /** Shown when nobody wrote a description (e.g. the database's own column comment). */
  fallback?: string | null;
  canCurate: boolean;
  saving: boolean;
  onSave: (next: string) => Promise<unknown>;
}) {
  const [editing, setEditing] = React.useState(false);
  const [draft, setDraft] = React.useState(value);
  React.useEffect(() => {
    if (!editing) setDraft(value);
  }, [value, editing]);
  const save = async () => {
    await onSave(draft);
    setEditing(false);
  };
  return (
    <Card data-testid="asset-description">
      <CardHeader className="flex-row items-center justify-between gap-2">
        <CardTitle>Description</CardTitle>
        {editing ? null : (
          <CurateGate canCurate={canCurate}>
            <Button
              size="sm"
              variant="outline"
              disabled={!canCurate}
              onClick={() => setEditing(true)}
              data-testid="edit-description"
            >
              <Pencil />
              Edit
            </Button>
          </CurateGate>
        )}
      </CardHeader>
      <CardContent>
        {editing ? (
          <div className="grid gap-2">
            <Tabs defaultValue="write">
              <TabsList>
                <TabsTrigger value="write">Write</TabsTrigger>
                <TabsTrigger value="preview">Preview</TabsTrigger>
              </TabsList>
              <TabsContent value="write">
                <Textarea
                  aria-label="Description (markdown)"
                  data-testid="description-input"
                  rows={8}
                  autoFocus
                  value={draft}
                  maxLength={MAX}
                  onChange={(e) => setDraft(e.target.value)}
                  placeholder="What is in it, where it comes from, who uses it. Markdown works: **bold**, lists, `code`, [links](https://…)."
                  className="font-mono text-xs"
                />
              </TabsContent>
              <TabsContent value="preview">
                <div className="min-h-32 rounded-md border p-3">
                  {draft.trim() ? (
                    <Markdown>{draft}</Markdown>
                  ) : (
                    <p className="text-sm text-muted-foreground">Nothing to preview.</p>
                  )}
                </div>
              </TabsContent>
            </Tabs>
            <div className="flex items-center justify-between gap-2">
              <span className="text-xs text-muted-foreground tabular-nums">
                {draft.length.toLocaleString()} / {MAX.toLocaleString()}
              </span>
              <div className="flex gap-2">
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => setEditing(false)}
                  disabled={saving}
                >
                  Cancel
                </Button>
                <Button
                  size="sm"
                  onClick={() => void save().catch(() => undefined)}
                  disabled={saving || draft === value}
                  data-testid="asset-save"
                >
                  {saving ? <Spinner /> : null}
                  Save
                </Button>
              </div>
            </div>
          </div>
        ) : value.trim() ? (
          <Markdown>{value}</Markdown>
        ) : fallback ? (
          <div className="grid gap-1">
            <p className="text-sm">{fallback}</p>
            <p className="text-xs text-muted-foreground">From the database’s own comment.</p>
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">
            No description yet.{' '}
            {canCurate ? 'Say what it holds and who relies on it.' : null}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
