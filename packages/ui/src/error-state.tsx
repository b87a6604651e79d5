import * as React from 'react';
import { TriangleAlert } from 'lucide-react';
import { cn } from './cn';
import { Button } from './button';

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'Something went wrong';
}

export function ErrorState({
  title = 'Could not load this',
  error,
  onRetry,
  className,
}: {
  title?: React.ReactNode;
  error?: unknown;
  onRetry?: () => void;
  className?: string;
}) {
  return (
    <div
      role="alert"
      data-testid="error-state"
      className={cn(
        'flex flex-col items-center justify-center gap-2 px-6 py-10 text-center',
        className,
      )}
    >
      <div className="mb-1 flex size-10 items-center justify-center rounded-full bg-destructive/10 text-destructive">
        <TriangleAlert className="size-5" />
      </div>
      <p className="text-sm font-medium">{title}</p>
      {error !== undefined ? (
        <p className="max-w-md text-sm text-muted-foreground">{errorMessage(error)}</p>
      ) : null}
      {onRetry ? (
        <Button variant="outline" size="sm" className="mt-2" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}
