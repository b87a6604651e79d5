'use client';
import * as React from 'react';
import { MessageSquareReply, MoreHorizontal, Pencil, SmilePlus, Trash2 } from 'lucide-react';
import {
  Avatar,
  Button,
  cn,
  ConfirmDialog,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
  Popover,
  PopoverContent,
  PopoverTrigger,
} from '@racine/ui';
import { formatDateTime, formatRelative } from '~/lib/format';
import { CommentMarkdown } from './comment-markdown';
import { MentionComposer } from './mention-composer';
import type { ResourceProps } from './types';
import type { CommentView, useCommentThread } from './use-comment-thread';

export const REACTIONS = ['👍', '🎉', '❤️', '👀', '✅', '❓'] as const;
type Reaction = (typeof REACTIONS)[number];

type Thread = ReturnType<typeof useCommentThread>;

function Reactions({ comment, thread }: { comment: CommentView; thread: Thread }) {
  const toggle = (emoji: string, mine: boolean) =>
    (mine ? thread.unreact : thread.react).mutate({
      commentId: comment.id,
      emoji: emoji as Reaction,
    });
  return (
    <div className="flex flex-wrap items-center gap-1" data-testid="comment-reactions">
      {comment.reactions.map((r) => (
        <button
          key={r.emoji}
          type="button"
          onClick={() => toggle(r.emoji, r.mine)}
          aria-pressed={r.mine}
          aria-label={`${r.emoji} ${r.count}${r.mine ? ', yours' : ''}`}
          className={cn(
            'inline-flex h-6 items-center gap-1 rounded-full border px-2 text-xs',
            r.mine ? 'border-primary/50 bg-primary/10 text-primary' : 'bg-card hover:bg-accent',
          )}
          data-testid="reaction"
          data-emoji={r.emoji}
        >
          <span>{r.emoji}</span>
          <span>{r.count}</span>
        </button>
      ))}
      <Popover>
        <PopoverTrigger asChild>
          <Button
            variant="ghost"
            size="icon-sm"
            className="size-6 text-muted-foreground"
            aria-label="Add a reaction"
            data-testid="add-reaction"
          >
            <SmilePlus className="size-3.5" />
          </Button>
        </PopoverTrigger>
        <PopoverContent className="flex w-auto gap-1 p-1" align="start">
          {REACTIONS.map((emoji) => {
            const mine = comment.reactions.some((r) => r.emoji === emoji && r.mine);
            return (
              <button
                key={emoji}
                type="button"
                className={cn('rounded p-1.5 text-base hover:bg-accent', mine && 'bg-primary/10')}
                onClick={() => toggle(emoji, mine)}
                aria-label={`React ${emoji}`}
                data-testid="reaction-choice"
              >
                {emoji}
              </button>
            );
          })}
        </PopoverContent>
      </Popover>
    </div>
  );
}

/** One comment: author, when, body (or "comment deleted"), reactions, and what the caller may do with it. */
export function CommentItem({
  comment,
  thread,
  resource,
  names,
  onReply,
  highlighted,
}: {
  comment: CommentView;
  thread: Thread;
  resource: ResourceProps;
  names: ReadonlyMap<string, string>;
  onReply?: () => void;
  highlighted?: boolean;
}) {
  const [editing, setEditing] = React.useState(false);
  const [confirming, setConfirming] = React.useState(false);
  return (
    <div
      id={`comment-${comment.id}`}
      className={cn(
        'flex scroll-mt-24 gap-3 rounded-md p-2 transition-colors',
        highlighted && 'bg-primary/5 ring-1 ring-primary/30',
      )}
      data-testid="comment"
      data-comment-id={comment.id}
      data-author={comment.author.name}
    >
      <Avatar name={comment.author.name} className="mt-0.5 size-7" />
      <div className="grid min-w-0 flex-1 gap-1">
        <div className="flex items-center gap-2 text-xs">
          <span className="text-sm font-medium">{comment.author.name}</span>
          <span className="text-muted-foreground" title={formatDateTime(comment.createdAt)}>
            {formatRelative(comment.createdAt)}
          </span>
          {comment.editedAt ? (
            <span
              className="text-muted-foreground"
              title={`Edited ${formatDateTime(comment.editedAt)}`}
            >
              (edited)
            </span>
          ) : null}
          {comment.canEdit || comment.canDelete ? (
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button
                  variant="ghost"
                  size="icon-sm"
                  className="ml-auto size-6 text-muted-foreground"
                  aria-label="Comment actions"
                  data-testid="comment-actions"
                >
                  <MoreHorizontal className="size-3.5" />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                {comment.canEdit ? (
                  <DropdownMenuItem onSelect={() => setEditing(true)}>
                    <Pencil /> Edit
                  </DropdownMenuItem>
                ) : null}
                {comment.canDelete ? (
                  <DropdownMenuItem
                    className="text-destructive"
                    onSelect={() => setConfirming(true)}
                  >
                    <Trash2 /> Delete
                  </DropdownMenuItem>
                ) : null}
              </DropdownMenuContent>
            </DropdownMenu>
          ) : null}
        </div>
        {editing ? (
          <MentionComposer
            {...resource}
            initial={comment.body}
            submitLabel="Save"
            autoFocus
            pending={thread.update.isPending}
            testId="comment-editor"
            onCancel={() => setEditing(false)}
            onSubmit={async (body) => {
              await thread.update.mutateAsync({ id: comment.id, body });
              setEditing(false);
            }}
          />
        ) : comment.deleted ? (
          <p className="text-sm text-muted-foreground italic" data-testid="comment-body">
            {comment.body}
          </p>
        ) : (
          <CommentMarkdown body={comment.body} names={names} />
        )}
        {!comment.deleted && !editing ? (
          <div className="flex items-center gap-2">
            <Reactions comment={comment} thread={thread} />
            {onReply ? (
              <Button
                variant="ghost"
                size="sm"
                className="h-6 px-2 text-xs text-muted-foreground"
                onClick={onReply}
                data-testid="comment-reply"
              >
                <MessageSquareReply className="size-3.5" /> Reply
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Delete this comment?"
        description="Its text is removed for everyone; replies to it stay."
        confirmLabel="Delete"
        destructive
        onConfirm={() => thread.remove.mutate({ id: comment.id })}
      />
    </div>
  );
}
