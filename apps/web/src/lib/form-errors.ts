import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { TRPCClientError } from '@trpc/client';

/**
 * Puts the server's per-field messages (zod issues, or an AppError naming a
 * `field`) under the matching inputs. Returns false when there was none, so
 * the caller shows a toast instead.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data = error.data as
    | {
        zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null;
        details?: { field?: unknown } | null;
      }
    | undefined;
  let applied = false;
  for (const [field, messages] of Object.entries(data?.zodError?.fieldErrors ?? {})) {
    if (messages?.[0]) {
      setError(field as Path<T>, { message: messages[0] });
      applied = true;
    }
  }
  const field = data?.details?.field;
  if (typeof field === 'string') {
    setError(field as Path<T>, { message: error.message });
    applied = true;
  }
  return applied;
}
