'use client';
import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { History, RotateCcw, Save } from 'lucide-react';
import {
  Badge,
  Button,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  Input,
  Sheet,
  SheetBody,
  SheetContent,
  SheetDescription,
  SheetHeader,
  SheetTitle,
  Skeleton,
  cn,
  toast,
} from '@racine/ui';
import { Markdown } from '~/features/catalog/markdown';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import type { VersionRow } from './types';

/**
 * The document's versions, newest first: preview one, restore it (a new
 * edit every open editor receives live, after a confirm), or save the
 * current text as a new version.
 */
export function HistorySheet({ documentId, canEdit, open, onOpenChange }: { documentId: string; canEdit: boolean; open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const versions = useQuery({ ...trpc.document.versions.queryOptions({ documentId }), enabled: open });
  const [selected, setSelected] = React.useState<string | null>(null);
  const [confirming, setConfirming] = React.useState<VersionRow | null>(null);
  const [label, setLabel] = React.useState('');
  const current = selected ?? versions.data?.[0]?.id ?? null;
  const preview = useQuery({ ...trpc.document.version.queryOptions({ documentId, versionId: current ?? '' }), enabled: open && current !== null });

  const save = useMutation(
    trpc.document.saveVersion.mutationOptions({
      onSuccess: async (v) => {
        toast.success(`Saved as version ${v.number}`);
        setLabel('');
        setSelected(v.id);
        await queryClient.invalidateQueries(trpc.document.versions.queryFilter({ documentId }));
      },
      onError: (error) => toast.fromError(error, 'Could not save a version'),
    }),
  );
  const restore = useMutation(
    trpc.document.restore.mutationOptions({
      onSuccess: (r) => {
        toast.success(r.changed ? `Restored version ${r.restored}: everyone editing sees it now` : `The text already matches version ${r.restored}`);
        setConfirming(null);
        onOpenChange(false);
      },
      onError: (error) => toast.fromError(error, 'Could not restore the version'),
    }),
  );

  return (
    <Sheet open={open} onOpenChange={onOpenChange}>
      <SheetContent className="sm:max-w-2xl" data-testid="history-sheet">
        <SheetHeader>
          <SheetTitle>History</SheetTitle>
          <SheetDescription>Saved versions of this document. Restoring one replaces the text for everyone, as a new edit; nothing after it is lost from the log.</SheetDescription>
        </SheetHeader>
        <SheetBody className="grid content-start gap-4">
          {canEdit ? (
            <form
              className="flex gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                save.mutate({ documentId, ...(label.trim() ? { label: label.trim() } : {}) });
              }}
            >
              <Input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="Label (optional), e.g. Reviewed by ops" maxLength={120} aria-label="Version label" />
              <Button type="submit" disabled={save.isPending} data-testid="history-save-version">
                <Save />
                Save version
              </Button>
            </form>
          ) : null}
          {versions.isPending ? (
            <div className="grid gap-2">
              {Array.from({ length: 3 }, (_, i) => (
                <Skeleton key={i} className="h-12" />
              ))}
            </div>
          ) : versions.isError ? (
            <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
          ) : versions.data.length === 0 ? (
            <EmptyState icon={<History />} title="No versions yet" description="Save a version to keep the text as it is now; you can restore it later." />
          ) : (
            <div className="grid gap-4 md:grid-cols-[14rem_minmax(0,1fr)]">
              <ul className="grid content-start gap-1" aria-label="Versions">
                {versions.data.map((v) => (
                  <li key={v.id}>
                    <button
                      type="button"
                      onClick={() => setSelected(v.id)}
                      className={cn('w-full rounded-md border px-3 py-2 text-left text-sm hover:bg-accent', current === v.id && 'border-primary bg-accent')}
                      data-testid="version-item"
                      data-number={v.number}
                    >
                      <span className="flex items-center gap-2">
                        <Badge variant="outline">v{v.number}</Badge>
                        <span className="truncate font-medium">{v.label || 'Untitled version'}</span>
                      </span>
                      <span className="mt-1 block text-xs text-muted-foreground" title={formatDateTime(v.createdAt)}>
                        {v.createdByName ?? 'Someone'} · {formatRelative(v.createdAt)}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              <div className="min-w-0 rounded-md border bg-card p-3">
                {preview.isPending ? (
                  <Skeleton className="h-40" />
                ) : preview.isError ? (
                  <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
                ) : (
                  <div className="grid gap-3">
                    <div className="flex items-center justify-between gap-2">
                      <span className="text-sm font-medium">Version {preview.data.number}</span>
                      {canEdit ? (
                        <Button size="sm" variant="outline" onClick={() => setConfirming(versions.data.find((v) => v.id === preview.data.id) ?? null)} data-testid="restore-version">
                          <RotateCcw />
                          Restore
                        </Button>
                      ) : null}
                    </div>
                    {preview.data.text.trim() ? <Markdown>{preview.data.text}</Markdown> : <p className="text-sm text-muted-foreground">This version was empty.</p>}
                  </div>
                )}
              </div>
            </div>
          )}
        </SheetBody>
      </SheetContent>
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(o) => !o && setConfirming(null)}
        title={`Restore version ${confirming?.number ?? ''}?`}
        description="The document's text becomes this version's for everyone editing it. Edits since stay in the history and can be saved as a version first."
        confirmLabel="Restore"
        pending={restore.isPending}
        onConfirm={() => confirming && restore.mutateAsync({ documentId, versionId: confirming.id }).catch(() => {})}
      />
    </Sheet>
  );
}
