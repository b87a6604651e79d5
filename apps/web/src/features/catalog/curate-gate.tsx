'use client';
import * as React from 'react';
import { Tooltip } from '@racine/ui';

export const CANNOT_CURATE = 'You need catalog.curate on this data source to change it';

/**
 * Wraps a control that needs catalog.curate. When the caller lacks it the
 * control is rendered disabled (by the caller) and hovering says why; the
 * server refuses the change anyway.
 */
export function CurateGate({
  canCurate,
  children,
}: {
  canCurate: boolean;
  children: React.ReactElement;
}) {
  if (canCurate) return children;
  return (
    <Tooltip content={CANNOT_CURATE}>
      <span className="inline-flex w-fit cursor-not-allowed" tabIndex={0}>
        {children}
      </span>
    </Tooltip>
  );
}
