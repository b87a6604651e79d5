'use client';
import { ShieldAlert, ShieldCheck, X } from 'lucide-react';
import { Button, cn } from '@racine/ui';
import type { RouterOutputs } from '~/trpc/types';

type VerifyResult = RouterOutputs['activity']['verifyChain'];

export function VerifyPanel({
  result,
  onDismiss,
}: {
  result: VerifyResult;
  onDismiss: () => void;
}) {
  return (
    <div
      role="status"
      data-testid="verify-result"
      data-ok={result.ok}
      className={cn(
        'flex items-start gap-3 rounded-lg border p-4 text-sm',
        result.ok ? 'border-success/40 bg-success/8' : 'border-destructive/40 bg-destructive/8',
      )}
    >
      {result.ok ? (
        <ShieldCheck className="mt-0.5 size-5 shrink-0 text-success" />
      ) : (
        <ShieldAlert className="mt-0.5 size-5 shrink-0 text-destructive" />
      )}
      <div className="grid flex-1 gap-1">
        <p className="font-medium">
          {result.ok ? 'The activity log is intact.' : 'The activity log has been tampered with.'}
        </p>
        <p className="text-muted-foreground">
          {result.checked} events checked
          {result.headId ? ` up to #${result.headId}` : ''} in {Math.round(result.durationMs)} ms.
          {result.firstBroken ? (
            <>
              {' '}
              First broken link:{' '}
              <strong className="text-destructive">event #{result.firstBroken.id}</strong> —{' '}
              {result.firstBroken.reason}.
            </>
          ) : null}
        </p>
      </div>
      <Button variant="ghost" size="icon-sm" aria-label="Dismiss" onClick={onDismiss}>
        <X />
      </Button>
    </div>
  );
}
