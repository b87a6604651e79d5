'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Field,
  Input,
  Spinner,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { articleHref } from './types';

/** Names a new draft, then opens it in edit mode. */
export function NewArticleDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [title, setTitle] = React.useState('');
  const create = useMutation(
    trpc.kb.create.mutationOptions({
      onSuccess: async (article) => {
        toast.success(`Draft “${article.title}” created`);
        await queryClient.invalidateQueries(trpc.kb.list.pathFilter());
        onOpenChange(false);
        setTitle('');
        router.push(`${articleHref(article.id)}?edit=1`);
      },
      onError: (error) => toast.fromError(error, 'Could not create the article'),
    }),
  );
  const tooShort = title.trim().length < 3;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="new-article-dialog">
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (!tooShort) create.mutate({ title: title.trim() });
          }}
        >
          <DialogHeader>
            <DialogTitle>New article</DialogTitle>
            <DialogDescription>It starts as a draft that only writers see; publish it when it is ready.</DialogDescription>
          </DialogHeader>
          <Field label="Title" htmlFor="article-title" hint="e.g. “How we mask card numbers”">
            <Input id="article-title" autoFocus value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} data-testid="article-title-input" />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={tooShort || create.isPending} data-testid="create-article">
              {create.isPending ? <Spinner /> : null}
              Create draft
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
