'use client';
import { Badge, type BadgeProps } from '@racine/ui';

export type GuestStatus = 'pending' | 'active' | 'expired' | 'revoked';

const variants: Record<GuestStatus, NonNullable<BadgeProps['variant']>> = {
  pending: 'warning',
  active: 'success',
  expired: 'secondary',
  revoked: 'destructive',
};

const labels: Record<GuestStatus, string> = {
  pending: 'Invited',
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
};

export const guestStatusOptions = (Object.keys(labels) as GuestStatus[]).map((value) => ({
  value,
  label: labels[value],
}));

export function GuestStatusBadge({ status }: { status: GuestStatus }) {
  return (
    <Badge variant={variants[status]} data-testid="guest-status" data-status={status}>
      {labels[status]}
    </Badge>
  );
}
