'use client';
import * as React from 'react';
import { Card, CardContent, CardHeader, CardTitle, Spinner, TagInput } from '@racine/ui';
import { invalidTags, normalizeTags } from '@racine/services/catalog/tags';
import { CANNOT_CURATE } from './curate-gate';

/**
 * The asset's tags, saved as soon as one is added or removed (no separate
 * save step: a tag is a one-word decision). Invalid tags are named, not sent.
 */
export function TagsCard({
  tags,
  canCurate,
  saving,
  onSave,
}: {
  tags: readonly string[];
  canCurate: boolean;
  saving: boolean;
  onSave: (next: string[]) => void;
}) {
  const [error, setError] = React.useState<string | null>(null);
  const change = (raw: string[]) => {
    const next = normalizeTags(raw);
    const bad = invalidTags(next);
    if (bad.length) {
      setError(
        `${bad.map((t) => `“${t}”`).join(', ')}: tags are letters, digits and _ : . - * and start with a letter or digit`,
      );
      return;
    }
    setError(null);
    if (next.join('\u0000') !== tags.join('\u0000')) onSave(next);
  };
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between">
        <CardTitle>Tags</CardTitle>
        {saving ? <Spinner className="size-4" /> : null}
      </CardHeader>
      <CardContent className="grid gap-1.5">
        <TagInput
          data-testid="asset-tags"
          aria-label="Tags"
          value={tags}
          onChange={change}
          disabled={!canCurate}
          invalid={!!error}
          placeholder={canCurate ? 'Add a tag, e.g. masked' : 'No tags'}
        />
        {error ? (
          <p role="alert" className="text-xs text-destructive">
            {error}
          </p>
        ) : (
          <p className="text-xs text-muted-foreground">
            {canCurate ? 'Enter adds a tag; each change is saved at once.' : CANNOT_CURATE}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
