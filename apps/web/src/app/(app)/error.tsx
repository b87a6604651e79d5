'use client';
import { ErrorState } from '@racine/ui';

export default function AppError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <ErrorState title="This page failed to load" error={error} onRetry={reset} className="py-24" />
  );
}
