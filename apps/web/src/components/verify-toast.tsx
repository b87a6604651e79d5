'use client';
import { toast } from '@racine/ui';
import type { RouterOutputs } from '~/trpc/types';

type VerifyResult = RouterOutputs['activity']['verifyChain'];

/** The hash-chain check's outcome as a toast: green when intact, red with the first broken event otherwise. */
export function verifyToast(result: VerifyResult) {
  if (result.ok) {
    toast.success('Activity log intact', {
      description: `${result.checked} events checked; the hash chain is unbroken.`,
    });
  } else {
    toast.error('Activity log tampered with', {
      description: result.firstBroken
        ? `Event #${result.firstBroken.id}: ${result.firstBroken.reason}`
        : `${result.checked} events checked; the chain is broken.`,
      duration: 15_000,
    });
  }
}
