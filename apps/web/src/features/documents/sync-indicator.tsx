'use client';
import { CloudOff, Loader2, Check, AlertTriangle } from 'lucide-react';
import { cn } from '@racine/ui';
import type { SyncStatus } from './use-document-sync';

/** Saved / Saving… / Offline, reconnecting: whether your edits reached the server and others' reach you. */
export function SyncIndicator({ status, connection, failure }: { status: SyncStatus; connection: 'connecting' | 'live' | 'reconnecting'; failure: string | null }) {
  const offline = status === 'offline' || connection === 'reconnecting';
  const [icon, label] =
    status === 'failed'
      ? [<AlertTriangle key="i" className="size-3.5" />, 'Not saved']
      : offline
        ? [<CloudOff key="i" className="size-3.5" />, 'Offline, reconnecting…']
        : status === 'saving'
          ? [<Loader2 key="i" className="size-3.5 animate-spin" />, 'Saving…']
          : connection === 'connecting'
            ? [<Loader2 key="i" className="size-3.5 animate-spin" />, 'Connecting…']
            : [<Check key="i" className="size-3.5" />, 'Saved'];
  return (
    <span
      className={cn('inline-flex items-center gap-1.5 text-xs', status === 'failed' ? 'text-destructive' : offline ? 'text-warning' : 'text-muted-foreground')}
      role="status"
      aria-live="polite"
      title={failure ?? undefined}
      data-testid="sync-status"
      data-status={status === 'failed' ? 'failed' : offline ? 'offline' : status === 'saving' ? 'saving' : connection === 'connecting' ? 'connecting' : 'saved'}
    >
      {icon}
      {label}
    </span>
  );
}
