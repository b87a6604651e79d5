'use client';
import * as React from 'react';
import { Badge, type BadgeProps } from '@racine/ui';
import { formatDateTime } from '~/lib/format';

export type AccessRequestStatus = 'pending' | 'approved' | 'rejected' | 'cancelled' | 'expired';

const variants: Record<AccessRequestStatus, NonNullable<BadgeProps['variant']>> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'destructive',
  cancelled: 'secondary',
  expired: 'secondary',
};

/** An approved request whose end has passed reads "expired" even before the sweep marks it. */
export function RequestStatusBadge({
  status,
  expiresAt,
}: {
  status: AccessRequestStatus;
  expiresAt: Date | null;
}) {
  const ended = status === 'approved' && !!expiresAt && new Date(expiresAt).getTime() <= Date.now();
  const shown = ended ? 'expired' : status;
  return (
    <Badge variant={variants[shown]} data-testid="request-status" data-status={shown}>
      {shown === 'approved' ? 'active' : shown}
    </Badge>
  );
}

/** "3 h 12 min", "42 s": what is left of a grant. */
export function formatRemaining(ms: number): string {
  if (ms <= 0) return 'ended';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${s % 60} s`;
  return `${s} s`;
}

/** Ticks every second while under an hour is left, else every half minute. */
export function ExpiryCountdown({ expiresAt }: { expiresAt: Date }) {
  const end = new Date(expiresAt).getTime();
  const [now, setNow] = React.useState(() => Date.now());
  const left = end - now;
  React.useEffect(() => {
    if (left <= 0) return;
    const id = setInterval(() => setNow(Date.now()), left < 3_600_000 ? 1_000 : 30_000);
    return () => clearInterval(id);
  }, [left]);
  return (
    <span
      className={left < 3_600_000 ? 'font-medium text-foreground' : 'text-muted-foreground'}
      title={formatDateTime(expiresAt)}
      data-testid="expiry-countdown"
    >
      {left > 0 ? `${formatRemaining(left)} left` : 'ended'}
    </span>
  );
}

/** "1 hour", "7 days", "90 minutes". */
export function formatDuration(minutes: number): string {
  if (minutes % 1_440 === 0) return `${minutes / 1_440} day${minutes === 1_440 ? '' : 's'}`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
