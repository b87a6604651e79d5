'use client';
import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Check, MessagesSquare, Pencil, Trash2, X } from 'lucide-react';
import {
  Button,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  Input,
  Skeleton,
  cn,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { formatRelative } from '~/lib/format';

/** Your conversations, newest first: continue one, rename it in place, delete it. */
export function ConversationList({
  selectedId,
  onSelect,
}: {
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}) {
  const trpc = useTRPC();
  const list = useQuery(trpc.ai.conversations.queryOptions());
  const [deleting, setDeleting] = React.useState<{ id: string; title: string } | null>(null);
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.ai.deleteConversation.mutationOptions({
      onSuccess: (_r, input) => {
        toast.success('Conversation deleted');
        setDeleting(null);
        if (input.id === selectedId) onSelect(null);
        void queryClient.invalidateQueries(trpc.ai.conversations.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not delete the conversation'),
    }),
  );

  if (list.isPending)
    return (
      <div className="grid gap-2 p-2" aria-busy="true">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-11" />
        ))}
      </div>
    );
  if (list.isError)
    return (
      <ErrorState
        title="Could not load conversations"
        error={list.error}
        onRetry={() => void list.refetch()}
      />
    );
  const items = list.data.items;
  if (!items.length)
    return (
      <EmptyState
        icon={<MessagesSquare />}
        title="No conversations yet"
        description="Your questions and their answers are kept here."
        className="py-8"
      />
    );
  return (
    <>
      <ul className="grid gap-0.5 p-1.5" data-testid="conversation-list">
        {items.map((c) => (
          <ConversationRow
            key={c.id}
            conversation={c}
            selected={c.id === selectedId}
            onSelect={() => onSelect(c.id)}
            onDelete={() => setDeleting({ id: c.id, title: c.title })}
          />
        ))}
      </ul>
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(open) => !open && setDeleting(null)}
        title="Delete this conversation?"
        description={
          deleting ? `“${deleting.title}” and its answers are deleted for good.` : undefined
        }
        confirmLabel="Delete"
        destructive
        pending={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      />
    </>
  );
}

function ConversationRow({
  conversation,
  selected,
  onSelect,
  onDelete,
}: {
  conversation: { id: string; title: string; updatedAt: Date | string };
  selected: boolean;
  onSelect: () => void;
  onDelete: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = React.useState(false);
  const [title, setTitle] = React.useState(conversation.title);
  const rename = useMutation(
    trpc.ai.renameConversation.mutationOptions({
      onSuccess: () => {
        toast.success('Renamed');
        setEditing(false);
        void queryClient.invalidateQueries(trpc.ai.conversations.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not rename the conversation'),
    }),
  );
  const save = () => {
    const next = title.trim();
    if (!next || next === conversation.title) return setEditing(false);
    rename.mutate({ id: conversation.id, title: next });
  };

  if (editing)
    return (
      <li
        className="flex items-center gap-1 rounded-md bg-accent/60 p-1"
        data-testid="conversation-row"
        data-editing
      >
        <Input
          autoFocus
          value={title}
          maxLength={200}
          aria-label="Conversation title"
          onChange={(e) => setTitle(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
            if (e.key === 'Escape') setEditing(false);
          }}
          className="h-8 text-sm"
          data-testid="conversation-title-input"
        />
        <Button
          size="icon-sm"
          variant="ghost"
          aria-label="Save title"
          disabled={rename.isPending}
          onClick={save}
        >
          <Check />
        </Button>
        <Button
          size="icon-sm"
          variant="ghost"
          aria-label="Cancel"
          onClick={() => setEditing(false)}
        >
          <X />
        </Button>
      </li>
    );
  return (
    <li
      className={cn(
        'group flex items-center gap-1 rounded-md pr-1 hover:bg-accent/60',
        selected && 'bg-accent',
      )}
      data-testid="conversation-row"
      data-id={conversation.id}
      data-selected={selected || undefined}
    >
      <button
        type="button"
        onClick={onSelect}
        className="grid min-w-0 flex-1 cursor-pointer gap-0.5 px-2.5 py-2 text-left outline-none focus-visible:ring-2 focus-visible:ring-ring/40 rounded-md"
      >
        <span className="truncate text-sm font-medium" data-testid="conversation-title">
          {conversation.title}
        </span>
        <span className="text-xs text-muted-foreground">
          {formatRelative(conversation.updatedAt)}
        </span>
      </button>
      <Button
        size="icon-sm"
        variant="ghost"
        aria-label={`Rename ${conversation.title}`}
        className="opacity-0 group-hover:opacity-100 group-data-[selected]:opacity-100 focus-visible:opacity-100"
        onClick={() => {
          setTitle(conversation.title);
          setEditing(true);
        }}
        data-testid="conversation-rename"
      >
        <Pencil />
      </Button>
      <Button
        size="icon-sm"
        variant="ghost"
        aria-label={`Delete ${conversation.title}`}
        className="opacity-0 group-hover:opacity-100 group-data-[selected]:opacity-100 focus-visible:opacity-100"
        onClick={onDelete}
        data-testid="conversation-delete"
      >
        <Trash2 />
      </Button>
    </li>
  );
}
