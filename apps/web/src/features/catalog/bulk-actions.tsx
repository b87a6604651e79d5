'use client';
import * as React from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BadgeCheck, Tags, TriangleAlert } from 'lucide-react';
import {
  Button,
  ConfirmDialog,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Field,
  TagInput,
  toast,
} from '@racine/ui';
import { normalizeTags } from '@racine/services/catalog/tags';
import { useTRPC } from '~/trpc/react';
import { type PickedPrincipal, PrincipalPicker } from './principal-picker';

type BulkChange = {
  addTags?: string[];
  removeTags?: string[];
  certification?: 'certified' | 'deprecated' | 'draft';
  addOwner?: { type: 'user' | 'team'; id: string };
};

const plural = (n: number) => (n === 1 ? '1 asset' : `${n} assets`);

/** What the selected results can have done to them at once, each behind a confirmation. */
export function BulkActions({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pending, setPending] = React.useState<{ change: BulkChange; summary: string } | null>(
    null,
  );
  const [tagsOpen, setTagsOpen] = React.useState(false);
  const [addTags, setAddTags] = React.useState<string[]>([]);
  const [removeTags, setRemoveTags] = React.useState<string[]>([]);
  const update = useMutation(
    trpc.catalog.bulkUpdate.mutationOptions({
      onSuccess: async (result) => {
        toast.success(`${plural(result.updated)} updated`);
        setPending(null);
        setAddTags([]);
        setRemoveTags([]);
        onDone();
        await queryClient.invalidateQueries(trpc.catalog.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not update the selected assets'),
    }),
  );
  const confirm = (change: BulkChange, summary: string) => setPending({ change, summary });
  const owner = (p: PickedPrincipal) =>
    confirm(
      { addOwner: { type: p.type, id: p.id } },
      `Add ${p.name}${p.type === 'team' ? ' (team)' : ''} as an owner of ${plural(ids.length)}?`,
    );

  return (
    <div
      className="flex flex-wrap items-center gap-2 rounded-md border border-primary/30 bg-primary/5 px-3 py-2 text-sm"
      data-testid="bulk-bar"
    >
      <span className="font-medium">{ids.length} selected</span>
      <Button size="sm" variant="outline" onClick={() => setTagsOpen(true)} data-testid="bulk-tags">
        <Tags />
        Tags…
      </Button>
      <Button
        size="sm"
        variant="outline"
        onClick={() => confirm({ certification: 'certified' }, `Certify ${plural(ids.length)}?`)}
        data-testid="bulk-certify"
      >
        <BadgeCheck />
        Certify
      </Button>
      <Button
        size="sm"
        variant="outline"
        onClick={() =>
          confirm(
            { certification: 'deprecated' },
            `Mark ${plural(ids.length)} as deprecated? People searching will see the warning.`,
          )
        }
        data-testid="bulk-deprecate"
      >
        <TriangleAlert />
        Deprecate
      </Button>
      <PrincipalPicker label="Assign owner" onPick={owner} testId="bulk-owner" />
      <Button size="sm" variant="ghost" onClick={onDone}>
        Clear selection
      </Button>

      <Dialog open={tagsOpen} onOpenChange={setTagsOpen}>
        <DialogContent data-testid="bulk-tags-dialog">
          <DialogHeader>
            <DialogTitle>Tags on {plural(ids.length)}</DialogTitle>
            <DialogDescription>
              Added tags join the ones each asset has; removed tags go where present.
            </DialogDescription>
          </DialogHeader>
          <Field label="Add tags" htmlFor="bulk-add-tags" hint="Enter or comma after each tag">
            <TagInput
              id="bulk-add-tags"
              aria-label="Tags to add"
              value={addTags}
              onChange={(t) => setAddTags(normalizeTags(t))}
              placeholder="masked, retention:7y"
            />
          </Field>
          <Field label="Remove tags" htmlFor="bulk-remove-tags">
            <TagInput
              id="bulk-remove-tags"
              aria-label="Tags to remove"
              value={removeTags}
              onChange={(t) => setRemoveTags(normalizeTags(t))}
            />
          </Field>
          <DialogFooter>
            <Button variant="outline" onClick={() => setTagsOpen(false)}>
              Cancel
            </Button>
            <Button
              disabled={!addTags.length && !removeTags.length}
              onClick={() => {
                setTagsOpen(false);
                const parts = [
                  addTags.length ? `add ${addTags.map((t) => `#${t}`).join(' ')}` : '',
                  removeTags.length ? `remove ${removeTags.map((t) => `#${t}`).join(' ')}` : '',
                ].filter(Boolean);
                confirm(
                  {
                    ...(addTags.length ? { addTags } : {}),
                    ...(removeTags.length ? { removeTags } : {}),
                  },
                  `On ${plural(ids.length)}: ${parts.join(' and ')}?`,
                );
              }}
            >
              Continue
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>

      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(open) => !open && setPending(null)}
        title="Change the selected assets"
        description={pending?.summary}
        confirmLabel="Apply"
        pending={update.isPending}
        onConfirm={() => pending && update.mutate({ ids, ...pending.change })}
      />
    </div>
  );
}
